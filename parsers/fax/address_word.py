"""The word 'address' as OCR garbles it in a caption ('Addrass', 'ADORESS', 'adciess', 'Addiess').

A caption's small print loses letters to OCR, and a caption that says where the address is
('Patient's Name and Address', 'Street address') then no longer says it. A word is taken for a
garbled 'address' only where a caption puts it (after a name caption's 'and' or comma, or right
after 'Street' opening an address caption), only when it is no English word as read ('adores',
'actress' are words), and only when its letters are near the word's (difflib's ratio).
"""

from __future__ import annotations

import difflib
import re

from parsers.fax import lexicon
from parsers.fax.labels import LabelHit

WORD = "address"
MIN_RATIO = 0.7  # 'adciess' (two letters misread) is 0.71; 'addrass', 'adoress', 'addre' are above 0.8
LETTERS = re.compile(r"[A-Za-z]+")
# after a name caption: ', Addrass' / 'and Addrass' / '& Addrass' / '/ Addrass'
TAIL_WORD = re.compile(r"^\s*(?:,|and\b|&|/)\s*([A-Za-z]+)(?![A-Za-z])", re.IGNORECASE)
LEAD_WORD = re.compile(r"^\s*([A-Za-z]+)(?![A-Za-z])[\s:.;,_-]*")


def address_like(word: str) -> bool:
    """`word` is 'address', or a garbled read of it that is no English word."""
    folded = word.casefold()
    if folded in (WORD, "addr"):
        return True
    if not LETTERS.fullmatch(word) or not 5 <= len(folded) <= 8 or lexicon.known(folded):
        return False
    return folded[0] == "a" and difflib.SequenceMatcher(None, folded, WORD).ratio() >= MIN_RATIO


def tail_announces_address(hit: LabelHit) -> bool:
    """A name caption whose next word, after a comma or 'and', is a garbled 'address' ('Patient s
    Name and Addrass', 'PATIENT NAME, ADORESS, TELEPHONE'): its box holds the address too."""
    found = TAIL_WORD.match(hit.segment.text[hit.end :])
    return found is not None and address_like(found.group(1))


def past_garbled_address(hit: LabelHit, offset: int, end: int) -> int:
    """Where the value starts when a 'Street' caption's garbled 'address' ('Street adciess 4900 Main
    Street') stands at `offset`: after that word; else `offset`."""
    text = hit.segment.text
    if text[hit.start : hit.end].casefold() != "street":
        return offset
    found = LEAD_WORD.match(text[offset:end])
    return offset + found.end() if found is not None and address_like(found.group(1)) else offset
