"""Diagnosis codes and service lines: code-shaped tokens in the sections that hold them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parsers.fax import codecheck
from parsers.fax.asides import in_aside, without_closing
from parsers.fax.blocks import capitals_heading
from parsers.fax.bracket_rest import rest_further_on
from parsers.fax.code_context import HISTORY_HEAD, clause_words, in_a_date, in_prose
from parsers.fax.code_pieces import (
    DOUBLED_GLYPH,
    LOWER_LEAD,
    digits_read_as_letters,
    fragment_before,
    glued_garble,
    listed_apart,
    mangled_code,
    ordered_heading,
    rest_in_word,
)
from parsers.fax.extract import PageText
from parsers.fax.model import Segment, Word, word_spanning
from parsers.fax.row_marks import MODIFIERS, count_in, is_mark, marked_modifiers, marked_quantity, measured, money
from parsers.fax.table_head import (
    SERVICE_HEAD,
    Column,
    Columns,
    bare_code_head,
    coded_before_modifier,
    head_columns,
    in_column,
    joined_head,
    modifier_column,
    procedure_shaped,
    quantity_column,
)

__all__ = ["SERVICE_HEAD", "Columns", "modifier_column", "quantity_column"]  # where the stages import them from
from referrals.codes import CodeSets

# ('DIAGNOS<S', 'Diagnosts': a heading's letter OCR read as a mark, as on a shaded strip, or as another
# letter, is still the heading: no English word but 'diagnoses' and 'diagnosis' is spelled 'diagnos?s')
# 'Dx]' is no heading (a ticked box '[x]' read with its bracket as a D: 'Sex Dx] Male'); 'Ox:' is 'Dx:' its D an O
DIAGNOSIS_HEAD = re.compile(
    r"\b(?:diagnos[^\s\d]s|diagnosis|dx(?![\]|])(?: codes?)?|ox(?=[:;])|icd-?\s?10(?:-cm)?(?: codes?)?"
    r"|icd-?\s?[0-9]{2,3}(?=[:;]))\b"  # 'ICD-210:', its 10 garbled, before its colon: still the heading
    # a small caption's ICD with its I read as a bracket or a K, and its D as an O or a zero ('23 (CO-10 PRIMARY',
    # 'KCD-10', '231C0-10'); bracketed, its C a zero too ('24 (00-10 SECONDARY')
    r"|(?<![A-Za-z])[(|!\[1lK]?C[DO0]-1[0O](?![0-9])|\([0O][DO0]-1[0O](?![0-9])",
    re.I,
)
# What ends a section: a signature or a signing statement ('Electronically signed by ...'), a closing,
# an attestation, or the next section's heading ('SECTION B', 'Part II', 'Section 3:' at a line's start).
SECTION_END = re.compile(
    r"signature|\bsigned\b|sincerely|\bplease start\b|\bcertify\b"
    r"|^\s*(?:section|part)\s*(?:[A-H]|[0-9]{1,2}|[IVX]{1,4})\b",
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


def _tokens(line: Segment, after: int = 0, keep_inner_comma: bool = False) -> Iterator[tuple[str, Word]]:
    """Pieces of each word; with `keep_inner_comma`, 'G47,33' stays one piece with a dot (a misread dot)."""
    for word in clause_words(line.words):  # not a history clause's or an example's ('e.g. J44.9')
        if word.left < after:
            continue
        text = _split_brackets(_unbracketed(word.text)).rstrip(").,;").lstrip(")")
        if keep_inner_comma:
            text = re.sub(r"(?<=^[A-Z0-9(\[]{3}),(?=[0-9A-Z]{1,4}$)", ".", text)
        for piece in re.split(r"[,;]", text):
            if piece:
                yield piece, word


def _section(lines: list[Segment], start: int, head: re.Pattern[str]) -> Iterator[tuple[Segment, int]]:
    """The head line (from just after the head words) and the lines under it, until the next section."""
    first = lines[start]
    match = head.search(first.text)
    head_words = first.words_in_span(match.start(), match.end()) if match else ()
    yield first, max((w.right for w in head_words), default=0)
    for line in lines[start + 1 : start + 1 + MAX_SECTION_LINES]:
        if SECTION_END.search(line.text) or (head is DIAGNOSIS_HEAD and _services_next(line)):
            return
        if HISTORY_HEAD.match(line.text):
            return  # 'Past Medical History:' under the diagnoses: its list is no order's
        if head is DIAGNOSIS_HEAD and any(coded_service(w.text) for w in line.words):
            return  # a service line ('E0601-RR ...') written under the diagnoses without a heading
        if head is DIAGNOSIS_HEAD and capitals_heading(line) and _in_column(line, head_words or first.words):
            return  # the next section's heading ('REGIMEN AND ITEMS'): what follows is no diagnosis
        if head is SERVICE_HEAD and diagnosis_caption(line.text):
            return
        yield line, 0


def _in_column(line: Segment, head: Sequence[Word]) -> bool:
    """The line starts where the head does, give or take eight text heights (one column, not the next)."""
    height = max(w.height for w in head)
    return abs(line.words[0].left - head[0].left) <= 8 * height


def diagnosis_caption(text: str) -> bool:
    """A diagnosis caption or heading on the line, not a mention in a sentence ('diagnosis as above')."""
    return any(not in_prose(text, match) for match in DIAGNOSIS_HEAD.finditer(text))


def _services_next(line: Segment) -> bool:
    return bool(SERVICE_HEAD.search(line.text)) or ordered_heading(line)


NUMBERED_BOX = re.compile(r"\bdx\s*#?\s*\d\b", re.IGNORECASE)
UNREAD = codecheck.Correction(None, False, ())
ICD_WORD = re.compile(r"icd|cd-?1[0o]", re.IGNORECASE)  # the caption, its I garbled too ('(1CD-10):', 'tCD-10')


def diagnosis_reads(text: PageText, sets: CodeSets) -> Iterator[CodeRead]:
    """Code-shaped tokens of the diagnosis section; numbered boxes (Dx 1, Dx 2) left unread count too."""
    for index, line in enumerate(text.lines):
        if DIAGNOSIS_HEAD.search(line.text) and not HISTORY_HEAD.match(line.text):  # 'Previous diagnoses:'
            reads: list[CodeRead] = []
            boxes = 0
            for segment, after in _section(text.lines, index, DIAGNOSIS_HEAD):
                reads.extend(icd_tokens(segment, after, sets))
                boxes += len(NUMBERED_BOX.findall(segment.text))
            missing = max(boxes - len(reads), 0)
            yield from (_unless_glued(read, text.page.words) for read in reads)
            yield from (
                CodeRead(f"Dx box {len(reads) + i + 1}", line.words[0], line.page, UNREAD) for i in range(missing)
            )
            return


def _unless_glued(read: CodeRead, page_words: list[Word]) -> CodeRead:
    """A code read only by a look-alike correction ('154' as L54), with ink OCR made nothing of set right
    against it (code_pieces.glued_garble): the rest of a code whose head is lost, left open (a finding)."""
    garble = glued_garble(read.word, page_words) if read.correction.corrected else None
    if garble is None:
        return read
    whole = word_spanning(f"{garble.text}{read.word.text}", [garble, read.word], read.word.line_key)
    return CodeRead(whole.text, whole, read.page, UNREAD)


# '13.': a form's box number (the next box's, beside the diagnosis box): too short for any code, garbled or not
BOX_NUMBER = re.compile(r"^[0-9]{1,2}\.?$")
# 'x12', 'x3': a count (twelve visits, times three); ICD-10 codes are printed in capitals
LOWERCASE_COUNT = re.compile(r"^x[0-9]{1,3}$")


def icd_tokens(line: Segment, after: int, sets: CodeSets) -> Iterator[CodeRead]:
    # a service code with its modifier ('A4253-NU') is no diagnosis
    pieces = [
        (p, w)
        for p, w in _tokens(line, after, keep_inner_comma=True)
        if not coded_service(w.text) and not LOWERCASE_COUNT.match(p)
    ]
    skip: Word | None = None
    for position, (piece, word) in enumerate(pieces):
        if word is skip or _measured(piece, pieces[position + 1 : position + 2]):
            continue
        if rest_in_word(pieces, position, lambda head: bool(_categories(head, sets))):  # 'Z96,65]' for Z96.651
            skip = word
            yield CodeRead(word.text, word, line.page, UNREAD)
            continue
        joined = _split_code(piece, word, pieces[position + 1 : position + 3], line.page, sets)
        if joined is not None:
            skip = pieces[position + 1][1]
            yield joined
            continue
        if rest_further_on(word, line.words, lambda head: bool(_categories(head, sets))):
            yield CodeRead(word.text, word, line.page, UNREAD)  # '(E11 1 65)': the category is a cut read
            continue
        candidate = piece.upper().rstrip(".")
        if candidate.isdigit() and (head := fragment_before(pieces, position, CODE_TOKEN)) is not None:
            whole = word_spanning(f"{head.text}.{piece}", [head, word], word.line_key)
            yield CodeRead(whole.text, whole, line.page, UNREAD)  # 'L&9 154': a code's rest, no I-code
            continue
        if LOWER_LEAD.match(piece):  # 'j10' for I10: codes are printed in capitals, the letter was misread
            yield CodeRead(piece, word, line.page, UNREAD)
            continue
        # all digits only as a misread I (I10 read as 110): any other number is no code
        digits_ok = not candidate.isdigit() or candidate.startswith("1")
        if (
            CODE_TOKEN.match(candidate)
            and any(ch.isdigit() for ch in candidate)
            and digits_ok
            and _digit_second(candidate)
        ):
            yield CodeRead(piece, word, line.page, codecheck.correct_icd10(candidate, sets))
        elif (
            sum(ch.isdigit() for ch in candidate) >= 2
            and not (NUMBERED_BOX.search(piece) or ICD_WORD.search(piece))
            and not BOX_NUMBER.match(candidate)
        ):
            yield CodeRead(piece, word, line.page, UNREAD)  # code-like but no code shape: a finding


UNIT = r"(?:mg|mcg|g|ml|cc|meq|units?|iu|%|l/min|lpm|l)"
WITH_UNIT = re.compile(rf"^[0-9]+(?:\.[0-9]+)?{UNIT}$", re.IGNORECASE)
A_UNIT = re.compile(rf"^{UNIT}\b", re.IGNORECASE)


def _measured(piece: str, following: list[tuple[str, Word]]) -> bool:
    """A dose or a rate ('500 mg', '40mg', '2 L/min'), as a medications line beside or under the
    diagnoses prints them: a number with its unit, no code."""
    if WITH_UNIT.match(piece):
        return True
    number = re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", piece) is not None
    return number and bool(following) and A_UNIT.match(following[0][0]) is not None


def _unbracketed(text: str) -> str:
    """A code printed in brackets ('(J44.9)', '[I10],'): the code; a lone '(' may be a misread L or C."""
    core = text.rstrip(".,;:")
    return core[1:-1] if core[:1] in "([" and core[-1:] in ")]" and len(core) > 2 else text


# A bracket opening a category ('(E11 65)', '(150 9)': a code in brackets whose dot OCR read as a gap;
# '(110}' for '(I10)') is no misread letter: a category's three characters follow it, and a category
# with a letter before it would be four. Its closing one may come as a brace.
OPENING = re.compile(r"^[(\[{](?=[A-Za-z0-9]{3}(?:[)\]}][.,;]?)?$)")
CLOSING = re.compile(r"^([0-9A-Za-z]{1,4})[)\]}][.,;]?$")


def _split_brackets(text: str) -> str:
    """The category of a bracketed code split at its dot ('(E11'), the rest ('65}') without its bracket,
    a three-character code in a bracket and a brace ('(110}') without them."""
    return CLOSING.sub(r"\1", OPENING.sub("", text))


def _digit_second(candidate: str) -> bool:
    """An ICD-10-CM code's second character is a digit (or a look-alike OCR makes of one): 'DM2' is a word."""
    return candidate[1:2].isdigit() or candidate[1:2] in codecheck.TO_DIGIT


