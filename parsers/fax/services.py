"""Service lines, and what diagnosis and service reading share: code-shaped tokens in the sections that
hold them (the diagnosis codes themselves: diagnosis_codes.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parsers.fax import codecheck
from parsers.fax.asides import in_aside, without_closing
from parsers.fax.blocks import capitals_heading
from parsers.fax.code_context import HISTORY_HEAD, clause_words, in_a_date, in_prose
from parsers.fax.code_pieces import (
    DOUBLED_GLYPH,
    garbled_beside_modifier,
    mangled_code,
    ordered_heading,
)
from parsers.fax.extract import PageText
from parsers.fax.model import Segment, Word
from parsers.fax.row_marks import MODIFIERS, count_in, is_mark, marked_modifiers, marked_quantity, measured, money
from parsers.fax.state_names import USPS_STATES
from parsers.fax.table_head import (
    SERVICE_HEAD,
    Column,
    Columns,
    bare_code_head,
    caption_line,
    coded_before_modifier,
    head_columns,
    in_column,
    joined_head,
    modifier_column,
    procedure_shaped,
    quantity_column,
    with_repeated_count_caption,
)

__all__ = ["SERVICE_HEAD", "Columns", "modifier_column", "quantity_column"]  # where the stages import them from
from referrals.codes import CodeSets


# ('DIAGNOS<S', 'Diagnosts': a heading's letter OCR read as a mark, as on a shaded strip, or as another
# letter, is still the heading: no English word but 'diagnoses' and 'diagnosis' is spelled 'diagnos?s')
# 'Dx]' is no heading (a ticked box '[x]' read with its bracket as a D: 'Sex Dx] Male'); 'Ox:' is 'Dx:' its D an O
def one_letter_off(*words: str) -> str:
    """A pattern of the words with any one letter read as another or lost (OCR of a heading: 'Dtagnosis'),
    less the English words among them (no heading reads 'diagnose')."""
    variants = {w[:i] + "[a-z]" + w[i + 1 :] for w in words for i in range(1, len(w))}
    variants |= {w[:i] + w[i + 1 :] for w in words for i in range(1, len(w))}
    return "|".join(sorted(v for v in variants if v not in ENGLISH_NEAR_HEADS))


ENGLISH_NEAR_HEADS = {"diagnose"}  # 'Diagnostic study' garbled to 'Diagnose study' heads no diagnoses
DIAGNOSIS_HEAD = re.compile(
    rf"\b(?:diagnos[^\s\d]s|diagnosis|{one_letter_off('diagnosis', 'diagnoses')}"
    r"|dx(?![\]|])(?: codes?)?|ox(?=[:;])|icd-?\s?10(?:-cm)?(?: codes?)?"
    r"|icd-?\s?[0-9]{2,3}(?=[:;]))\b"  # 'ICD-210:', its 10 garbled, before its colon: still the heading
    # 'dagnoss codes': two letters of 'diagnosis' lost, before 'codes' (no other caption reads so)
    r"|\bd[a-z]{0,2}gn[a-z]{2,4}(?=\s+codes?\b)"
    # a small caption's ICD with its I read as a bracket or a K, and its D as an O or a zero ('23 (CO-10 PRIMARY',
    # 'KCD-10', '231C0-10'); bracketed, its C a zero too ('24 (00-10 SECONDARY')
    r"|(?<![A-Za-z])[(|!\[1lK]?C[DO0]-1[0O](?![0-9])|\([0O][DO0]-1[0O](?![0-9])"
    # ... its I read as a brace and its hyphen as a slash ('{C0/10 SECONDARY'); or one letter of ICD lost
    # ('ID 10 PRIMARY', 'CD-10 Secondary'), the code's rank after it naming it a diagnosis caption
    r"|(?<![A-Za-z])\{C[DO0][-/]1[0O](?![0-9])|\b(?:icd|id|cd)[\s/-]?1[0o]\s+(?:primary|secondary|principal)",
    re.I,
)
# What ends a section: a signature or a signing statement ('Electronically signed by ...'), a closing,
# an attestation, or the next section's heading ('SECTION B', 'Part II', 'Section 3:' at a line's start).
SECTION_END = re.compile(
    r"signature|\bsigned\b|sincerely|\bplease start\b|\bcertify\b"
    r"|^\s*(?:section|part)\s*(?:[A-H]|[0-9]{1,2}|[IVX][IVX1l|]{0,3})\b",  # 'SECTION V1': VI, its I read as a one
    re.I,
)
CODE_TOKEN = re.compile(r"^[A-Z0-9|(\[]{3}\.?[A-Z0-9]{0,4}$")
MAX_SECTION_LINES = 6


@dataclass(frozen=True)
class CodeRead:
    """A code-shaped token and what checking it gave."""

    raw: str
    word: Word
    page: int
    correction: codecheck.Correction

    def as_read(self, threshold: float) -> bool:
        """In the code set exactly as read, and read surely (`threshold` 0..1): a code set as dense as
        ICD-10's holds the neighbour an unsure digit makes of a code (J96.12 read for J96.11 at 57)."""
        fix = self.correction
        return fix.in_code_set and not fix.corrected and self.word.conf >= 100 * threshold


