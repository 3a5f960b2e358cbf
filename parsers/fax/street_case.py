"""A street's type word in a case no form prints it in ('931 Maple AVenue': a fax's v read as a capital,
the same letter in another size): the word as it is spelled, 'Avenue'. Only the type words (Avenue,
Street, Road ...) are set right: a street's name may hold inner capitals of its own ('MacArthur')."""

from __future__ import annotations

import re

TYPE_WORDS = frozenset(
    {"street", "avenue", "road", "drive", "lane", "boulevard", "court", "place", "terrace", "parkway", "highway"}
    | {"circle", "square", "way"}
)
WORD = re.compile(r"[A-Za-z]+")


def street_cased(street: str) -> str:
    """The street with each type word in mixed case ('AVenue', 'StReet') capitalised; all capitals and
    capitalised words stay as printed."""
    return WORD.sub(_cased, street)


def _cased(match: re.Match[str]) -> str:
    word = match.group()
    odd = word.lower() in TYPE_WORDS and not word.isupper() and not word.islower() and word != word.capitalize()
    return word.capitalize() if odd else word
