"""A modifier the row prints but no reading gives: 'E0260  RA  Hospital bed' where the form says RR
(a fax's R read as A), or any word under a table's modifier caption that is none the row took ('«NU',
a speck read as '0' beside it). A service whose modifiers leave out a mark standing where its modifier
is printed would say 'no modifier' of a rented bed: the line is left open (a finding), never taken."""

from __future__ import annotations

import re

from parsers.fax.row_marks import MODIFIERS
from parsers.fax.services import ServiceRead
from parsers.fax.table_head import MODIFIER_CAPTION, QUANTITY_CAPTION, in_column

MODIFIER_SHAPED = re.compile(r"^[A-Z]{2}$")  # two capitals: a modifier's shape (a description's words run longer)


def modifier_unread(read: ServiceRead) -> bool:
    """True when a modifier-shaped word, no known modifier, stands where the row's modifier is: under the
    head's modifier caption, or just after the code."""
    words = list(read.row.words)
    at = next((i for i, w in enumerate(words) if w is read.code.word), None)
    if at is None:
        return False
    column = read.columns.modifier if read.columns is not None else None
    under = [w for w in words[at + 1 :] if column is not None and in_column(w, column)]
    if any(_stray(w.text, read.modifiers) for w in under):
        return True  # '«NU', '0' under 'Mod': a mark OCR garbled stands where the modifier is
    placed = under or words[at + 1 : at + 2]
    return any(_unknown_modifier(w.text, read.modifiers) for w in placed)


STRAY_LENGTH = 3  # a modifier's two characters and a mark OCR glued to them ('«NU'); longer is a word


def _stray(text: str, taken: list[str]) -> bool:
    """A short word under the modifier caption, with a letter or digit in it, that is no modifier the
    row took nor a caption printed in the row ('Mod', 'Qty'); short counts its letters and digits only
    ('©=NU', a rule's end and a speck glued to the modifier, is as short as '«NU')."""
    bare = text.strip("()[]{},.;:")
    core = _core(bare)
    short = 0 < len(core) <= STRAY_LENGTH
    caption = MODIFIER_CAPTION.match(bare) or QUANTITY_CAPTION.match(bare)
    return short and not caption and bare.upper() not in taken


def _unknown_modifier(text: str, taken: list[str]) -> bool:
    """Two capitals that are no modifier ('RA'), or a known modifier with marks glued to it that the row
    did not take ('=—-NU' just after the code: the modifier's place holds it, garbled)."""
    bare = text.strip("()[]{},.;:")
    if MODIFIER_SHAPED.match(bare):
        return bare not in MODIFIERS and bare not in taken
    core = _core(bare).upper()
    return core != bare.upper() and core in MODIFIERS and core not in taken


def _core(text: str) -> str:
    """The word's letters and digits."""
    return "".join(ch for ch in text if ch.isalnum())
