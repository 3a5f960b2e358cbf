"""Field candidates from labelled text: the value after a label on its segment, else where `nearby.py`
finds it (in its cell under it, in the cell or across the gap right of it, below it or over it)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from parsers.fax import address_text, values
from parsers.fax.address_columns import address_in_columns, captioned_parts_right
from parsers.fax.address_owner import owned_addresses
from parsers.fax.address_shapes import address_by_shapes
from parsers.fax.address_word import past_garbled_address, tail_announces_address
from parsers.fax.addressee import addressed, speck_to
from parsers.fax.blocks import within_blocks
from parsers.fax.city_line import past_parts_caption, whole_row
from parsers.fax.glued import GLUE_KINDS, behind_a_box, with_glued_mark, without_loose_marks
from parsers.fax.headed_name import named_by_heading
from parsers.fax.header_row import junk, value_under
from parsers.fax.labels import (
    ADDRESS_IN_TAIL,
    PATIENT,
    PAYER,
    PROVIDER,
    SUPPLIER,
    LabelHit,
    hits_in,
    party_heading,
)
from parsers.fax.model import Candidate, PageText, Segment, Word, bbox_of, conf_of
from parsers.fax.nearby import (
    abbreviation_before,
    caption_alone,
    captions_right,
    owned_above,
    owned_below,
    row_right,
    same_row,
    value_end,
    value_offset,
    value_segment,
)
from parsers.fax.patient_sentences import CUES, with_patient_cues
from parsers.fax.roles import section_header, with_roles, without_unsure_provider
from parsers.fax.roster import roster_names
from parsers.fax.split_value import cut_at_split
from parsers.fax.synonyms import PART_CAPTION, PLAN_WORDS, TO_LABELS

__all__ = ["PageText"]  # where the stages have always imported it from

Reader = Callable[[str], values.Read | None]
NAME_PART = "name_part"  # the kind a name's part is read as: one word, its last or its first name
READERS: dict[str, Reader] = {
    "name": values.read_name,
    NAME_PART: values.read_name_part,
    "org": values.read_org,
    "npi": values.read_npi_text,
    "phone": values.read_phone,
    "fax": values.read_phone,
    "dob": lambda t: values.read_date(t, two_digit_birth=True),
    "sex": values.read_sex,
    "member_id": values.read_member_id,
    "address": address_text.read_address,
    "order_date": values.read_date,
    "start_date": values.read_date,
    "discharge_date": values.read_date,
}
PATHS: dict[tuple[str, str | None], str] = {
    ("name", PATIENT): "member.name",
    ("name", PROVIDER): "ordering_provider.name",
    ("org", SUPPLIER): "servicing_provider.name",
    ("org", PAYER): "payer.name",
    ("npi", PROVIDER): "ordering_provider.npi",
    ("npi", SUPPLIER): "servicing_provider.npi",
    ("phone", PATIENT): "member.phone",
    ("phone", PROVIDER): "ordering_provider.phone",
    ("fax", PROVIDER): "ordering_provider.fax",
    ("dob", PATIENT): "member.dob",
    ("sex", PATIENT): "member.sex",
    ("member_id", PATIENT): "member.member_id",
    ("address", PATIENT): "member.address",
}
DATE_PATHS = {
    "order_date": "order_date",
    "start_date": "requested_start_date",
    "discharge_date": "discharge_date",
}
CITY_LABEL = re.compile(r"^\s*city\b[^:]{0,24}:\s*", re.IGNORECASE)
# A fill-in form's caption naming the city line's parts, with no colon: the value is typed on the
# underline after it ('City, State, ZIP ____ Hartford, CT 06103', 'City / State / Zip Code'; its
# 'City' OCR may garble, 'Cuy, State, ZIP': state and ZIP after it still name the line).
CITY_PARTS = re.compile(
    r"^\s*(?:city|[a-z]{2,4})\s*[,/&]?\s*(?:and\s+)?state\s*[,/&]?\s*(?:and\s+)?(?:zip|postal)(?:\s*code)?(?![a-z])[\s:_.|-]*",
    re.IGNORECASE,
)


def labelled_hits(text: PageText) -> list[LabelHit]:
    hits = without_unsure_provider(
        [hit for segment in text.segments for hit in hits_in(segment) if not range_end(text, hit) and not speck_to(hit)]
    )
    hits = with_patient_cues(hits, text)  # a letter's 'she lives at', 'can be reached at'
    roster = roster_names(text.segments, text.page.width)  # the practice's clinicians, not the signer
    providers = [s for s in text.segments if PROVIDER_SUFFIX.match(s.text) and id(s) not in roster]
    hits = named_by_heading(hits, text.page.width, text.segments)
    roled = with_roles(addressed(hits, text.page.width), text.page.width, providers)
    return owned_addresses(within_blocks(roled, text.segments, text.page.width))


RANGE_START = re.compile(r"^(?:dates?(?: of service)?\s*)?from\W*$", re.IGNORECASE)


def range_end(text: PageText, hit: LabelHit) -> bool:
    """A 'To' caption right of a 'From' one on its row ('From | To' columns of dates of service): it
    ends a range and names no one the order goes to."""
    box = hit.segment.bbox
    if hit.label not in TO_LABELS:
        return False
    left = [s for s in text.segments if s.bbox[2] <= box[0] + 2 and same_row(s.bbox, box)]
    nearest = max(left, key=lambda s: s.bbox[2], default=None)
    return nearest is not None and bool(RANGE_START.match(nearest.text))


def path_of(hit: LabelHit) -> str | None:
    """The field a label's value fills: for a name asked for in parts, its part of the party's name
    (a middle name or initial fills none)."""
    path = DATE_PATHS.get(hit.kind) or PATHS.get((hit.kind, hit.role))
    part = PART_CAPTION.match(hit.segment.text[hit.start : hit.end]) if hit.kind == "name" else None
    if path is None or part is None:
        return path
    field = "last_name" if part.group("last") else "first_name" if part.group("first") else None
    return f"{path.rsplit('.', 1)[0]}.{field}" if field else None


def read_kind(hit: LabelHit, path: str) -> str:
    """The reader a label's value is read with: a name's part is one word, not a whole name."""
    return NAME_PART if path.endswith(NAME_PART_FIELDS) else hit.kind


NAME_PART_FIELDS = (".last_name", ".first_name")


def candidates(text: PageText, hits: list[LabelHit]) -> Iterator[Candidate]:
    """Every value a label on this page points at, read by its field's reader."""
    for index, hit in enumerate(hits):
        path = path_of(hit)
        if path is None:
            continue
        following = [h for h in hits[index + 1 :] if h.segment is hit.segment]
        end = following[0].start if following else len(hit.segment.text)
        if following and (split := plan_word_ends_name(hit, following[0])) is not None:
            end = split  # 'Evergreen Medicaid  ID:': the wide gap shows where the caption starts
        elif following and runs_into_caption(hit, following[0], path):
            continue  # where the value ends is unsure: no value (reading.py adds the finding)
        if following and qualifies(hit, following[0]):
            continue  # 'Refer To NPI': whose NPI, with no value of its own
        if hit.kind == "address":
            found = _address(text, hit, hits, end, path)
        else:
            found = _on_segment(hit, end, path)
            found = found or (_elsewhere(text, hit, hits, path, end) if hit.label not in CUES else None)
        if (
            found is not None
            and hit.kind == "sex"
            and (offers_both_sexes(text, hit, hits) or _option_behind_a_box(text, found.words))
        ):
            found = None  # 'Sex [ ] Male   [X] Female': a choice, answered by a box, not by its first word
        if found is not None and cut_at_split(text, found, hits):
            found = None  # 'Blue Harbor' | 'Medicare': the name goes on past a streak OCR split its line at
        if found is not None:
            yield found
        if (
            found is not None
            and path == "member.name"
            and (
                ADDRESS_IN_TAIL.search(hit.segment.text[hit.start : hit.end])
                or tail_announces_address(hit)
                or party_heading(hit)
            )
        ):
            yield from _address_under_name(text, found, hits)