def code_tokens(line: Segment, after: int = 0, keep_inner_comma: bool = False) -> Iterator[tuple[str, Word]]:
    """Pieces of each word; with `keep_inner_comma`, 'G47,33' stays one piece with a dot (a misread dot)."""
    for word in clause_words(line.words):  # not a history clause's or an example's ('e.g. J44.9')
        if word.left < after:
            continue
        text = split_brackets(unbracketed(word.text)).rstrip(").,;").lstrip(")")
        if keep_inner_comma:
            text = re.sub(r"(?<=^[A-Z0-9(\[]{3}),(?=[0-9A-Z]{1,4}$)", ".", text)
        for piece in re.split(r"[,;]", text):
            if piece:
                yield piece, word


def section_lines(lines: list[Segment], start: int, head: re.Pattern[str]) -> Iterator[tuple[Segment, int]]:
    """The head line (from just after the head words) and the lines under it, until the next section."""
    first = lines[start]
    match = head.search(first.text)
    head_words = first.words_in_span(match.start(), match.end()) if match else ()
    yield first, max((w.right for w in head_words), default=0)
    following = lines[start + 1 : start + 1 + MAX_SECTION_LINES]
    under = following[0] if following else None
    for line in following:
        if SECTION_END.search(line.text) or (head is DIAGNOSIS_HEAD and _services_next(line)):
            return
        if HISTORY_HEAD.match(line.text):
            return  # 'Past Medical History:' under the diagnoses: its list is no order's
        if head is DIAGNOSIS_HEAD and any(coded_service(w.text) for w in line.words):
            return  # a service line ('E0601-RR ...') written under the diagnoses without a heading
        heading = _unbadged(line)
        if (
            head is DIAGNOSIS_HEAD
            and capitals_heading(heading)
            and _heads_column(heading, head_words or first.words, under)
        ):
            return  # the next section's heading ('REGIMEN AND ITEMS'): what follows is no diagnosis
        if head is SERVICE_HEAD and diagnosis_caption(line.text):
            return
        yield line, 0


BADGE_CHARS = 3  # a section's number in a dark badge, read as a mark or two ('i', 'ol', '[G')
BADGE_HEIGHT = 1.5  # ... at least this many times as tall as its heading's words


def _unbadged(line: Segment) -> Segment:
    """The line less the badge before a numbered section's heading ('i REGIMEN AND ITEMS': the number
    in a dark square, as tall as two lines of text, read as a mark); the line itself when none leads it."""
    lead, rest = line.words[0], line.words[1:]
    if not rest or len(lead.text) > BADGE_CHARS or lead.height < BADGE_HEIGHT * max(w.height for w in rest):
        return line
    return Segment(line.page, line.index, rest)


