"""Quantities and modifiers a service line marks as such, wherever on the line they stand.

Orders print a line's quantity in many ways: 'Qty 2', 'QTY: 2', 'Qty:2', 'x2', 'x 2', '#2', '2 units'; and
its modifier as 'mod: RR' or 'Modifier RR'. The mark says what the number or the pair of letters is, so
it counts even after the description, where a bare number may be a dose ('500 mg') or a size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.fax import lexicon
from parsers.fax.fuzzy import one_edit
from parsers.fax.model import Word
from parsers.fax.values import DIGIT_LOOKALIKES, read_quantity

# a quantity joined to its mark in one word: 'x2', '×2', '#2', 'Qty:2', 'QTY2', 'Quantity:12'
JOINED_QUANTITY = re.compile(r"^(?:[x×#]|qty[:.#]?|quantity[:#]?|units?:)([0-9OoIlSBZG|]{1,3})$", re.IGNORECASE)
# a quantity joined to its unit in one word: '1ea', '2each', '10pcs', and 'lea' (a narrow face's '1' read
# as 'l', the space before 'ea' lost): digits, or one look-alike of a '1', then the unit in lower case
UNIT_JOINED = re.compile(r"^([0-9]{1,3}|[lI|])\s?(?:ea|each|pcs?|units?)[.,;:)]?$")
# a quantity's mark before it ('Qty:', 'x', '#'); its colon may come read as ';', ',' or a quote ('qty’'),
# its q as a g, an a or an o ('gty', 'aty', 'Oty': no words)
QUANTITY_MARK = re.compile(r"^(?:[x×#]|[qgao]ty|quantity|units?|no\.? of units)[:.,#;'’]?$", re.IGNORECASE)
QUOTES = "\"'`\u2018\u2019\u201c\u201d"  # quote marks OCR makes of a speck before a word
UNIT_WORDS = re.compile(r"^(?:units?|ea|each|pcs?|boxe?s?)[.,;:)]?$", re.IGNORECASE)
# the modifiers an order prints beside a HCPCS code (rental, new, used, KX, laterality, therapy ...)
MODIFIERS = {
    "RR",
    "NU",
    "UE",
    "KX",
    "KH",
    "KI",
    "KJ",
    "KR",
    "MS",
    "GA",
    "GY",
    "GZ",
    "LT",
    "RT",
    "BP",
    "BR",
    "BU",
    "CG",
    "GO",
    "GP",
    "GN",
    "TC",
    "EY",
    "JW",
    "JZ",
    "SH",
    "SQ",
    "59",
    "25",
    "76",
    "77",
    "79",
    "QW",
}
MEASURE_UNIT = (
    r"(?:mg|mcg|µg|ug|g|gm|grams?|kg|ml|cc|l|lpm|l/min|liters?|meq|iu|%|mmhg|psi|cm|mm|inch(?:es)?|lbs?"
    r"|k?cals?|calories)"  # ('100 cal = 1 unit': a formula's calories per billing unit)
)
MEASURE = re.compile(rf"^{MEASURE_UNIT}[.,;:)]?$", re.IGNORECASE)
MEASURE_JOINED = re.compile(rf"^[0-9.]+{MEASURE_UNIT}[.,;:)]?$", re.IGNORECASE)
DURATION = re.compile(r"^(?:days?|d|weeks?|wks?|months?|mos?|hours?|hrs?|h|min(?:utes)?|doses?)[.,;:)]?$", re.I)
VISITS = re.compile(r"^visits?[.,;:)]?$", re.IGNORECASE)  # '3 visits', 'a total of 3 visits.'
# what makes visits a frequency ('2 visits per week', '1 visit a day', '3 visits weekly'), not a count
RATE = re.compile(r"^(?:per|a|an|each|every|weekly|daily|monthly|/.*)$", re.IGNORECASE)
MODIFIER_WORD = r"mod(?:ifiers?|s)?"  # 'mod', 'mods', 'modifier(s)': a modifier's mark and its column's caption
MODIFIER_MARK = re.compile(rf"^{MODIFIER_WORD}[.:]?$", re.IGNORECASE)


def marked_quantity(words: Sequence[Word]) -> tuple[int, Word] | None:
    """The quantity the words mark as one, and the word holding its number; None when they mark none,
    or two that differ (which one is the count is then unsure)."""
    found = [m for position in range(len(words)) if (m := _marked_at(words, position)) is not None]
    return found[0] if found and len({value for value, _ in found}) == 1 else None


def _marked_at(words: Sequence[Word], position: int) -> tuple[int, Word] | None:
    word = words[position]
    after = words[position + 1].text if position + 1 < len(words) else ""
    if _size(words, position) or DURATION.match(after):
        return None  # '4 x 4 gauze', 'x 14 days': a size or a duration
    text = word.text.strip(",.;)(").lstrip(QUOTES)  # a speck before 'x12' that OCR read as a quote
    joined = JOINED_QUANTITY.match(text) or UNIT_JOINED.match(text)
    number = joined.group(1) if joined else text
    before = words[position - 1].text.strip(",;") if position else ""
    counted = UNIT_WORDS.match(after) or (VISITS.match(after) and not visit_rate(words, position))
    if not (joined or ((QUANTITY_MARK.match(before) or counted) and _bare_number(text))):
        return None
    count = count_in(number.translate(DIGIT_LOOKALIKES) if joined else number)  # 'xG': x6 with its 6 as a G
    return (count, word) if count is not None else None


def count_in(text: str) -> int | None:
    """The quantity values.read_quantity reads in the text, as an int."""
    read = read_quantity(text)
    return int(str(read.value)) if read is not None else None


MONEY = re.compile(r"^[$€£]|^[0-9]+\.[0-9]{2}$")  # '$125', '125.00': a charge ('Amount' column), no count


def money(text: str) -> bool:
    return bool(MONEY.match(text))


def measured(words: Sequence[Word], position: int) -> bool:
    """The number is a measure, not a count: a dose or a flow ('500 mg', '2 L/min', '10 mL'), a unit's
    definition ('100 cal = 1 unit'), or a frequency of visits ('2 visits per week')."""
    after = words[position + 1].text if position + 1 < len(words) else ""
    measure = bool(MEASURE.match(after)) or bool(MEASURE_JOINED.match(words[position].text))
    defined = position > 0 and words[position - 1].text == "="  # '100 cal = 1 unit': a unit's definition
    return measure or defined or visit_rate(words, position)


def visit_rate(words: Sequence[Word], position: int) -> bool:
    """The number is of visits in a span of time ('2 visits per week', '1 visit/day'): a frequency."""
    after = [w.text for w in words[position + 1 : position + 3]]
    if after[:1] and re.match(r"^visits?/", after[0], re.IGNORECASE):
        return True
    return len(after) == 2 and bool(re.match(r"^visits?$", after[0], re.IGNORECASE)) and bool(RATE.match(after[1]))


def _size(words: Sequence[Word], position: int) -> bool:
    """A number after an 'x' that follows a number is a size ('4 x 4 gauze', '4 x4'), not a count."""
    text = words[position].text.strip(",.;)(")
    if text[:1] in "xX×" and len(text) > 1:
        at = position - 1  # 'x4' joined
    elif position and words[position - 1].text.strip(",;") in {"x", "X", "×"}:
        at = position - 2  # 'x' '4'
    else:
        return False
    return at >= 0 and words[at].text.strip(",.;")[-1:].isdigit()


def _bare_number(text: str) -> bool:
    """One to three digits (or digit look-alikes) and nothing else: no dose, date or size."""
    return 1 <= len(text) <= 3 and read_quantity(text) is not None and any(ch.isdigit() for ch in text)


def quantity_shown(text: str) -> str:
    """A quantity crop's text without its mark ('x2' -> '2'), for reading it as a number."""
    core = text.strip(" ,.;)(")
    joined = JOINED_QUANTITY.match(core) or UNIT_JOINED.match(core)
    return joined.group(1) if joined else text


