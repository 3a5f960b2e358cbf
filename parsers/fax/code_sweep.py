"""Codes found by their shape wherever they stand on an order page, not only under the captions the
section readers know (services.py).

Orders from unknown senders print codes in many places: inline in a sentence ('Dx: COPD (J44.9) and
CHF I50.9'), after a description ('Hospital bed, semi-electric - E0260 x1'), beside a checkbox, in a
second table, in an 'ICD-10 | Description' block. A code is self-identifying: an ICD-10-CM code by its
dotted shape and the code set, a HCPCS code by its letter and four digits; its role (diagnosis or
service) follows from its code system, not from the caption above it. A code found here passes the
same checks as one in a section (code set, re-reads, the row's second read), so an unconfirmed one is
null with a finding; what is no ordered item (code_context.py) and an empty checkbox beside a code
keep it out. Shapes that collide with other numbers are never taken here: five digits (a CPT code
or a ZIP), a digit first ('150.9', a weight), an undotted ICD-10 code ('C12', an apartment) unless
its line speaks of diagnoses, and a letter and four digits the ICD-10-CM table also knows ('E1165').
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from PIL import Image

from parsers.fax import codecheck
from parsers.fax.checkbox import box_state
from parsers.fax.code_context import history_lines, lines_under, open_words
from parsers.fax.model import PageText, Segment, Word
from parsers.fax.row_marks import MODIFIERS
from parsers.fax.row_words import visual_row
from parsers.fax.services import (
    DIAGNOSIS_HEAD,
    SECTION_END,
    SERVICE_HEAD,
    CodeRead,
    Columns,
    ServiceRead,
    code_and_modifier,
    coded_service,
    diagnosis_caption,
    rest_of_row,
    service_head,
)
from parsers.fax.table_head import caption_line, head_columns, joined_head
from referrals.codes import CodeSets, Icd10Membership, normalize_icd10

DOTTED_ICD = re.compile(r"^[A-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}$")
UNDOTTED_ICD = re.compile(r"^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$")
STOPS = re.compile(f"{SECTION_END.pattern}|{SERVICE_HEAD.pattern}|{DIAGNOSIS_HEAD.pattern}", re.IGNORECASE)
BLOCK_LINES = 8  # a diagnosis list's rows under its caption
BOX_REACH = 0.35  # inches left of a word where checkbox.box_state looks for its box
TABLE_REACH = 12  # a service table's head stands within this many lines above its rows


def loose_diagnoses(
    text: PageText, sets: CodeSets, taken: Sequence[CodeRead], ink: Callable[[], Image.Image | None], dpi: float
) -> Iterator[CodeRead]:
    """ICD-10-CM codes on the page that no section reader took: each a single billable reading."""
    values = {read.correction.value for read in taken} | {None}
    blocks = diagnosis_blocks(text.lines)
    for index, (line, words) in enumerate(_open_lines(text)):
        context = index in blocks or bool(DIAGNOSIS_HEAD.search(line.text))
        for word in words:
            code = _icd_read(word, line.page, sets, context)
            if (
                code is None
                or _within_taken(word, line.page, taken)
                or code.correction.value in values
                or boxed(text, ink, word, dpi) is False
            ):
                continue
            values.add(code.correction.value)
            yield code


def _within_taken(word: Word, page: int, taken: Sequence[CodeRead]) -> bool:
    """The word is (part of) a code a section reader took: its own word, or the span of two words
    read as one code ('N16' '4,' for N18.4)."""
    return any(
        read.page == page
        and read.word.left <= word.left
        and word.right <= read.word.right
        and read.word.top < word.bottom
        and word.top < read.word.bottom
        for read in taken
    )


def diagnosis_blocks(lines: Sequence[Segment]) -> set[int]:
    """The indexes of lines that speak of diagnoses: a line with a diagnosis caption ('Dx', 'ICD-10')
    and the lines under it up to another section's heading (an 'ICD-10 | Description' block's rows)."""
    return lines_under(
        lines,
        lambda line: bool(DIAGNOSIS_HEAD.search(line.text)),
        lambda line: bool(SECTION_END.search(line.text) or SERVICE_HEAD.search(line.text)),
        BLOCK_LINES,
    )


def _icd_read(word: Word, page: int, sets: CodeSets, context: bool) -> CodeRead | None:
    """The word as a diagnosis code: a letter first, dotted (undotted only where the line speaks of
    diagnoses), with one billable reading, or a reading of its shape when no table is loaded."""
    if coded_service(word.text):
        return None
    core = re.sub(r"(?<=^[A-Z0-9]{3}),(?=[0-9A-Z]{1,4}$)", ".", word.text.strip("()[],;:").rstrip("."))
    if not (DOTTED_ICD.match(core) or (context and UNDOTTED_ICD.match(core))):
        return None
    fixed = codecheck.correct_icd10(core, sets)
    if fixed.value is None:
        return None
    unchecked = sets.icd10(fixed.value) is Icd10Membership.UNCHECKED
    return CodeRead(core, word, page, fixed) if unchecked or codecheck.icd10_billable(fixed.value, sets) else None


def loose_services(
    text: PageText, sets: CodeSets, taken: Sequence[ServiceRead], ink: Callable[[], Image.Image | None], dpi: float
) -> Iterator[ServiceRead]:
    """HCPCS codes on the page that no service row took, each with what its line says of it."""
    rows = {id(read.row) for read in taken}
    used = {id(read.code.word) for read in taken} | {id(w) for read in taken for w in read.row.words}
    codes = {read.code.correction.value for read in taken} - {None}
    for index, (line, words) in enumerate(_open_lines(text)):
        if id(line) in rows or diagnosis_caption(line.text):
            continue
        for word in words:
            head = _hcpcs_head(word, sets) or _letter_unread(word)
            if head is None or id(word) in used or head in codes or (box := boxed(text, ink, word, dpi)) is False:
                continue
            found = _loose_row(text, index, (line, word), head, sets, ticked=box is True)
            if (found is None or found.quantity is None) and (row := visual_row(text, line, word)) is not None:
                found = _row_across_lines(text, index, (row, word), head, sets, (ink, dpi)) or found  # split by OCR
            if found is not None:
                codes.add(head)
                yield found


def _row_across_lines(
    text: PageText,
    index: int,
    at_word: tuple[Segment, Word],
    head: str,
    sets: CodeSets,
    ink_dpi: tuple[Callable[[], Image.Image | None], float],
) -> ServiceRead | None:
    """The service line of a code whose printed row OCR split into two lines, read from the whole
    row: its box (left of the row's first word) and its marked quantity; an empty box keeps it out."""
    row, word = at_word
    image = ink_dpi[0]()
    state = box_state(image, row.words[0], ink_dpi[1]) if image is not None else None
    if state is False:
        return None
    return _loose_row(text, index, (row, word), head, sets, ticked=state is True)


def _hcpcs_head(word: Word, sets: CodeSets) -> str | None:
    """The HCPCS code the word shows as printed ('E0260', 'E0260-RR', '(E0260)'), when the code set
    does not rule it out and the ICD-10-CM table does not know it as a diagnosis too."""
    head = code_and_modifier(word.text.strip("([{)]},.;:"))[0].upper()
    shown = codecheck.hcpcs_shown(head)
    if shown is None or shown != head.translate(codecheck.ZERO_AS_O) or sets.hcpcs_known(shown) is False:
        return None
    return None if _icd_also(shown, sets) else head


SYMBOL_HEAD = re.compile(r"^[£€$§&]([0-9Oo]{4})$")  # a code's letter OCR read as a symbol ('£0601', '$9500')


def _letter_unread(word: Word) -> str | None:
    """A HCPCS code whose letter OCR read as a symbol, as printed: its code open (the re-reads fill it),
    or the one letter the symbol stands for ('$' for S, codecheck.TO_LETTER)."""
    head = code_and_modifier(word.text.strip("([{)]},.;:"))[0]
    return head if SYMBOL_HEAD.match(head) else None


def _icd_also(code: str, sets: CodeSets) -> bool:
    return codecheck.icd10_known(normalize_icd10(code), sets) and sets.hcpcs_known(code) is not True


def _loose_row(
    text: PageText, index: int, at_word: tuple[Segment, Word], head: str, sets: CodeSets, ticked: bool
) -> ServiceRead | None:
    """The service line of a code outside the service table; None when nothing but its shape says it
    is an ordered item (a group number 'G6675' is as code-shaped): a loaded HCPCS table must list it,
    its box must be ticked, or its line must give it a modifier or a quantity (one its mark calls so,
    or one under the quantity caption of a table head above)."""
    line, word = at_word
    words = list(line.words)
    at = words.index(word)
    tail = code_and_modifier(word.text)[1].upper()
    code = CodeRead(head, word, line.page, codecheck.correct_procedure(head, sets))
    columns = _columns(text, index)
    rest = list(itertools.takewhile(lambda w: _hcpcs_head(w, sets) is None, words[at + 1 :]))  # to the next code
    found = rest_of_row(code, [tail] if tail in MODIFIERS else [], rest, line, columns, marked_only=True)
    listed = sets.hcpcs_known(head.translate(codecheck.ZERO_AS_O)) is True
    if not (listed or ticked or found.modifiers or found.quantity_word is not None or _listed_order(text, index)):
        return None
    if found.description is None:
        found = dataclasses.replace(found, description=_described_before(words[:at]))
    return found


def _described_before(words: list[Word]) -> str | None:
    """The words before a code printed after its description, less a caption ('Order:') before them."""
    start = max((i + 1 for i, w in enumerate(words) if w.text.endswith(":")), default=0)
    kept = [w.text for w in words[start:] if sum(ch.isalpha() for ch in w.text) >= 2]
    return " ".join(kept).strip(" -:") or None


# A letter's heading over the list of what it orders ('Orders:', 'Home health orders:'), alone on its line
ORDERS_HEADING = re.compile(r"^\s*(?:[A-Za-z ]{0,24}\s)?orders?\s*[:;]\s*$", re.IGNORECASE)
LIST_REACH = 12  # the list's items stand within this many lines under its heading


def _listed_order(text: PageText, index: int) -> bool:
    """The line is an item of a letter's list of orders: an 'Orders:' heading above it, with no
    section's end or diagnosis heading between (a code listed there is ordered, as a ticked one is)."""
    for line in reversed(text.lines[max(index - LIST_REACH, 0) : index]):
        if ORDERS_HEADING.match(line.text):
            return True
        if SECTION_END.search(line.text) or diagnosis_caption(line.text):
            return False
    return False


def _columns(text: PageText, index: int) -> Columns:
    """The modifier and quantity columns of the table head above the line, if a head is near."""
    for head in reversed(text.lines[max(index - TABLE_REACH, 0) : index]):
        if caption_line(joined := joined_head(head, text.lines)):
            return head_columns([joined])  # the column captions over the rows ('HCPCS  Mod  Supply  Qty')
        if service_head(head):
            return head_columns([head])
        if SECTION_END.search(head.text) or DIAGNOSIS_HEAD.search(head.text):
            break
    return Columns()


def _open_lines(text: PageText) -> Iterator[tuple[Segment, list[Word]]]:
    """Every line of the page, in order, with its open words (none under a history heading)."""
    closed = history_lines(text.lines, STOPS)
    for index, line in enumerate(text.lines):
        yield line, ([] if index in closed else open_words(line))


def boxed(text: PageText, ink: Callable[[], Image.Image | None], word: Word, dpi: float) -> bool | None:
    """The box left of the code or of the first word of its segment ('[ ] Hospital bed E0260'):
    False when one is empty (an option the order offers but does not tick), True when one is ticked,
    None when there is no box or no image to look at."""
    image = ink()
    if image is None:
        return None
    segment = next((s for s in text.segments if any(w is word for w in s.words)), None)
    first = segment.words[0] if segment is not None else word
    line = [w for s in text.segments for w in s.words if w.line_key == word.line_key]
    states = {box_state(image, w, dpi) for w in (word, first) if _room_for_a_box(line, w, dpi)}
    return False if False in states else True if True in states else None


def _room_for_a_box(line: list[Word], word: Word, dpi: float) -> bool:
    """Nothing but a box's glyph as OCR reads it ('[]', '[X]', 'O') stands where a box left of the word
    would: the ink of a word before it ('bed -' before 'E0260') is no box, ticked or empty."""
    reach = word.left - BOX_REACH * dpi
    return not any(w is not word and w.right > reach and w.left < word.left and not _glyph(w.text) for w in line)


def _glyph(text: str) -> bool:
    return len(text) <= 3 and sum(ch.isalnum() for ch in text) <= 1
