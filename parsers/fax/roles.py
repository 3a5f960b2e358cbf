"""Whose field a label names: a label without a role of its own takes it from the name above it in
its column, or from the name heading its row across the page."""

from __future__ import annotations

import re

from parsers.fax.headed_name import section_title
from parsers.fax.labels import (
    ANCHOR_KINDS,
    BARE_PROVIDER,
    BLOCK_PROVIDER,
    LABEL_FIELDS,
    PATIENT,
    PAYER,
    PROVIDER,
    PROVIDER_ANCHOR,
    SUPPLIER,
    Label,
    LabelHit,
    party_heading,
)
from parsers.fax.model import Segment
from parsers.fax.nearby import same_row
from parsers.fax.synonyms import PART_CAPTION

# '(Last, First)' after a caption: a person's (its bracket as OCR may read it: '[LAST, FIRST)', '{Last')
COLUMN_SHARE = 0.02  # of the page's width: captions this close at their left stand in one column
PERSON_HINT = re.compile(r"\s*[(\[{]\s*(?:last|first)\b", re.IGNORECASE)


def without_unsure_provider(hits: list[LabelHit]) -> list[LabelHit]:
    """The hits, less a bare "Provider's Name" on a page where no label names the physician. One asking
    for a person's name ('PROVIDER NAME (LAST, FIRST)') names a clinician, no company: the orderer's
    name when no caption on the page but a section title names the ordering physician, else no one's
    (whose it is would be a guess)."""
    named = any(_names_orderer(h) for h in hits)
    person = [h for h in hits if h.label is BARE_PROVIDER and PERSON_HINT.match(h.segment.text[h.end :])]
    hits = [h for h in hits if h not in person or not named]
    hits = [LabelHit(CLINICIAN_NAME, h.segment, h.start, h.end) if h in person else h for h in hits]
    if named or person:
        return hits
    return [h for h in hits if h.label is not BARE_PROVIDER]


def _names_orderer(hit: LabelHit) -> bool:
    """A caption of the orderer's name: not a sentence's words, nor a section title (it heads the block
    whose name box is the one asking for a person)."""
    return (
        hit.kind == "name"
        and hit.label.role == PROVIDER
        and not caption_in_prose(hit)
        and not party_heading(hit)
        and not section_title(hit)
    )


CLINICIAN_NAME = Label("name", PROVIDER, False, BARE_PROVIDER.pattern)  # 'Provider Name (Last, First)'
SENTENCE_START = re.compile(r"(?:\b[a-z]{2,}\b.*){2}")  # two lower-case words: a sentence, no caption


def caption_in_prose(hit: LabelHit) -> bool:
    """A caption's words inside a sentence ('A decision is faxed to the requesting provider.') caption
    nothing: three or more words, two of them lower-case, lead to them on their segment."""
    before = hit.segment.text[: hit.start]
    return len(before.split()) >= 3 and bool(SENTENCE_START.search(before))


def with_roles(hits: list[LabelHit], page_width: int, providers: list[Segment] | None = None) -> list[LabelHit]:
    """Every hit with a role: its own, or the nearest anchor's above it in the same column. A
    credentialed name on a line of its own ('Jane Doe, MD': `providers`) anchors a provider block.
    A hit with neither (an 'NPI' or 'Phone' in a block no name heads) has no role: whose it is
    would be a guess, so it fills no field."""
    out: list[LabelHit] = []
    anchors: list[LabelHit] = [LabelHit(PROVIDER_ANCHOR, segment, 0, 0, PROVIDER) for segment in providers or []]
    # every name heading a row, wherever reading order put it (a right cell may be read before the left)
    rows = anchors + [LabelHit(h.label, h.segment, h.start, h.end, h.label.role) for h in hits if _anchors(h)]
    for hit in sorted(hits, key=lambda h: (h.segment.index, h.start)):
        role = (
            hit.label.role
            or _part_beside(hit, out, anchors, page_width)
            or _unlabelled_role(hit, anchors, rows, page_width)
        )
        role = _in_section(hit, rows, role)
        if _role_by_default(hit) and _caption_above_disagrees(hit, out, role, anchors, page_width):
            role = None
        if hit.label.role is None and (_another_partys(hit) or _npi_in_prose(hit)):
            role = None
        if _default_under_another_party(hit, role, anchors, rows, page_width):
            role = None
        resolved = LabelHit(hit.label, hit.segment, hit.start, hit.end, role)
        if hit.kind in ANCHOR_KINDS:
            anchors.append(resolved)
        out.append(resolved)
    return [_contact_line_npi(_letterhead_phone(hit, out), out) for hit in out]


