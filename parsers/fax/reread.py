"""Cells whose value failed its check, read once more as one word with the characters it may hold.

The first read of a code cell comes from a block of many cells (page segmentation for blocks, any
character). When a diagnosis or service code, or a service line's quantity, fails its check there,
only that value's crop is read again twice: as one line from the straightened grey page enlarged
2x, and as one word from the cleaned page enlarged 1.5x, each confined to the characters the value
can hold. A new value is taken only when the reads agree on it (reread_pool.pooled: two clean
reads that agree, none contradicting, as confirm.py asks of any critical field), and fits what the
first read left open; anything else stays null with its finding. When the page's (fast) model's two
reads settle nothing, the standard model reads the crop twice more (MODELS, models.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TypeVar

from PIL import Image, ImageOps

from parsers.fax import codecheck, glyph
from parsers.fax.confirm import crop
from parsers.fax.model import Word, bbox_of
from parsers.fax.ocr import REREAD_MODEL, hocr_words
from parsers.fax.page_digits import agrees_with_page
from parsers.fax.reading import FaxRead
from parsers.fax.reread_pool import Read, Reread, clean_texts, pooled, undoubted_texts
from parsers.fax.row_marks import MODIFIERS, count_in, measured
from parsers.fax.services import CodeRead, ServiceRead, code_and_modifier, rest_of_row, under_count_caption
from parsers.fax.table_head import Columns
from referrals.codes import CodeSets

CHARSETS = {
    "icd10": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.",
    "procedure": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "quantity": "0123456789",
    "npi": "0123456789",
    "member_id": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "phone": "0123456789()-.",
    "date": "0123456789/-.",
    "long_date": "0123456789,.ABCDEFGJLMNOPRSTUVYabceghilmnoprstuvy",  # month names
    "sex": "FMEALfemal",
    "address": "",  # any character: under a whitelist tesseract's LSTM drops the spaces between words
}
# (psm, source, scale): one text line from the grey page, one word from the cleaned page
VARIANTS = ((7, "straight", 2.0), (8, "clean", 1.5))
LINE_VARIANTS = ((7, "straight", 2.0), (7, "clean", 1.5))  # a value of several words, each kept apart
# a service code the two re-reads do not settle: a third read, the cleaned crop enlarged 3x (HCPCS
# reads whose letter or a zero went astray are settled by codecheck.hcpcs_agreed over all three)
THIRD_PROCEDURE_VARIANT = ((7, "clean", 3.0),)
Variant = tuple[int, str, float]
# white pixels added around a crop that read as nothing: tesseract reads some crops as nothing at
# all (a clear 'I50.9,' at 2x under psm 7) and reads them once a few pixels of margin are added
BORDER = 10
CODE_3X_VARIANTS = ((7, "straight", 3.0), (7, "clean", 3.0))  # a diagnosis code the first two leave open
BAR_LIKE = set("1lI|!")  # what OCR makes of a plain vertical bar
DIGIT_LOOKALIKES = set("0123456789" + "".join(codecheck.TO_DIGIT)) | {"i", "l", "o"}
# The page's model re-reads first; where its reads settle nothing, the standard model's (models.py)
MODELS = ("", " " + REREAD_MODEL)
T = TypeVar("T")


def reread_failing(state: FaxRead) -> None:
    """Re-read the crops of diagnosis codes, service codes and quantities that failed their checks."""
    state.diagnoses = [_diagnosis(state, d) for d in state.diagnoses]
    state.services = [_service(state, s) for s in state.services]


def twice(
    state: FaxRead, page: int, word: Word, charset: str, read: Callable[[str], Read | None], joiner: str = ""
) -> T | None:
    """The value the re-reads of `word`'s crop agree on (reread_pool.pooled), else None. A value of
    several words (joined by `joiner`) is read as a line each time. The page's model reads twice
    first; when its reads settle nothing, the standard model's two join them (MODELS)."""
    pool: list[Reread] = []
    for model in MODELS:
        found = reads_of(state, page, word, charset, LINE_VARIANTS if joiner else VARIANTS, joiner, model)
        if found is None:
            return None
        pool += found
        value = pooled(pool, read)
        if value is not None:
            return value
    return None


