"""A section title printed in bold over a screened (stippled grey) band, read again without the screen.

A form's section bars ('PRESCRIBER', 'PATIENT INFORMATION') are often a grey screen of fine dots with the
title in bold over it. At standard resolution (every other scan line missing) the dots come back as
specks the despeckler keeps, and the page read turns the bar into a row of marks and fragments ('ESORIGER
ws Howry uy') across the page: the title is lost, and with it whose the captions under it are. Such a
row (its segments read unsurely, spread over most of the page's width) is cut from the straightened page,
its thin strokes opened away (the screen's dots are a pixel or two wide, the title's strokes wider), and
read again; when that read holds surely read words and captions of every field the row's segments held
captions of (small captions in a shaded cell fade with the screen: such a row is left), they replace the
row's segments and the page's labels are found again. Values never lie in such a row (a value is read
surely or not at all), so only marks are lost.
"""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
from PIL import Image

from parsers.fax.confirm import GAP, PAD, Region, second_reads
from parsers.fax.extract import labelled_hits
from parsers.fax.labels import hits_in
from parsers.fax.model import Candidate, PageText, Segment, Word
from parsers.fax.reading import FaxRead

JUNK_CONF = 60  # a word read less surely than this is a mark, not a word
MIN_SPREAD = 0.5  # the junk segments of a band cover this share of the page's width
MIN_SEGMENTS = 4
JUNK_SHARE = 0.75  # ... and are this share of the segments on the band
SURE = 65  # a re-read word this sure is the title's
MIN_LETTERS = 3
OPEN = 3  # pixels: the opening that takes the screen's dots away and leaves bold strokes
INK = 128
MAX_HEIGHT = 0.04  # share of the page's height: a bar is a line or two of print high


def reread_shaded_bands(state: FaxRead) -> None:
    """Re-read each page's screened section bars (see the module's doc)."""
    for position, text in enumerate(state.texts):
        page = text.page.number
        bands = _bands(text)
        if bands:
            state.screened[page] = [box for box, _ in bands]
        if not bands or page not in state.prepared:
            continue
        images = {(page, "opened"): opened(state.prepared[page].straight)}
        regions = [Region(f"b{i}", page, box, 1.0, "opened") for i, (box, _) in enumerate(bands)]
        reads = second_reads(regions, images, state.engine)
        segments = list(text.segments)
        for i, (box, on_band) in enumerate(bands):
            words = _placed(reads.get(f"b{i}", []), box, on_band)
            if words and _kinds(on_band) <= _kinds([Segment(page, on_band[0].index, tuple(words))]):
                gone = {id(s) for s in on_band}
                at = min(segments.index(s) for s in on_band)
                rest = [s for s in segments if id(s) not in gone]
                segments = [*rest[:at], Segment(page, on_band[0].index, tuple(words)), *rest[at:]]
        if segments != list(text.segments):
            state.texts[position] = dataclasses.replace(text, segments=segments)
            state.hits[page] = labelled_hits(state.texts[position])


def _kinds(segments: list[Segment]) -> set[str]:
    return {h.kind for s in segments for h in hits_in(s)}


def opened(image: Image.Image) -> Image.Image:
    """The page in black and white with strokes thinner than OPEN pixels taken away."""
    ink = (np.asarray(image) < INK).astype(np.uint8)
    kept = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((OPEN, OPEN), np.uint8))
    return Image.fromarray(((1 - kept) * 255).astype(np.uint8))


def junk(segment: Segment) -> bool:
    return all(w.conf < JUNK_CONF for w in segment.words)


