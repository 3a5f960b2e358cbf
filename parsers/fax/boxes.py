"""What a multi-line name box holds besides the name: a caption that announces the telephone ("Patient
Name, Address, Telephone and HICN"), or a party's heading over its block ("PATIENT INFORMATION"), makes the
one unlabelled phone number on the box's lines under it that person's phone ('(617) 555-5084   HICN W123':
the number before the next caption on its line); one that announces the HICN or MBI makes the one
unlabelled Medicare number in the Medicare formats (an MBI, or nine digits and a letter) the member id."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from parsers.fax import values
from parsers.fax.extract import PROVIDER_SUFFIX, PageText, path_of
from parsers.fax.labels import PATIENT, PROVIDER, LabelHit, party_heading
from parsers.fax.model import Candidate, Segment, Word, bbox_of, conf_of
from parsers.fax.nearby import UNKNOWN_CAPTION, cell_of
from referrals.codes import npi_checks_out

PHONE_IN_CAPTION = re.compile(r"(?:,|and|&|/)\s*(?:telephone|phone|tel\b)", re.IGNORECASE)
PHONE_PATHS = {PATIENT: "member.phone", PROVIDER: "ordering_provider.phone"}
# A Medicare Beneficiary Identifier (11 characters in CMS's pattern, dashes optional) and a HICN (nine digits,
# a letter, maybe a digit or letter): shapes no phone, date, ZIP or street number has.
MBI_LETTER = "AC-HJKMNP-RT-Y"
MEDICARE_ID = re.compile(
    rf"^(?:[1-9][{MBI_LETTER}][{MBI_LETTER}0-9]\d-?[{MBI_LETTER}][{MBI_LETTER}0-9]\d-?[{MBI_LETTER}]{{2}}\d{{2}}"
    r"|\d{9}[A-Z][0-9A-Z]?)$"
)
GARBLED_WORDS = 1  # words OCR garbled past every caption between a box's name caption and its telephone's
BOX_LINES = 5  # a name box's lines under its caption: name, street, city line, telephone, an id
LINE_REACH = 2.5  # the next line of a box starts within this many line heights of the last
BLOCK_GAP = 1.6  # a gap this much wider than the block's own line gaps is a blank line: the block ends
LEFT_ALIGN = 0.02  # ... and (in an unruled box) this near the name's left edge, as a share of the width


def box_phones(text: PageText, hits: list[LabelHit]) -> Iterator[Candidate]:
    """The phone of every name box whose caption announces one, when its lines hold exactly one."""
    for hit in hits:
        path = PHONE_PATHS.get(hit.role or "") if hit.kind == "name" else None
        announced = PHONE_IN_CAPTION.search(hit.segment.text[hit.start : hit.end]) or party_heading(hit)
        announced = announced or _telephone_after(hit, hits)
        if path is None or path_of(hit) is None or not announced:
            continue
        found = _one_phone(box_lines(text, hit.segment, hits), hits, path)
        if found is not None:
            yield found


def _telephone_after(hit: LabelHit, hits: list[LabelHit]) -> bool:
    """The name caption goes on, past one word OCR garbled ('PATIENT NAME, ADORESS, TELEPHONE and HICN':
    'ADDRESS' read as no caption), to a telephone caption on its segment: the caption announces the phone
    as a whole one does. A value between them (two words, a digit) is no garbled caption word."""
    for phone in hits:
        if phone.kind != "phone" or phone.segment is not hit.segment or phone.start < hit.end:
            continue
        between = hit.segment.text[hit.end : phone.start].replace(",", " ").split()
        garbled = len(between) <= GARBLED_WORDS and all(w.strip(".;:").isalpha() for w in between)
        if garbled and PHONE_IN_CAPTION.search(hit.segment.text[hit.start : phone.end]):
            return True
    return False


def box_ids(text: PageText, hits: list[LabelHit]) -> Iterator[Candidate]:
    """The member id of a patient box whose caption ends with its id caption ('... Telephone and HICN'),
    when the box's unlabelled text holds exactly one Medicare number."""
    for hit in hits:
        boxed = any(h.kind == "name" and h.segment is hit.segment for h in hits)
        if hit.kind != "member_id" or not boxed or hit.segment.text[hit.end :].strip(" :#"):
            continue
        found = [
            (line, word)
            for line in box_lines(text, hit.segment, hits)
            for word in _unlabelled(line, hits)
            if MEDICARE_ID.match(word.text.strip(".,;").upper())
        ]
        if len(found) == 1:
            line, word = found[0]
            value = word.text.strip(".,;").upper().replace("-", "")
            box = (word.left, word.top, word.right, word.bottom)
            yield Candidate(
                "member.member_id", value, line.page, box, word.conf / 100.0, "below", word.text, words=(word,)
            )