def _heads_column(line: Segment, head: Sequence[Word], under: Segment | None) -> bool:
    """The line starts in the head's column, or where the line under the head does (a row of captions
    'ICD-10 PRIMARY | ICD-10 SECONDARY' found by its second: its codes start under the first)."""
    return _in_column(line, head) or (under is not None and under is not line and _in_column(line, under.words))


def _in_column(line: Segment, head: Sequence[Word]) -> bool:
    """The line starts where the head does, give or take eight text heights (one column, not the next)."""
    height = max(w.height for w in head)
    return abs(line.words[0].left - head[0].left) <= 8 * height


def diagnosis_caption(text: str) -> bool:
    """A diagnosis caption or heading on the line, not a mention in a sentence ('diagnosis as above')."""
    return any(not in_prose(text, match) for match in DIAGNOSIS_HEAD.finditer(text))


def _services_next(line: Segment) -> bool:
    return bool(SERVICE_HEAD.search(line.text)) or ordered_heading(line)


UNREAD = codecheck.Correction(None, False, ())


def unbracketed(text: str) -> str:
    """A code printed in brackets ('(J44.9)', '[I10],'): the code; a lone '(' may be a misread L or C."""
    core = text.rstrip(".,;:")
    return core[1:-1] if core[:1] in "([" and core[-1:] in ")]" and len(core) > 2 else text


# A bracket opening a category ('(E11 65)', '(150 9)': a code in brackets whose dot OCR read as a gap;
# '(110}' for '(I10)') is no misread letter: a category's three characters follow it, and a category
# with a letter before it would be four. Its closing one may come as a brace.
OPENING = re.compile(r"^[(\[{](?=[A-Za-z0-9]{3}(?:[)\]}][.,;]?)?$)")
CLOSING = re.compile(r"^([0-9A-Za-z]{1,4})[)\]}][.,;]?$")


def split_brackets(text: str) -> str:
    """The category of a bracketed code split at its dot ('(E11'), the rest ('65}') without its bracket,
    a three-character code in a bracket and a brace ('(110}') without them."""
    return CLOSING.sub(r"\1", OPENING.sub("", text))


@dataclass(frozen=True)
class ServiceRead:
    code: CodeRead
    modifiers: list[str]
    quantity: int | None
    quantity_word: Word | None
    description: str | None
    row: Segment
    columns: Columns | None = None  # the table's modifier and quantity columns, where its head names them


def service_reads(text: PageText, sets: CodeSets) -> Iterator[ServiceRead]:
    """The rows of the page's service table (the lines under its heading), and any other line with a
    service code and its modifier on it ('E0601-RR' in a letter's prose), wherever it stands."""
    heads = [index for index, line in enumerate(text.lines) if service_head(line)]
    named = [index for index in heads if not bare_code_head(text.lines[index])]
    table = [row for row, _ in section_lines(text.lines, (named or heads)[0], SERVICE_HEAD)] if heads else []
    columns = head_columns(column_head(table, text.lines))
    for position, row in enumerate(table):
        found = _service_row(row, sets, columns)
        if found is not None:
            yield found
        elif position > 0 and _looks_like_a_row(row):
            yield ServiceRead(
                CodeRead(row.text[:12], row.words[0], row.page, UNREAD), [], None, None, None, row, columns
            )
    for line in text.lines:
        coded = next((i for i, w in enumerate(line.words) if coded_service(w.text)), None)
        if coded is not None and not any(line is row for row in table):
            yield _service_from(line, coded, sets)


CAPTION_LINE_REACH = 2  # a title's column captions stand on one of the lines right under it


def column_head(table: list[Segment], lines: list[Segment]) -> list[Segment]:
    """The table from the line whose captions name its columns: its head, or, under a title that names
    none ('EQUIPMENT (tick what is ordered; HCPCS, modifier and quantity)'), the line of column captions
    right under it ('HCPCS  Mod  Device  Settings  Qty'), which holds no code."""
    if not table:
        return table
    head = joined_head(table[0], lines)
    if quantity_column(head) is not None:
        return [head, *table[1:]]
    for at, row in enumerate(table[1 : 1 + CAPTION_LINE_REACH], start=1):
        captions = joined_head(row, lines)
        if caption_line(captions):
            return [captions, *table[at + 1 :]]
        repaired = with_repeated_count_caption(captions, [joined_head(r, lines) for r in table[at + 1 :]])
        if repaired is not None:
            return [repaired, *table[at + 1 :]]
    return [head, *table[1:]]


