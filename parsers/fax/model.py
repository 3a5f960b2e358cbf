"""What the fax reader passes between stages: words on pages, line segments, field candidates."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from PIL import Image


@dataclass(frozen=True)
class Word:
    """One OCR word (or text-layer word) in page pixels; `conf` is 0..100."""

    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    line_key: tuple[int, ...] = ()
    ambiguous: bool = False  # a character had a strong second choice (tesseract's LSTM alternatives)
    tied: bool = False  # ... one nearly as likely as the first (a near tie: 'Waiter' or 'Walter')
    rivals: tuple[tuple[str, str], ...] = ()  # (character chosen, its strong second choice), as they came

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass
class Page:
    """One page: its image (grey, square pixels, ~300 dpi) when it has one, and its words."""

    number: int
    width: int
    height: int
    image: Image.Image | None = None
    words: list[Word] = field(default_factory=list)
    text_layer: bool = False
    kind: str = "order"  # cover | order | other


@dataclass(frozen=True)
class Segment:
    """A run of words on one line with no wide gap: one cell, one column's line, or one label:value."""

    page: int
    index: int  # reading order on the page
    words: tuple[Word, ...]

    @cached_property  # words are immutable: computed once (layout rules ask for them many times over)
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @cached_property
    def bbox(self) -> tuple[int, int, int, int]:
        return bbox_of(self.words)

    def words_in_span(self, start: int, end: int) -> tuple[Word, ...]:
        """The words whose characters overlap text[start:end]."""
        out, pos = [], 0
        for word in self.words:
            if pos < end and pos + len(word.text) > start:
                out.append(word)
            pos += len(word.text) + 1
        return tuple(out)


def conf_of(words: tuple[Word, ...] | list[Word]) -> float:
    """The lowest OCR confidence (0..1) of the words holding a letter or digit (inked)."""
    return min(w.conf for w in inked(words)) / 100.0


def inked(words: tuple[Word, ...] | list[Word]) -> list[Word]:
    """The words holding a letter or digit: a speck read as a mark of its own ("'" at a crop's edge,
    the end of a caption or a rule) says nothing of how sure the value's characters are."""
    return [w for w in words if any(ch.isalnum() for ch in w.text)] or list(words)


# A word far taller than every other word of a value took in a mark crossing it (a fax's vertical
# streak running through 'CarePoint', a box's rule): the value's box keeps to the other words' band,
# with a margin, or every crop of it holds the mark as well.
TALL = 1.6
TALL_MARGIN = 0.25


def _inked(word: Word) -> bool:
    """A word holding a letter or digit: a line of text has a band; a speck or a dot ('.') has none."""
    return any(ch.isalnum() for ch in word.text)


def bbox_of(words: tuple[Word, ...] | list[Word]) -> tuple[int, int, int, int]:
    """The box the words take on the page, a word a mark stretched (TALL) cut to the others' band."""
    tops, bottoms = [w.top for w in words], [w.bottom for w in words]
    heights = sorted(w.height for w in words)
    others = [w for w in words if w.height < heights[-1]]
    if len(words) > 1 and heights[-1] > TALL * heights[-2] and any(_inked(w) for w in others):
        margin = round(TALL_MARGIN * heights[-2])
        tops = [max(t, min(w.top for w in others) - margin) for t in tops]
        bottoms = [min(b, max(w.bottom for w in others) + margin) for b in bottoms]
    return (min(w.left for w in words), min(tops), max(w.right for w in words), max(bottoms))


@dataclass(frozen=True)
class Candidate:
    """One reading of one field: the value, where it was, how sure, and how it was found."""

    path: str
    value: object
    page: int
    bbox: tuple[int, int, int, int]
    conf: float  # 0..1, from OCR
    method: str  # label | below | pattern | text_layer
    raw: str = ""
    corrected: bool = False
    confirmed_by: str | None = None  # check_digit | code_set | second_read | repeated | text_layer
    second_conf: float | None = None  # the agreeing second read's OCR confidence, 0..1
    words: tuple[Word, ...] = ()  # the page read's words the value came from (for per-character agreement)
    joint_conf: float | None = None  # 0..1: per character, the chance that not both agreeing reads are wrong
    surer_conf: float | None = None  # 0..1: per character, the surer agreeing read's confidence; the lowest


def word_spanning(text: str, words: tuple[Word, ...] | list[Word], line_key: tuple[int, ...] = ()) -> Word:
    """One word standing for `words` read as `text`: their box, and the weakest one's confidence."""
    box = bbox_of(words)
    return Word(text, min(w.conf for w in words), box[0], box[1], box[2] - box[0], box[3] - box[1], line_key)


def boxes_overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Two boxes share pixels: two readings of them are one reading, not the value written twice."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass(frozen=True)
class PageText:
    """One page's words as whole lines and as gap-split segments, each in reading order."""

    page: Page
    lines: list[Segment]
    segments: list[Segment]
    captions_under: bool = False  # another page of the fax prints its captions under its fill-in lines
