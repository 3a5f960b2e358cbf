"""Field candidates from labelled text: the value after a label on its segment, in its cell under it,
in the cell (or across the gap) right of it, or in the cell below."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from parsers.fax import values
from parsers.fax.cells import CELL_LINE_BASE
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
from parsers.fax.model import Candidate, Page, Segment, Word, bbox_of
from parsers.fax.roles import with_roles, without_unsure_provider

Reader = Callable[[str], values.Read | None]
READERS: dict[str, Reader] = {
    "name": values.read_name,
    "org": values.read_org,
    "npi": values.read_npi_text,
    "phone": values.read_phone,
    "fax": values.read_phone,
    "dob": lambda t: values.read_date(t, two_digit_birth=True),
    "sex": values.read_sex,
    "member_id": values.read_member_id,
    "address": values.read_address,
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
LEADING_NOISE = re.compile(r"^[\s:;#.\-|_]*(?:\d{1,2}[.)]\s+)?[\s:;#.\-|_]*")  # ";" is a misread ":"
RIGHT_REACH = 0.3  # a value right of its caption starts within this share of the page's width
UNKNOWN_CAPTION = re.compile(r"^[A-Za-z][A-Za-z .'’/#()&-]{0,38}:")  # 'Relationship:' ('... Spouse'): no field of ours
CAPTION_HINT = re.compile(r"^\s*(?:\([^)]{0,30}\))?\s*[:#]?\s*$")  # nothing, or '(Last, First):'
# A caption's format hint ('Sex (M/F)', 'Name (Last, First):'): words in brackets, no digits (a phone's
# '(617)' is a value). It is no value: 'Sex (M/F) F' is F, and 'Sex (M/F)' alone has its value elsewhere.
FORMAT_HINT = re.compile(r"^\((?=[^)]*[A-Za-z])[^)\d]{1,30}\)[\s:;#.\-|_]*")
CAPTION_COLUMN = 0.015  # a segment starting this near (share of page width) where captions start is one
UNDER_REACH = 1.2  # a value printed over its caption ends within this many caption heights above it


@dataclass(frozen=True)
class PageText:
    page: Page
    lines: list[Segment]
    segments: list[Segment]


def labelled_hits(text: PageText) -> list[LabelHit]:
    hits = without_unsure_provider([hit for segment in text.segments for hit in hits_in(segment)])
    providers = [s for s in text.segments if PROVIDER_SUFFIX.match(s.text)]
    return with_roles(hits, text.page.width, providers)


def path_of(hit: LabelHit) -> str | None:
    return DATE_PATHS.get(hit.kind) or PATHS.get((hit.kind, hit.role))


def candidates(text: PageText, hits: list[LabelHit]) -> Iterator[Candidate]:
    """Every value a label on this page points at, read by its field's reader."""
    for index, hit in enumerate(hits):
        path = path_of(hit)
        if path is None:
            continue
        following = [h for h in hits[index + 1 :] if h.segment is hit.segment]
        end = following[0].start if following else len(hit.segment.text)
        if hit.kind == "address":
            found = _address(text, hit, hits, end, path)
        else:
            found = _on_segment(hit, end, path) or _elsewhere(text, hit, hits, path, end)
        if found is not None:
            yield found
        if (
            found is not None
            and path == "member.name"
            and (ADDRESS_IN_TAIL.search(hit.segment.text[hit.start : hit.end]) or party_heading(hit))
        ):
            yield from _address_under_name(text, found, hits)


