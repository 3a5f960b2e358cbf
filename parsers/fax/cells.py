"""Boxed forms and tables: the cells their ruled lines enclose (OpenCV morphology), each read on its own.

Full-page OCR reads a grid badly: its layout analysis runs a cell's label into its neighbour's,
and small print inside boxes is lost, mostly at standard resolution. Here the ruled lines are
found (long horizontal strokes; vertical strokes that end on a horizontal line at both ends, so a
scanner streak through the page is no cell wall, nor is one that leans by the angle the page was
turned to straighten it: a scanner draws its streaks straight down the image, and the page's walls
were turned upright with the page), the regions they close off are the cells, and every cell is
cut out, inset from its walls, and read as a block of its own. The cells are stacked into one
image so one OCR call reads them all; the rest of the page (cells blanked) is read as a page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from parsers.fax.model import Word
from parsers.fax.ocr import BLOCK_CONFIG, OcrEngine, one_bit, words_of
from parsers.fax.preprocess import component_boxes, paint

Box = tuple[int, int, int, int]
MIN_HEIGHT_IN, MIN_WIDTH_IN = 0.22, 0.3  # smaller enclosed regions are checkboxes, not cells
MAX_PAGE_SHARE = 0.4  # an enclosed region this big is a page frame, not a cell
MIN_FILL = 0.8  # a cell fills most of its bounding box (lines that do not close leave odd shapes)
INSET = 4  # pixels kept clear of a cell's walls when it is cut out
GAP = 30  # white between stacked cells
SCALE = 1.0  # 1.5 read no better and cost 1.9x (bench/fax_accuracy.py, cms485-std)
CELL_LINE_BASE = 10_000  # line keys of words read in cells start here (one key space per cell)


@dataclass(frozen=True)
class Cell:
    index: int
    box: Box


def ruling(bits: np.ndarray, dpi: float, angle: float = 0.0) -> np.ndarray:
    """255 where a form's ruled line is: horizontal rules, and vertical ones ending on them."""
    ink = 255 - bits  # faxed rules are broken by dropouts: close small gaps along each direction first
    across = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 1)))
    down = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 9)))
    horizontal = cv2.morphologyEx(
        across, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (int(0.6 * dpi), 1))
    )
    vertical = cv2.morphologyEx(down, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(0.2 * dpi))))
    reach = cv2.dilate(horizontal, np.ones((9, 9), np.uint8))
    kept = np.zeros_like(vertical)
    x0, y0, w0, h0 = cv2.boundingRect(vertical)  # labelled within the strokes' box only: less CPU
    box = (slice(y0, y0 + h0), slice(x0, x0 + w0))
    count, labels, stats = component_boxes(vertical[box])
    walls = (
        i for i in range(1, count) if _ends_on_rules(stats[i], reach[box]) and not _slants(labels, stats[i], i, angle)
    )
    paint(kept[box], labels, stats, walls, 255)
    return cv2.dilate(cv2.bitwise_or(horizontal, kept), np.ones((3, 3), np.uint8))


def _rect(width: int, height: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (width, height))


def _ends_on_rules(stat: np.ndarray, reach: np.ndarray) -> bool:
    x, y, w, h = (int(v) for v in stat[:4])
    top = reach[y, x : x + w].any()
    bottom = reach[min(y + h - 1, reach.shape[0] - 1), x : x + w].any()
    return bool(top and bottom)


STREAK_MIN_TURN = 0.4  # degrees the page was turned: less, and a streak stands as upright as a wall
STREAK_MIN_DRIFT = 4  # pixels a stroke must drift sideways along its length to count as slanting
THIN = 6  # a stroke's rows this wide or less are its own (wider ones are where it meets a bar or a word)


def _slants(labels: np.ndarray, stat: np.ndarray, i: int, angle: float) -> bool:
    """True when stroke `i` leans as a line drawn straight down the unstraightened page would: a
    scanner's streak, once the page was turned by `angle` degrees (its walls stand upright after)."""
    x, y, w, h = (int(v) for v in stat[:4])
    turn = math.tan(math.radians(abs(angle)))
    if abs(angle) < STREAK_MIN_TURN or h * turn < STREAK_MIN_DRIFT:
        return False
    mine = labels[y : y + h, x : x + w] == i
    widths = mine.sum(axis=1)
    rows = np.flatnonzero((widths > 0) & (widths <= THIN))
    if len(rows) < h / 2:
        return False
    centres = (mine[rows] * np.arange(w)).sum(axis=1) / widths[rows]
    slope = abs(float(np.polyfit(rows, centres, 1)[0]))
    return slope >= 0.6 * turn and slope * h >= STREAK_MIN_DRIFT


