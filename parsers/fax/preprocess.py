"""Page clean-up before OCR (OpenCV). Each step is optional: the benchmark decides which stay on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

MAX_SKEW_DEGREES = 4.0
# One OpenCV thread, as tesseract runs with one (OMP_THREAD_LIMIT=1): the service's parallelism is
# worker processes, and OpenCV's own threads cost about 1.5x the CPU on a page's morphology here
# (bench/fax_accuracy.py measures CPU time).
cv2.setNumThreads(1)


@dataclass(frozen=True)
class Steps:
    deskew: bool = True
    binarize: bool = True
    despeckle: bool = True
    remove_lines: bool = True
    cells: bool = True  # ruled cells found and each read on its own (cells.py)
    target_dpi: int = 204  # pages are resampled to this (square pixels) before anything else


DEFAULT_STEPS = Steps()


@dataclass(frozen=True)
class Prepared:
    ocr_image: Image.Image  # what full-page OCR reads
    straight: Image.Image  # deskewed grey page: the source of second reads (other preprocessing)
    angle: float  # degrees the page was turned to straighten it
    bits: np.ndarray | None = None  # the straightened page binarised (Otsu), when that was computed


def prepare(image: Image.Image, steps: Steps = DEFAULT_STEPS) -> Prepared:
    """The page as OCR should see it, the straightened grey page, and that page binarised."""
    grey = np.asarray(image.convert("L"))
    angle = skew_angle(grey) if steps.deskew else 0.0
    grey = rotate(grey, angle)
    straight = Image.fromarray(grey)
    bits = binarized(grey)
    return Prepared(Image.fromarray(cleaned(grey, steps, bits)), straight, angle, bits)


def cleaned(grey: np.ndarray, steps: Steps, bits: np.ndarray | None = None) -> np.ndarray:
    """`grey` cleaned by `steps`; `bits` is `grey` binarised when the caller has it already."""
    if steps.binarize:
        grey = reverse_print_undone(bits if bits is not None else binarized(grey), steps.target_dpi)
    if steps.despeckle:
        grey = despeckled(grey)
    if steps.remove_lines:
        grey = without_lines(grey)
    return grey


def unrotate_box(box: tuple[int, int, int, int], angle: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A box on the straightened page mapped back onto the page as received."""
    if abs(angle) < 0.01:
        return box
    matrix = cv2.invertAffineTransform(cv2.getRotationMatrix2D((size[0] / 2, size[1] / 2), angle, 1.0))
    corners = np.array([[box[0], box[1], 1], [box[2], box[1], 1], [box[0], box[3], 1], [box[2], box[3], 1]], float)
    mapped = corners @ matrix.T
    return (
        int(mapped[:, 0].min()),
        int(mapped[:, 1].min()),
        int(mapped[:, 0].max()),
        int(mapped[:, 1].max()),
    )


def skew_angle(grey: np.ndarray) -> float:
    """The rotation that makes text rows horizontal (projection-profile search, degrees): whole
    degrees first, then quarter degrees around the best (the same angle as trying every quarter
    degree on every fixture page and 120 randomly turned ones, at half the CPU)."""
    small = cv2.resize(grey, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    ink = (small < 128).astype(np.float32)
    coarse = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.01, 1.0), key=lambda a: _rows_score(ink, a))
    near = np.arange(coarse - 0.75, coarse + 0.76, 0.25)
    return float(max(near[np.abs(near) <= MAX_SKEW_DEGREES + 1e-9], key=lambda a: _rows_score(ink, a)))


def _rows_score(ink: np.ndarray, angle: float) -> float:
    """How sharply the ink's row sums change when turned by `angle`: highest when text rows lie flat."""
    rows = rotate(ink, float(angle), border=0.0).sum(axis=1)
    return float(np.square(np.diff(rows)).sum())


def rotate(image: np.ndarray, angle: float, border: float = 255.0) -> np.ndarray:
    if abs(angle) < 0.01:
        return image
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(
        image,
        matrix,
        (width, height),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=border,
    )


def binarized(grey: np.ndarray) -> np.ndarray:
    _, bits = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return bits


# Reverse print: white letters in a black bar, as health plans and EHRs print section titles. Line
# removal takes a bar for a thick rule and leaves its letters as debris OCR reads as words ('TO', 'Re'),
# false captions in the middle of the form. A bar is a solid black band at least BAR_MIN_WIDTH_IN wide,
# between BAR_MIN/MAX_HEIGHT_IN tall (a text line's height, not a logo's or a page edge's), mostly
# black (BAR_MIN_FILL: black print, even bold and run together, is far sparser) yet with some white
# in it (its letters): such a band is turned black-on-white so its title is read as the words it is.
BAR_MIN_WIDTH_IN, BAR_MIN_HEIGHT_IN, BAR_MAX_HEIGHT_IN = 1.0, 0.12, 0.6
BAR_MIN_FILL, BAR_MAX_FILL = 0.6, 0.97


