"""How far letters OCR read are from a caption's, where a misread glyph costs less than another letter.

At fax resolution a small face's glyphs blur into their look-alikes ('c' read as 'e' or 'g', 'i' as
'l') and run together or split ('rr' read as 'n', 'rn' as 'm' and back, 'cl' as 'd', 'li' as 'h'): two
such misreads in one caption ('Antielpated', 'Date of turth') are as likely as one plain one. Plain edit
distance counts them as two letters wrong, which a short caption's nearness cannot allow; here each
costs CHEAP, while any other letter substituted, dropped or added costs 1.

A plain or uniformly weighted Levenshtein (difflib, rapidfuzz) prices every substitution alike and has
no two-for-one glyph step, so the table below is applied in a small dynamic programme of our own; the
strings compared are captions of a few words, and the row minimum stops a hopeless comparison early.
"""

from __future__ import annotations

from collections import defaultdict

CHEAP = 0.5
# (as printed, as read): glyphs OCR takes for one another on a small or blurred face, one for one, two
# for one and one for two. Only confusions of shape: 'c' and 'e' and 'g', 'i' and 'l', 'o' and 'c', 'h' and
# 'b'; never letters of different shape ('f' and 't', 'p' and 'r'), which tell real words apart.
ONE_FOR_ONE = (("c", "e"), ("c", "g"), ("c", "o"), ("e", "o"), ("i", "l"), ("h", "b"))
RUN_TOGETHER = (("rn", "m"), ("rr", "n"), ("ri", "n"), ("ti", "n"), ("cl", "d"), ("li", "h"), ("in", "m"))
# two glyphs misread as two others at once: 'ci' as 'el' ('Antielpated'), 'bi' as 'tu' ('turth')
TWO_FOR_TWO = (("ci", "el"), ("bi", "tu"))


def _steps() -> dict[str, list[tuple[str, str]]]:
    """Every cheap step as (printed, read), both ways round, by the read text's last letter."""
    pairs = {*ONE_FOR_ONE, *RUN_TOGETHER, *TWO_FOR_TWO}
    by_last: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for printed, read in pairs | {(read, printed) for printed, read in pairs}:
        by_last[read[-1]].append((printed, read))
    return dict(by_last)


STEPS = _steps()


def ocr_distance(read: str, printed: str, limit: float = 3.0) -> float:
    """The cheapest cost of edits turning `printed` into `read` (a look-alike glyph step CHEAP, any other
    letter 1); `limit` plus one once every way there costs more than `limit`."""
    previous = [float(j) for j in range(len(printed) + 1)]
    rows = [previous]
    for i in range(1, len(read) + 1):
        row = [float(i)] + [0.0] * len(printed)
        for j in range(1, len(printed) + 1):
            row[j] = min(
                previous[j] + 1,
                row[j - 1] + 1,
                previous[j - 1] + (read[i - 1] != printed[j - 1]),
                _cheap_step(rows, read, printed, i, j),
            )
        if min(row) > limit:
            return limit + 1
        rows.append(row)
        previous = row
    return previous[-1]


def _cheap_step(rows: list[list[float]], read: str, printed: str, i: int, j: int) -> float:
    """The cost of reaching (i, j) by a look-alike step ending there: a run of `read` ending at i taken
    for a run of `printed` ending at j."""
    best = float("inf")
    for meant, seen in STEPS.get(read[i - 1], ()):
        back_i, back_j = i - len(seen), j - len(meant)
        if back_i < 0 or back_j < 0 or not read.startswith(seen, back_i) or not printed.startswith(meant, back_j):
            continue
        best = min(best, rows[back_i][back_j] + CHEAP)
    return best


Field = tuple[str, str | None]
MARGIN = 1.0  # a caption of another field must be a plain letter further off than the nearest


def misread_budget(letters: int) -> float:
    """What misreads a caption of this many letters may carry: a plain letter (or two look-alike glyphs),
    and from 13 letters a look-alike glyph more."""
    return 1.5 if letters >= 13 else 1.0


def nearest_caption(letters: str, captions: dict[str, Field]) -> str | None:
    """The caption `letters` misread, when within its budget and clearly nearer it than any caption of
    another field (the captions' spaces not counted)."""
    scored = sorted(
        (
            (ocr_distance(letters, caption.replace(" ", ""), limit=misread_budget(len(caption)) + MARGIN), caption)
            for caption in captions
        ),
        key=lambda scored: scored[0],
    )
    best, caption = scored[0]
    rivals = [cost for cost, other in scored[1:] if captions[other] != captions[caption]]
    if best > misread_budget(len(caption.replace(" ", ""))) or (rivals and rivals[0] - best < MARGIN):
        return None
    return caption