def service_head(line: Segment) -> bool:
    """The line heads a service table: a service caption on it and no diagnosis one."""
    return bool(SERVICE_HEAD.search(line.text)) and not DIAGNOSIS_HEAD.search(line.text)


SERVICE_WITH_MODIFIER = re.compile(r"^([A-Z£$|(\[])([0-9OoDQIl|]{4})-([A-Z0-9]{2})\)?[.,;:]?$")


def coded_service(token: str) -> bool:
    """A HCPCS code (letter and four digits, as OCR may show them) joined to a known modifier: 'E0601-RR'."""
    found = SERVICE_WITH_MODIFIER.match(token.strip())
    return found is not None and found.group(3) in MODIFIERS


def code_and_modifier(token: str) -> tuple[str, str]:
    """A code token's code and the modifier joined to it ('E0601-RR'), less the punctuation closing it:
    a comma, or the bracket of a code printed in brackets after its description ('(HCPCS E0260-RR)')."""
    head, _, tail = token.strip(".,;:").partition("-")
    return head, tail.rstrip(".,;:)]}")


def _service_from(line: Segment, position: int, sets: CodeSets) -> ServiceRead:
    words = list(line.words)
    head, tail = code_and_modifier(words[position].text)
    code = CodeRead(head, words[position], line.page, codecheck.correct_procedure(head, sets))
    return rest_of_row(code, [tail], words[position + 1 :], line)


def _looks_like_a_row(row: Segment) -> bool:
    """A line under a service table head with a number on it (a date is no service line's), or with
    a code OCR mangled beyond reading (G0151 read as GOISl): a service line whose code was not read,
    never a silent gap."""
    if len(row.words) < 2:
        return False
    words = row.words
    numbers = [w for i, w in enumerate(words) if sum(ch.isdigit() for ch in w.text) >= 3 and not in_a_date(words, i)]
    return bool(numbers) or any(mangled_code(w.text) for w in words)


def _service_row(row: Segment, sets: CodeSets, columns: Columns | None = None) -> ServiceRead | None:
    words = list(row.words)
    sample = {id(w) for w in words} - {id(w) for w in clause_words(words)}  # 'e.g. E0260' in the head
    for position, word in enumerate(words):
        head, tail = code_and_modifier(without_closing(word.text) if in_aside(words, position) else word.text)
        if zip_after_state(words, position):
            continue  # 'Yonkers NY 10701': an address's ZIP code, no CPT code
        coded = procedure_shaped(head) or coded_before_modifier(head, words[position + 1 :], tail)
        if id(word) not in sample and coded:
            # a code-shaped token that fits no code still makes a row: it becomes a finding, not a gap
            code = CodeRead(head, word, row.page, codecheck.correct_procedure(head, sets))
            return rest_of_row(code, [tail] if tail else [], words[position + 1 :], row, columns)
    for position, word in enumerate(words):
        garbled = DOUBLED_GLYPH.match(word.text) or garbled_beside_modifier(words, position)
        if id(word) not in sample and garbled:  # 'Go0299', 'Kkoo01 RR': open, its re-reads decide
            return rest_of_row(CodeRead(word.text, word, row.page, UNREAD), [], words[position + 1 :], row, columns)
    return None


def zip_after_state(words: Sequence[Word], position: int) -> bool:
    """Five digits right after a state's USPS code ('NY 10701', 'RI, 02903'): a ZIP code."""
    text = words[position].text.strip(",.;:")
    before = words[position - 1].text.strip(",.;:") if position > 0 else ""
    return len(text) == 5 and text.isdigit() and before in USPS_STATES


