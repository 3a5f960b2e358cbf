"""Where a caption's value stands when not after it on its segment: under it in its ruled cell, right of
it on its row, below it, or over it (a caption printed under its fill-in line), never across another caption."""

from __future__ import annotations

import itertools
import re

from parsers.fax.address_text import PART_ALONE
from parsers.fax.cells import CELL_LINE_BASE
from parsers.fax.labels import LabelHit
from parsers.fax.model import PageText, Segment
from parsers.fax.stacked import stacked_over
from parsers.fax.values import read_date

# A dotted leader from a caption to its value, its dots partly read as commas or zeros ('....,....00..0.').
LEADER = r"[.,\u00b7](?:[.,\u00b7:;]|[0oO](?=[.,\u00b70oO]*[.,\u00b7]))*(?=\s|$)"
# ";" is a misread ":", and so is a '?', '!' or quote mark on the caption's end before a space ('Patient? DAVIS')
NOISE = rf"(?:{LEADER}|[\s:;#.\-|_])*"
LEADING_NOISE = re.compile(rf"^(?:[?!'’](?=\s))?{NOISE}(?:\d{{1,2}}[.)]\s+)?{NOISE}")
RIGHT_REACH = 0.3  # a value right of its caption starts within this share of the page's width
UNKNOWN_CAPTION = re.compile(r"^[A-Za-z][A-Za-z .'’/#()&-]{0,38}:")  # 'Relationship:' ('... Spouse'): no field of ours
CAPTION_HINT = re.compile(r"^\s*(?:\([^)]{0,30}\))?\s*[:#]?\s*$")  # nothing, or '(Last, First):'
# A caption's format hint ('Sex (M/F)', 'Name (Last, First):'): words in brackets, no digits (a phone's
# '(617)' is a value). It is no value: 'Sex (M/F) F' is F, and 'Sex (M/F)' alone has its value elsewhere.
FORMAT_HINT = re.compile(r"^\((?=[^)]*[A-Za-z])[^)\d]{1,30}\)[\s:;#.\-|_]*")
VALUE_WORD = re.compile(r"[A-Za-z]{3}")  # a word before a caption: no box number ('12', '5a', 'S' for '5')
CAPTION_COLUMN = 0.015  # a segment starting this near (share of page width) where captions start is one
UNDER_REACH = 1.2  # a value printed over its caption ends within this many caption heights above it
VALUE_REACH = 1.6  # ... or this many of its own heights: the fill-in line lies between, and a caption
# printed under a line is small ('Date of Birth' at 7 pt under an 11 pt value)
MIN_UNDER_CAPTIONS = 2  # ... on a page where at least this many captions stand under their values
SPECK_CONF = 40  # a scrap read under this confidence (0..100) with fewer than SPECK_CHARS letters and digits
SPECK_CHARS = 3  # ... is a speck ('of' at 25 beside a caption), no value
WORD_KINDS = frozenset({"name", "org"})  # captions whose value is words, never one or two weak characters


def value_segment(
    text: PageText, hit: LabelHit, hits: list[LabelHit], alone: bool = True
) -> tuple[Segment, str] | None:
    """(segment, method) of the value a caption with nothing after it points at: the value under it
    in its own ruled cell, else (when the caption ends its segment: `alone`) the one right of it on
    its row, else the one below it or (a caption printed under its fill-in line) right above it,
    whichever of the two is nearer this caption than any other bare caption."""
    scraps = hit.kind in WORD_KINDS  # a name's or organisation's value is words: a scrap is none
    below = _segment_below(text, hit, hits, scraps)
    if below is not None and (PART_ALONE.match(below.text) or abbreviation_before(text, below)):
        below = None  # an address part's caption ('City') under the caption is no value of it, nor one with its own
    if below is not None and (same_cell(below, hit.segment) or stacked_over(hit.segment, below)):
        return below, "below"  # in its ruled cell, or a small caption's value under it (stacked.py)
    right = segment_right(text, hit.segment, hits, scraps) if alone else None
    if right is not None:
        return right, "label"
    above = _segment_above(text, hit, hits) if cell_of(hit.segment) is None else None
    owned = {id(s) for s in (below, above) if s is not None and _owner(text, s, hits) is hit.segment}
    below_owned = below is not None and id(below) in owned
    nearer = not below_owned or _nearer_above(hit.segment, above, below)  # both owned: the one nearer the caption
    if above is not None and id(above) in owned and nearer and under_style(text, hits):
        return above, "above"
    if below is not None and right_of_another_caption(text, below, hit, hits):
        return None  # 'Agency NPI  1663691727' under 'Fax': the number is the NPI's, on its own row
    return (below, "below") if below is not None and (below_owned or above is None) else None