def runs_into_caption(hit: LabelHit, after: LabelHit, path: str | None) -> bool:
    """A payer's name run straight into a caption that opens with a plan word ('Insurance: Evergreen
    Medicaid ID: ...'): the word may end the name or begin the caption, so where the name ends is unsure."""
    caption = hit.segment.text[after.start : after.end].split()
    between = hit.segment.text[value_offset(hit, after.start) : after.start].rstrip()
    opens_with_plan_word = len(caption) > 1 and caption[0].lower() in PLAN_WORDS
    unsure = opens_with_plan_word and bool(between) and not between.endswith((",", ";", "|"))
    return path == "payer.name" and unsure and plan_word_ends_name(hit, after) is None


WIDE_GAP = 1.6  # a gap this many times every gap inside the value before it sets a caption apart


def plan_word_ends_name(hit: LabelHit, after: LabelHit) -> int | None:
    """Where a payer's caption really starts when its caption opens with a plan word ('Medicaid ID'):
    at its second word, when the gap before that word is at least WIDE_GAP times every gap between the
    name's words before it. A printout sets its fields apart by two spaces or more ('Insurance:
    Evergreen Medicaid  ID: ...'): the plan word ends the name. Else None (where it ends is unsure)."""
    caption = hit.segment.text[after.start : after.end].split()
    if hit.kind != "org" or hit.role != PAYER or len(caption) < 2 or caption[0].lower() not in PLAN_WORDS:
        return None
    words = hit.segment.words
    starts = list(itertools.accumulate((len(w.text) + 1 for w in words), initial=0))
    first = next((i for i, at in enumerate(starts) if at >= value_offset(hit, after.start)), None)
    plan = starts.index(after.start) if after.start in starts else None
    if first is None or plan is None or plan <= first or plan + 1 >= len(words):
        return None
    inside = [words[i].left - words[i - 1].right for i in range(first + 1, plan + 1)]
    wide = words[plan + 1].left - words[plan].right
    return starts[plan + 1] if wide >= WIDE_GAP * max(inside, default=wide) and inside else None