def reverse_print_undone(bits: np.ndarray, dpi: float) -> np.ndarray:
    """`bits` with every reverse-printed bar (see BAR_MIN_WIDTH_IN) turned black on white. Bars are
    looked for on the page at a quarter of its size (a sixteenth of the CPU), checked at full size."""
    small = cv2.resize(bits, None, fx=BAR_SCALE, fy=BAR_SCALE, interpolation=cv2.INTER_AREA)
    dark = cv2.morphologyEx((small < 128).astype(np.uint8) * 255, cv2.MORPH_CLOSE, _rect(3, 3))  # letters filled
    size = (round(BAR_MIN_WIDTH_IN * dpi * BAR_SCALE), round(BAR_MIN_HEIGHT_IN * dpi * BAR_SCALE))
    count, _, stats = components(cv2.morphologyEx(dark, cv2.MORPH_OPEN, _rect(*size)))
    boxes = [_full_size(stats[i]) for i in range(1, count)]
    bars = [_grown(bits, box) for box in boxes if _is_bar(bits, box, dpi)]
    if not bars:
        return bits
    out = bits.copy()
    for box in bars:
        _replace_bar(out, bits, box, round(BAR_EDGE_IN * dpi))
    return out


BAR_EDGE_IN = 0.03  # a faxed bar's ragged edge: ink joined to it this far outside its solid box is its own


def _replace_bar(out: np.ndarray, bits: np.ndarray, box: tuple[int, int, int, int], margin: int) -> None:
    """In `out`, the bar at `box` whitened with the ink joined to it just outside (its ragged edge, the
    rules it touches) and its letters drawn black in it."""
    x0, y0, x1, y1 = box
    top, left = max(y0 - margin, 0), max(x0 - margin, 0)
    band = bits[top : y1 + margin, left : x1 + margin]
    _, labels, _ = components(255 - band)
    inner = (slice(y0 - top, y1 - top), slice(x0 - left, x1 - left))
    joined = np.unique(labels[inner])
    whitened = np.where(np.isin(labels, joined[joined > 0]), 255, band).astype(np.uint8)
    whitened[inner] = _letters_in_black(bits[y0:y1, x0:x1])
    out[top : y1 + margin, left : x1 + margin] = whitened


def _letters_in_black(region: np.ndarray) -> np.ndarray:
    """A bar's white letters (the white it encloses) black on white; white at its edge is dropped."""
    _, labels, stats = components(region)
    x, y, w, h = (stats[:, i] for i in range(4))
    enclosed = (x > 0) & (y > 0) & (x + w < region.shape[1]) & (y + h < region.shape[0])
    out = np.full_like(region, 255)
    paint(out, labels, stats, np.flatnonzero(enclosed[1:]) + 1, 0)
    return out


BAR_SCALE = 0.25


def _full_size(stat: np.ndarray) -> tuple[int, int, int, int]:
    """A quarter-size component's box at full size, one quarter pixel inside its edge (the edge is grey)."""
    x, y, w, h = (int(v) for v in stat[:4])
    return _up(x + 1), _up(y + 1), _up(x + w - 1), _up(y + h - 1)


def _up(quarter: int) -> int:
    return round(quarter / BAR_SCALE)


SOLID = 0.5  # rows and columns along a bar this black are its edge (ragged on a fax), not a line of their own


