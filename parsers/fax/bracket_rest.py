"""A category opening a bracket whose rest stands further on ('(E11  1  65)': the dot lost, a stray
mark of the line above set between): the printed code is longer than the category, so the category
alone is a cut read of it, never the code. Left open (a finding), for a person or a re-read to give.
So is a category with a rest-shaped word just after it that makes no code with it ('L89  354' for
L89.154, its dot lost and its 1 read as a 3; 'J96 EL' for J96.11): a category header is no code an
order bills, and the word after it says the printed code went on."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from parsers.fax.model import Word

OPENED = re.compile(r"^[(\[{][A-Za-z0-9]{3}$")  # '(E11': a bracket opened, not closed in the word
REST_CLOSING = re.compile(r"^[0-9A-Za-z]{1,4}[)\]}][.,;]?$")  # '65)': a code's rest closing the bracket
MAX_GAP_HEIGHTS = 3.0  # the rest stands within this many of the word's heights after it


def rest_further_on(word: Word, line_words: Sequence[Word], is_category: Callable[[str], bool]) -> bool:
    """`word` opens a bracket round a category and, further on its line, a word closes the bracket
    with a code's rest (digits among it): the code printed is the category and that rest."""
    return closing_rest(word, line_words, is_category) is not None


def closing_rest(word: Word, line_words: Sequence[Word], is_category: Callable[[str], bool]) -> Word | None:
    """The word closing the bracket `word` opens round a category (rest_further_on), else None."""
    if not OPENED.match(word.text) or not is_category(word.text[1:]):
        return None
    reach = word.right + MAX_GAP_HEIGHTS * word.height
    after = [w for w in line_words if w.left > word.right - word.height // 2 and w.left <= reach and w is not word]
    return next((w for w in after if REST_CLOSING.match(w.text) and any(ch.isdigit() for ch in w.text)), None)


CATEGORY_SHAPED = re.compile(r"^[A-Z0-9]{3}[.:]?$")  # a category as printed: capitals and digits ('dod' is a word)
REST_SHAPED = re.compile(r"^[0-9A-Z]{1,4}$")  # a code's rest as OCR may give it: digits, or capitals for them
# ... or led by a mark OCR makes of a digit or of the dot and a digit ('G47 $4' for G47.33), a digit after it
MARKED_REST = re.compile(r"^[$&@§][0-9A-Z]{0,2}[0-9][0-9A-Z]{0,2}$")


def rest_after(word: Word, line_words: Sequence[Word], is_category: Callable[[str], bool]) -> bool:
    """`word` is a category (not closed by a list's comma) and the next word on its line, within three of
    its heights, is shaped as a code's rest ('354', 'EL', '$4' led by a digit's look-alike mark; a
    description's '(Chronic' or 'and' is none)."""
    return rest_word(word, line_words, is_category) is not None


def rest_word(word: Word, line_words: Sequence[Word], is_category: Callable[[str], bool]) -> Word | None:
    """The rest-shaped word right after the category `word` (rest_after), else None."""
    text = word.text.strip()
    if text.endswith((",", ";")) or not CATEGORY_SHAPED.match(text) or not is_category(text.rstrip(".:")):
        return None
    reach = word.right + MAX_GAP_HEIGHTS * word.height
    after = sorted(
        (w for w in line_words if w.left > word.right - word.height // 2 and w is not word), key=lambda w: w.left
    )
    rest = after[0].text.rstrip(".") if after else ""
    shaped = REST_SHAPED.match(rest) is not None or (MARKED_REST.match(rest) is not None and len(rest) <= 4)
    return after[0] if after and after[0].left <= reach and shaped else None
