"""A service table's head: the line that starts the table, and the columns its captions name.

Order forms head their item column many ways ('Description', 'Item(s) Ordered', 'Equipment',
'Supplies', 'Product') and their count column as many ('Qty', 'Quantity Dispensed', 'Qty Ordered',
'No. of Units', 'Units/Visits', 'Amount'). A column whose caption names a frequency, duration, dose or
size holds numbers that are no count ('3x/week', '2', '500'): nothing under it is a quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.fax import codecheck
from parsers.fax.model import Segment, Word
from parsers.fax.row_marks import MODIFIER_WORD, MODIFIERS

# (a word before a colon is a field's caption with its value after it, 'Equipment: E0260 ... Qty 2': a row)
ITEM_CAPTION = r"description(?: of items?)?|(?:items?|item\s*\(s\)|equipment|supplies|products?)(?![\s(s)]*:)"
COUNT_CAPTION = r"units|qty|quantity|mod|modifiers?|amount|frequency"
# A service table's head: a heading, or its column captions (a description column beside a units,
# quantity or modifier one: 'Description HCPCS Mod Units' with the HCPCS caption garbled). HCPCS also with
# a C read as its look-alike G, E or O ('HGPCS': ocr_distance.py), no word of English.
SERVICE_HEAD = re.compile(
    # ('Items Ordered', 'Equipment Ordered': a written order's heading over its items)
    # ('HCPCS/CPT' run together and garbled: 'NCPCEICPT', a word ending in CPT, as no English word does)
    r"(?:[a-z]+cpt\b)"
    r"|\b(?:h[cego]p[cego]s|cpt|code|please provide|orders?\s*/\s*services|(?:items?|equipment|supplies)\s+ordered\s*$"
    rf"|(?:{ITEM_CAPTION})\b.*\b(?:{COUNT_CAPTION})"
    rf"|(?:{COUNT_CAPTION})\b.*\b(?:{ITEM_CAPTION}))\b",
    re.I,
)
MODIFIER_CAPTION = re.compile(rf"^{MODIFIER_WORD}\.?$", re.IGNORECASE)
# ('Qy', 'Qr', 'Qiy': 'Qty' as OCR reads a fax's small bold head; no other caption is a Q and a letter or two;
# 'Ty': its Q lost, no word of a caption either; 'oy', '0ty': its Q read as an o or a zero, its t lost;
# 'ay', 'ary': its Q read as an a, its t lost or read as an r)
QUANTITY_CAPTION = re.compile(
    r"^(?:qty|quantity|units?|#\s*(?:of\s*)?units?|no\.?\s*of\s*units|units?\s*/\s*visits?|amount"
    r"|(?:qty|quantity)\.?\s*(?:ordered|dispensed|requested)|(?-i:Q)[a-z]{1,2}|ty|[o0]t?y|a[rt]?y)[.:]?$",
    re.IGNORECASE,
)
# A column of numbers that are no count: how often, how long, how much of a drug, how big.
NOT_QUANTITY_CAPTION = re.compile(
    r"^(?:frequency|freq\.?|how often|duration|length of need|dose|dosage|strength|size|rate|flow rate)\b",
    re.IGNORECASE,
)
# units in a span of time ('UNITS / DAY', 'Units per day'): a rate, no count, though it says 'units'
RATE_CAPTION = re.compile(r"^units?\s*(?:/|per)?\s*(?:day|wk|week|month|mo)\b", re.IGNORECASE)
CAPTION_GAP = 1.2  # words closer than this many word heights are one caption ('Qty Ordered')
Column = tuple[int, int]


@dataclass(frozen=True)
class Columns:
    """The x spans of a service table's modifier and quantity columns, where its head names them,
    and of its columns whose numbers are no count (a frequency, duration, dose or size)."""

    modifier: Column | None = None
    quantity: Column | None = None
    no_count: tuple[Column, ...] = field(default=())
    count_caption: Column | None = None  # the quantity caption's own span ('Qty'): where its numbers stand

    def holds_no_count(self, word: Word) -> bool:
        """The word stands under a column whose numbers are no count."""
        return any(in_column(word, column) for column in self.no_count)


def head_columns(table: list[Segment]) -> Columns:
    """The columns the table's head (its first line) names."""
    if not table:
        return Columns()
    head = table[0]
    return Columns(modifier_column(table), quantity_column(head), no_count_columns(head), count_caption(head))