def qualifies(hit: LabelHit, after: LabelHit) -> bool:
    """A caption run straight into the next one on its segment ('REFER TO NPI', 'Supplier Phone'): it
    names whose the next caption's value is and has none of its own, here or elsewhere."""
    return not hit.segment.text[hit.end : after.start].strip(" :;#.-|_")


def value_words(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> tuple[Segment, tuple[Word, ...]] | None:
    """The words a label's value is written in: after it on its segment, else the cell below it."""
    end = value_end(hit, hits)
    offset = value_offset(hit, end)
    if hit.segment.text[offset:end].strip():
        return hit.segment, hit.segment.words_in_span(offset, end)
    found = value_segment(text, hit, hits, caption_alone(hit, end))
    return (found[0], found[0].words) if found is not None else None


def _on_segment(hit: LabelHit, end: int, path: str) -> Candidate | None:
    offset = value_offset(hit, end)
    return _read(hit.segment, offset, hit.segment.text[offset:end], read_kind(hit, path), path, "label")


def _elsewhere(text: PageText, hit: LabelHit, hits: list[LabelHit], path: str, end: int) -> Candidate | None:
    """The value of a caption whose own segment holds none (see `value_segment`)."""
    if _unread_here(hit, end):
        return None
    found = value_segment(text, hit, hits, caption_alone(hit, end))
    if found is None:
        return None
    kind = read_kind(hit, path)
    read = _read(found[0], 0, found[0].text, kind, path, found[1])
    unread = read is None or junk(found[0].text)
    under = value_under(text, hit.segment, found[0], hits) if unread and found[1] == "label" else None
    if under is not None and not abbreviation_before(text, under):
        return _read(under, 0, under.text, kind, path, "below") or read
    over = owned_above(text, hit, hits) if read is None and found[1] == "label" else None
    if over is not None:
        return _read(over, 0, over.text, kind, path, "above")
    under = owned_below(text, hit, hits) if read is None and found[1] == "above" else None
    return _read(under, 0, under.text, kind, path, "below") if under is not None else read


UNREAD_DIGITS = re.compile(r"[0-9]{2}")  # digits run together after a caption: a value, however garbled


def _unread_here(hit: LabelHit, end: int) -> bool:
    """The caption's segment holds a value of its own OCR garbled ('DOB 64/20/1957 69Y F' in a chart
    label): the value on the line under it is another caption's ('ADM 11/28/2026'), never this one's.
    A section header's rule, as OCR reads its dashes ('-- REFERRED TO --- 22'), is no value."""
    rest = hit.segment.text[value_offset(hit, end) : end]
    return bool(UNREAD_DIGITS.search(rest)) and not section_header(hit)


def _option_behind_a_box(text: PageText, words: tuple[Word, ...]) -> bool:
    """The value's first word stands behind a box's mark on its segment: the caption's own, or the
    segment under it holding its box's options ('6 GENDER' over 'Ol M Xl FE')."""
    first = words[0] if words else None
    segment = next((s for s in text.segments if any(w is first for w in s.words)), None)
    return segment is not None and behind_a_box(segment, words)


def offers_both_sexes(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> bool:
    """The caption's row, from the caption on to the next caption, names both sexes ('Sex [ ] Male
    [X] Female', its options on the caption's segment or in segments OCR split off to the right): a
    checkbox choice whose words give no answer."""
    end = value_end(hit, hits)
    labelled = {id(h.segment) for h in hits if h.segment is not hit.segment}
    row = [hit.segment.text[value_offset(hit, end) : end]]  # past a format hint ('Sex (M/F)')
    for segment in (s for s in row_right(text, hit.segment.bbox) if s is not hit.segment):
        if id(segment) in labelled:
            break
        row.append(segment.text)
    return values.offers_both_sexes(" ".join(row))


def _address_under_name(text: PageText, name: Candidate, hits: list[LabelHit]) -> Iterator[Candidate]:
    """'Patient's Name and Address': the street on the line under the name, the city line under that."""
    street = _next_line(text, name.words, hits) if name.words else None
    if street is not None:
        found = _address_from(text, street, 0, len(street.text), hits, "member.address", "below")
        if found is not None:
            yield found


def _address(text: PageText, hit: LabelHit, hits: list[LabelHit], end: int, path: str) -> Candidate | None:
    """The address after its label (or in the cell below it)."""
    offset = past_garbled_address(hit, value_offset(hit, end), end)  # 'Street adciess 4900 Main St'
    segment, method = hit.segment, "label"
    if not any(ch.isalnum() for ch in hit.segment.text[offset:end]):  # nothing, or a speck ('~')
        found = value_segment(text, hit, hits, caption_alone(hit, end))
        if found is None:
            return None
        (segment, method), offset, end = found, 0, -1
    end = len(segment.text) if end < 0 else end
    return (
        _address_from(text, segment, offset, end, hits, path, method)
        or address_in_columns(text, hit, segment, method, hits, path)
        or address_by_shapes(text, segment, method, hits, path)
    )


def _address_from(
    text: PageText, segment: Segment, offset: int, end: int, hits: list[LabelHit], path: str, method: str
) -> Candidate | None:
    """The address in `segment`'s text[offset:end]; when that holds only the street, the city,
    state and ZIP are read from the captioned parts right of it on its row ('City: ...  State: ...'),
    else from the unlabelled line under it."""
    found = _read(segment, offset, segment.text[offset:end], "address", path, method)
    first = segment.words_in_span(offset, end)
    if found is not None or not first:
        return found
    row = tuple(w for part in captions_right(text, segment, address_text.PART_CAPTION) for w in part.words)
    if row:
        return _joined(path, segment.page, first, row, method)
    below = _next_line(text, first, hits)
    if below is None:
        return None
    found = _with_city_line(text, path, first, below, method)
    whole = whole_row(text, below, first, hits) if found is None else None  # 'New Haven,    CT 06511'
    return found or (_with_city_line(text, path, first, whole, method) if whole is not None else None)


def _with_city_line(
    text: PageText, path: str, first: tuple[Word, ...], below: Segment, method: str
) -> Candidate | None:
    """The address of the street's words and the city line `below` (after its caption, if any)."""
    label = CITY_LABEL.match(below.text) or CITY_PARTS.match(below.text)  # 'City/State/ZIP: Hartford, CT 06103'
    rest = below.words_in_span(label.end(), len(below.text)) if label else below.words
    parts = () if label else captioned_parts_right(text, below)  # 'Hartford   State / ZIP  CT 06103'
    whole = _joined(path, below.page, first, (*rest, *parts), method) if parts else None
    found = whole or (_joined(path, below.page, first, rest, method) if rest else None)
    value = past_parts_caption(first, below.words) if found is None and not label else None  # 'Caty, State, 74P'
    return found or (_joined(path, below.page, first, value, method) if value else None)


def _joined(path: str, page: int, first: tuple[Word, ...], rest: tuple[Word, ...], method: str) -> Candidate | None:
    """The address of a street's words and the words of its city, state and ZIP, read as one."""
    city_line = " ".join(w.text for w in rest)
    read = address_text.read_address(f"{' '.join(w.text for w in first)}, {city_line}")
    if read is None:
        return None
    words = (*first, *rest)
    return Candidate(path, read.value, page, bbox_of(words), conf_of(words), method, raw=city_line, words=words)


def _next_line(text: PageText, first: tuple[Word, ...], hits: list[LabelHit]) -> Segment | None:
    """The unlabelled segment on the line right under `first`, overlapping it across the page."""
    x0, _, x1, bottom = bbox_of(first)
    height = max(w.height for w in first)
    labelled = {id(h.segment) for h in hits}
    under = [
        s
        for s in text.segments
        if bottom - 0.3 * height < s.bbox[1] < bottom + 2.5 * height
        and s.bbox[0] < x1
        and s.bbox[2] > x0
        and id(s) not in labelled
    ]
    return min(under, key=lambda s: s.bbox[1]) if under else None


def _read(segment: Segment, offset: int, value_text: str, kind: str, path: str, method: str) -> Candidate | None:
    read = READERS[kind](value_text)
    if read is None or (kind in NUMBER_KINDS and in_prose(value_text[: read.start])):
        return None
    words = without_loose_marks(segment.words_in_span(offset + read.start, offset + read.end) or segment.words)
    words = with_glued_mark(segment, words) if kind in GLUE_KINDS else words  # '_ 1/19/2026'
    return Candidate(
        path=path,
        value=read.value,
        page=segment.page,
        bbox=bbox_of(words),
        conf=conf_of(words),
        method=method,
        raw=value_text[read.start : read.end],
        corrected=read.corrected,
        words=words,
    )


NUMBER_KINDS = {"npi", "phone", "fax", "member_id"}
PROSE_WORD = re.compile(r"[A-Za-z]{3,}")


# 'Fax to:', also with its recipient after it ('Fax completed form to UM:', 'Fax to the plan at'); its 'to'
# also as small print's o is read, an a ('ta UM')
DESTINATION = re.compile(r"(?<![A-Za-z])t[oa](?:\s+(?:the\s+)?[A-Za-z]+)?(?:\s+at)?\W*$", re.IGNORECASE)


def in_prose(before: str) -> bool:
    """A number a sentence leads to is not the caption's value: 'Fax completed referral and both pages
    to (800) 555-0143' names the recipient's fax, not the sender's (three or more words between); nor
    is one the caption's words send somewhere ('Fax to:', 'Fax completed form to (888) 555-1917': where
    the form goes, the plan's or the agency's fax, never the sender's own), also with the recipient named after 'to'
    ('to UM:', 'to the plan at')."""
    return len(PROSE_WORD.findall(before)) >= 3 or bool(DESTINATION.search(before))


PROVIDER_SUFFIX = re.compile(
    r"^(?:dr\.?\s+)?([A-Z][A-Za-z'\-]+(?:\s+[A-Z]\.)?\s+[A-Z][A-Za-z'\-]+),?\s+(?:MD|M\.D\.|DO|NP)\b"
)
