"""An organisation's name OCR read with a letter it cannot hold: unread, never taken as read.

'ABC Home Medica!' (its l read as '!') and 'CarePoint infusion' (its capital I read small) pass every
other check, and a second read of the same pixels often agrees with them: how the name is written is
unsure, so the name is left for a person (null, with the reader's finding) rather than taken wrong.
"""

from __future__ import annotations

import re

from parsers.fax import lexicon

# words a name joins its other words with, in lower case on any form ('Home Care of Hartford')
JOINING_WORDS = frozenset({"of", "and", "the", "for", "at", "in", "on", "de", "la", "du", "van", "von", "y", "e"})
MISREAD_MARK = re.compile(r"(?<=[A-Za-z])[!¡]|[!¡](?=[A-Za-z])")  # an l or I read as '!' in a word
# a bar inside a name ('Summit | Advantage', 'Northside| DME'): a rule crossing it, or another cell run into
# it, read as '|'; whether the words on its two sides are one name is unsure
RULE_INSIDE = re.compile(r"\S.*[|¦].*\S")


def misread_name(head: str) -> bool:
    """The name holds a mark inside or ending a word, a bar between its words, or one lower-case word
    amid capitalised ones."""
    return bool(MISREAD_MARK.search(head) or RULE_INSIDE.search(head)) or _lower_amid_capitals(head)


def _lower_amid_capitals(head: str) -> bool:
    """Words opening with capitals but for one all in lower case that joins nothing ('CarePoint
    infusion'): OCR took a capital for its small letter. A brand's 'eHealth' is no such word."""
    words = [w for w in re.split(r"[\s/,&-]+", head) if w[:1].isalpha()]
    lower = [w for w in words if w.islower() and w not in JOINING_WORDS]
    return bool(lower) and any(w[0].isupper() for w in words) and all(w.isalpha() for w in lower)


# First letters whose small form OCR takes for the capital's and back: a smaller copy of it ('c', 'o', 's',
# 'v', 'w', 'x', 'z', 'u'), or a bar ('i' for I).
CASE_ALIKE = frozenset("cosuvwxzi")


def recapitalised(head: str) -> str:
    """The name with its one kind of misread put back: words in lower case amid capitalised ones ('CarePoint
    infusion'), each an English word opening with a letter whose small form OCR takes for its capital,
    capitalised as the name's other words are ('CarePoint Infusion'). Any other name as it is."""
    if not _lower_amid_capitals(head):
        return head
    words = head.split(" ")
    lower = [w for w in words if w.islower() and w.isalpha() and w not in JOINING_WORDS]
    if not lower or not all(w[0] in CASE_ALIKE and lexicon.known(w) for w in lower):
        return head
    return " ".join(w[0].upper() + w[1:] if w in lower else w for w in words)
