"""Small captions stacked over their values, read once more enlarged.

Many forms print a field's caption in small type over its value ('Date of birth' in 7 pt over
'11-8-1946' in 10 pt: a sidebar of stacked captions, a box's caption in its top corner). The page
read garbles such captions far more often than the values under them ('bate of bith', 'NPt', 'Sex'
read as '5' and 'OX' on two lines, 'tax' for 'Fax'), and a value whose caption is lost fills no
field. A segment in smaller print than the segment right under it, that names no field, is read
again from the straightened grey page, enlarged 3x and 2x, as a block of text (psm 6: it read
'Date of birth' where one line's mode gave 'Date of b lieth'), with any other small words of its
row beside it (one caption OCR split in two). When a read names a field and no read names
another, that read's words take the caption's place on the page; the value is still the page
read's, found under its caption and confirmed as any field's.
"""

from __future__ import annotations

from collections.abc import Iterator
from statistics import median

from PIL import Image

from parsers.fax.confirm import PAD, crop
from parsers.fax.labels import hits_in
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Segment, Word, bbox_of
from parsers.fax.ocr import OcrEngine, hocr_words
from parsers.fax.reading import FaxRead

CONFIG = "--oem 1 --psm 6 -c tessedit_do_invert=0"  # a block: the crop holds the caption alone
SCALES = (2.0, 3.0)  # the first read decides: one naming a field is read at the second scale too (see _reread)
GARBLED_SCALES = (2.0,)  # a garbled caption in a box as tall as its value's: one read (see _caption_boxes)
CLEAN_SCALES = (2.0,)  # the cleaned page's read of a crop the grey page read as nothing
SMALL = 0.85  # a caption's print is at most this share of the height of the value under it
BELOW = 2.5  # the value starts within this many caption heights under the caption
MAX_WORDS = 4
SURE = 90  # a segment whose every word OCR read this surely is no garbled caption
MAX_CHARS = 32
GARBLED = 50  # a caption whose words OCR read at this median confidence or less is garbled whatever its box
SURE_VALUE = 70  # ... when the value under it was read at least this surely (a caption over a value)
MIN_LETTERS = 2
ROW_GAP = 2.0  # caption heights between two small pieces of one caption on its row
RULE_MARKS = "|‘’“”\"'`"  # a cell's rule or a speck by the caption, read as a bar or a quote mark at a word's end
LINE_KEY = 10_000  # line keys of re-read captions start here (each its own line, none the page read's)


def reread_small_captions(state: FaxRead) -> None:
    """Put back small stacked captions the page read garbled, where an enlarged re-read names a field."""
    for page in state.pages:
        prepared = state.prepared.get(page.number)
        if prepared is None or page.text_layer or not page.words:
            continue
        page.words = with_captions(page, prepared.straight, state.engine, prepared.ocr_image)


def with_captions(page: Page, image: Image.Image, engine: OcrEngine, clean: Image.Image | None = None) -> list[Word]:
    """The page's words with each garbled small caption replaced by its re-read (from the cleaned page
    `clean` where the grey page's crop reads as nothing: a cell's rules hugging it)."""
    words = list(page.words)
    _, segments = page_segments(page)
    tried: list[tuple[int, int, int, int]] = []
    for index, (box, scales) in enumerate(_caption_boxes(segments)):
        if any(_inside(box, b) for b in tried):
            continue
        tried.append(box)
        read = _reread(page.number, (image, clean), box, engine, LINE_KEY + index, scales)
        if read is not None:
            words = [w for w in words if not _centre_in(w, box)] + read
    return words


def _caption_boxes(segments: list[Segment]) -> Iterator[tuple[tuple[int, int, int, int], tuple[float, ...]]]:
    """The boxes of small segments naming no field, each over a value in larger print, widened to
    the small pieces beside it on its row; with the scales to read each at (a garbled caption whose box
    is as tall as its value's: once, at GARBLED_SCALES, as it is no sure caption)."""
    named = _Named()
    for segment in segments:
        if not _caption_like(segment) or segment in named:
            continue
        height = _height(segment)
        under = _value_under(segments, segment, height)
        if under is None:
            continue
        small = height <= SMALL * _height(under)
        if small or _garbled_over_value(segment, under):
            yield _row_box(segments, segment, height, named), SCALES if small else GARBLED_SCALES


class _Named:
    """The segments naming a field (labels.hits_in), each looked up once and only when asked: few of a
    page's segments are caption-like or beside one, and finding labels in every one cost more CPU than
    this stage's OCR on some pages."""

    def __init__(self) -> None:
        self._known: dict[int, bool] = {}

    def __contains__(self, segment: Segment) -> bool:
        if id(segment) not in self._known:
            self._known[id(segment)] = bool(hits_in(segment))
        return self._known[id(segment)]


