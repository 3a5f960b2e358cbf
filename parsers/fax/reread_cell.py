"""A service row's count that its table's quantity column prints but the page read did not give.

Tesseract's page read drops a lone digit far right on its row ('1' under 'Qty', a wide gap after the
row's last words), or makes a mark of it (']' or '£' for a 1). Where the table's head names its quantity
caption and the row has no word under it but such a mark, the cell under the caption, on the row's line,
is looked at: when it holds ink as tall as the row's text and inside the cell (a digit, not a speck, nor
a fax's streak running through it), that ink is read as digits by each model until two sure reads agree
and none differs (_sure_count); the
row's second read (verify.second_read) then crops it again.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from parsers.fax.model import Word
from parsers.fax.reading import FaxRead
from parsers.fax.reread import MODELS, VARIANTS, quantity_value, reads_of
from parsers.fax.services import ServiceRead

ROW_PAD = 0.35  # of the row's text height, above and below the code's box: the cell's height
MIN_INK_HEIGHT = 0.6  # a digit's ink stands at least this share of the code's height
INK = 128
MIN_AGREEING = 2
ONE_LOOKALIKES = "ilI"  # letters OCR makes of a 1 ('il' for a bold 1): never a count's word on their own


def reread_count_cells(state: FaxRead) -> None:
    """Each service row with no count read, its quantity cell read (quantity_in_cell)."""
    state.services = [quantity_in_cell(state, s) for s in state.services]


def quantity_in_cell(state: FaxRead, read: ServiceRead) -> ServiceRead:
    """The row with its count read from the cell under the quantity caption, when two reads agree."""
    columns = read.columns
    caption = columns.count_caption if columns is not None else None
    if caption is None or read.quantity is not None or read.code.correction.value is None:
        return read
    box = _cell(read, caption)
    if not all(lone_glyph(w.text) for w in read.row.words if _overlaps(w, box)):
        return read  # the page read saw a word there and took no count from it
    word = _ink_word(state, read, box)
    if word is None:
        return read
    value = _sure_count(state, read.row.page, word)
    if value is None:
        return read
    new = dataclasses.replace(read, quantity=value, quantity_word=dataclasses.replace(word, text=str(value)))
    state.reread_parts[id(new)] = state.reread_parts.pop(id(read), set()) | {"qty"}
    return new


def lone_glyph(text: str) -> bool:
    """A mark OCR made of a cell's ink, no word nor number: one or two characters, none a letter or digit
    but a 1's look-alike (']', '£', 'il' for a 1): the cell's ink is read again. Other letters may be a
    word's ('ea', 'x', 'NU') and are left."""
    core = text.strip()
    return 1 <= len(core) <= 2 and all(not ch.isalnum() or ch in ONE_LOOKALIKES for ch in core)


def _cell(read: ServiceRead, caption: tuple[int, int]) -> tuple[int, int, int, int]:
    """Under the caption, widened by a caption's width or a text height either side, on the code's line."""
    code, height = read.code.word, _text_height(read)
    reach = int(max(caption[1] - caption[0], height))
    middle, half = (code.top + code.bottom) // 2, int((0.5 + ROW_PAD) * height)
    return caption[0] - reach, middle - half, caption[1] + reach, middle + half


def _overlaps(word: Word, box: tuple[int, int, int, int]) -> bool:
    return word.left < box[2] and word.right > box[0] and word.top < box[3] and word.bottom > box[1]


def _ink_word(state: FaxRead, read: ServiceRead, box: tuple[int, int, int, int]) -> Word | None:
    """The box around the cell's ink on the cleaned page, when it is as tall as a digit of the row."""
    prepared = state.prepared.get(read.row.page)
    if prepared is None:
        return None
    ink = np.asarray(prepared.ocr_image.convert("L").crop(box)) < INK
    if not ink.any():
        return None
    rows, cols = np.nonzero(ink)
    top, bottom, left, right = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    if bottom - top < MIN_INK_HEIGHT * _text_height(read) or top == 0 or bottom == ink.shape[0]:
        return None  # a speck, or a streak or rule running through the cell: no digit inside it
    x, y = box[0] + int(left), box[1] + int(top)
    return Word("", 0.0, x, y, int(right - left), int(bottom - top), read.code.word.line_key)


def _text_height(read: ServiceRead) -> float:
    """The row's text height: its words' median (a code's box OCR stretched over a speck is no measure)."""
    return float(np.median([w.height for w in read.row.words]))


def _sure_count(state: FaxRead, page: int, word: Word) -> int | None:
    """The count two sure reads of the crop give, none giving another: each model reads it twice (the
    page's, then the standard one, reread.MODELS). A read OCR doubts (a close rival for a character,
    or a confidence under the threshold: the fast model keeps a 4 as a lone 1's rival, and reads a
    bold 1 at 2 as a 2) is no read: it neither agrees nor contradicts."""
    floor = 100 * state.ctx.ocr_confidence_threshold
    counts: list[int] = []
    for model in MODELS:
        for one in reads_of(state, page, word, "quantity", VARIANTS, model=model) or []:
            sure = one.text is not None and all(not w.ambiguous and w.conf >= floor for w in one.words)
            found = quantity_value(one.text) if sure and one.text is not None else None
            counts += [found[0]] if found is not None else []
        if len(counts) >= MIN_AGREEING:
            break
    return counts[0] if len(counts) >= MIN_AGREEING and len(set(counts)) == 1 else None
