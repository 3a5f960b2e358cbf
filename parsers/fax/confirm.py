"""Second reads: the value regions of critical fields, cut from the straightened grey page (no
binarisation, no line removal, enlarged), stacked into one image and read by OCR once more.

Two reads that went through different preprocessing and page segmentation and still agree are
the independent confirmation a critical field needs when no check digit or code set can vouch.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PIL import Image

from parsers.fax.lexicon import EDGE
from parsers.fax.model import Candidate, Word, conf_of
from parsers.fax.ocr import BLOCK_CONFIG, REREAD_MODEL, OcrEngine, hocr_words

CHOICES_CONFIG = BLOCK_CONFIG + " -c lstm_choice_mode=2"
# Character sets for second reads of values that can only hold these characters: a read confined to
# them is a different reading of the same pixels (and cannot wander off into look-alike letters).
# Measured (bench/fax_accuracy.py): for names, phones and dates they lowered tesseract's confidence
# enough to lose fields, so only diagnosis codes use one.
WHITELISTS = {"code": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-"}
PAD = 10
GAP = 36
SCALE = 1.0


@dataclass(frozen=True)
class Region:
    key: str
    page: int
    bbox: tuple[int, int, int, int]
    scale: float = SCALE
    source: str = "straight"  # straight (grey) | clean (binarised, lines removed)
    charset: str | None = None  # a WHITELISTS key: read with only those characters


@dataclass(frozen=True)
class _Placed:
    region: Region
    top: int
    bottom: int


Images = dict[tuple[int, str], Image.Image]


def second_reads(regions: list[Region], images: Images, engine: OcrEngine, model: str = "") -> dict[str, list[Word]]:
    """Each region's words from one OCR pass over all regions stacked (empty list when nothing was
    read); `model` a model flag for the config (ocr.REREAD_MODEL), else the engine's own model."""
    usable = [r for r in regions if (r.page, r.source) in images]
    out: dict[str, list[Word]] = {}
    for charset in sorted({r.charset or "" for r in usable}):
        group = [r for r in usable if (r.charset or "") == charset]
        out.update(_read_group(group, images, engine, charset, model))
    return out


def read_each_alone(
    boxes: list[tuple[int, int, int, int]], page: int, source: str, images: Images, engine: OcrEngine, scale: float
) -> list[list[Word]]:
    """Each box of the page read on its own with the standard model (ocr.REREAD_MODEL), in page pixels:
    in one stack, layout analysis runs small print of neighbouring crops together."""
    return [
        second_reads([Region("alone", page, box, scale, source)], images, engine, REREAD_MODEL).get("alone", [])
        for box in boxes
    ]


def _read_group(
    regions: list[Region], images: Images, engine: OcrEngine, charset: str, model: str
) -> dict[str, list[Word]]:
    stack, placed = _stack(regions, images)
    config = CHOICES_CONFIG + (f" -c tessedit_char_whitelist={WHITELISTS[charset]}" if charset else "")
    config += f" {model}" if model else ""
    words = hocr_words(engine.hocr(stack, config))
    out: dict[str, list[Word]] = {p.region.key: [] for p in placed}
    for word in words:
        centre = word.top + word.height / 2
        owner = next((p for p in placed if p.top - GAP / 2 <= centre < p.bottom + GAP / 2), None)
        if owner is not None:
            out[owner.region.key].append(word)
    return {key: sorted(found, key=lambda w: (w.line_key, w.left)) for key, found in out.items()}


def _stack(regions: list[Region], images: Images) -> tuple[Image.Image, list[_Placed]]:
    crops = [crop(images[(r.page, r.source)], r.bbox, r.scale) for r in regions]
    width = max(c.width for c in crops) + 2 * GAP
    height = sum(c.height for c in crops) + GAP * (len(crops) + 1)
    stack = Image.new("L", (width, height), 255)
    placed, y = [], GAP
    for region, piece in zip(regions, crops, strict=True):
        stack.paste(piece, (GAP, y))
        placed.append(_Placed(region, y, y + piece.height))
        y += piece.height + GAP
    return stack, placed


def crop(image: Image.Image, box: tuple[int, int, int, int], scale: float) -> Image.Image:
    x0, y0, x1, y1 = max(box[0] - PAD, 0), max(box[1] - PAD, 0), box[2] + PAD, box[3] + PAD
    piece = image.crop((x0, y0, min(x1, image.width), min(y1, image.height)))
    return piece.resize((max(int(piece.width * scale), 1), max(int(piece.height * scale), 1)), Image.Resampling.BICUBIC)


def agrees(
    first: object,
    words: list[Word],
    reader: Callable[[str], object | None],
    line_sep: str = " ",
    doubt_allowed: bool = False,
    known: Callable[[str], bool] | None = None,
) -> bool:
    """True when the second read's text gives the same value as the first read, and no character of
    it had a strong second choice that would give another valid value (two reads of the same pixels
    can agree on 'Waiter' for 'Walter'), unless `doubt_allowed`. `line_sep` joins the lines of a
    value written on two (an address's street and city lines). With `known` (a word list, for
    organisations and addresses), a rival letter that turns a known word into no word is no doubt."""
    if not words:
        return False
    text = text_of(words, line_sep)
    if reader(text) != first:
        return False
    return doubt_allowed or not any(w.ambiguous for w in words) or not _rival_counts(text, words, reader, first, known)


