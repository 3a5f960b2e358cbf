"""Diagnosis codes: the code-shaped tokens of a diagnosis section, read against ICD-10-CM (a box number,
a dose, a sample or a history is none)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsers.fax import codecheck
from parsers.fax.bracket_rest import closing_rest, rest_word
from parsers.fax.code_context import HISTORY_HEAD
from parsers.fax.code_pieces import (
    LOWER_LEAD,
    digits_read_as_letters,
    fragment_before,
    glued_garble,
    listed_apart,
    rest_in_word,
)
from parsers.fax.extract import PageText
from parsers.fax.model import Segment, Word, word_spanning
from parsers.fax.services import (
    CODE_TOKEN,
    DIAGNOSIS_HEAD,
    UNREAD,
    CodeRead,
    code_tokens,
    coded_service,
    section_lines,
)
from referrals.codes import CodeSets

NUMBERED_BOX = re.compile(r"\bdx\s*#?\s*\d\b", re.IGNORECASE)
ICD_WORD = re.compile(r"icd|cd-?1[0o]", re.IGNORECASE)  # the caption, its I garbled too ('(1CD-10):', 'tCD-10')


def diagnosis_reads(text: PageText, sets: CodeSets) -> Iterator[CodeRead]:
    """Code-shaped tokens of the diagnosis section; numbered boxes (Dx 1, Dx 2) left unread count too."""
    for index, line in enumerate(text.lines):
        if DIAGNOSIS_HEAD.search(line.text) and not HISTORY_HEAD.match(line.text):  # 'Previous diagnoses:'
            reads: list[CodeRead] = []
            boxes = 0
            above = {id(line): text.lines[i - 1] for i, line in enumerate(text.lines) if i}
            for segment, after in section_lines(text.lines, index, DIAGNOSIS_HEAD):
                heading = above.get(id(segment))
                reads.extend(r for r in icd_tokens(segment, after, sets) if not under_measure(r.word, heading))
                boxes += len(NUMBERED_BOX.findall(segment.text))
            missing = max(boxes - len(reads), 0)
            yield from (_unless_glued(read, text.page.words) for read in reads)
            yield from (
                CodeRead(f"Dx box {len(reads) + i + 1}", line.words[0], line.page, UNREAD) for i in range(missing)
            )
            return


# A column heading naming a measure ('kcal/day', 'mL', 'VOLUME / DAY', 'Units', 'Qty'): the numbers
# under it are quantities, whatever look-alikes make of them ('1800' kcal a day as I80.0, its I a one).
MEASURE_HEAD = re.compile(r"^(?:k?cals?|ml|cc|mg|mcg|units?|volume|dose|rate|qty|quantity)(?![a-z])", re.I)
NUMBER = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")


def under_measure(word: Word, heading: Segment | None) -> bool:
    """A number (digits only: no letter read) under a measure's column heading on the line right above,
    a row of headings with no digit in it (a sentence's '10 units' heads no column)."""
    if heading is None or not NUMBER.match(word.text) or any(ch.isdigit() for ch in heading.text):
        return False
    return any(
        MEASURE_HEAD.match(w.text) and w.left - w.height < word.right and word.left < w.right + w.height
        for w in heading.words
    )


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


# A date ('11-20-2026', '3/4/26', '2026-11-21') and the time of day after it ('18.00', its colon read as
# a dot or a degree sign): no code, nor a code left open (a finding), wherever it stands (a form's dates
# over or under its diagnosis captions).
DATE = re.compile(r"^(?:[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{2}|[0-9]{4})|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})[.,;:]?$")
TIME = re.compile(r"^[0-2]?[0-9][.:\u00b0][0-5][0-9][.,;:]?$")


def _dated(pieces: list[tuple[str, Word]], position: int) -> bool:
    """The piece is a date, or the time right after one."""
    piece = pieces[position][0]
    after_date = position > 0 and DATE.match(pieces[position - 1][0]) is not None
    return DATE.match(piece) is not None or (after_date and TIME.match(piece) is not None)


def icd_tokens(line: Segment, after: int, sets: CodeSets) -> Iterator[CodeRead]:
    # a service code with its modifier ('A4253-NU') is no diagnosis
    pieces = [
        (p, w)
        for p, w in code_tokens(line, after, keep_inner_comma=True)
        if not coded_service(w.text) and not LOWERCASE_COUNT.match(p)
    ]
    skip: Word | None = None
    phone = phone_words(line.words)
    for position, (piece, word) in enumerate(pieces):
        if word is skip or id(word) in phone or _measured(piece, pieces[position + 1 : position + 2]):
            continue
        if _dated(pieces, position):
            continue
        if water_column(word, line.words):
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
        cut = _cut_category(word, line.words, sets)
        if cut is not None:
            rest, whole = cut
            skip = rest  # read with the category: no code of its own
            yield CodeRead(whole.text, whole, line.page, UNREAD)
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


def _cut_category(word: Word, words: tuple[Word, ...], sets: CodeSets) -> tuple[Word, Word] | None:
    """A category whose code's rest OCR read as a word of its own that makes no code with it ('(E11  1  65)',
    'L89 354', 'G47 $4' for G47.33): the category is a cut read, no code. Left open with no reading, as one
    word spanning the category and its rest, so that the re-reads of its crop see the whole code printed
    (a crop of the category alone reads 'G47.' at best). Returns the rest's word and the spanning one."""
    is_category = lambda head: bool(_categories(head, sets))  # noqa: E731
    rest = closing_rest(word, words, is_category) or rest_word(word, words, is_category)
    if rest is None:
        return None
    return rest, word_spanning(f"{word.text} {rest.text}", [word, rest], word.line_key)


# A US phone number in words ('203 555 1428', '(203) 555 1428', '203-555 1428'): an area code and an
# exchange never start with 0 or 1, so the digits an I-code misread as a one makes ('1428' for I42.8)
# are no code after them; a left column's phone on the line of a diagnosis in the right column.
PHONE = re.compile(r"^\(?[2-9][0-9]{2}\)?[ .-]?[2-9][0-9]{2}[ .-]?[0-9]{4}$")
PHONE_WORDS = 3


def phone_words(words: tuple[Word, ...]) -> set[int]:
    """The ids of the words that together read as a phone number (see PHONE)."""
    found: set[int] = set()
    for start in range(len(words)):
        for end in range(start + 1, min(start + PHONE_WORDS, len(words)) + 1):
            run = words[start:end]
            if PHONE.match(" ".join(w.text for w in run).replace(") ", ")")):
                found.update(id(w) for w in run)
    return found


UNIT = r"(?:mg|mcg|g|ml|cc|meq|units?|iu|%|l/min|lpm|l)"
WITH_UNIT = re.compile(rf"^[0-9]+(?:\.[0-9]+)?{UNIT}$", re.IGNORECASE)
A_UNIT = re.compile(rf"^{UNIT}\b", re.IGNORECASE)
# a time, a weight or a length after a number ('157 min' below 88% saturation in a sleep study, '250 lbs')
TIME_OR_SIZE = re.compile(
    r"^(?:min(?:ute)?s?|hrs?|hours?|sec(?:ond)?s?|days?|weeks?|wks?|months?|mos|lbs?|kg|cm|mm|mmhg)[.,;:)]?$", re.I
)
# a percentage or a rate per unit of time ('T<88%', 'RDI 35.8/hr', '4/hr'): a measure, whatever precedes it
RATE_OR_SHARE = re.compile(r"(?:%|/(?:hr|h|min|day|wk))[.,;:)]?$", re.IGNORECASE)
# the rest of a rate after its number's first part ('RDI 37.2 /hr' read 'R137 2ihr': the slash as an i or a bar)
RATE_REST = re.compile(r"^[0-9.,]*[/|iIl](?:hr|h|min|day|wk)[.,;:)]?$", re.IGNORECASE)


def _measured(piece: str, following: list[tuple[str, Word]]) -> bool:
    """A dose, a rate, a time or a weight ('500 mg', '40mg', '2 L/min', '157 min', '35.8/hr'), as a
    medications line or a sleep study's results beside or under the diagnoses print them: a number with
    its unit, no code (a code's character is never a '%' or a slash)."""
    if WITH_UNIT.match(piece) or RATE_OR_SHARE.search(piece) or RATE_REST.match(piece):
        return True
    number = re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", piece) is not None
    unit = following[0][0] if following else ""
    if RATE_REST.match(unit):
        return True  # the number of a rate whose unit follows with its slash: no code, whatever it reads as
    return number and (A_UNIT.match(unit) is not None or TIME_OR_SIZE.match(unit) is not None)


WATER = re.compile(r"^h2[o0][.,;:)]?$", re.IGNORECASE)


def water_column(word: Word, words: tuple[Word, ...]) -> bool:
    """'H2O' (or 'H20', its O read as a zero) right after 'cm': a pressure's unit ('8 cm H2O' on a CPAP
    order), no code, though the look-alike corrections make it the category H20."""
    if WATER.match(word.text) is None:
        return False
    at = next((i for i, w in enumerate(words) if w is word), 0)
    return at > 0 and words[at - 1].text.lower().rstrip(".") == "cm"


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
