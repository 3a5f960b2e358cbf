"""Codes printed in an aside of a sentence: '(HCPCS G0152): 9 visits', '(HCPCS A4253, modifier NU)'.

An EHR writes its orders as prose, each code in brackets with its code system's name. The bracket that
closes the aside is punctuation after the code, not a misread character of it; a closing glyph with no
bracket opened before it on the line stays part of the word (a ']' may be a misread 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.fax.model import Word

OPENERS, CLOSERS = "([{", ")]}"
CLOSING = re.compile(r"\s*[)\]}][\s.,;:]*$")  # the aside's bracket and the punctuation after it


def _closes(text: str) -> bool:
    return text.rstrip(".,;:")[-1:] in CLOSERS


def in_aside(words: Sequence[Word], position: int) -> bool:
    """The word closes an aside a bracket opened earlier on the line and no word since has closed."""
    opened = next((i for i in range(position - 1, -1, -1) if words[i].text[:1] in OPENERS), None)
    if opened is None or any(_closes(w.text) for w in words[opened:position]):
        return False
    return _closes(words[position].text)


def without_closing(text: str) -> str:
    """The code of a word closing an aside ('G0152):' -> 'G0152')."""
    return CLOSING.sub("", text)


def code_in_aside(row: Sequence[Word], code: Word) -> bool:
    """The row's code word closes an aside on its row."""
    return any(w is code and in_aside(row, i) for i, w in enumerate(row))
