"""A small caption stacked right over its value in larger print, both from one left edge (a sidebar's
'Home address' in 7 pt over '1705 Oak Ridge Rd' in 10 pt): the value is the line under it, never a
column across the page on the caption's row (a table's cell beside the sidebar)."""

from __future__ import annotations

from statistics import median

from parsers.fax.model import Segment

SMALL = 0.85  # the caption's print is at most this share of the value's height
STACK_GAP = 1.5  # the value starts within this many caption heights under the caption
LEFT_ALIGN = 1.5  # ... and its left edge within this many caption heights of the caption's


def stacked_over(caption: Segment, value: Segment) -> bool:
    """`caption` stands right over `value`, from its left edge, in smaller print."""
    height = median(w.height for w in caption.words)
    gap = value.bbox[1] - caption.bbox[3]
    aligned = abs(value.bbox[0] - caption.bbox[0]) <= LEFT_ALIGN * height
    return (
        -0.3 * height <= gap <= STACK_GAP * height
        and aligned
        and height <= SMALL * median(w.height for w in value.words)
    )