# A number's caption qualified by a party we map to no field ('Facility NPI', 'Group NPI', 'Hospital
# phone'): not the block's party's, whatever block it stands in (an ordering clinician's NPI is his own).
OTHER_PARTY = re.compile(
    r"\b(?:facility|hospital|group|clinic|practice|organi[sz]ation|billing|institution|site|location"
    r"|lab(?:oratory)?|ccn|tax)\W*$",
    re.IGNORECASE,
)
NUMBER_KINDS = frozenset({"npi", "phone", "fax"})


def _another_partys(hit: LabelHit) -> bool:
    """A role-less number caption right after a word naming another party than the block's."""
    return hit.kind in NUMBER_KINDS and bool(OTHER_PARTY.search(hit.segment.text[: hit.start]))


def _npi_in_prose(hit: LabelHit) -> bool:
    """An NPI's caption opening an aside in a sentence ('... he sees Dr M Whitfield (NPI 1450912450) for
    primary care'): the NPI of whom the sentence names, not of the block's party, whose it would be by
    place ('Ordered by: Helen Carter, MD NPI: ...' is a caption's row, its NPI the block's)."""
    before = hit.segment.text[: hit.start].rstrip()
    return hit.kind == "npi" and before.endswith(("(", "[")) and caption_in_prose(hit)


def _contact_line_npi(hit: LabelHit, hits: list[LabelHit]) -> LabelHit:
    """A role-less NPI on one run of text with captions of one party's numbers only, each naming its
    party ('Intake fax ... | Intake phone ... | NPI ...', a supplier's letterhead line): that party's
    NPI, as its numbers are; also when OCR split the NPI off into a run of its own right after that run
    (run_before). A bare 'Fax' is the orderer's only by default: it names no one here."""
    if hit.kind != "npi" or hit.role is not None:
        return hit
    run = run_before(hit.segment, hits) if hit.start == 0 else None
    line = [h for h in hits if h.segment in (hit.segment, run) and h is not hit]
    roles = {h.role for h in line}
    named = all(h.kind in PARTY_NUMBERS and not _role_by_default(h) for h in line)  # not a bare 'Fax'
    if len(roles) != 1 or not named or None in roles or (hit.kind, *roles) not in LABEL_FIELDS:
        return hit
    return LabelHit(hit.label, hit.segment, hit.start, hit.end, roles.pop())


PARTY_NUMBERS = frozenset({"phone", "fax"})
RUN_GAP = 1.5  # of a line's word height: a run of text starting this near the end of another continues it