def find_cells(bits: np.ndarray, dpi: float, angle: float = 0.0) -> list[Cell]:
    """The enclosed rectangular regions of the page's ruling, top to bottom, left to right; `angle`
    the degrees the page was turned to straighten it (a streak then slants: no wall)."""
    grid = ruling(bits, dpi, angle)
    height, width = grid.shape
    # Only the ruling's bounding box is labelled: a white region reaching its edge joins the white
    # around it, which reaches the page's edge, so it is no cell either way. 8-connected white
    # regions: the ruling is dilated 3x3, so no two white regions touch only at a corner, and these
    # are the 4-connected regions the cells are.
    x0, y0, w0, h0 = cv2.boundingRect(grid)
    if w0 == 0:
        return []  # no ruled lines
    count, labels, stats = component_boxes(cv2.bitwise_not(grid[y0 : y0 + h0, x0 : x0 + w0]))
    boxes = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        touches_edge = x == 0 or y == 0 or x + w >= w0 or y + h >= h0
        small = h < MIN_HEIGHT_IN * dpi or w < MIN_WIDTH_IN * dpi
        if touches_edge or small or w * h > MAX_PAGE_SHARE * width * height or not _fills(labels, i, (x, y, w, h)):
            continue
        boxes.append((x0 + x, y0 + y, x0 + x + w, y0 + y + h))
    return [Cell(i, box) for i, box in enumerate(sorted(boxes, key=lambda b: (b[1], b[0])))]


def _fills(labels: np.ndarray, i: int, box: tuple[int, int, int, int]) -> bool:
    """Region `i` fills MIN_FILL of its box (x, y, w, h): lines that do not close leave odd shapes."""
    x, y, w, h = box
    return int(np.count_nonzero(labels[y : y + h, x : x + w] == i)) >= MIN_FILL * w * h


def _has_ink(image: np.ndarray, box: Box) -> bool:
    x0, y0, x1, y1 = box
    region = image[y0 + INSET : y1 - INSET, x0 + INSET : x1 - INSET]
    return region.size > 0 and int((region < 128).sum()) >= 12


def read_cells(clean: np.ndarray, cells: list[Cell], engine: OcrEngine, binary: bool = False) -> list[Word]:
    """Every inked cell cut from the cleaned page, stacked, read once; words in page pixels, each
    cell's lines keyed apart so no segment runs from one cell into the next. A `binary` page's stack
    is read as 1-bit (ocr.one_bit)."""
    inked = [c for c in cells if _has_ink(clean, c.box)]
    if not inked:
        return []
    stack, offsets = _stack(clean, inked)
    image = Image.fromarray(stack)
    if SCALE != 1.0:
        image = image.resize((round(image.width * SCALE), round(image.height * SCALE)), Image.Resampling.BICUBIC)
    words = words_of(engine.data(one_bit(image) if binary and SCALE == 1.0 else image, BLOCK_CONFIG), scale=SCALE)
    out = []
    for word in words:
        centre = word.top + word.height / 2
        owner = next((o for o in offsets if o[1] - GAP / 2 <= centre < o[2] + GAP / 2), None)
        if owner is None:
            continue
        cell, top, _ = owner
        out.append(_placed(word, cell, top))
    return out


def _placed(word: Word, cell: Cell, top: int) -> Word:
    x0, y0 = cell.box[0] + INSET, cell.box[1] + INSET
    left, upper = max(word.left - GAP + x0, cell.box[0]), max(word.top - top + y0, cell.box[1])
    return Word(  # kept inside its cell: OCR may report a box reaching into the stack's margin
        text=word.text,
        conf=word.conf,
        left=left,
        top=upper,
        width=max(min(word.left - GAP + x0 + word.width, cell.box[2]) - left, 1),
        height=max(min(word.top - top + y0 + word.height, cell.box[3]) - upper, 1),
        line_key=(CELL_LINE_BASE + cell.index, *word.line_key),
    )


def _stack(clean: np.ndarray, cells: list[Cell]) -> tuple[np.ndarray, list[tuple[Cell, int, int]]]:
    crops = [clean[c.box[1] + INSET : c.box[3] - INSET, c.box[0] + INSET : c.box[2] - INSET] for c in cells]
    width = max(c.shape[1] for c in crops) + 2 * GAP
    height = sum(c.shape[0] for c in crops) + GAP * (len(crops) + 1)
    stack = np.full((height, width), 255, np.uint8)
    offsets, y = [], GAP
    for cell, crop in zip(cells, crops, strict=True):
        stack[y : y + crop.shape[0], GAP : GAP + crop.shape[1]] = crop
        offsets.append((cell, y, y + crop.shape[0]))
        y += crop.shape[0] + GAP
    return stack, offsets


def blank_cells(clean: np.ndarray, cells: list[Cell]) -> np.ndarray:
    """The page with its cells whitened: what full-page OCR reads around them."""
    out = clean.copy()
    for cell in cells:
        x0, y0, x1, y1 = cell.box
        out[y0:y1, x0:x1] = 255
    return out