def reads_of(
    state: FaxRead,
    page: int,
    word: Word,
    charset: str,
    variants: tuple[Variant, ...],
    joiner: str = "",
    model: str = "",
) -> list[Reread] | None:
    """Each variant's read of `word`'s crop, confined to `charset`; None when the page was not prepared."""
    prepared = state.prepared.get(page)
    if prepared is None:
        return None
    out = []
    box = bbox_of((word,))
    for psm, source, scale in variants:
        image = prepared.straight if source == "straight" else prepared.ocr_image
        config = f"--oem 1 --psm {psm} -c tessedit_do_invert=0 -c lstm_choice_mode=2{model}"
        config += f" -c tessedit_char_whitelist={CHARSETS[charset]}" if CHARSETS[charset] else ""
        piece = crop(image, box, scale)
        words = hocr_words(state.engine.hocr(piece, config))
        if not words:  # read again with a margin (BORDER)
            words = hocr_words(state.engine.hocr(ImageOps.expand(piece, BORDER, fill=255), config))
        out.append(Reread(joiner.join(w.text for w in words) if words else None, tuple(words)))
    return out


def _diagnosis(state: FaxRead, read: CodeRead) -> CodeRead:
    if read.correction.value is not None or not code_shaped(read.raw, 3, 8):
        return read
    sets = state.ctx.code_sets
    pool: list[Reread] = []
    value = next((v for model in MODELS if (v := _code_by(state, read, model, pool)) is not None), None)
    if value is None:
        value = _by_hook(state, read, undoubted_texts(pool, billable_in(sets)))
    open_readings = read.correction.readings
    if value is None or (open_readings and value not in open_readings):
        return read
    fixed = codecheck.Correction(value, True, (value,), in_code_set=codecheck.icd10_known(value, sets))
    if not fixed.in_code_set:
        return read  # without a code table a shape is no check
    new = dataclasses.replace(read, correction=fixed)
    state.confirmed_codes.add(id(new))
    return new


def _code_by(state: FaxRead, read: CodeRead, model: str, pool: list[Reread]) -> str | None:
    """The code `model`'s re-reads of the crop settle on, with the reads before them in `pool`
    (agreeing reads, a first glyph that is a plain bar, or two more reads at 3x), else None."""
    reads = reads_of(state, read.page, read.word, "icd10", VARIANTS, model=model)
    if reads is None:
        return None
    pool += reads
    found_in = billable_in(state.ctx.code_sets)
    found = pooled(pool, found_in)
    texts = clean_texts(reads, found_in)
    if found is not None or texts is None:
        return found
    return _by_first_glyph(state, read, texts) or _shown_at_3x(state, read, texts, pool, model)


def _shown_at_3x(state: FaxRead, read: CodeRead, texts: list[str], pool: list[Reread], model: str = "") -> str | None:
    """A code the first two re-reads leave open ('150.9', '150.95'): the crop read twice more at 3x
    (grey and cleaned); taken when both show the same billable code exactly as printed (or with only
    a lead Z read as a 2: _shown), with no doubtful character, and no read shows another billable code.
    Else the two join the `pool`, judged as any re-reads are (reread_pool.pooled): '296.651' twice at 2x
    (a Z read as a 2), then '296.651' and 'Z96651' at 3x are two clean reads of Z96.651, one as printed,
    none against it."""
    sets = state.ctx.code_sets
    reads = reads_of(state, read.page, read.word, "icd10", CODE_3X_VARIANTS, model=model)
    pool += reads or []
    more = clean_texts(reads, billable_in(sets)) if reads is not None else None
    if more is None:
        return pooled(pool, billable_in(sets))
    shown = [_shown(t, sets) for t in more]
    if len(shown) != 2 or any(s is None or not s[1] for s in shown) or shown[0] != shown[1]:
        return pooled(pool, billable_in(sets))
    value = shown[0][0] if shown[0] is not None else None
    others = {found[0] for t in texts if (found := billable(t, sets)) is not None}
    return value if others <= {value} else None


def _shown(text: str, sets: CodeSets) -> Read[str] | None:
    """billable(), a read whose lead letter is its one look-alike digit counting as printed (lead_letter_only):
    at 3x, after two clean reads at 2x, four reads then agree on every other character of the code."""
    found = billable(text, sets)
    fixed = codecheck.correct_icd10(text, sets)
    return (found[0], found[1] or lead_letter_only(text, fixed)) if found is not None else None


def _by_first_glyph(state: FaxRead, read: CodeRead, texts: list[str]) -> str | None:
    """'150.9' stands for I50.9 and L50.9 alike: when the page read's readings differ only in a first
    letter read as a bar-like character, every re-read allows the I reading (as its only reading or
    among the same open ones), and the pixels of that character are a plain bar on both the grey and
    the cleaned page (glyph.py), it is the I one."""
    sets = state.ctx.code_sets
    readings = read.correction.readings
    if len(readings) < 2 or read.raw[:1] not in BAR_LIKE:
        readings = _bar_readings(texts, sets)  # '410', '{10' for I10: every re-read '110'
    if not readings or len({r[1:] for r in readings}) != 1:
        return None
    value = next((r for r in readings if r.startswith("I")), None)
    if value is None or any(not _allows(text, value, readings, sets) for text in texts):
        return None
    return value if first_glyph_is(glyph.first_is_bar, state, read.page, read.word) else None


