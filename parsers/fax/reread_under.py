"""Captions printed under their fill-in lines that OCR garbled past every label, read again.

At standard resolution (every other scan line missing) a form's small captions under its lines come back
from the page read as 'Hosphal Discharge Dale', 'sian of Therapy', 'Cute imm dd-yyyy)': no label is found,
and the value over the caption is lost with it. On a page that prints its captions under its lines
(nearby.under_style), a short segment with no label, no digit and a word read unsurely, standing right
under a value read surely (a garbled caption over it is no value), is cut from the straightened grey
page, enlarged and read by the standard model (models.py), each alone (a stack's layout analysis runs
small print together); when that read holds captions of more of our fields (not a party's name or
organisation: a heading read anew would change whose every caption under it is), or a 'Date' caption
surely read where the page read had none (a signature's date caption), the segment's words
are replaced by it (less marks and unsure words; split where the values over it start) and the page's
labels are found again. The values over the captions still need their own confirmation.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Sequence

from parsers.fax.confirm import read_each_alone
from parsers.fax.extract import labelled_hits
from parsers.fax.model import PageText, Segment, Word
from parsers.fax.nearby import cell_of, spans_overlap, under_style
from parsers.fax.reading import FaxRead
from parsers.fax.reread_captions import CAPTION_MARKS, SCALE, field_kinds, placed_on_line
from parsers.fax.synonyms import ANCHOR_KINDS

MAX_WORDS = 8  # a caption's words; a longer segment is a sentence
UNSURE = 70  # a garbled caption has a word OCR read less surely than this
VALUE_CONF = 80  # the mean word confidence of a value read surely
MOST = 10  # segments re-read on a page at most, the least surely read first
MIN_LETTERS = 4
SURE_WORD = 50  # a 'Date' caption the re-read gives this surely
REACH = 2.5  # a value ends within this many caption heights over its caption


def reread_captions_under(state: FaxRead) -> None:
    """Re-read the garbled captions under the values of each page that prints captions so (see the doc)."""
    if not any(under_style(t, state.hits.get(t.page.number, [])) for t in state.texts):
        return  # one sender's pages are one form: a page that prints captions under its lines speaks for all
    for position, text in enumerate(state.texts):
        page = text.page.number
        if page not in state.prepared:
            continue
        bands = state.screened.get(page, [])
        garbled = sorted(
            (s for s in text.segments if _garbled(text, s, bands)), key=lambda s: min(w.conf for w in s.words)
        )
        garbled = garbled[:MOST]
        if not garbled:
            continue
        images = {(page, "straight"): state.prepared[page].straight}
        reads = read_each_alone([s.bbox for s in garbled], page, "straight", images, state.engine, SCALE)
        replaced = {id(s): _as_segments(text, s, words) for s, words in zip(garbled, reads, strict=True)}
        if not any(replaced.values()):
            continue
        segments = [part for s in text.segments for part in (replaced.get(id(s)) or [s])]
        lines = [_with_words(line, text.segments, replaced) for line in text.lines]
        state.texts[position] = dataclasses.replace(text, lines=lines, segments=segments)
        state.hits[page] = labelled_hits(state.texts[position])


def _with_words(line: Segment, segments: list[Segment], replaced: dict[int, list[Segment]]) -> Segment:
    """The line with each replaced segment's words in place of the ones the page read gave it."""
    words = list(line.words)
    for segment in segments:
        parts = replaced.get(id(segment))
        old = {id(w) for w in segment.words}
        at = next((i for i, w in enumerate(words) if id(w) in old), None)
        if parts and at is not None:
            words = [*words[:at], *(w for p in parts for w in p.words), *(w for w in words[at:] if id(w) not in old)]
    return dataclasses.replace(line, words=tuple(words))


def _garbled(text: PageText, segment: Segment, bands: Sequence[tuple[int, int, int, int]] = ()) -> bool:
    """A short segment read unsurely, with no digit and no label, right under a value, and on no screened
    band (`bands`: shaded_bands read a band's title again with its screen opened away; its marks read on the
    grey page come back as dozens of marks, at the CPU cost of a page read, 0.3 s a crop)."""
    words = segment.words
    if cell_of(segment) is not None or len(words) > MAX_WORDS or min(w.conf for w in words) >= UNSURE:
        return False
    centre = (segment.bbox[1] + segment.bbox[3]) / 2
    if any(top <= centre <= bottom for _, top, _, bottom in bands):
        return False
    if any(ch.isdigit() for w in words for ch in w.text) or sum(ch.isalpha() for ch in segment.text) < MIN_LETTERS:
        return False
    if segment.text.lstrip().startswith(CAPTION_MARKS):
        return False  # ': English': the value of a caption before it on its row
    return not field_kinds([segment]) and any(_read_surely(s) for s in _values_over(text, segment))


def _read_surely(value: Segment) -> bool:
    """A value read surely (a garbled caption or a row of marks over a segment makes it no caption under a value)."""
    return statistics.mean(w.conf for w in value.words) >= VALUE_CONF


def _values_over(text: PageText, segment: Segment) -> list[Segment]:
    """The segments ending right over `segment`, across its span: the values its captions are under."""
    top, bottom = segment.bbox[1], segment.bbox[3]
    reach = REACH * (bottom - top)
    return sorted(
        (
            s
            for s in text.segments
            if s is not segment and top - reach <= s.bbox[3] <= top + 2 and spans_overlap(s.bbox, segment.bbox)
        ),
        key=lambda s: s.bbox[0],
    )


def _as_segments(text: PageText, segment: Segment, words: list[Word]) -> list[Segment]:
    """The re-read's words back on the page (on the segment's line), less marks and unsure words, split
    where the values over the segment start; none unless they hold captions of more fields."""
    placed = placed_on_line(segment, words)
    if not placed:
        return []
    starts = [s.bbox[0] for s in _values_over(text, segment)][1:]
    groups: dict[int, list[Word]] = {}
    for word in placed:
        groups.setdefault(sum(1 for at in starts if word.left >= at - 2), []).append(word)
    parts = [Segment(segment.page, segment.index, tuple(groups[key])) for key in sorted(groups)]
    before, after = field_kinds([segment]), field_kinds(parts)
    if before < after and not (after - before) & ANCHOR_KINDS:
        return parts
    return parts if not after - before and _dates([segment]) < _dates(parts, SURE_WORD) else []


def _dates(segments: list[Segment], sure: float = 0.0) -> int:
    """'Date' captions (read at least `sure`): a signature's date caption under its line, no field's alone."""
    return sum(1 for s in segments for w in s.words if w.conf >= sure and w.text.strip(" .,:;(").lower() == "date")
