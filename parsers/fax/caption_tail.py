"""A caption whose last word OCR garbled ('Street Adaiess' for 'Street Address', small print at standard
resolution): the synonym matched its first word, and the garbled word would pass for its value."""

from __future__ import annotations

import dataclasses
import re

from parsers.fax import lexicon
from parsers.fax.synonyms import LabelHit

DIGIT_KINDS = {"address"}  # fields whose value always holds a digit (a street number)


def with_garbled_tail(hit: LabelHit) -> LabelHit:
    """The caption over the rest of its segment when that rest is a garbled word of it ('Street
    Adaiess'): one word of letters alone and no English word, where the field's value has a digit."""
    rest = hit.segment.text[hit.end :]
    if hit.kind not in DIGIT_KINDS or not garbled_tail(rest):
        return hit
    return dataclasses.replace(hit, end=len(hit.segment.text.rstrip()))


def garbled_tail(rest: str) -> bool:
    """`rest` is one word, letters only (but edge marks), no English word; or such a word and one more
    piece of the garbled caption with no number in it ('ADDRE 5S,': a street number has two digits or
    stands first)."""
    words = rest.split()
    if not 1 <= len(words) <= MAX_TAIL_WORDS or any(TWO_DIGITS.search(w) for w in words):
        return False
    return words[0].strip(lexicon.EDGE).isalpha() and not lexicon.known(words[0])


MAX_TAIL_WORDS = 2
TWO_DIGITS = re.compile(r"\d\d")