def value_words(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> tuple[Segment, tuple[Word, ...]] | None:
    """The words a label's value is written in: after it on its segment, else the cell below it."""
    following = [h for h in hits if h.segment is hit.segment and h.start > hit.start]
    end = following[0].start if following else len(hit.segment.text)
    offset = _value_offset(hit, end)
    if hit.segment.text[offset:end].strip():
        return hit.segment, hit.segment.words_in_span(offset, end)
    found = value_segment(text, hit, hits, _caption_alone(hit, end))
    return (found[0], found[0].words) if found is not None else None


def value_segment(
    text: PageText, hit: LabelHit, hits: list[LabelHit], alone: bool = True
) -> tuple[Segment, str] | None:
    """(segment, method) of the value a caption with nothing after it points at: the value under it
    in its own ruled cell, else (when the caption ends its segment: `alone`) the one right of it on
    its row, else the one below it or (a caption printed under its fill-in line) right above it,
    whichever of the two is nearer this caption than any other bare caption."""
    below = _segment_below(text, hit, hits)
    if below is not None and _same_cell(below, hit.segment):
        return below, "below"
    right = segment_right(text, hit.segment, hits) if alone else None
    if right is not None:
        return right, "label"
    above = _segment_above(text, hit, hits) if _cell_of(hit.segment) is None else None
    owned = {id(s) for s in (below, above) if s is not None and _owner(text, s, hits) is hit.segment}
    if above is not None and id(above) in owned and not (below is not None and id(below) in owned):
        return above, "above"
    return (below, "below") if below is not None and (id(below) in owned or above is None) else None


def _segment_above(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> Segment | None:
    """The unlabelled segment right above a caption, over it (a fill-in line's value over its caption)."""
    _, top, _, bottom = hit.segment.bbox
    height = bottom - top
    labelled = {id(h.segment) for h in hits}
    above = [
        s
        for s in text.segments
        if top - UNDER_REACH * height < s.bbox[3] <= top + 0.4 * height
        and _spans_overlap(s.bbox, hit.segment.bbox)
        and id(s) not in labelled
        and _cell_of(s) is None
    ]
    return max(above, key=lambda s: s.bbox[3]) if above else None


def _owner(text: PageText, value: Segment, hits: list[LabelHit]) -> Segment | None:
    """The bare caption (one with no value on its own segment) nearest a value over or under it."""
    bare = {id(h.segment): h.segment for h in hits if not _rest_of(h, hits).strip()}
    gaps = [
        (max(value.bbox[1] - c.bbox[3], c.bbox[1] - value.bbox[3]), c)
        for c in bare.values()
        if _spans_overlap(c.bbox, value.bbox) and (c.bbox[3] <= value.bbox[1] + 2 or c.bbox[1] >= value.bbox[3] - 2)
    ]
    return min(gaps, key=lambda g: g[0])[1] if gaps else None


def _rest_of(hit: LabelHit, hits: list[LabelHit]) -> str:
    """The text after a caption on its segment, up to the next caption, less separators and hints."""
    following = [h.start for h in hits if h.segment is hit.segment and h.start > hit.start]
    end = min(following, default=len(hit.segment.text))
    return hit.segment.text[_value_offset(hit, end) : end]


def segment_right(text: PageText, caption: Segment, hits: list[LabelHit]) -> Segment | None:
    """The nearest segment right of a caption on its row (the next ruled cell, or the column across
    a wide gap), unless that segment is itself a caption: a value is never taken across one."""
    x1 = caption.bbox[2]
    row = [
        s
        for s in text.segments
        if s.bbox[0] >= x1 - 2
        and s.bbox[0] - x1 < RIGHT_REACH * text.page.width
        and _same_row(s.bbox, caption.bbox)
        and s is not caption
    ]
    if not row:
        return None
    nearest = min(row, key=lambda s: s.bbox[0])
    labelled = {id(h.segment): h.segment for h in hits}
    if id(nearest) in labelled or UNKNOWN_CAPTION.match(nearest.text):
        return None
    if _in_caption_column(nearest, [s for s in labelled.values() if s is not caption], text.page.width):
        return None  # a caption we do not know, in the column where the form's captions stand
    return nearest


def _in_caption_column(segment: Segment, captions: list[Segment], page_width: int) -> bool:
    return any(abs(segment.bbox[0] - c.bbox[0]) < CAPTION_COLUMN * page_width for c in captions)


def _same_row(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Each box's vertical centre lies within the other's height: one baseline, one grid row."""
    centre_a, centre_b = (a[1] + a[3]) / 2, (b[1] + b[3]) / 2
    return b[1] <= centre_a <= b[3] and a[1] <= centre_b <= a[3]


def _cell_of(segment: Segment) -> int | None:
    key = segment.words[0].line_key
    return key[0] if key and key[0] >= CELL_LINE_BASE else None


def _same_cell(a: Segment, b: Segment) -> bool:
    return _cell_of(a) is not None and _cell_of(a) == _cell_of(b)


def _on_segment(hit: LabelHit, end: int, path: str) -> Candidate | None:
    offset = _value_offset(hit, end)
    return _read(hit.segment, offset, hit.segment.text[offset:end], hit.kind, path, "label")


def _caption_alone(hit: LabelHit, end: int) -> bool:
    """The caption ends its segment, but for a hint ('Patient (Last, First)', 'DOB (MM/DD/YY):'): a
    label inside a phrase or a title ('HOSPITAL DISCHARGE REFERRAL') has no value right of it."""
    rest = hit.segment.text[_value_offset(hit, end) :]
    return end == len(hit.segment.text) and bool(CAPTION_HINT.match(rest))


def _value_offset(hit: LabelHit, end: int) -> int:
    """Where a caption's value starts on its segment: past separators, a box number and a format hint."""
    offset = hit.end + _match_length(LEADING_NOISE, hit.segment.text[hit.end : end])
    return offset + _match_length(FORMAT_HINT, hit.segment.text[offset:end])


def _match_length(pattern: re.Pattern[str], text: str) -> int:
    match = pattern.match(text)
    return match.end() if match else 0


def _elsewhere(text: PageText, hit: LabelHit, hits: list[LabelHit], path: str, end: int) -> Candidate | None:
    """The value of a caption whose own segment holds none (see `value_segment`)."""
    found = value_segment(text, hit, hits, _caption_alone(hit, end))
    return _read(found[0], 0, found[0].text, hit.kind, path, found[1]) if found is not None else None


def _segment_below(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> Segment | None:
    """The value in the cell under a label (boxed forms): the nearest segment just below it, or
    anywhere below it in its own ruled cell (a small caption atop a tall box)."""
    x0, top, x1, bottom = hit.segment.bbox
    height = bottom - top
    labelled = {id(h.segment) for h in hits}
    below = [
        s
        for s in text.segments
        if s.bbox[1] > top + height * 0.6
        and (s.bbox[1] < bottom + 2.5 * height or _same_cell(s, hit.segment))
        and s.bbox[0] < max(x1, x0 + 0.2 * text.page.width)
        and s.bbox[2] > x0
        and id(s) not in labelled
    ]
    if not below:
        return None
    return min(below, key=lambda s: (not _spans_overlap(s.bbox, hit.segment.bbox), s.bbox[1], abs(s.bbox[0] - x0)))


def _spans_overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """The two boxes share some of the page's width (a value under its label in the same box)."""
    return a[0] < b[2] and b[0] < a[2]


def _address_under_name(text: PageText, name: Candidate, hits: list[LabelHit]) -> Iterator[Candidate]:
    """'Patient's Name and Address': the street on the line under the name, the city line under that."""
    street = _next_line(text, name.words, hits) if name.words else None
    if street is not None:
        found = _address_from(text, street, 0, len(street.text), hits, "member.address", "below")
        if found is not None:
            yield found


def _address(text: PageText, hit: LabelHit, hits: list[LabelHit], end: int, path: str) -> Candidate | None:
    """The address after its label (or in the cell below it)."""
    offset = _value_offset(hit, end)
    segment, method = hit.segment, "label"
    if not hit.segment.text[offset:end].strip():
        found = value_segment(text, hit, hits, _caption_alone(hit, end))
        if found is None:
            return None
        (segment, method), offset, end = found, 0, -1
    end = len(segment.text) if end < 0 else end
    return _address_from(text, segment, offset, end, hits, path, method)


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
    row = tuple(w for part in _row_parts(text, segment) for w in part.words)
    if row:
        return _joined(path, segment.page, first, row, method)
    below = _next_line(text, first, hits)
    if below is None:
        return None
    label = CITY_LABEL.match(below.text)  # 'City/State/ZIP: Hartford, CT 06103'
    rest = below.words_in_span(label.end(), len(below.text)) if label else below.words
    return _joined(path, segment.page, first, rest, method) if rest else None


def _joined(path: str, page: int, first: tuple[Word, ...], rest: tuple[Word, ...], method: str) -> Candidate | None:
    """The address of a street's words and the words of its city, state and ZIP, read as one."""
    city_line = " ".join(w.text for w in rest)
    read = values.read_address(f"{' '.join(w.text for w in first)}, {city_line}")
    if read is None:
        return None
    words = (*first, *rest)
    return Candidate(path, read.value, page, bbox_of(words), _conf(words), method, raw=city_line, words=words)


def _row_parts(text: PageText, street: Segment) -> list[Segment]:
    """The segments right of a street on its row that open with an address part's caption, in order."""
    right = [s for s in text.segments if s.bbox[0] >= street.bbox[2] - 2 and _same_row(s.bbox, street.bbox)]
    out: list[Segment] = []
    for segment in sorted(right, key=lambda s: s.bbox[0]):
        if not values.PART_CAPTION.match(segment.text):
            break
        out.append(segment)
    return out


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
    if read is None:
        return None
    words = segment.words_in_span(offset + read.start, offset + read.end) or segment.words
    return Candidate(
        path=path,
        value=read.value,
        page=segment.page,
        bbox=bbox_of(words),
        conf=_conf(words),
        method=method,
        raw=value_text[read.start : read.end],
        corrected=read.corrected,
        words=words,
    )


def _conf(words: tuple[Word, ...]) -> float:
    return min(w.conf for w in words) / 100.0


PROVIDER_SUFFIX = re.compile(
    r"^(?:dr\.?\s+)?([A-Z][A-Za-z'\-]+(?:\s+[A-Z]\.)?\s+[A-Z][A-Za-z'\-]+),?\s+(?:MD|M\.D\.|DO|NP)\b"
)