def _bar_readings(texts: list[str], sets: CodeSets) -> tuple[str, ...]:
    """The readings every re-read leaves open, when each begins with a bar-like character and all
    leave the same ones ('110', '110', 'l10': I10 only); else none."""
    found = {codecheck.correct_icd10(text, sets).readings for text in texts}
    if len(texts) < 2 or len(found) != 1 or any(text[:1] not in BAR_LIKE for text in texts):
        return ()
    return found.pop()


def _by_hook(state: FaxRead, read: CodeRead, texts: list[str] | None) -> str | None:
    """A J the re-reads lost or read as a bar ('144.9' stands for J44.9 and L44.9 alike): taken when
    one re-read shows the J code exactly as printed, every other one gives it, leaves it open beside
    only readings with another first letter and the same rest, or reads no code at all, and the
    first glyph is a J on both the grey and the cleaned page (glyph.first_is_hook: a stem dropping
    below the line with its foot bent left, where an I is a plain bar and an L has a foot on the line)."""
    sets = state.ctx.code_sets
    shown = {found[0] for t in texts or [] if (found := billable(t, sets)) is not None and found[1]}
    value = shown.pop() if len(shown) == 1 else None
    if texts is None or value is None or not value.startswith("J"):
        return None
    for text in texts:
        fixed = codecheck.correct_icd10(text, sets)
        readings = set(fixed.readings) | ({fixed.value} if fixed.value else set())
        if readings and (value not in readings or any(r[1:] != value[1:] for r in readings)):
            return None
    return value if first_glyph_is(glyph.first_is_hook, state, read.page, read.word) else None


def first_glyph_is(
    test: Callable[[list[Image.Image], tuple[int, int, int, int]], bool], state: FaxRead, page: int, word: Word
) -> bool:
    """`test` (glyph.first_is_bar, first_is_hook) holds for the word's first glyph on both the grey and
    the cleaned page."""
    prepared = state.prepared[page]
    return test([prepared.straight, prepared.ocr_image], bbox_of((word,)))


def _allows(text: str, value: str, readings: tuple[str, ...], sets: CodeSets) -> bool:
    """The re-read begins with a bar and leaves `value` open, with no reading the page read did not."""
    found = codecheck.correct_icd10(text, sets).readings
    return text[:1] in BAR_LIKE and value in found and set(found) <= set(readings)


def billable_in(sets: CodeSets) -> Callable[[str], Read[str] | None]:
    return lambda text: billable(text, sets)


def billable(text: str, sets: CodeSets) -> Read[str] | None:
    """The one billable ICD-10-CM code the text stands for (an order's code is billable)."""
    fixed = codecheck.correct_icd10(text, sets)
    if fixed.value is None or not codecheck.icd10_billable(fixed.value, sets):
        return None
    return fixed.value, not fixed.corrected


# A code's first character is always a letter, so a digit there is a misread for certain; '2' is one
# letter's look-alike alone (Z: 'Z96.651' read '296.651' by every read at standard resolution). Not a
# '1' (I, L or J: glyph.py decides), nor '6' (G, or a C), '0' (O, D or Q), '5' or '8' (S, B, or an E).
LEAD_LETTER = {"2": "Z"}


def lead_letter_only(text: str, fixed: codecheck.Correction) -> bool:
    """The text is the code's one reading with its lead letter read as that letter's look-alike digit
    (LEAD_LETTER) and every other character read as printed: only the lead was changed, as it must be."""
    compact = text.upper().replace(".", "").rstrip(",;:")
    value = (fixed.value or "").replace(".", "")
    lead = LEAD_LETTER.get(compact[:1])
    return fixed.readings == (fixed.value,) and lead is not None and value == lead + compact[1:]


def code_shaped(text: str, shortest: int, longest: int) -> bool:
    core = text.strip(",.;:()")
    return shortest <= len(core) <= longest and sum(ch.upper() in DIGIT_LOOKALIKES for ch in core) >= 2


def _service(state: FaxRead, read: ServiceRead) -> ServiceRead:
    if read.code.correction.value is None:
        read = _service_code(state, read)
    if read.code.correction.value is not None and read.quantity is None:
        read = _quantity(state, read)
    return read


