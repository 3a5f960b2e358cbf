"""A hand's ink in a box of the page: what a signature is (a scribble, not text)."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from PIL import Image

MIN_INK_INCHES = 0.4
MIN_STROKE_INCHES = 0.05  # a hand's stroke is at least this tall; a rule's remnant or a speck is less


def has_ink(
    image: Image.Image, box: tuple[int, int, int, int], dpi: float, printed: Sequence[tuple[int, int, int, int]] = ()
) -> bool:
    """True when a hand's strokes span at least MIN_INK_INCHES across the box: strokes at least
    MIN_STROKE_INCHES tall (what line removal left of a rule, dashes a few pixels tall, and fax specks
    are none), outside the `printed` words' boxes (page pixels)."""
    x0, y0 = max(box[0], 0), max(box[1], 0)
    x1, y1 = min(box[2], image.width), min(box[3], image.height)  # PIL fills a crop beyond the page black
    if x1 <= x0 or y1 <= y0:
        return False
    region = (np.asarray(image.convert("L").crop((x0, y0, x1, y1))) < 128).astype(np.uint8)
    if region.size == 0:
        return False
    for left, top, right, bottom in printed:
        region[max(top - y0, 0) : max(bottom - y0, 0), max(left - x0, 0) : max(right - x0, 0)] = 0
    _, labels, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    tall = np.flatnonzero(stats[:, cv2.CC_STAT_HEIGHT] >= MIN_STROKE_INCHES * dpi)
    strokes = np.isin(labels, tall[tall > 0])
    inked_columns = strokes.sum(axis=0) >= 2
    return bool(inked_columns.sum() >= MIN_INK_INCHES * dpi)