def rest_of_row(
    code: CodeRead,
    modifiers: list[str],
    rest: list[Word],
    row: Segment,
    columns: Columns | None = None,
    marked_only: bool = False,
) -> ServiceRead:
    """The modifiers, quantity and description after a row's code; in a table with a quantity column,
    the quantity is the number under its caption only (a dose's '500 mg' before it is none); with
    `marked_only` (a code outside any table), only a number its mark calls a quantity ('Qty 2', 'x2')."""
    columns = columns or Columns()
    quantity_at = columns.quantity if columns.quantity and columns.quantity[1] > code.word.right else None
    # (a caption left of the codes, 'HCPCS / QTY' in a column of captions, heads no column)
    quantity: int | None = None
    quantity_word: Word | None = None
    description: list[Word] = []
    for position, word in enumerate(rest):
        text = word.text.strip(",.;:")  # 'Qty: 1': a caption's colon
        if not any(ch.isalnum() for ch in text):
            continue  # remnants of form lines and specks
        counts = in_column(word, quantity_at) if quantity_at else not marked_only
        counts = counts and not measured(rest, position) and not columns.holds_no_count(word) and not money(text)
        counts = counts and not (quantity_at and not under_count_caption(word, columns.count_caption))
        bare = text.strip("()[]{}").strip(",.;:")  # '(HCPCS A4253 NU)': a modifier closing a code's aside
        if (_modifier_here(bare, quantity is not None) or _under(word, bare, columns.modifier)) and not description:
            modifiers.append(bare.upper())
        elif quantity is None and counts and (quantity_at or not description) and (count := count_in(text)):
            quantity, quantity_word = count, word
        elif text.lower() not in {"quantity", "qty", "units", "x"}:
            description.append(word)
    counted = [w for w in rest if not columns.holds_no_count(w) and (quantity_at is None or in_column(w, quantity_at))]
    if quantity is None and (marked := marked_quantity(counted)) is not None:
        quantity, quantity_word = marked  # 'Qty 2', 'x2', '2 units' after the description, or in the column ('1ea')
    modifiers += [m for m in marked_modifiers(rest, MODIFIERS) if m not in modifiers]
    return ServiceRead(
        code,
        [m.upper() for m in modifiers if codecheck.modifier_ok(m.upper())],
        quantity,
        quantity_word,
        described(description, quantity_word),
        row,
        Columns(columns.modifier, quantity_at, columns.no_count, columns.count_caption if quantity_at else None),
    )


CAPTION_REACH = 4  # text heights (beyond the caption's own width) either side of a count caption its numbers stand


def under_count_caption(word: Word, caption: Column | None) -> bool:
    """The word stands under the count caption ('Qty'), give or take the caption's width and four text
    heights: a wide quantity cell also holds the text of the column before it overhanging into it
    ('IPAP 17 / EPAP 13 cm H2O' under 'Settings'), whose numbers are no count. No caption known: any."""
    if caption is None:
        return True
    reach = caption[1] - caption[0] + CAPTION_REACH * word.height
    return word.left < caption[1] + reach and word.right > caption[0] - reach


def described(words: list[Word], quantity_word: Word | None) -> str | None:
    """The description's words, less a marked quantity and the marks of quantities and modifiers."""
    kept = [w.text for w in words if w is not quantity_word and not is_mark(w.text)]
    return " ".join(kept) or None


def _modifier_here(text: str, after_quantity: bool) -> bool:
    """A known modifier before the description: between code and quantity ('E0601 RR 1'), or printed
    in capitals after the quantity ('E0601 1 RR', a form whose MOD column follows QTY)."""
    return text.upper() in MODIFIERS and (not after_quantity or text.isupper())


def _under(word: Word, text: str, column: Column | None) -> bool:
    """A known modifier, in whatever case OCR gave it ('Nu' for NU), standing under the head's
    modifier caption: the column says what it is, where a mixed-case word elsewhere may be prose."""
    return column is not None and text.upper() in MODIFIERS and in_column(word, column)
