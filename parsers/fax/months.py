"""A month's name OCR garbled past reading ('Navernbet' for November, 'Octobcr'): a word whose
letters are near one month's name and clearly nearer it than any other month's. It only marks the
word as part of a date to read again (reread_fields.py); the value comes from re-reads that agree."""

from __future__ import annotations

import difflib

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MIN_LETTERS = 5  # shorter words ('Mar', 'Jun', 'June') are read as they are, never guessed
RATIO = 0.55
MARGIN = 0.15


def garbled_month(word: str) -> bool:
    """The word is a long month's name OCR garbled: its first letter that month's, its letters
    near the month's (difflib ratio >= RATIO), and nearer it by MARGIN than any other month's."""
    letters = word.strip(".,").lower()
    if len(letters) < MIN_LETTERS or not letters.isalpha() or letters in MONTHS:
        return False
    scored = sorted(((difflib.SequenceMatcher(None, letters, m).ratio(), m) for m in MONTHS), reverse=True)
    (best, month), runner_up = scored[0], scored[1][0]
    return best >= RATIO and best - runner_up >= MARGIN and letters[0] == month[0]