SUBCODE = re.compile(r"^[0-9A-Z]{1,4}$")


def _split_code(
    piece: str, word: Word, following: list[tuple[str, Word]], page: int, sets: CodeSets
) -> CodeRead | None:
    """A category ('M17', or '150' that stands for the categories I50 and L50) with the rest of its
    code just after it as a word of its own ('11'): the dot read as a gap. The joined code ('M17.11';
    'I50.9' or 'L50.9'), when billable, left open (no value), never the category alone: it counts
    only when the re-reads of the two words' crop give it (reread.py)."""
    if not following or listed_apart(word):  # '110, L89 154': the comma ends I10, L89 is no rest of it
        return None
    if len(following) > 1 and ICD_WORD.search(following[1][0]):
        return None  # 'j10 4 KCD-10': the number is the next box's, its ICD caption after it
    rest, after = following[0]
    overlap = max(word.height, after.height) // 2  # a box OCR drew tall may reach over the word before it
    close = after is not word and -overlap <= after.left - word.right <= word.height
    rest = digits_read_as_letters(rest)  # 'M17 Li': the rest '11' read as letters
    if not close or not SUBCODE.match(rest.upper()) or not any(ch.isdigit() for ch in rest):
        return None
    whole = word_spanning(f"{piece.upper()}.{rest.upper()}", [word, after], word.line_key)
    categories = _categories(piece, sets)
    if not categories:
        # A three-character code that is billable itself ('N16', read from 'N18.4,' whose dot OCR took
        # for a gap) has no rest: the two words are one code misread, open with no reading (re-reads only).
        three = len(piece) == 3 and codecheck.correct_icd10(piece, sets).value is not None
        return CodeRead(whole.text, whole, page, codecheck.UNREAD) if three and not _numbers(following) else None
    joined = tuple(c for c in (f"{c}.{rest.upper()}" for c in categories) if codecheck.icd10_billable(c, sets))
    if not joined:  # 'N48 4,' for N18.4: no code of that category has this rest, so the category is misread too
        return None if _numbers(following) else CodeRead(whole.text, whole, page, codecheck.UNREAD)
    return CodeRead(whole.text, whole, page, codecheck.Correction(None, False, joined))