def joined_head(head: Segment, lines: list[Segment]) -> Segment:
    """The head with its captions OCR split off into a line of their own ('Dose', 'Qty' read with boxes
    taller than the others', their cell's rules taken in): words of other lines whose boxes span the
    head's middle, over no word of the head."""
    middle = (head.bbox[1] + head.bbox[3]) / 2
    split = [
        word
        for line in lines
        if line is not head and line.page == head.page
        for word in line.words
        if word.top <= middle <= word.top + word.height and not any(_across(word, h) for h in head.words)
    ]
    words = sorted((*head.words, *split), key=lambda w: w.left)
    return Segment(head.page, head.index, tuple(words)) if split else head


def _across(word: Word, other: Word) -> bool:
    return word.left < other.right and word.right > other.left


def modifier_column(table: list[Segment]) -> Column | None:
    """The left and right of the table head's modifier caption ('MOD', 'Modifier'), if it has one."""
    caption = next((w for row in table for w in row.words if MODIFIER_CAPTION.match(w.text)), None)
    return (caption.left, caption.right) if caption is not None else None


def quantity_column(head: Segment) -> Column | None:
    """The x span of the table's quantity column: from the head's caption before its caption ('Qty')
    to the one after it (a value may stand anywhere in its cell, not only under the caption's letters)."""
    found = _count_caption_at(head)
    return _cell(*found) if found is not None else None


def count_caption(head: Segment) -> Column | None:
    """The left and right of the head's quantity caption itself ('Qty', 'QTY (30 DAYS)')."""
    found = _count_caption_at(head)
    if found is None:
        return None
    caption = found[0][found[1]]
    return caption[0].left, caption[-1].right


def _count_caption_at(head: Segment) -> tuple[list[list[Word]], int] | None:
    """The head's captions and the index of its one quantity caption, if it has one."""
    if any(_code_shaped(w.text) for w in head.words):
        return None  # a head holding a code is a row ('Order: ... (HCPCS E0260-RR) Qty: 1'), not column captions
    # whole captions first ('Qty Ordered'), else single words (a caption OCR ran into its neighbour's)
    whole = head_captions(head)
    rates = {id(w) for c in whole if RATE_CAPTION.match(_text(c)) for w in c}  # 'UNITS / DAY': no count
    for captions in (whole, _words_with_hints(head)):
        found = [i for i, c in enumerate(captions) if QUANTITY_CAPTION.match(_unhinted(c)) and id(c[0]) not in rates]
        if found:
            return (captions, found[0]) if len(found) == 1 else None
    return None


MIN_COLUMN_CAPTIONS = 3  # a line of column captions names a code, an item and a count at least


def caption_line(line: Segment) -> bool:
    """The line is a table's column captions ('HCPCS  Mod  Supply  Replacement schedule  Qty'): no digit on
    it, three captions or more, one of them the quantity's."""
    no_digit = not any(ch.isdigit() for ch in line.text)
    return no_digit and len(head_captions(line)) >= MIN_COLUMN_CAPTIONS and quantity_column(line) is not None


def with_repeated_count_caption(captions: Segment, later: list[Segment]) -> Segment | None:
    """A caption line whose count caption OCR garbled past reading ('HCPCS  Mod  Device  ary'), with that
    caption taken from the table's caption line repeated over a later group of its rows ('HCPCS  Mod  Supply
    Qty'): a repeat starts with the same caption at the same place, and its count caption stands where the
    garbled line has a word of its own (or none) to be replaced."""
    if any(ch.isdigit() for ch in captions.text) or len(head_captions(captions)) < MIN_COLUMN_CAPTIONS:
        return None
    first = min(captions.words, key=lambda w: w.left)
    for line in later:
        if not caption_line(line):
            continue
        lead = min(line.words, key=lambda w: w.left)
        if lead.text.lower() != first.text.lower() or abs(lead.left - first.left) > first.height:
            continue
        span = count_caption(line)
        if span is None:
            return None
        count = [w for w in line.words if w.left >= span[0] and w.right <= span[1]]
        kept = [w for w in captions.words if w.right < span[0] or w.left > span[1]]
        if any(NOT_QUANTITY_CAPTION.match(w.text) for w in captions.words if w not in kept):
            return None  # the first group's column there is another ('Frequency'): the groups differ
        return Segment(captions.page, captions.index, tuple(sorted((*kept, *count), key=lambda w: w.left)))
    return None