def _unlabelled(line: Segment, hits: list[LabelHit]) -> tuple[Word, ...]:
    """The words of a line before its first caption."""
    first = _first_caption(line, hits)
    return line.words_in_span(0, first) if first else ()


def _first_caption(line: Segment, hits: list[LabelHit]) -> int:
    """Where the line's first caption starts (its length when it has none)."""
    return min((h.start for h in hits if h.segment is line), default=len(line.text))


def box_lines(text: PageText, caption: Segment, hits: list[LabelHit]) -> list[Segment]:
    """The segments under a box's caption: the rest of its ruled cell, or (unruled) the lines
    left-aligned with it, each close under the last and no further apart than the box's first two
    (a blank line ends the block), up to a line that opens with a caption or is a credentialed name
    ('Jane Doe, MD' heads another block)."""
    below = sorted((s for s in text.segments if s.bbox[1] > caption.bbox[1]), key=lambda s: s.bbox[1])
    cell = cell_of(caption)
    if cell is not None:
        return [s for s in below if cell_of(s) == cell][:BOX_LINES]
    ends = {id(h.segment) for h in hits if h.start == 0} | {id(s) for s in below if PROVIDER_SUFFIX.match(s.text)}
    out: list[Segment] = []
    for segment in below:
        if abs(segment.bbox[0] - caption.bbox[0]) >= LEFT_ALIGN * text.page.width:
            continue  # another column's line
        if len(out) == BOX_LINES or id(segment) in ends or not _next_in_block([caption, *out], segment):
            break
        out.append(segment)
    return out


def _next_in_block(block: list[Segment], segment: Segment) -> bool:
    """`segment` continues the block: close under its last line, and (from its third line on) no further
    under it than the block's lines are under each other."""
    last = block[-1]
    gap = segment.bbox[1] - last.bbox[3]
    if gap >= LINE_REACH * (last.bbox[3] - last.bbox[1]):
        return False
    gaps = [b.bbox[1] - a.bbox[3] for a, b in itertools.pairwise(block[1:])]  # not the caption's own gap
    return not gaps or gap <= BLOCK_GAP * max(max(gaps), 1)


def _bare_npi(number: str) -> bool:
    """Ten digits run together that check out as an NPI ('NPt # 1937239774', its caption garbled): an NPI
    is printed so, a phone seldom; which one it is only a caption could say."""
    return number.isdigit() and npi_checks_out(number)


def _one_phone(lines: list[Segment], hits: list[LabelHit], path: str) -> Candidate | None:
    """The only phone number in the lines' unlabelled text (before the first caption on each line; a line
    opening with a caption we do not know holds that caption's value: 'NPt #: 1648021123', an NPI)."""
    found = []
    for line in (s for s in lines if not UNKNOWN_CAPTION.match(s.text)):
        text = line.text[: _first_caption(line, hits)]
        found += [(line, match) for match in values.PHONE.finditer(text) if not _bare_npi(match.group())]
    if len(found) != 1:
        return None  # none, or a second number (a fax?): which one is the phone only a caption could say
    line, match = found[0]
    words = line.words_in_span(match.start(), match.end())
    conf = conf_of(words)
    value = "".join(match.groups())
    return Candidate(path, value, line.page, bbox_of(words), conf, "below", match.group(), words=words)
