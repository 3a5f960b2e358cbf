"""The shape of a code's first character, measured on the page's pixels (no OCR).

Tesseract reads the plain bar of a sans-serif 'I' before digits as '1' (its model expects digits
after digits), so 'I50.9' comes back as '150.9' from every read, and a leading '1' may stand for
I, L or J: several valid codes, none taken. The pixels tell them apart: an I is a plain vertical
bar standing on the line like the digit after it; an L has a foot, a J a hook and (in most faces)
a stem that drops below the line, a 1 a flag and often a base. Only a bar that is plain on both
the grey and the cleaned page counts; anything else decides nothing.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

EDGE = 2  # pixels kept around the word's box (more would take in the label before it)
LINE_SLACK = 0.15  # the bar's top and bottom may differ from the next glyph's by this share of its height
STROKE_SLACK = 0.6  # a row of a plain bar is at most this much wider than its typical row ...
STROKE_SLACK_PX = 2  # ... or this many pixels (fax edges are ragged)
MIN_HEIGHT_SHARE = 0.6  # a bar shorter than this share of the next glyph is a speck, not a letter
HOOK_PX = 2  # a J's foot reaches at least this many pixels left of its stem
PIECE_SHARE = 0.15  # a second piece this big (of the largest) beside a glyph is part of it, not a speck


def first_is_bar(images: list[Image.Image], box: tuple[int, int, int, int]) -> bool:
    """True when the first glyph of the word in `box` is a plain bar standing on the line, in every image."""
    return bool(images) and all(_bar_in(image, box) for image in images)


def _bar_in(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    glyphs = _first_two(image, box)
    return glyphs is not None and (_plain_bar(glyphs[0]) or _serif_bar(glyphs[0])) and _on_the_line(*glyphs)


def first_is_hook(images: list[Image.Image], box: tuple[int, int, int, int]) -> bool:
    """True when the first glyph of the word in `box` is a J in every image: a stem whose foot drops
    below the line the next glyph stands on and bends to the left."""
    return bool(images) and all(_hook_in(image, box) for image in images)


def _hook_in(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    glyphs = _first_two(image, box)
    if glyphs is None:
        return False
    first, nxt = glyphs
    (top, bottom), (ntop, nbottom) = _rows(first), _rows(nxt)
    height = nbottom - ntop + 1
    drops = bottom - nbottom > LINE_SLACK * height and abs(top - ntop) <= LINE_SLACK * height
    return drops and _bends_left(first, top, bottom)


def _bends_left(glyph: np.ndarray, top: int, bottom: int) -> bool:
    """The glyph's lowest rows reach left of its stem (the stem: where the upper half's rows start)."""
    starts = [int(np.flatnonzero(row)[0]) for row in glyph[top : bottom + 1] if row.any()]
    upper, foot = starts[: len(starts) // 2], starts[-max(len(starts) // 5, 1) :]
    stem = float(np.median(upper)) if upper else 0.0
    return bool(upper) and min(foot) <= stem - HOOK_PX


def _first_two(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray] | None:
    x0, y0 = max(box[0] - EDGE, 0), max(box[1] - EDGE, 0)
    piece = np.asarray(image.convert("L").crop((x0, y0, box[2] + EDGE, box[3] + EDGE)))
    if piece.size == 0:
        return None
    _, ink = cv2.threshold(piece, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    glyphs = _glyphs(ink)
    if len(glyphs) < 2 or glyphs[0] is None or glyphs[1] is None:
        return None
    return glyphs[0], glyphs[1]


def _glyphs(ink: np.ndarray) -> list[np.ndarray | None]:
    """The first two glyphs (runs of inked columns), each as its largest connected stroke: fax specks
    beside it are dropped, but a second sizeable piece (a detached foot or hook) makes it no glyph."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    out: list[np.ndarray | None] = []
    for a, b in _column_runs(np.asarray(ink.any(axis=0)))[:2]:
        inside = [i for i in range(1, count) if a <= stats[i, cv2.CC_STAT_LEFT] < b]
        areas = sorted(((int(stats[i, cv2.CC_STAT_AREA]), i) for i in inside), reverse=True)
        if not areas or (len(areas) > 1 and areas[1][0] > PIECE_SHARE * areas[0][0]):
            out.append(None)
            continue
        body = (labels == areas[0][1])[:, a:b]
        out.append(body[:, body.any(axis=0)])
    return out


def _column_runs(columns: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of columns holding ink: the glyphs of a typed word, left to right."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], columns.astype(np.int8), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _rows(glyph: np.ndarray) -> tuple[int, int]:
    filled = np.flatnonzero(glyph.any(axis=1))
    return int(filled[0]), int(filled[-1])


def _plain_bar(glyph: np.ndarray) -> bool:
    """No row much wider than the stroke (no foot, hook, flag or base), and as narrow as a stroke."""
    top, bottom = _rows(glyph)
    widths = glyph[top : bottom + 1].sum(axis=1)
    stroke = float(np.median(widths))
    widest = max(stroke * (1 + STROKE_SLACK), stroke + STROKE_SLACK_PX)
    return stroke > 0 and bool(widths.max() <= widest) and glyph.shape[1] <= widest


def _serif_bar(glyph: np.ndarray) -> bool:
    """A serif face's I: a plain stem with short serifs on both sides at its top and at its foot,
    alike on either side. An L's foot runs far to the right, a 1's flag leans to the left alone."""
    top, bottom = _rows(glyph)
    rows = glyph[top : bottom + 1]
    cut = max(len(rows) // 4, 1)
    middle = rows[cut:-cut]
    if len(middle) == 0 or not all(row.any() for row in middle):
        return False
    left = int(np.median([np.flatnonzero(row)[0] for row in middle]))
    right = int(np.median([np.flatnonzero(row)[-1] for row in middle]))
    stroke = right - left + 1
    if not _plain_bar(middle[:, left : right + 1]) or middle[:, :left].any() or middle[:, right + 2 :].any():
        return False
    return all(_serifs(end, left, right, stroke) for end in (rows[:cut], rows[-cut:]))


def _serifs(end: np.ndarray, left: int, right: int, stroke: int) -> bool:
    """Rows at one end of a stem reach past it on both sides, alike and no further than a stroke more."""
    cols = np.flatnonzero(end.any(axis=0))
    out_left, out_right = left - int(cols[0]), int(cols[-1]) - right
    reach = stroke + STROKE_SLACK_PX
    return 1 <= out_left <= reach and 1 <= out_right <= reach and abs(out_left - out_right) <= STROKE_SLACK_PX


def _on_the_line(bar: np.ndarray, nxt: np.ndarray) -> bool:
    """The bar spans the next glyph's height (a digit's): it neither drops below the line nor is a speck."""
    (top, bottom), (ntop, nbottom) = _rows(bar), _rows(nxt)
    height = nbottom - ntop + 1
    slack = LINE_SLACK * height
    tall_enough = bottom - top + 1 >= MIN_HEIGHT_SHARE * height
    return tall_enough and abs(bottom - nbottom) <= slack and abs(top - ntop) <= slack