def _bands(text: PageText) -> list[tuple[tuple[int, int, int, int], list[Segment]]]:
    """(box, segments) of each screened band: rows of junk segments spread over the page's width."""
    out: list[tuple[tuple[int, int, int, int], list[Segment]]] = []
    marks = sorted((s for s in text.segments if junk(s)), key=lambda s: s.bbox[1])
    taken: set[int] = set()
    for seed in marks:
        if id(seed) in taken:
            continue
        top, bottom = seed.bbox[1], seed.bbox[3]
        for _ in range(2):  # the junk whose middle lies on the seed's line, then on theirs
            row = [s for s in marks if top <= _centre(s) <= bottom]
            top, bottom = min(s.bbox[1] for s in row), max(s.bbox[3] for s in row)
        if out and top <= out[-1][0][3]:  # the band goes on from the one above
            top = min(top, out.pop()[0][1])
        on_band = [s for s in text.segments if top <= _centre(s) <= bottom]
        taken |= {id(s) for s in on_band}
        if bottom - top <= MAX_HEIGHT * text.page.height and _is_band(text, on_band):
            box = (0, top, text.page.width, bottom)  # the whole width: the title may start left of the marks
            out.append((box, sorted(on_band, key=lambda s: s.bbox[0])))
    return out


def _centre(segment: Segment) -> float:
    return (segment.bbox[1] + segment.bbox[3]) / 2


def _is_band(text: PageText, on_band: list[Segment]) -> bool:
    marks = [s for s in on_band if junk(s)]
    if len(on_band) < MIN_SEGMENTS or len(marks) < JUNK_SHARE * len(on_band):
        return False
    return sum(s.bbox[2] - s.bbox[0] for s in marks) >= MIN_SPREAD * text.page.width * 0.5 and (
        max(s.bbox[2] for s in on_band) - min(s.bbox[0] for s in on_band) >= MIN_SPREAD * text.page.width
    )


def _placed(words: list[Word], box: tuple[int, int, int, int], on_band: list[Segment]) -> list[Word]:
    """The re-read's sure words, back in page pixels on the band's line; none when there are none."""
    sure = [w for w in words if w.conf >= SURE and sum(ch.isalpha() for ch in w.text) >= MIN_LETTERS]
    x0, height = box[0] - PAD - GAP, box[3] - box[1]
    key = on_band[0].words[0].line_key
    return [
        Word(w.text, w.conf, w.left + x0, box[1], w.width, min(w.height, height), key, w.ambiguous, w.tied, w.rivals)
        for w in sorted(sure, key=lambda w: w.left)
    ]


MARK_CONF = 40  # every word of a value read less surely than this: marks (a screen's dots), not a value
MIN_DIGITS = 5  # ... unless it holds this many digits (an ID, a number read unsurely): a screen's dots make no
# such run; the value still needs its second read to count


def drop_mark_values(state: FaxRead) -> None:
    """Values read wholly as marks ('a Ey Ea OB' right of a title on a screened bar) are no values: they
    neither fill a field nor contradict a value read elsewhere."""
    words = {text.page.number: text.page.words for text in state.texts}
    state.candidates = [c for c in state.candidates if not _marks(c, words.get(c.page, []))]


def _marks(cand: Candidate, page_words: list[Word]) -> bool:
    """Every word of the value read less surely than MARK_CONF: a value kept without its words (a
    signature's date) is judged by the page's words in its box, not by its weakest word alone. Not a
    value holding MIN_DIGITS digits ('X628901326' read at 33 in a cell of a standard-resolution fax)."""
    read = cand.raw or " ".join(w.text for w in cand.words)
    if cand.method == "text_layer" or _behind_marks(cand):
        return False
    if sum(ch.isdigit() for ch in read) >= MIN_DIGITS:
        return False
    shown = cand.words or tuple(w for w in page_words if _inside(w, cand.bbox))
    confs = [w.conf for w in shown] or [cand.conf * 100]
    return max(confs) < MARK_CONF


MIN_GLUED_VALUE = 6  # characters of a value read whole behind a rule's marks ('+=W888117023')


def _behind_marks(cand: Candidate) -> bool:
    """One word: a ruled gutter's line read as marks glued before a value read whole ('~=H138240009',
    'Insured ID | H138240009'): its low confidence is the marks', the value is no mark. Its second
    read still decides it, as for any value."""
    if len(cand.words) != 1 or len(cand.raw) < MIN_GLUED_VALUE:
        return False
    text = cand.words[0].text
    core = text.lstrip("~=+-_|!:;.,'\"`^*§¦")
    return core != text and core == cand.raw


def _inside(word: Word, box: tuple[int, int, int, int]) -> bool:
    return box[0] <= word.left and word.right <= box[2] and box[1] <= word.top and word.bottom <= box[3]
