"""Known English words (pyspellchecker's English list, which holds common place names too:
'springfield', 'stamford'), to tell a rival character that makes a word from one that makes none.

Loaded once per process, on first use (about 0.13 s CPU).
"""

from __future__ import annotations

import functools

from spellchecker import SpellChecker

EDGE = " ,.;:'\"()"  # punctuation a word carries on a form ('Springfield,'): no part of the word


@functools.cache
def _words() -> SpellChecker:
    return SpellChecker(language="en", case_sensitive=False)


def known(word: str) -> bool:
    """True when `word` (letters only once its edge punctuation is dropped) is a known English word."""
    core = word.strip(EDGE)
    return len(core) >= 2 and core.isalpha() and core.casefold() in _words()
