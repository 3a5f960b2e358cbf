"""Pieces of a diagnosis code OCR split or garbled on a fill-in form, and the heading that ends the
diagnoses above a list of what is ordered.

A code typed on an underline comes back in pieces: its dot read as a gap or a comma, its digits as
look-alike letters ('M17 Li' for M17.11), its head garbled ('L&9 154' for L89.154), a bracket for its
last 1 ('Z96,65]' for Z96.651). Each is one code misread, left open for its re-reads (reread.py), never
the category before the gap, nor a number after it taken for a code of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from parsers.fax import codecheck
from parsers.fax.model import Segment, Word
from parsers.fax.row_marks import MODIFIERS

Pieces = list[tuple[str, Word]]
# The heading of a list of what is ordered ('SERVICES ORDERED (check all that apply)', 'Disciplines
# requested:'): it ends the diagnoses above it, though it heads no table of columns (SERVICE_HEAD).
ORDERED_HEADING = re.compile(
    r"^\s*(?:services?|orders?|disciplines?|items?)\s+(?:ordered|requested|needed)\b", re.IGNORECASE
)


def ordered_heading(line: Segment) -> bool:
    return bool(ORDERED_HEADING.match(line.text))


# a code-shaped piece led by a lower-case letter ('j10'); a leading 'l' or 'i' is an I's plain bar (glyph.py)
LOWER_LEAD = re.compile(r"^[a-hj-km-z][0-9]{2}(?:\.?[0-9A-Za-z]{1,4})?$")


def rest_in_word(pieces: Pieces, position: int, is_category: Callable[[str], bool]) -> bool:
    """The piece is a category and the word's next piece (after a comma) the rest of its code, no
    code of its own ('Z96,65]'): one code misread, whose re-reads decide it, never the category."""
    if position + 1 >= len(pieces) or pieces[position + 1][1] is not pieces[position][1]:
        return False
    rest = pieces[position + 1][0]
    return is_category(pieces[position][0]) and not rest[:1].isalpha() and any(ch.isdigit() for ch in rest)


def fragment_before(pieces: Pieces, position: int, code_token: re.Pattern[str]) -> Word | None:
    """The word just before a number, when it is a code's garbled first three characters ('L&9' of
    L89.154, its dot read as a gap): a letter, then no code of its own, set close to the number."""
    if position == 0:
        return None
    piece, head = pieces[position - 1]
    word = pieces[position][1]
    close = head is not word and 0 <= word.left - head.right <= word.height
    shaped = len(piece) == 3 and piece[:1].isalpha() and not code_token.match(piece.upper())
    return head if close and shaped else None


GARBLE_CONF = 20.0  # a word read under this confidence (0..100) is ink OCR made nothing of
GLUE_GAP = 0.25  # ... set against a code: a gap under this share of the code's height


def glued_garble(word: Word, page_words: list[Word]) -> Word | None:
    """Ink OCR made nothing of, set right against the word's left on its line ('ie' for 'L89.' a fax
    streak ran through, before '154'): the word may be the rest of a code whose head is lost in it."""
    middle = (word.top + word.bottom) / 2
    return next(
        (
            w
            for w in page_words
            if w is not word
            and w.conf < GARBLE_CONF
            and w.top <= middle <= w.bottom
            and 0 <= word.left - w.right <= GLUE_GAP * word.height
        ),
        None,
    )


def digits_read_as_letters(rest: str) -> str:
    """A code's rest with no digit but every character a digit's look-alike ('Li', 'Il'): its digits."""
    upper = rest.upper()
    if any(ch.isdigit() for ch in upper) or not upper or not all(ch in codecheck.TO_DIGIT for ch in upper):
        return rest
    return "".join(codecheck.TO_DIGIT[ch] for ch in upper)


def listed_apart(word: Word) -> bool:
    """The word ends with a list's comma or semicolon ('110,'): the code in it ends there."""
    return word.text.rstrip().endswith((",", ";"))


# A HCPCS code whose letter OCR read twice, the second time as an o ('Go0299' for G0299): no code as read
DOUBLED_GLYPH = re.compile(r"^[A-Z][oO][0-9]{4}$")


def mangled_code(token: str) -> bool:
    """Five characters, upper case or digits, at least three of them digits or digit look-alikes."""
    text = token.strip(",.;:")
    if len(text) != 5 or sum(ch.isupper() or ch.isdigit() for ch in text) < 4:
        return False
    return sum(ch.isdigit() or ch.upper() in codecheck.TO_DIGIT for ch in text[1:]) >= 3


MODIFIER_REACH = 2  # words after a code its modifier may stand ('Kaoo1 1 RR': the quantity column between)


def garbled_beside_modifier(words: Sequence[Word], position: int) -> bool:
    """A HCPCS code OCR garbled past reading ('Kaoo1': a zero read as an a; 'Kkoo01': its letter read
    twice), a known modifier joined to it or in one of the next two words: a letter HCPCS uses, then
    four letters and digits with a digit among them (after a doubled first letter: one more). Only a
    code takes a modifier: an open code, which only its re-reads may fill."""
    head, _, joined = words[position].text.strip(".,;:").partition("-")
    if len(head) == 6 and head[1].upper() in (head[0].upper(), "O"):
        head = head[0] + head[2:]  # 'Kkoo01', 'KO0001': the first glyph read twice
    shaped = len(head) == 5 and head[0] in codecheck.HCPCS_LETTERS and head[1:].isalnum()
    if not shaped or not any(ch.isdigit() for ch in head[1:]):
        return False
    after = [w.text.strip(".,;:") for w in words[position + 1 : position + 1 + MODIFIER_REACH]]
    return joined in MODIFIERS or any(text in MODIFIERS for text in after)