def _words_with_hints(head: Segment) -> list[list[Word]]:
    """The head's words one by one, a bracketed hint kept with the word before it ('QTY (30 DAYS)')."""
    words: list[list[Word]] = []
    open_hint = False
    for word in sorted(head.words, key=lambda w: w.left):
        if words and (open_hint or word.text.startswith("(")):
            words[-1].append(word)
            open_hint = ")" not in word.text
        else:
            words.append([word])
    return words


def no_count_columns(head: Segment) -> tuple[Column, ...]:
    """The x spans of the head's columns whose numbers are no count ('Frequency', 'Duration', 'Dose')."""
    if any(_code_shaped(w.text) for w in head.words):
        return ()
    captions = head_captions(head)
    return tuple(
        _half_cell(captions, i) for i, c in enumerate(captions) if RATE_CAPTION.match(_text(c)) or _no_count_caption(c)
    )


def _no_count_caption(caption: list[Word]) -> bool:
    """A caption of numbers that are no count, not run into the count's own caption ('Frequency Qty',
    two cells' captions a narrow gap apart: where one column ends is unknown)."""
    counted = any(QUANTITY_CAPTION.match(w.text) for w in caption)
    return bool(NOT_QUANTITY_CAPTION.match(_text(caption))) and not counted


def head_captions(head: Segment) -> list[list[Word]]:
    """The head's words grouped into captions: words a space apart are one caption, a wider gap
    starts the next column's."""
    captions: list[list[Word]] = []
    for word in sorted(head.words, key=lambda w: w.left):
        if captions and word.left - captions[-1][-1].right <= CAPTION_GAP * max(word.height, 1):
            captions[-1].append(word)
        else:
            captions.append([word])
    return captions


def _unhinted(caption: list[Word]) -> str:
    """The caption's text less a bracketed hint at its end ('QTY (30 DAYS)': 'QTY')."""
    return re.sub(r"\s*\(.*$", "", _text(caption))


def _text(caption: list[Word]) -> str:
    return " ".join(w.text for w in caption)


def _cell(captions: list[list[Word]], at: int) -> Column:
    """From the caption before this one to the caption after it."""
    left = captions[at - 1][-1].right if at else 0
    right = captions[at + 1][0].left if at + 1 < len(captions) else 10**6
    return (left, right)


def _half_cell(captions: list[list[Word]], at: int) -> Column:
    """From halfway to the caption before this one to halfway to the caption after it: a number
    nearer a neighbouring caption is that column's."""
    left, right = _cell(captions, at)
    own = (captions[at][0].left, captions[at][-1].right)
    return ((left + own[0]) // 2 if at else 0, (own[1] + right) // 2 if at + 1 < len(captions) else 10**6)


def _code_shaped(token: str) -> bool:
    return procedure_shaped(token.strip("(),.;:").partition("-")[0])


def procedure_shaped(head: str) -> bool:
    """Five characters, two or more of the last four digits: a service code as OCR may show it."""
    return len(head) == 5 and sum(ch.isdigit() for ch in head[1:]) >= 2


def coded_before_modifier(head: str, rest: list[Word], joined: str = "") -> bool:
    """A letter and four digits every one of which OCR read as its look-alike letter ('KOOOL' for K0001),
    with a modifier as the next word ('RR') or joined to it ('KOQO1-RR'): only a code takes a modifier."""
    digits = all(ch.isdigit() or ch.upper() in codecheck.TO_DIGIT for ch in head[1:])
    looks_coded = len(head) == 5 and head[0].isalpha() and digits
    return looks_coded and (joined in MODIFIERS or (bool(rest) and rest[0].text.strip(".,;:") in MODIFIERS))


def in_column(word: Word, column: Column) -> bool:
    """The word stands under the column's caption (overlapping it across the page)."""
    return word.left < column[1] and word.right > column[0]


def bare_code_head(line: Segment) -> bool:
    """The line is a service head only by a bare 'Code' ('ZIP Code' with its ZIP garbled, '102 CODE'): a
    table head that names services by its own words (HCPCS, CPT, a description beside units) wins over it."""
    return all(found.group(0).lower() == "code" for found in SERVICE_HEAD.finditer(line.text))
