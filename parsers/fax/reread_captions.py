"""Captions of a table's caption row that OCR garbled past a label, read again.

Small print in a shaded header cell ('Date of birth', 'Medicare / Ins. ID #' in 7 pt Arial Narrow,
over a fax's broken rule) comes back from the page read as marks and fragments ('Dae of uth',
'=«=”S*S* orderdate'). A segment in a caption row (a row of cells each over a value, see
header_row.py) is cut from the cleaned page, enlarged, and read by the standard model (models.py);
when that read holds captions of more of our fields than the page read did (not a party's name: a
heading read anew would change whose every caption under it is), the segment's words are replaced
by it (less marks and unsure words; split where the values under it start: a read that spans two cells
becomes two segments) and the page's labels are found again. The values under the captions still need
their own confirmation.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.confirm import GAP, PAD, read_each_alone
from parsers.fax.extract import labelled_hits
from parsers.fax.header_row import ALIGN, REACH, caption_row
from parsers.fax.labels import hits_in
from parsers.fax.model import PageText, Segment, Word
from parsers.fax.nearby import cell_of, same_row
from parsers.fax.reading import FaxRead
from parsers.fax.synonyms import ANCHOR_KINDS, NOT_A_FIELD, LabelHit

SCALE = 2.0
MAX_WORDS = 8  # a caption cell's words; a longer segment is a sentence, not a caption
SURE = 90  # a segment whose every word OCR read this surely is no garbled caption
MIN_LETTERS = 2  # a caption's letters at least ('ID'); 'me' is a caption cut short ('Name')
CAPTION_MARKS = (":", ";")  # a caption's end mark leading a segment: the value after the caption
MIN_CONF = 30  # re-read words less sure than this are marks of the rule or shading, not the caption's


def reread_captions(state: FaxRead) -> None:
    """Re-read the garbled captions of each page's caption rows (see the module's doc)."""
    for position, text in enumerate(state.texts):
        page = text.page.number
        garbled = _garbled_captions(text, state.hits.get(page, []))
        if not garbled or page not in state.prepared:
            continue
        images = {(page, "clean"): state.prepared[page].ocr_image}
        reads = read_each_alone([s.bbox for s in garbled], page, "clean", images, state.engine, SCALE)
        replaced = {id(s): _as_segments(text, s, words) for s, words in zip(garbled, reads, strict=True)}
        if not any(replaced.values()):
            continue
        segments = [part for s in text.segments for part in (replaced.get(id(s)) or [s])]
        state.texts[position] = dataclasses.replace(text, segments=segments)
        state.hits[page] = labelled_hits(state.texts[position])


def _garbled_captions(text: PageText, hits: list[LabelHit]) -> list[Segment]:
    """Segments of a caption row: short, in no ruled cell, with a row neighbour that together with
    it heads a row of values."""
    out = []
    for segment in text.segments:
        if cell_of(segment) is not None or len(segment.words) > MAX_WORDS or not _unsure(segment):
            continue
        if _resolved(segment):
            continue
        row = [s for s in text.segments if s is not segment and same_row(s.bbox, segment.bbox)]
        if any(caption_row(text, *pair, hits) for r in row for pair in ((segment, r), (r, segment))):
            out.append(segment)
    return out


def _unsure(segment: Segment) -> bool:
    """A segment OCR read unsurely, and with no digit (a value's: a date, a number, a code), not led by a
    caption's end mark (': Male' is the value of the caption before it) and with at least MIN_LETTERS
    letters (fewer are a glyph's box, no caption's): of the 21 such re-reads on the fixtures none named a field."""
    words, text = segment.words, segment.text
    if text.lstrip().startswith(CAPTION_MARKS) or sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return False
    return any(w.conf < SURE for w in words) and not any(ch.isdigit() for w in words for ch in w.text)


def _resolved(segment: Segment) -> bool:
    """Every letter of the segment stands in a caption the page read found: nothing garbled is left in it,
    and a read again (kept only when it captions more fields) could only give those captions again."""
    hits = hits_in(segment)
    covered = {at for hit in hits for at in range(hit.start, hit.end)}
    return bool(hits) and all(at in covered for at, ch in enumerate(segment.text) if ch.isalpha())


def field_kinds(segments: list[Segment]) -> set[str]:
    return {h.kind for s in segments for h in hits_in(s) if h.kind != NOT_A_FIELD}


def _as_segments(text: PageText, segment: Segment, words: list[Word]) -> list[Segment]:
    """The re-read words placed back on the page (across the segment's line), less marks and words
    read unsurely (a rule's remnants over the caption), split where the values under the segment
    start their cells (a re-read's word boxes are too loose to split at its gaps); none unless they
    hold captions of more fields than the segment as the page read it."""
    placed = placed_on_line(segment, words)
    if not placed:
        return []
    parts = [Segment(segment.page, segment.index, tuple(p)) for p in _by_cells(text, segment, placed)]
    before, after = field_kinds([segment]), field_kinds(parts)
    return parts if before < after and not (after - before) & ANCHOR_KINDS else []


def placed_on_line(segment: Segment, words: list[Word]) -> list[Word]:
    """A re-read's words (read alone at SCALE: read_each_alone) put back on the page across the segment's
    line, left to right, less marks and words read unsurely (a rule's remnants over the caption)."""
    kept = sorted((w for w in words if w.conf >= MIN_CONF and any(ch.isalnum() for ch in w.text)), key=lambda w: w.left)
    x0, top, _, bottom = segment.bbox
    return [
        Word(
            w.text,
            w.conf,
            round(x0 - PAD + (w.left - GAP) / SCALE),
            top,
            max(round(w.width / SCALE), 1),
            min(max(round(w.height / SCALE), 1), bottom - top),  # a word's own height: the gaps split cells
            segment.words[0].line_key,
            w.ambiguous,
            w.tied,
            w.rivals,
        )
        for w in kept
    ]


def _by_cells(text: PageText, segment: Segment, words: list[Word]) -> list[list[Word]]:
    """The words in groups, a new group where a value under the segment starts (with ALIGN's reach)."""
    x0, top, x1, bottom = segment.bbox
    reach, slack = bottom + REACH * (bottom - top), ALIGN * text.page.width
    starts = sorted(
        s.bbox[0] - slack for s in text.segments if bottom <= s.bbox[1] <= reach and x0 - slack <= s.bbox[0] < x1
    )
    groups: dict[int, list[Word]] = {}
    for word in words:
        groups.setdefault(sum(1 for at in starts[1:] if word.left >= at), []).append(word)
    return [groups[key] for key in sorted(groups)]