def _caption_like(segment: Segment) -> bool:
    """Short, and read unsurely: a segment OCR read surely that names no field is some other small
    print (a heading, a form number), not a garbled caption."""
    text = segment.text
    unsure = any(w.conf < SURE for w in segment.words)
    return len(segment.words) <= MAX_WORDS and len(text) <= MAX_CHARS and unsure


def _garbled_over_value(caption: Segment, value: Segment) -> bool:
    """Letters read mostly unsurely, over a value read surely: a caption whose box a rule or speck made as
    tall as the value's (a standard-resolution fax doubles its rows: a cell's rule sticks to the small
    print over it), though its print is smaller."""
    if any(ch.isdigit() for w in caption.words for ch in w.text):
        return False
    return median(w.conf for w in caption.words) < GARBLED and median(w.conf for w in value.words) >= SURE_VALUE


def _height(segment: Segment) -> float:
    return float(median(w.height for w in segment.words))


def _value_under(segments: list[Segment], caption: Segment, height: float) -> Segment | None:
    """The nearest segment starting right under the caption and overlapping it across."""
    x0, _, x1, bottom = caption.bbox
    under = [
        s
        for s in segments
        if bottom - 0.3 * height < s.bbox[1] < bottom + BELOW * height and s.bbox[0] < x1 and s.bbox[2] > x0
    ]
    return min(under, key=lambda s: s.bbox[1]) if under else None


def _row_box(segments: list[Segment], caption: Segment, height: float, named: _Named) -> tuple[int, int, int, int]:
    """The caption's box with the small segments naming no field beside it on its row (a caption OCR
    split in two, or read twice over itself)."""
    box = caption.bbox
    for other in segments:
        near = other.bbox[0] < box[2] + ROW_GAP * height and other.bbox[2] > box[0] - ROW_GAP * height
        centre = (other.bbox[1] + other.bbox[3]) / 2
        beside = other is not caption and near and box[1] <= centre <= box[3]
        if beside and _height(other) <= 1.2 * height and other not in named:
            box = bbox_of([*_corners(box), *other.words])
    return box


def _corners(box: tuple[int, int, int, int]) -> list[Word]:
    return [Word("", 0.0, box[0], box[1], box[2] - box[0], box[3] - box[1])]


def _reread(
    page: int,
    images: tuple[Image.Image, Image.Image | None],
    box: tuple[int, int, int, int],
    engine: OcrEngine,
    line: int,
    scales: tuple[float, ...] = SCALES,
) -> list[Word] | None:
    """The best enlarged read of the box when one names a field and none names another, in page pixels:
    read from the grey page, else (both its reads empty: a cell's rules around the small print leave
    tesseract no line) from the cleaned page, its rules taken out. The first scale's read goes first: when
    it reads words naming no field the caption is left (no larger read is made: on the standard-resolution
    fixtures a caption one scale's read named the other's always named too, and of 95 small captions
    re-read 84 named nothing: their second read was a third of the page's re-read OCR for nothing)."""
    image, clean = images
    reads = [_read_at(image, box, scales[0], engine, line)]
    for scale in scales[1:]:
        if reads[0] and not _fields(page, reads[0]):
            break  # words naming no field: the caption is no field's (the larger read would only cost)
        reads.append(_read_at(image, box, scale, engine, line))
    if clean is not None and not any(reads):
        reads = [_read_at(clean, box, scale, engine, line) for scale in CLEAN_SCALES]
    named = [(fields, words) for words in reversed(reads) if words and (fields := _fields(page, words))]
    if not named or len({fields for fields, _ in named}) != 1:
        return None
    return max((words for _, words in named), key=lambda ws: min(w.conf for w in ws))  # a tie: the larger scale's


def _fields(page: int, words: list[Word]) -> frozenset[tuple[str, str | None]]:
    segment = Segment(page, 0, tuple(words))
    return frozenset((hit.kind, hit.label.role) for hit in hits_in(segment))


def _read_at(
    image: Image.Image, box: tuple[int, int, int, int], scale: float, engine: OcrEngine, line: int
) -> list[Word]:
    """The crop's words, read as one line, mapped back to page pixels."""
    x0, y0 = max(box[0] - PAD, 0), max(box[1] - PAD, 0)
    words = [w for w in hocr_words(engine.hocr(crop(image, box, scale), CONFIG)) if w.text.strip(RULE_MARKS)]
    if sum(ch.isalpha() for w in words for ch in w.text) < MIN_LETTERS:
        return []
    return [
        Word(
            w.text.strip(RULE_MARKS),
            w.conf,
            x0 + round(w.left / scale),
            y0 + round(w.top / scale),
            max(round(w.width / scale), 1),
            max(round(w.height / scale), 1),
            line_key=(line,),
        )
        for w in words
    ]


def _centre_in(word: Word, box: tuple[int, int, int, int]) -> bool:
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _inside(box: tuple[int, int, int, int], other: tuple[int, int, int, int]) -> bool:
    return box[0] >= other[0] and box[1] >= other[1] and box[2] <= other[2] and box[3] <= other[3]