def run_before(segment: Segment, hits: list[LabelHit]) -> Segment | None:
    """The captioned run of text on the segment's row that ends right before it, within RUN_GAP word
    heights (one line OCR read as two blocks: a letterhead's contact line and its NPI)."""
    left = [h.segment for h in hits if h.segment is not segment and same_row(h.segment.bbox, segment.bbox)]
    before = max((s for s in left if s.bbox[2] <= segment.bbox[0]), key=lambda s: s.bbox[2], default=None)
    height = sorted(w.height for w in segment.words)[len(segment.words) // 2]
    return before if before is not None and segment.bbox[0] - before.bbox[2] <= RUN_GAP * height else None


BARE_FAX = re.compile(r"^f[au]x\b", re.IGNORECASE)  # a bare 'Fax' is the ordering office's unless told


def _role_by_default(hit: LabelHit) -> bool:
    """The caption names no party: its role comes from where it stands, or is a bare 'Fax' label's default."""
    return hit.label.role is None or (hit.kind == "fax" and bool(BARE_FAX.match(hit.segment.text[hit.start :])))


def _caption_above_disagrees(
    hit: LabelHit, done: list[LabelHit], role: str | None, anchors: list[LabelHit], page_width: int
) -> bool:
    """A caption naming no party that no name heads in its column took `role` from its row or its
    label's default, but the caption right above it in its column is another party's ('Agency NPI'
    over 'Fax', a roster's name on the fax's row in the margin): whose it is would be a guess."""
    if role is None or _column_anchor(hit, anchors, page_width) is not None:
        return False
    above = _caption_right_above(hit, done, page_width)
    return above is not None and above.role is not None and above.role != role


def _default_under_another_party(
    hit: LabelHit, role: str | None, anchors: list[LabelHit], rows: list[LabelHit], page_width: int
) -> bool:
    """A caption whose role is its label's default only (a bare 'Fax', the orderer's unless told) under
    another party's name in its column, in that party's block (no other party's name row between them,
    anywhere across the page):
    'Bayview Home Health Services' / 'Attn Home Health Intake' / 'Agency NPI ...' / 'Fax ...', a letter's
    addressee block. Whose it is would be a guess: the default no longer holds."""
    if role is None or hit.label.role != role or not _role_by_default(hit):
        return False
    column = _column_anchor(hit, anchors, page_width)
    if column is None or column.role in (None, role):
        return False
    between = [
        row
        for row in rows
        if row.segment.page == hit.segment.page
        and column.segment.bbox[3] < row.segment.bbox[1]
        and (row.segment.bbox[3] <= hit.segment.bbox[1] or _heads_row_of(row, hit))
    ]
    return all(row.role == column.role for row in between)  # a name row of anyone else, on either half: a new block


def _heads_row_of(row: LabelHit, hit: LabelHit) -> bool:
    """`row` stands on the hit's row, left of it: it heads the row ('ROLE  PHYSICIAN  NPI  PHONE  FAX');
    one right of it ('Fax ...   Ins: ...', another column's) heads nothing of the hit's."""
    return same_row(row.segment.bbox, hit.segment.bbox) and row.segment.bbox[2] <= hit.segment.bbox[0]


def _caption_right_above(hit: LabelHit, done: list[LabelHit], page_width: int) -> LabelHit | None:
    """The caption nearest above the hit in its column, within three of its heights."""
    top, height = hit.segment.bbox[1], hit.segment.bbox[3] - hit.segment.bbox[1]
    column = [
        h
        for h in done
        if h.segment.page == hit.segment.page
        and abs(h.segment.bbox[0] - hit.segment.bbox[0]) < COLUMN_SHARE * page_width
        and top - 3 * height <= h.segment.bbox[3] <= top
    ]
    return max(column, key=lambda h: h.segment.bbox[3]) if column else None


def _letterhead_phone(hit: LabelHit, hits: list[LabelHit]) -> LabelHit:
    """A role-less phone beside the office's fax on its row, above every party's block: the letterhead's
    'Phone: ...   Fax: ...', the sending office's numbers, as its fax is (an order's sender is its orderer)."""
    if hit.kind != "phone" or hit.role is not None:
        return hit
    beside_fax = any(
        h.kind == "fax" and h.role == PROVIDER and same_row(h.segment.bbox, hit.segment.bbox)
        for h in hits
        if h.segment.page == hit.segment.page
    )
    first_block = min((h.segment.bbox[1] for h in hits if h.kind in ANCHOR_KINDS), default=None)
    above_blocks = first_block is None or hit.segment.bbox[3] < first_block
    return LabelHit(hit.label, hit.segment, hit.start, hit.end, PROVIDER) if beside_fax and above_blocks else hit


def _unlabelled_role(hit: LabelHit, anchors: list[LabelHit], rows: list[LabelHit], page_width: int) -> str | None:
    """The role of the nearest anchor above the hit in its column, unless name rows of another role
    stand between them on the hit's half of the page: a new block began there, and whose the hit is
    would be a guess, unless the newest such row is the hit's own ('Prescriber Name ... NPI' on one
    caption row, below an emergency contact's column): then it is that row's. With no anchor in its
    column, a name is the patient's and any other label takes its row's role."""
    column = _column_anchor(hit, anchors, page_width)
    if column is None:
        return PATIENT if hit.kind == "name" else _row_role(hit, rows)
    if column.role == PAYER and hit.kind not in PAYER_KINDS:
        return _beside_role(hit, rows)  # a plan has no NPI, phone or address on an order: not the plan's
    if column.role is None:
        return None  # an anchor whose party is unsure ('7 Provider's Name and NPI': the agency or the doctor)
    role = column.role
    if _row_across_disagrees(hit, rows, role, page_width):
        return None
    breaking = [row for row in rows if _breaks_block(row, column, hit, role, page_width)]
    if not breaking:
        return role
    newest = max(breaking, key=lambda row: row.segment.bbox[1])
    if same_row(newest.segment.bbox, hit.segment.bbox) or section_header(newest):
        return newest.role or PROVIDER  # (a section header heads its block across the page)
    return None


def _row_across_disagrees(hit: LabelHit, rows: list[LabelHit], role: str, page_width: int) -> bool:
    """The name heading the hit's own row, on the other half of the page, is another party's that has
    such a field too ('Accepting Agency  CarePoint | Aaenty NPI' under 'Attending NPt': a grid's row is
    one party's, the column's anchor another's): whose the hit is would be a guess. (On the hit's own
    half, such a row breaks the column's block: _breaks_block.)"""
    half = hit.segment.bbox[0] < page_width / 2
    across = [row for row in rows if (row.segment.bbox[0] < page_width / 2) != half]
    beside = _beside_role(hit, across)
    return beside not in (None, role) and (hit.kind, beside) in LABEL_FIELDS


PAYER_KINDS = frozenset({"org"})  # the captions of a plan's fields (its name)


def _beside_role(hit: LabelHit, rows: list[LabelHit]) -> str | None:
    """The role of the name heading the hit's own row to its left ('Ordering physician: ...  NPI:'),
    or None."""
    left = [
        row
        for row in rows
        if row.segment.page == hit.segment.page
        and row.segment.bbox[2] <= hit.segment.bbox[0]
        and same_row(row.segment.bbox, hit.segment.bbox)
    ]
    return (max(left, key=lambda row: row.segment.bbox[2]).role or PROVIDER) if left else None


def _part_beside(hit: LabelHit, done: list[LabelHit], anchors: list[LabelHit], page_width: int) -> str | None:
    """A name's part ('First Name') with no anchor above it in its column takes the role of the part
    nearest left of it on its row ('Last Name | First Name' under 'Ordering Physician'): the parts on
    one row are one person's name. Else None (the usual rules decide)."""
    if not is_name_part(hit) or _column_anchor(hit, anchors, page_width) is not None:
        return None
    left = [
        h
        for h in done
        if is_name_part(h) and h.segment.page == hit.segment.page and h.segment.bbox[2] <= hit.segment.bbox[0]
    ]
    beside = [h for h in left if same_row(h.segment.bbox, hit.segment.bbox)]
    return max(beside, key=lambda h: h.segment.bbox[2]).role if beside else None


def is_name_part(hit: LabelHit) -> bool:
    return hit.kind == "name" and bool(PART_CAPTION.match(hit.segment.text[hit.start : hit.end]))


def _column_anchor(hit: LabelHit, anchors: list[LabelHit], page_width: int) -> LabelHit | None:
    top = hit.segment.bbox[1]
    column = [
        a
        for a in anchors
        if a.segment.page == hit.segment.page
        and abs(a.segment.bbox[0] - hit.segment.bbox[0]) < 0.1 * page_width
        and a.segment.bbox[1] <= top
    ]
    return max(column, key=lambda a: a.segment.bbox[1]) if column else None


def _breaks_block(row: LabelHit, column: LabelHit, hit: LabelHit, role: str, page_width: int) -> bool:
    """`row` names someone else on a line below the column's anchor and not below the hit, on the
    hit's half of the page ('Requesting Provider | Jane Doe, MD' between 'Member Name' and 'Phone')."""
    middle = (hit.segment.bbox[1] + hit.segment.bbox[3]) / 2
    same_half = (row.segment.bbox[0] < page_width / 2) == (hit.segment.bbox[0] < page_width / 2)
    between = column.segment.bbox[3] < row.segment.bbox[1] <= middle
    return row.segment.page == hit.segment.page and same_half and between and (row.role or PROVIDER) != role


def _anchors(hit: LabelHit) -> bool:
    return hit.kind in ANCHOR_KINDS and hit.label.role is not None


def _row_role(hit: LabelHit, rows: list[LabelHit]) -> str | None:
    """With no name above it in its column (the right half of a two-column grid), the role of the
    nearest name heading its row or a row above it, across the page (a caption on the same row may
    stand a little higher or lower: its top above this one's middle counts)."""
    middle = (hit.segment.bbox[1] + hit.segment.bbox[3]) / 2
    above = [a for a in rows if a.segment.page == hit.segment.page and a.segment.bbox[1] <= middle]
    return max(above, key=lambda a: a.segment.bbox[1]).role if above else None


RULE = re.compile(r"^\s*[-=~+_*»«]{3}")  # the rule after a section header's caption, as OCR reads its dashes
BARE_FAX = re.compile(r"^fax\b", re.IGNORECASE)


def section_header(hit: LabelHit) -> bool:
    """A printout's section header naming a party: its caption between rules ('-- CASE MANAGER -----'),
    nothing before it but the rule; what OCR reads after the rule is the rule's dashes, no words."""
    before = hit.segment.text[: hit.start].strip(" -=~+_*»«>")
    return hit.kind in ANCHOR_KINDS and not before and bool(RULE.match(hit.segment.text[hit.end :]))


def _in_section(hit: LabelHit, rows: list[LabelHit], role: str | None) -> str | None:
    """The role a printout's section header gives a bare caption under it: a 'Fax' (the orderer's, on
    an order) under one naming someone else ('-- CASE MANAGER --', its 'Fax 860-555-0134') is that
    party's; a 'Provider :' is the supplier's under a supplier's header ('-- REFERRED TO --') and
    nobody's elsewhere. Other captions keep `role`."""
    if hit.label is BLOCK_PROVIDER:
        return SUPPLIER if _section_role(hit, rows) == SUPPLIER else None
    if hit.kind == "fax" and BARE_FAX.match(hit.segment.text[hit.start : hit.end]):
        section = _section_role(hit, rows)
        return section if section not in (None, PROVIDER) else role
    return role


def _section_role(hit: LabelHit, rows: list[LabelHit]) -> str | None:
    """The role of the nearest section header above the hit on its page."""
    headers = [
        row
        for row in rows
        if section_header(row) and row.segment.page == hit.segment.page and row.segment.bbox[3] <= hit.segment.bbox[1]
    ]
    nearest = max(headers, key=lambda row: row.segment.bbox[1], default=None)
    return nearest.role if nearest is not None else None
