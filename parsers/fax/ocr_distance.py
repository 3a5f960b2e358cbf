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
OFF = float("inf")  # a cell of the table outside the band worth computing
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
    if abs(len(read) - len(printed)) * CHEAP > limit:  # no step changes the length by more than one for CHEAP
        return limit + 1
    band = int(limit / CHEAP)  # a cell further off the diagonal costs more than `limit`: never computed
    previous = [float(j) if j <= band else OFF for j in range(len(printed) + 1)]
    rows = [previous]
    for i in range(1, len(read) + 1):
        steps = _steps_ending(read, i)
        row = [float(i) if i <= band else OFF] + [OFF] * len(printed)
        for j in range(max(1, i - band), min(len(printed), i + band) + 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (read[i - 1] != printed[j - 1]))
            for meant, back_i in steps:
                back_j = j - len(meant)
                if back_j >= 0 and printed.startswith(meant, back_j):
                    row[j] = min(row[j], rows[back_i][back_j] + CHEAP)
        if min(row) > limit:
            return limit + 1
        rows.append(row)
        previous = row
    return previous[-1]


def _steps_ending(read: str, i: int) -> list[tuple[str, int]]:
    """The look-alike steps whose read glyphs end `read` at i: what each stands for, and where it starts."""
    return [
        (meant, i - len(seen))
        for meant, seen in STEPS.get(read[i - 1], ())
        if i >= len(seen) and read.startswith(seen, i - len(seen))
    ]


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