def _numbers(following: list[tuple[str, Word]]) -> bool:
    """The word after a code numbers the next one in a list ('I10 2) E11.65'): it ends with ')' or '.'
    and more follows it on the line."""
    return len(following) > 1 and following[0][1].text.endswith((")", ".")) and following[1][1] is not following[0][1]


def _categories(piece: str, sets: CodeSets) -> tuple[str, ...]:
    """The category codes (not billable) `piece` stands for: itself, or every look-alike reading of it
    when each of them is one ('150': I50 and L50; '110' may be I10, billable: none)."""
    if codecheck.icd10_not_billable(piece.upper(), sets):
        return (piece.upper(),)
    readings = codecheck.correct_icd10(piece, sets).readings
    return readings if readings and all(codecheck.icd10_not_billable(r, sets) for r in readings) else ()


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
    table = [row for row, _ in _section(text.lines, (named or heads)[0], SERVICE_HEAD)] if heads else []
    columns = head_columns([joined_head(table[0], text.lines), *table[1:]] if table else table)
    for position, row in enumerate(table):
        found = _service_row(row, sets, columns)
        if found is not None:
            yield found
        elif position > 0 and _looks_like_a_row(row):
            yield ServiceRead(CodeRead(row.text[:12], row.words[0], row.page, UNREAD), [], None, None, None, row)
    for line in text.lines:
        coded = next((i for i, w in enumerate(line.words) if coded_service(w.text)), None)
        if coded is not None and not any(line is row for row in table):
            yield _service_from(line, coded, sets)


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
        if id(word) not in sample and (procedure_shaped(head) or coded_before_modifier(head, words[position + 1 :])):
            # a code-shaped token that fits no code still makes a row: it becomes a finding, not a gap
            code = CodeRead(head, word, row.page, codecheck.correct_procedure(head, sets))
            return rest_of_row(code, [tail] if tail else [], words[position + 1 :], row, columns)
    for position, word in enumerate(words):
        if id(word) not in sample and DOUBLED_GLYPH.match(word.text):  # 'Go0299': open, its re-reads decide
            return rest_of_row(CodeRead(word.text, word, row.page, UNREAD), [], words[position + 1 :], row, columns)
    return None


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
        bare = text.strip("()[]{}").strip(",.;:")  # '(HCPCS A4253 NU)': a modifier closing a code's aside
        if (_modifier_here(bare, quantity is not None) or _under(word, bare, columns.modifier)) and not description:
            modifiers.append(bare.upper())
        elif quantity is None and counts and (quantity_at or not description) and (count := count_in(text)):
            quantity, quantity_word = count, word
        elif text.lower() not in {"quantity", "qty", "units", "x"}:
            description.append(word)
    counted = [w for w in rest if not columns.holds_no_count(w)]
    if quantity is None and quantity_at is None and (marked := marked_quantity(counted)) is not None:
        quantity, quantity_word = marked  # 'Qty 2', 'x2', '2 units' after the description
    modifiers += [m for m in marked_modifiers(rest, MODIFIERS) if m not in modifiers]
    return ServiceRead(
        code,
        [m.upper() for m in modifiers if codecheck.modifier_ok(m.upper())],
        quantity,
        quantity_word,
        described(description, quantity_word),
        row,
        Columns(columns.modifier, quantity_at, columns.no_count),
    )


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