def _rival_counts(
    text: str,
    words: list[Word],
    reader: Callable[[str], object | None],
    first: object,
    known: Callable[[str], bool] | None = None,
) -> bool:
    """True when some character's rival, put in place of any character like the one chosen in the
    word it was read for (the whole text when the words cannot be placed in it), gives a valid value
    other than `first` (a month '1' whose rival is '3' gives no date: no doubt). A doubtful word
    whose rivals were not kept, or whose chosen character is not in it, counts as doubtful. A rival
    `nonword` dismisses counts for nothing."""
    if any(w.ambiguous and not w.rivals for w in words):
        return True
    spans = _spans(text, words)
    for index, word in enumerate(words):
        start, end = spans[index] if spans else (0, len(text))
        for chosen, rival in set(word.rivals):
            if known is not None and nonword(word.text, chosen, rival, known):
                continue
            places = [i for i in range(start, end) if text[i] == chosen]
            if not places:
                return True
            if any(_other(reader(text[:at] + rival + text[at + 1 :]), first) for at in places):
                return True
    return False


def _other(value: object | None, first: object) -> bool:
    return value is not None and value != first


def _spans(text: str, words: list[Word]) -> list[tuple[int, int]] | None:
    """Where each word stands in `text` (text_of's join of them, in order); None when one is not found."""
    out, at = [], 0
    for word in words:
        found = text.find(word.text, at)
        if found < 0:
            return None
        out.append((found, found + len(word.text)))
        at = found + len(word.text)
    return out


def nonword(word: str, chosen: str, rival: str, known: Callable[[str], bool]) -> bool:
    """True when `word` as read is a known word and the rival letter in place of any of its `chosen`
    letters makes no known word ('Health' whose 'l' rivals 'i': 'Heaith' is no word, so the read
    'Health' stands); a rival for a letter the word did not keep ('Asylum' whose l was read from an i
    rivalling t) makes no known word put in any of its places. Digits, and words not in the list
    ('CarePoint'), are never settled so."""
    core = word.strip(EDGE)
    if chosen not in core and rival in core:  # the read kept the letter the top choice was not ('Valley', i over l)
        chosen, rival = rival, chosen
    if not (chosen.isalpha() and rival.isalpha()) or not known(core):
        return False
    if chosen not in core:  # the word took a third letter where these two were the choices ('Asylum': i or t, read l)
        return not any(known(core[:at] + rival + core[at + 1 :]) for at in range(len(core)))
    return not any(known(core[:at] + rival + core[at + 1 :]) for at, ch in enumerate(core) if ch == chosen)


def joint_confidence(first: tuple[Word, ...], second: list[Word]) -> float | None:
    """Per character of the value, the chance that not both reads of it are wrong (confidences as
    independent): the lowest over the characters. Two agreeing reads of a word each read at 40 are
    surer together than either alone; a word both read weakly stays weak. None when the two reads'
    letters and digits do not line up one to one (then only the reads' lowest confidences count)."""
    pairs = _paired(first, second)
    return None if pairs is None else min(1.0 - (1.0 - x) * (1.0 - y) for x, y in pairs)


def surer_confidence(first: tuple[Word, ...], second: list[Word]) -> float | None:
    """Per character of the value, the surer of its two reads' confidences: the lowest over the
    characters (a word one read saw weakly and the other clearly counts as clear; a word both saw
    weakly, as weak: record_builder.confidence). None as for joint_confidence."""
    pairs = _paired(first, second)
    return None if pairs is None else min(max(x, y) for x, y in pairs)


def paired_confidences(first: tuple[Word, ...], second: list[Word]) -> tuple[float | None, float | None]:
    """The two reads' confidences paired character by character: joint_confidence, surer_confidence."""
    return joint_confidence(first, second), surer_confidence(first, second)


def _paired(first: tuple[Word, ...], second: list[Word]) -> list[tuple[float, float]] | None:
    """Each letter or digit's confidence in the two reads, when their letters and digits line up."""
    a, b = _char_confs(first), _char_confs(list(second))
    if not a or [c for c, _ in a] != [c for c, _ in b]:
        return None
    return [(x, y) for (_, x), (_, y) in zip(a, b, strict=True)]


def _char_confs(words: list[Word] | tuple[Word, ...]) -> list[tuple[str, float]]:
    return [(ch.casefold(), w.conf / 100.0) for w in words for ch in w.text if ch.isalnum()]


def value_of(words: list[Word], reader: Callable[[str], object | None], line_sep: str = " ") -> object | None:
    return reader(text_of(words, line_sep))


def text_of(words: list[Word], line_sep: str = " ") -> str:
    """The words' text, line by line, lines joined by `line_sep`."""
    lines = [" ".join(w.text for w in group) for _, group in itertools.groupby(words, key=lambda w: w.line_key)]
    return line_sep.join(lines)


def with_read_words(cand: Candidate, words: list[Word], **changes: Any) -> Candidate:
    """The candidate as another read gives it: that read's words, their text and lowest confidence in
    place of the page read's (and no joint or surer confidence of the page read's), with `changes` besides."""
    return dataclasses.replace(
        cand, conf=conf_of(words), raw=text_of(words), words=tuple(words), joint_conf=None, surer_conf=None, **changes
    )
