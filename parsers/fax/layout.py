"""Words into lines and segments in reading order (a segment ends at a wide horizontal gap)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from statistics import median

from parsers.fax.model import Page, Segment, Word

GAP_FACTOR = 2.2


def lines_of(page: Page, by_key: bool = True) -> list[list[Word]]:
    """Each line's words left to right, lines top to bottom.

    `by_key`: tesseract's own lines (which stop at a table's column gaps); else every word at the
    same height on the (straightened) page, the whole width across: a table row, a signature line.
    """
    use_key = by_key and bool(page.words) and bool(page.words[0].line_key)
    groups = _by_line_key(page.words) if use_key else _by_overlap(page.words)
    lines = [sorted(group, key=lambda w: w.left) for group in groups if group]
    return sorted(lines, key=lambda line: (median(w.top + w.height / 2 for w in line), line[0].left))


def _by_line_key(words: list[Word]) -> list[list[Word]]:
    groups: dict[tuple[int, ...], list[Word]] = defaultdict(list)
    for word in words:
        groups[word.line_key].append(word)
    return list(groups.values())


def _by_overlap(words: list[Word]) -> list[list[Word]]:
    """Words at the same height, each within half a height of its line's centre: the taller of its own
    and its line's (a dash or a speck boxed a few pixels tall is in the line of the words around it,
    not the start of a line of its own the rest of the row would join)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.top + w.height / 2):
        centre = word.top + word.height / 2
        if lines and abs(centre - _centre(lines[-1])) < 0.5 * max(word.height, _height(lines[-1]), 1):
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _height(line: list[Word]) -> float:
    return median(w.height for w in line)


def _centre(line: list[Word]) -> float:
    return sum(w.top + w.height / 2 for w in line) / len(line)


def split_at_gaps(line: list[Word]) -> list[list[Word]]:
    height = median(w.height for w in line)
    parts: list[list[Word]] = [[line[0]]]
    for previous, word in itertools.pairwise(line):
        if word.left - previous.right > max(GAP_FACTOR * height, 30):
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def page_segments(page: Page) -> tuple[list[Segment], list[Segment]]:
    """(whole lines, gap-split segments) of one page, each in reading order."""
    lines = [
        Segment(page=page.number, index=i, words=tuple(words)) for i, words in enumerate(lines_of(page, by_key=False))
    ]
    segments: list[Segment] = []
    for words in lines_of(page):
        for part in split_at_gaps(words):
            segments.append(Segment(page=page.number, index=len(segments), words=tuple(part)))
    return lines, segments