def right_of_another_caption(text: PageText, value: Segment, hit: LabelHit, hits: list[LabelHit]) -> bool:
    """`value` is the value right of a bare caption of another kind on its own row: that caption's, no
    value below `hit` (a caption whose own segment held only a speck, 'Fax 4', gives no licence to take
    the next row's). A caption of the same kind there ('Provider:' under 'REFERRED TO') names the same value."""
    bare = [
        h
        for h in hits
        if h.segment is not hit.segment and h.label.kind != hit.label.kind and not _rest_of(h, hits).strip()
    ]
    return any(same_row(h.segment.bbox, value.bbox) and segment_right(text, h.segment, hits) is value for h in bare)


def owned_above(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> Segment | None:
    """On a form printing captions under their values, the value right over the caption, when this
    caption is the nearest bare caption to it (for a caption whose neighbour on its row gave no value)."""
    above = _segment_above(text, hit, hits) if cell_of(hit.segment) is None else None
    if above is None or _owner(text, above, hits) is not hit.segment or not under_style(text, hits):
        return None
    return above


def owned_below(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> Segment | None:
    """The value right under the caption, when this caption is the nearest bare caption to it (for a
    caption whose segment over it gave no value: a section's title, 'A. MEMBER', over its first caption)."""
    below = _segment_below(text, hit, hits, hit.kind in WORD_KINDS)
    return below if below is not None and _owner(text, below, hits) is hit.segment else None


def _nearer_above(caption: Segment, above: Segment | None, below: Segment | None) -> bool:
    if above is None or below is None:
        return below is None
    return caption.bbox[1] - above.bbox[3] < below.bbox[1] - caption.bbox[3]


def under_style(text: PageText, hits: list[LabelHit]) -> bool:
    """The page prints captions under their fill-in lines: several of its bare captions have the segment
    right above them as their own (a title over one blank caption is no such form), or another page
    of the fax does (`PageText.captions_under`: one sender's pages are one form)."""
    if text.captions_under:
        return True
    bare = [h for h in hits if cell_of(h.segment) is None and not _rest_of(h, hits).strip()]
    over = [h for h in bare if (a := _segment_above(text, h, hits)) is not None and _owner(text, a, hits) is h.segment]
    return len(over) >= MIN_UNDER_CAPTIONS


def _segment_above(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> Segment | None:
    """The unlabelled segment right above a caption, over it (a fill-in line's value over its caption)."""
    _, top, _, bottom = hit.segment.bbox
    height = bottom - top
    labelled = {id(h.segment) for h in hits}
    above = [
        s
        for s in text.segments
        if top - max(UNDER_REACH * height, VALUE_REACH * (s.bbox[3] - s.bbox[1])) < s.bbox[3] <= top + 0.4 * height
        and spans_overlap(s.bbox, hit.segment.bbox)
        and id(s) not in labelled
        and cell_of(s) is None
    ]
    return max(above, key=lambda s: s.bbox[3]) if above else None


def _owner(text: PageText, value: Segment, hits: list[LabelHit]) -> Segment | None:
    """The bare caption (one with no value on its own segment) nearest a value over or under it."""
    bare = {id(h.segment): h.segment for h in hits if not _rest_of(h, hits).strip()}
    gaps = [
        (max(value.bbox[1] - c.bbox[3], c.bbox[1] - value.bbox[3]), c)
        for c in bare.values()
        if spans_overlap(c.bbox, value.bbox) and (c.bbox[3] <= value.bbox[1] + 2 or c.bbox[1] >= value.bbox[3] - 2)
    ]
    return min(gaps, key=lambda g: g[0])[1] if gaps else None


def _rest_of(hit: LabelHit, hits: list[LabelHit]) -> str:
    """The text after a caption on its segment, up to the next caption, less separators and hints."""
    end = value_end(hit, hits)
    return hit.segment.text[value_offset(hit, end) : end]


def value_end(hit: LabelHit, hits: list[LabelHit]) -> int:
    """Where a caption's value ends on its segment: where the next caption on it starts, else its end."""
    after = (h.start for h in hits if h.segment is hit.segment and h.start > hit.start)
    return min(after, default=len(hit.segment.text))


def segment_right(text: PageText, caption: Segment, hits: list[LabelHit], scraps: bool = False) -> Segment | None:
    """The nearest segment right of a caption on its row (the next ruled cell, or the column across
    a wide gap), unless that segment is itself a caption: a value is never taken across one. A speck
    is passed over, and with `scraps` a scrap too (see `speck`)."""
    x1 = caption.bbox[2]
    row = [
        s
        for s in text.segments
        if s.bbox[0] >= x1 - 2
        and s.bbox[0] - x1 < RIGHT_REACH * text.page.width
        and (same_row(s.bbox, caption.bbox) or _top_aligned_taller(s.bbox, caption.bbox))
        and s is not caption
        and not speck(s, scraps)
    ]
    if not row:
        return None
    nearest = min(row, key=lambda s: s.bbox[0])
    labelled = {id(h.segment): h.segment for h in hits}
    if id(nearest) in labelled or UNKNOWN_CAPTION.match(nearest.text) or PART_ALONE.match(nearest.text):
        return None  # a caption: of a field we do not know, or of an address's part ('City')
    captions = [
        s
        for s in labelled.values()
        if s is not caption and not _value_of_bare_caption(text, s, hits) and not scribble(s)
    ]
    if _in_caption_column(nearest, captions, text.page.width) and not only_a_date(nearest.text):
        return None  # a caption we do not know, in the column where the form's captions stand
    if _caption_over_value(text, nearest):
        return None  # a small caption stacked over a value of its own ('SPECIALTY' over 'Internal Medicine')
    return nearest


CAPITALS = re.compile(r"^[A-Z][A-Z &/().,'#-]{2,40}$")  # a caption in capitals: no digit, no lower-case letter


def _caption_over_value(text: PageText, segment: Segment) -> bool:
    """`segment` is a caption we do not know, in small capitals stacked right over a value of its own
    in larger print: a caption of another field, no value."""
    if not CAPITALS.match(segment.text):
        return False
    under = (s for s in text.segments if s is not segment and spans_overlap(s.bbox, segment.bbox))
    return any(stacked_over(segment, s) for s in under)


def only_a_date(text: str) -> bool:
    """The segment is a date and nothing else ('Nov 25, 2026'): no caption, wherever it starts (a form
    whose captions are right-aligned against a gutter has captions starting anywhere along its rows)."""
    found = read_date(text)
    return found is not None and not text[: found.start].strip() and not text[found.end :].strip(" .,;")


def _value_of_bare_caption(text: PageText, segment: Segment, hits: list[LabelHit]) -> bool:
    """A caption word inside the value of the caption next left of it on its row, a caption with no
    value of its own ('INS   Acinte Health Plan': a word before the caption, where a row of captions
    has at most a box number): where a value stands, its column is no column of captions."""
    first = min((h.start for h in hits if h.segment is segment), default=0)
    if not VALUE_WORD.search(segment.text[:first]):
        return False
    left = [s for s in text.segments if s.bbox[2] <= segment.bbox[0] + 2 and same_row(s.bbox, segment.bbox)]
    nearest = max(left, key=lambda s: s.bbox[2], default=None)
    return nearest is not None and any(h.segment is nearest and not _rest_of(h, hits).strip() for h in hits)


TOP_ALIGN = 0.3  # share of the caption's height the tops of a caption and its taller value may differ by


def _top_aligned_taller(value: tuple[int, int, int, int], caption: tuple[int, int, int, int]) -> bool:
    """A value taller than its caption that starts on the caption's line (a fax streak or a speck
    under it joined to its box: '1975742044' 56 px tall beside its 22 px caption): the caption's middle
    within the value's height and the two tops level."""
    height = caption[3] - caption[1]
    middle = (caption[1] + caption[3]) / 2
    return value[1] <= middle <= value[3] and abs(value[1] - caption[1]) <= TOP_ALIGN * height


SCRIBBLE_WORDS, SCRIBBLE_LETTERS, SCRIBBLE_CONF = 3, 3, 40.0


def scribble(segment: Segment) -> bool:
    """Ink OCR made letters of (a signature, a stamp: 'tel i ie Ee ot'): three or more words, none longer
    than three characters, each read unsurely. A caption word it holds starts no column of captions."""
    words = segment.words
    return len(words) >= SCRIBBLE_WORDS and all(
        len(w.text) <= SCRIBBLE_LETTERS and w.conf < SCRIBBLE_CONF for w in words
    )


def _in_caption_column(segment: Segment, captions: list[Segment], page_width: int) -> bool:
    return any(abs(segment.bbox[0] - c.bbox[0]) < CAPTION_COLUMN * page_width for c in captions)


def row_right(text: PageText, box: tuple[int, int, int, int]) -> list[Segment]:
    """The segments right of `box` on its row, left to right."""
    right = (s for s in text.segments if s.bbox[0] >= box[2] - 2 and same_row(s.bbox, box))
    return sorted(right, key=lambda s: s.bbox[0])


def captions_right(text: PageText, segment: Segment, caption: re.Pattern[str]) -> list[Segment]:
    """The segments right of `segment` on its row, in order, up to the first that does not open with
    `caption` (an address part's: 'City:', 'State')."""
    return list(itertools.takewhile(lambda s: bool(caption.match(s.text)), row_right(text, segment.bbox)))


# A record printout's short captions ('ADM 11/13/2026  ATT CARTER, HELEN'): the value after one is its own.
ABBREVIATED_CAPTION = re.compile(
    r"^(?:ADM|ADMIT|ADMITTED|ATT|ATTN|MRN|ACCT|ACCT#|DOS|PCP|SSN|ENC|FIN|RM|BED|LOS|DX|RX|CSN|VISIT)[:#.]?$"
)
ABBREVIATION_GAP = 2.0  # of the value's height: a caption this near before a value on its row is the value's


def abbreviation_before(text: PageText, value: Segment) -> bool:
    """A printout's abbreviated caption stands right before the value on its row ('ADM' before the
    admission date under a blank 'DOB'): the value is that caption's, not the one above's."""
    if ABBREVIATED_CAPTION.match(value.words[0].text) and len(value.words) > 1:
        return True  # ('ADM 11/13/2026' read as one segment)
    height = value.bbox[3] - value.bbox[1]
    return any(
        ABBREVIATED_CAPTION.match(s.text.strip())
        and same_row(s.bbox, value.bbox)
        and 0 <= value.bbox[0] - s.bbox[2] <= ABBREVIATION_GAP * height
        for s in text.segments
        if s is not value
    )


def same_row(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Each box's vertical centre lies within the other's height: one baseline, one grid row."""
    centre_a, centre_b = (a[1] + a[3]) / 2, (b[1] + b[3]) / 2
    return b[1] <= centre_a <= b[3] and a[1] <= centre_b <= a[3]


def cell_of(segment: Segment) -> int | None:
    key = segment.words[0].line_key
    return key[0] if key and key[0] >= CELL_LINE_BASE else None


def same_cell(a: Segment, b: Segment) -> bool:
    return cell_of(a) is not None and cell_of(a) == cell_of(b)


def caption_alone(hit: LabelHit, end: int) -> bool:
    """The caption ends its segment, but for a hint ('Patient (Last, First)', 'DOB (MM/DD/YY):'): a
    label inside a phrase or a title ('HOSPITAL DISCHARGE REFERRAL') has no value right of it."""
    rest = hit.segment.text[value_offset(hit, end) :]
    return end == len(hit.segment.text) and bool(CAPTION_HINT.match(rest))


def value_offset(hit: LabelHit, end: int) -> int:
    """Where a caption's value starts on its segment: past separators, a box number and a format hint."""
    offset = hit.end + _match_length(LEADING_NOISE, hit.segment.text[hit.end : end])
    return offset + _match_length(FORMAT_HINT, hit.segment.text[offset:end])


def _match_length(pattern: re.Pattern[str], text: str) -> int:
    match = pattern.match(text)
    return match.end() if match else 0


def _segment_below(text: PageText, hit: LabelHit, hits: list[LabelHit], scraps: bool = False) -> Segment | None:
    """The value in the cell under a label (boxed forms): the nearest segment just below it, or
    anywhere below it in its own ruled cell (a small caption atop a tall box)."""
    x0, top, x1, bottom = hit.segment.bbox
    height = bottom - top
    labelled = {id(h.segment) for h in hits}
    below = [
        s
        for s in text.segments
        if s.bbox[1] > top + height * 0.6
        and (s.bbox[1] < bottom + 2.5 * height or same_cell(s, hit.segment))
        and s.bbox[0] < max(x1, x0 + 0.2 * text.page.width)
        and s.bbox[2] > x0
        and id(s) not in labelled
        and not speck(s, scraps)
    ]
    if not below:
        return None
    return min(below, key=lambda s: (not spans_overlap(s.bbox, hit.segment.bbox), s.bbox[1], abs(s.bbox[0] - x0)))


def speck(segment: Segment, scraps: bool = False) -> bool:
    """A segment no value is written in: no letter or digit at all (a fax streak read as '|', a dot as
    ','); with `scraps` (a caption whose value is words, a name's or an organisation's), also a scrap of
    fewer than SPECK_CHARS letters and digits read under SPECK_CONF ('of' at 25). A sex read weakly ('F'
    at 39) is a value still: its re-reads settle it."""
    chars = sum(ch.isalnum() for ch in segment.text)
    scrap = chars < SPECK_CHARS and all(w.conf < SPECK_CONF for w in segment.words)
    return chars == 0 or (scraps and scrap)


def spans_overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """The two boxes share some of the page's width (a value under its label in the same box)."""
    return a[0] < b[2] and b[0] < a[2]