def _grown(bits: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """A bar's box grown to its edges: while the row or column just outside it is solid black."""
    x0, y0, x1, y1 = box
    ink = bits < 128
    while y0 > 0 and ink[y0 - 1, x0:x1].mean() >= SOLID:
        y0 -= 1
    while y1 < bits.shape[0] and ink[y1, x0:x1].mean() >= SOLID:
        y1 += 1
    while x0 > 0 and ink[y0:y1, x0 - 1].mean() >= SOLID:
        x0 -= 1
    while x1 < bits.shape[1] and ink[y0:y1, x1].mean() >= SOLID:
        x1 += 1
    return x0, y0, x1, y1


def _is_bar(bits: np.ndarray, box: tuple[int, int, int, int], dpi: float) -> bool:
    """A text line's height, mostly black, with letters in white inside (a smudge has only specks)."""
    x0, y0, x1, y1 = box
    if not BAR_MIN_HEIGHT_IN * dpi <= y1 - y0 <= BAR_MAX_HEIGHT_IN * dpi:
        return False
    region = bits[y0:y1, x0:x1]
    fill = float((region < 128).mean())
    return BAR_MIN_FILL <= fill <= BAR_MAX_FILL and _white_letters(region, dpi) >= MIN_BAR_LETTERS


MIN_BAR_LETTERS = 3
LETTER_HEIGHT_IN = (0.05, 0.25)  # a reverse-printed letter's height (6 to 24 pt capitals)


def _white_letters(region: np.ndarray, dpi: float) -> int:
    """White components inside a dark band, as tall as letters are and enclosed by it (not the white
    around black print the band's box took in)."""
    _, _, stats = components(region)
    x, y, w, h = (stats[1:, i] for i in range(4))
    enclosed = (x > 0) & (y > 0) & (x + w < region.shape[1]) & (y + h < region.shape[0])
    low, high = (v * dpi for v in LETTER_HEIGHT_IN)
    return int((enclosed & (h >= low) & (h <= high)).sum())


def despeckled(bits: np.ndarray) -> np.ndarray:
    """Black specks smaller than a full stop become white (each whitened inside its own small box:
    indexing the whole page by its labels cost 3x the CPU)."""
    _, labels, stats = components(255 - bits)
    out = bits.copy()
    paint(out, labels, stats, np.flatnonzero(stats[1:, cv2.CC_STAT_AREA] < SPECK_AREA) + 1, 255)
    return out


SPECK_AREA = 12  # pixels: a full stop at 204 dpi is larger


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """The 8-connected components of `mask` (non-zero pixels): count, labels and stats, as
    cv2.connectedComponentsWithStats gives them; OpenCV's BBDT labelling finds the same components
    at about a third of the default's CPU on a fax page here (its default for 8-connectivity with stats)."""
    if mask.size == 0:
        return 1, np.zeros(mask.shape, np.int32), np.zeros((1, 5), np.int32)
    count, labels, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(mask, 8, cv2.CV_32S, cv2.CCL_BBDT)
    return int(count), labels, stats


def component_boxes(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """As `components`, but the stats hold each component's box only (its area is left 0): the
    labels without statistics, and the boxes from the components' outer contours. OpenCV's
    statistics pass visits every pixel, a third to five sixths of the labelling's CPU on a page's
    white or its ruling here, where tracing the few components' edges costs a tenth of a millisecond."""
    if mask.size == 0:
        return components(mask)
    count, labels = cv2.connectedComponentsWithAlgorithm(mask, 8, cv2.CV_32S, cv2.CCL_BBDT)
    stats = np.zeros((count, 5), np.int32)
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    for contour, links in zip(contours, hierarchy[0] if hierarchy is not None else [], strict=True):
        if links[3] < 0:  # an outer edge (not a hole's): one per 8-connected component, as labelled
            x, y = (int(v) for v in contour[0, 0])
            stats[labels[y, x], :4] = cv2.boundingRect(contour)
    return int(count), labels, stats


def paint(image: np.ndarray, labels: np.ndarray, stats: np.ndarray, chosen: Iterable[int], value: int) -> None:
    """Set the pixels of the `chosen` components (of `components`) to `value`, each within its box."""
    for i in chosen:
        x, y, w, h = (int(v) for v in stats[i, :4])
        image[y : y + h, x : x + w][labels[y : y + h, x : x + w] == i] = value


def line_mask(bits: np.ndarray) -> np.ndarray:
    """Long horizontal and vertical strokes (form lines, fax streaks): 255 where a line is.

    A stroke is first thickened across itself by a pixel each side, so one that leans a little (a
    straightened page turns it) is still one run; a vertical one also has its dropouts closed, so a
    fax streak broken by the fax is too (lines of text are further apart than the gaps closed; the
    letters of a word are not, so horizontal strokes are not closed).
    """
    ink = 255 - bits
    flat = cv2.dilate(ink, _rect(1, 3))
    tall = cv2.morphologyEx(cv2.dilate(ink, _rect(3, 1)), cv2.MORPH_CLOSE, _rect(1, LINE_GAP))
    horizontal = cv2.morphologyEx(flat, cv2.MORPH_OPEN, _rect(120, 1))
    vertical = cv2.morphologyEx(tall, cv2.MORPH_OPEN, _rect(1, 90))
    return cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((3, 3), np.uint8))


LINE_GAP = 5  # dropouts this long along a vertical line are closed before lines are looked for


def _rect(width: int, height: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (width, height))


def without_lines(bits: np.ndarray) -> np.ndarray:
    """The page with its lines whitened, except where a line ran through a letter: ink on both sides
    of the cut within `HEAL` pixels (across the line) is put back, so a streak does not split a word."""
    mask = line_mask(bits)
    out = cv2.bitwise_or(bits, mask)
    ink = cv2.bitwise_not(out)
    across = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, _rect(HEAL, 1))
    down = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, _rect(1, HEAL))
    joined = cv2.bitwise_or(across, down)
    for kernel in DIAGONALS:  # a slanting stroke cut by a streak (the diagonal of a '4')
        joined = cv2.bitwise_or(joined, cv2.morphologyEx(ink, cv2.MORPH_CLOSE, kernel))
    healed = cv2.bitwise_and(cv2.bitwise_and(mask, cv2.bitwise_not(bits)), joined)
    return cv2.bitwise_and(out, cv2.bitwise_not(healed))  # (OpenCV's masks: a third of numpy's boolean CPU)


HEAL = 7  # a cut this wide (a line through a letter, with the mask's margin) is closed again
SLANT_HEAL = 9  # a slanting stroke crosses a cut on a longer path: its two ends this far apart (diagonally)
DIAGONALS = (np.eye(SLANT_HEAL, dtype=np.uint8), np.fliplr(np.eye(SLANT_HEAL, dtype=np.uint8)).copy())
