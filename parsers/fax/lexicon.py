"""Known English words (pyspellchecker's English list, which holds common place names too:
'springfield', 'stamford'), to tell a rival character that makes a word from one that makes none.

Loaded once per process, on first use (about 0.13 s CPU).
"""

from __future__ import annotations

import functools
import unicodedata

from spellchecker import SpellChecker

EDGE = " ,.;:'\"()‘’“”"  # punctuation a word carries on a form ('Springfield,', a speck read as '‘'): no part of it


@functools.cache
def _words() -> SpellChecker:
    return SpellChecker(language="en", case_sensitive=False)


# Words of home-care organisations' names the English list lacks: the trade's abbreviations (durable or home
# medical equipment, a visiting nurse association, a home health agency) and company forms ('Northside DME
# Supply', 'Riverside VNA Home Care'); a read of one as no word ('OME') is a misread of it, as of any word.
TRADE_WORDS = frozenset({"dme", "hme", "vna", "hha", "llc", "pllc", "homecare"})


def known(word: str) -> bool:
    """True when `word` (letters only once its edge punctuation is dropped) is a known English word, or
    one of the trade's (TRADE_WORDS)."""
    core = word.strip(EDGE)
    folded = core.casefold()
    return len(core) >= 2 and core.isalpha() and (folded in TRADE_WORDS or folded in _words())


COMPOUND_PART = 3  # the shortest word a compound name's part may be ('Bay'+'view', 'North'+'side')


def known_or_compound(word: str) -> bool:
    """A known word, or one of two known words run together as organisations name themselves
    ('Northside', 'Westbrook', 'Bayview'), each part at least COMPOUND_PART letters."""
    core = word.strip(EDGE)
    if known(core):
        return True
    parts = range(COMPOUND_PART, len(core) - COMPOUND_PART + 1)
    if not core.isalpha() or not any(known(core[:at]) and known(core[at:]) for at in parts):
        return False
    # one letter from a known word ('Hartfond' for Hartford) it is a misread of that word, no compound
    return not _words().known(_words().edit_distance_1(core.casefold()))


def misread(first: str, second: str) -> bool:
    """True when `second` reads the same words as `first` but for misread ones: where they differ,
    word for word, `first` has a known word (or compound: 'AirWell') and `second` no word of the same
    length or one letter off ('Health' as 'Heaith', 'Home' as 'Hbme', 'Providence' as 'Provitience'), or
    `second` has it with an accent OCR put on a plain letter ('Northsidé'); a word in another case is the
    same word ('Ri' for 'RI'). Such a read neither agrees with `first` nor gives another value."""
    a, b = _alnum_words(first), _alnum_words(second)
    if len(a) != len(b) or [x.casefold() for x in a] == [y.casefold() for y in b]:
        return False
    return all(x.casefold() == y.casefold() or _misread_word(x, y) for x, y in zip(a, b, strict=True))


def _alnum_words(text: str) -> list[str]:
    """The text's words, less marks standing alone (a rule's remnant read as ',' after a name)."""
    return [w for w in text.split() if any(ch.isalnum() for ch in w)]


SPLIT_LETTERS = 1


def _misread_word(word: str, read: str) -> bool:
    if read != word and _unaccented(read) == word:
        return True
    # a letter may come back as two ('d' as 'ti': 'Provitience'), or two as one
    near_length = abs(len(word.strip(EDGE)) - len(read.strip(EDGE))) <= SPLIT_LETTERS
    return near_length and known_or_compound(word) and not known_or_compound(read)  # 'AirWell' as 'A1rWeli'


def _unaccented(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


NEAR_MISS_LETTERS = 4  # shorter words (a state, a unit) are too often one letter from another


def near_miss(word: str) -> bool:
    """A word that is no word but one letter from a known one ('Springtield' for Springfield): a
    misread, even when two reads of the same pixels agree on it."""
    core = word.strip(EDGE)
    if len(core) < NEAR_MISS_LETTERS or not core.isalpha() or known_or_compound(core):
        return False
    return bool(_words().known(_words().edit_distance_1(core.casefold())))


# A street's suffix as addresses abbreviate it (USPS): in an address, a word one letter off one ('Aye'
# for 'Ave', 'Or' for 'Dr') is that suffix misread, never a word of the address.
STREET_ABBREVIATIONS = frozenset({"st", "ave", "rd", "dr", "ln", "blvd", "ct", "pl", "ter", "pkwy", "hwy", "cir", "sq"})


def known_in_address(word: str) -> bool:
    """A word of an address: a street abbreviation, or a known word that is not one letter off one."""
    core = word.strip(EDGE).casefold()
    if core in STREET_ABBREVIATIONS:
        return True
    return known(core) and not any(_one_letter_off(core, suffix) for suffix in STREET_ABBREVIATIONS)


def _one_letter_off(word: str, other: str) -> bool:
    return len(word) == len(other) and sum(a != b for a, b in zip(word, other, strict=True)) == 1
