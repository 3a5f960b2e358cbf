"""A confirming read's edge noise: marks OCR made of a speck or a box's rule at a word's edge, glued to a
value the page read gave without them ('H238102671°', '|w523935030', 'Evergreen. Medicaid').

Such a mark keeps the second read from giving the page read's value (an id reader refuses a glyph glued to
the id: it may have taken one of its characters), so a value both reads saw alike stays unconfirmed. The
marks taken off are only those no letter or digit is ever read as (SPECKS: a degree sign, a dot, a comma, a
quote), or a bar ('|', '!') standing much taller than the page read's word (a rule beside the value, no
letter: an I or a 1 is as tall as its word's capitals). Only where the page read's word has no such mark at
that edge, and word for word: a read that differs in a letter or a digit still gives another value.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.model import Word

SPECKS = "°º.,;:'\"‘’“”`~^_*•·"  # never a letter's or a digit's look-alike
BARS = "|!"  # an I, an l or a 1 as OCR reads them, too: only a bar taller than the word is a rule
RULE_HEIGHT = 1.5  # a bar this many times the page read's word's height is a rule, not a glyph


def trimmed(first: tuple[Word, ...], second: list[Word]) -> list[Word] | None:
    """The second read's words less the edge noise the page read's words lack, word for word; None when
    the two reads have not the same number of words, or nothing was taken off."""
    if not first or len(first) != len(second):
        return None
    out = [_trim(a, b) for a, b in zip(first, second, strict=True)]
    if any(not w.text for w in out) or all(w.text == b.text for w, b in zip(out, second, strict=True)):
        return None
    return out


def _trim(first: Word, second: Word) -> Word:
    marks = SPECKS + (BARS if second.height >= RULE_HEIGHT * first.height else "")
    text = second.text
    lead = len(text) - len(text.lstrip(marks))
    if lead and not first.text.startswith(text[:lead]):
        text = text[lead:]
    trail = len(text) - len(text.rstrip(marks))
    if trail and not first.text.endswith(text[len(text) - trail :]):
        text = text[: len(text) - trail]
    return second if text == second.text else dataclasses.replace(second, text=text)