def _service_code(state: FaxRead, read: ServiceRead) -> ServiceRead:
    """A row whose code fits no code: its code-shaped word re-read; the rest of the row parsed again."""
    words = list(read.row.words)
    position = _code_position(read, words)
    if position is None:
        return read
    word, sets = words[position], state.ctx.code_sets
    value = procedure_agreed(state, read.row.page, word, sets)
    if value is None or not agrees_with_page(code_and_modifier(word.text)[0], value):
        return read
    fixed = codecheck.Correction(value, True, (value,), in_code_set=codecheck.hcpcs_listed(value, sets))
    code = CodeRead(word.text, word, read.row.page, fixed)
    tail = code_and_modifier(word.text)[1]
    new = rest_of_row(code, [tail] if tail else [], words[position + 1 :], read.row, read.columns)
    state.reread_parts[id(new)] = {"code"}
    return new


def _code_position(read: ServiceRead, words: list[Word]) -> int | None:
    """Where the row's code stands: the word the row took as its code when code-shaped (a table may
    put the description first: 'CPAP device £0601 RR 1'); else a code-shaped first or second word."""
    taken = next((i for i, w in enumerate(words) if w is read.code.word), None)
    if taken is not None and code_shaped(words[taken].text.partition("-")[0], 4, 7):
        return taken
    position = next((i for i, w in enumerate(words) if code_shaped(w.text.partition("-")[0], 4, 7)), None)
    return position if position is not None and position <= 1 else None


def procedure_agreed(state: FaxRead, page: int, word: Word, sets: CodeSets) -> str | None:
    """The code the re-reads agree on as any field's (reread_pool.pooled: the page's model first,
    then the standard model's reads with them); else, with a third read, the HCPCS code all
    undoubted reads stand for (codecheck.hcpcs_agreed)."""
    pool: list[Reread] = []
    procedure: Callable[[str], Read[str] | None] = lambda text: _procedure(text, sets)  # noqa: E731
    for model in MODELS:
        reads = reads_of(state, page, word, "procedure", VARIANTS, model=model)
        if reads is None:
            return None
        pool += reads
        if (code := pooled(pool, procedure)) is not None:
            return code
    third = reads_of(state, page, word, "procedure", THIRD_PROCEDURE_VARIANT)
    texts = undoubted_texts(pool + third, procedure) if third is not None else None
    return codecheck.hcpcs_agreed(word.text, texts, sets) if texts is not None else None


def _procedure(text: str, sets: CodeSets) -> Read[str] | None:
    """The one HCPCS/CPT code the text stands for (one a loaded HCPCS table does not list is none);
    a code read run into its modifier ('E0260RR': the whitelist has no hyphen) stands for the code."""
    core = text.strip(".,;:")
    if len(core) == 7 and core[5:].upper() in MODIFIERS:
        text = core[:5]
    fixed = codecheck.correct_procedure(text, sets)
    return (fixed.value, not fixed.corrected) if fixed.value is not None else None


def _quantity(state: FaxRead, read: ServiceRead) -> ServiceRead:
    """The short word after the code and modifiers, when it is made of digit look-alikes ('i' for 1)
    and may be a count: no dose with its unit after it ('500 mg'), none under a column of no counts."""
    words = list(read.row.words)
    after = [w for w in words if w.left > read.code.word.right and w.text.strip(",.;").upper() not in read.modifiers]
    if not after or not _digit_like(after[0].text) or not _may_count(read, after):
        return read
    value = twice(state, read.row.page, after[0], "quantity", quantity_value)
    if value is None:
        return read
    new = dataclasses.replace(read, quantity=value, quantity_word=after[0])
    parts = state.reread_parts.pop(id(read), set())
    state.reread_parts[id(new)] = parts | {"qty"}
    return new


def _may_count(read: ServiceRead, after: list[Word]) -> bool:
    """The first word after the code may be the line's count: not a measure ('500 mg'), and not under
    a column whose numbers are no count ('Dose')."""
    columns = read.columns or Columns()
    if not under_count_caption(after[0], columns.count_caption):
        return False  # a table with a quantity caption: a word far from it ('Bi-level PAP': 'Bi' as 81) is no count
    return not (measured(after, 0) or columns.holds_no_count(after[0]))


def _digit_like(text: str) -> bool:
    core = text.strip(",.;:")
    return 1 <= len(core) <= 3 and all(ch in DIGIT_LOOKALIKES or ch.upper() in DIGIT_LOOKALIKES for ch in core)


def quantity_value(text: str) -> Read[int] | None:
    count = count_in(text.strip())
    return (count, True) if count is not None else None
