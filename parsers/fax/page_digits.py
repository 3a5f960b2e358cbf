"""A re-read must agree with what the page read plainly: a code's re-reads may settle one digit the
page misread ('E0260' for 'E026O', 'E1390' for 'E1398'), but when they differ from two digits the page
read as digits ('E1350' for a page's '£1396'), the two reads disagree, and neither is the code."""

from __future__ import annotations

MAX_DIGITS_OVERRULED = 1


def digits_overruled(page_text: str, value: str) -> int:
    """How many of the page read's digits the re-read `value` gives otherwise, character by character
    (a code's first letter read as a mark counts for nothing: '£1396'); 0 when their lengths differ."""
    if len(page_text) != len(value):
        return 0
    return sum(1 for seen, read in zip(page_text, value, strict=True) if seen.isdigit() and read != seen)


def agrees_with_page(page_text: str, value: str) -> bool:
    """True when the re-read `value` overrules at most one digit the page read plainly."""
    return digits_overruled(page_text, value) <= MAX_DIGITS_OVERRULED