def is_mark(text: str) -> bool:
    """A quantity's or modifier's mark ('Qty:', 'x', 'mod:'), or a quantity joined to its mark ('x2')."""
    core = text.strip(",.;)(")
    return bool(QUANTITY_MARK.match(core) or MODIFIER_MARK.match(core) or JOINED_QUANTITY.match(core))


def marked_modifiers(words: Sequence[Word], known: set[str]) -> list[str]:
    """Known modifiers after a modifier mark ('mod: RR', 'Modifier RR NU'), also one closing the
    bracket of a code's aside ('(HCPCS A4253, modifier NU),')."""
    out: list[str] = []
    for position, word in enumerate(words):
        mark = word.text.strip(",;")
        garbled = not MODIFIER_MARK.match(mark) and garbled_modifier_mark(mark)
        if not (MODIFIER_MARK.match(mark) or garbled):
            continue
        for after in words[position + 1 : position + 3]:
            shown = after.text.strip(",.;:").rstrip(")]").rstrip(",.;:")
            if shown.upper() not in known or (garbled and not shown.isupper()):
                break
            out.append(shown.upper())
    return out


# The fast model reads a fixed-width face's lone '1' (its flag and its foot) as a 4 or a 7, and its crop
# of the same cell repeats the misread: a quantity holding those digits is confirmed only when the
# standard model reads it too.
FAST_MISREADS_OF_ONE = frozenset("47")


def needs_standard_read(quantity: int) -> bool:
    """The fast model's reads of this quantity may be one misread, repeated (FAST_MISREADS_OF_ONE)."""
    return any(digit in FAST_MISREADS_OF_ONE for digit in str(quantity))


GARBLED_MODIFIER = re.compile(r"^mod[a-z]{2,6}[.:]?$", re.IGNORECASE)


def garbled_modifier_mark(text: str) -> bool:
    """'Modafaer', 'odifier': 'Modifier' as OCR garbled it past any English word ('moderate', 'model'
    are words), its 'mod' kept or one letter of it off; it marks only a modifier in capitals after it."""
    core = text.rstrip(".:").lower()
    garbled = bool(GARBLED_MODIFIER.match(text)) or (core.isalpha() and one_edit(core, "modifier"))
    return garbled and not lexicon.known(text)
