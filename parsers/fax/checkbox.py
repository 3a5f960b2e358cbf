"""Checkboxes and titles: which service type an order states (the box it ticks, a box with a mark in it
left of its label, or else its title: 'DURABLE MEDICAL EQUIPMENT ORDER'), and whether a word stands in
the caption of an option left unticked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from PIL import Image

from parsers.fax.extract import PageText
from parsers.fax.labels import LabelHit
from parsers.fax.model import Candidate, Segment, Word
from parsers.fax.nearby import same_row

OPTIONS = {("dme",): "dme", ("home", "health"): "home_health", ("home", "infusion"): "home_infusion"}
# A title naming the service (and that it is an order or a form, so a letterhead such as 'Sunrise Home
# Health Agency' is none): a certificate of medical necessity is a DME supplier's form.
TITLE_KINDS = {
    "dme": re.compile(r"\b(?:durable medical equipment|dme|certificate of medical necessity)\b", re.I),
    "home_health": re.compile(r"\bhome health\b", re.I),
    "home_infusion": re.compile(r"\b(?:home )?infusion\b", re.I),
}
DOCUMENT_WORDS = re.compile(r"\b(?:order|referral|certificat(?:e|ion)|request|form|plan of care|prescription)\b", re.I)
TITLE_BAND = 0.15  # a title stands in this top share of the page (under a letterhead of three or four lines)
BOX_CONF = 0.9  # a sex whose box is ticked and whose other box is empty, both judged clearly
BOX_MIN = 0.08  # inches: the narrowest box a run of inked columns may be
BOX_DROPOUT = 0.04  # inches: a blank run this narrow inside a box is a fax's dropout, no gap before it
MARKED, EMPTY = 0.12, 0.04  # ink share inside a box: above MARKED it is ticked, below EMPTY it is not


@dataclass(frozen=True)
class Ticked:
    value: str | None  # the one ticked option; None when none, several, or a box could not be judged
    page: int
    bbox: tuple[int, int, int, int]


def ticked_service_type(text: PageText, image: Image.Image | None, dpi: float) -> Ticked | None:
    """The service type ticked on the first line offering two or more of them, if any line does."""
    if image is None:
        return None
    for line in text.lines:
        options = _options(line)
        if len(options) >= 2:
            one = one_ticked(image, list(dict(options).items()), dpi)  # one box per kind (the last, as printed)
            return Ticked(one[0] if one else None, line.page, line.bbox)
    return None


def one_ticked(image: Image.Image, options: list[tuple[str, Word]], dpi: float) -> tuple[str, Word] | None:
    """The (value, word) of the one option whose box is ticked, when every option's box could be
    judged and exactly one is ticked; else None."""
    states = [(value, word, box_state(image, word, dpi)) for value, word in options]
    ticked = [(value, word) for value, word, state in states if state is True]
    return ticked[0] if len(ticked) == 1 and all(state is not None for _, _, state in states) else None


def titled_service_type(text: PageText, image: Image.Image | None = None, dpi: float = 300.0) -> Ticked | None:
    """The service type the page's title names, when one title line names exactly one; a kind named
    only in the caption of an option whose box is empty ('Order type [ ] Home infusion', its other
    options garbled past reading) is no title's."""
    for line in text.lines:
        if line.bbox[1] > TITLE_BAND * text.page.height or not DOCUMENT_WORDS.search(line.text):
            continue
        kinds = [kind for kind, pattern in TITLE_KINDS.items() if _named(line, pattern, image, dpi)]
        if len(kinds) == 1:
            return Ticked(kinds[0], line.page, line.bbox)
    return None


def _named(line: Segment, pattern: re.Pattern[str], image: Image.Image | None, dpi: float) -> bool:
    """`pattern` matches on `line` other than in the caption of an unticked option."""
    for match in pattern.finditer(line.text):
        last = line.words_in_span(match.start(), match.end())[-1]
        index = next(i for i, w in enumerate(line.words) if w is last)
        if not in_unticked_option(line, index, image, dpi):
            return True
    return False


SERVICE_CAPTION = re.compile(r"^\s*(?:service(?:\s+type)?|type\s+of\s+service|service\s+requested)\s*[:#]?\s*", re.I)


def captioned_service_type(text: PageText) -> Ticked | None:
    """The service type a caption gives in words ('SERVICE  DME', 'Type of Service: Home Health'): its
    value on its segment or in the segment right of it on its row, nothing but one kind's words."""
    for segment in text.segments:
        caption = SERVICE_CAPTION.match(segment.text)
        if caption is None:
            continue
        rest = segment.text[caption.end() :]
        value = rest if rest.strip() else _right_text(text, segment)
        kinds = [kind for kind, pattern in TITLE_KINDS.items() if pattern.fullmatch(value.strip(" .:;"))]
        if len(kinds) == 1:
            return Ticked(kinds[0], segment.page, segment.bbox)
    return None


def _right_text(text: PageText, caption: Segment) -> str:
    right = [s for s in text.segments if s.bbox[0] > caption.bbox[2] and same_row(s.bbox, caption.bbox)]
    return min(right, key=lambda s: s.bbox[0]).text if right else ""


SEX_OPTIONS = {"male": "M", "female": "F", "m": "M", "f": "F"}


def ticked_sex(text: PageText, hits: list[LabelHit], image: Image.Image | None, dpi: float) -> Iterator[Candidate]:
    """A sex caption followed by its options each behind a box ('Sex: [ ] Male [X] Female'): the one
    ticked, when both boxes are judged and exactly one is."""
    if image is None:
        return
    for hit in hits:
        options = _sex_options(text, hit, hits) if hit.kind == "sex" else []
        if {value for value, _ in options} != {"M", "F"} or len(options) != 2:
            continue
        one = one_ticked(image, options, dpi)
        if one is not None:
            value, word = one
            box = (word.left, word.top, word.right, word.bottom)
            # the ink says which: one box ticked, the other empty, beside the two sexes' words (a word
            # misread as the other sex's would leave one sex unoffered); how sure OCR was of the
            # ticked word's letters is no doubt about the answer
            conf = max(word.conf / 100.0, BOX_CONF)
            yield Candidate("member.sex", value, hit.segment.page, box, conf, "checkbox", word.text)


def _sex_options(text: PageText, hit: LabelHit, hits: list[LabelHit]) -> list[tuple[str, Word]]:
    """The option words right of a sex caption on its line, up to the next caption on it."""
    caption_end = max(w.right for w in hit.segment.words_in_span(hit.start, hit.end))
    first = hit.segment.words[0]
    line = next((ln for ln in text.lines if any(w is first for w in ln.words)), None)
    if line is None:
        return []
    on_line = {id(w) for w in line.words}
    stops = [h.segment.bbox[0] for h in hits if h.segment is not hit.segment and id(h.segment.words[0]) in on_line]
    limit = min((x for x in stops if x > caption_end), default=text.page.width)
    words = [(w.text.strip(".,:;").lower(), w) for w in line.words if caption_end < w.left < limit]
    return [(SEX_OPTIONS[key], w) for key, w in words if key in SEX_OPTIONS]


def _options(line: Segment) -> list[tuple[str, Word]]:
    words = [w.text.strip(".,:;").lower() for w in line.words]
    found = []
    for index in range(len(words)):
        for key, kind in OPTIONS.items():
            if tuple(words[index : index + len(key)]) == key:
                found.append((kind, line.words[index]))
    return found


def box_state(image: Image.Image, label: Word, dpi: float, after: int | None = None) -> bool | None:
    """True ticked, False empty, None when no box is found left of the label (right of `after`, the
    edge of text known to stand before it) or the mark is unclear."""
    x0, x1 = max(label.left - int(0.35 * dpi), (after or 0) + 1), label.left - 2
    y0, y1 = label.top - int(0.08 * dpi), label.bottom + int(0.08 * dpi)
    ink = np.asarray(image.convert("L").crop((max(x0, 0), max(y0, 0), x1, y1))) < 128
    ink = _box_columns(ink, dpi)
    if ink.sum() < 10:
        return None
    rows, cols = np.nonzero(ink)
    top, bottom, left, right = rows.min(), rows.max(), cols.min(), cols.max()
    dy, dx = (bottom - top) // 4, (right - left) // 4
    inner = ink[top + dy : bottom - dy + 1, left + dx : right - dx + 1]
    if inner.size == 0 or min(bottom - top, right - left) < 0.08 * dpi:
        return None
    share = float(inner.mean())
    return True if share >= MARKED else False if share <= EMPTY else None


def _box_columns(ink: np.ndarray, dpi: float) -> np.ndarray:
    """The ink of the box nearest the label: the rightmost run of inked columns as wide as a box.
    A caption printed just before the box ('Sex [ ] Male') stands apart from it by blank columns,
    and its letters are no part of the box's mark."""
    inked: list[bool] = np.asarray(ink.any(axis=0)).astype(bool).tolist()
    runs: list[tuple[int, int]] = []
    start = None
    for x, on in enumerate([*inked, False]):
        if on and start is None:
            start = x
        elif not on and start is not None:
            runs.append((start, x))
            start = None
    runs = _bridged(runs, int(BOX_DROPOUT * dpi))
    boxes = [(a, b) for a, b in runs if b - a >= BOX_MIN * dpi]
    if not boxes or len(runs) == 1:
        return ink
    a, b = boxes[-1]
    kept = np.zeros_like(ink)
    kept[:, a:b] = ink[:, a:b]
    return kept


def _bridged(runs: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Runs joined across a gap narrower than `gap`: a fax's dropout breaking a box's top and foot."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out and a - out[-1][1] < gap:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


MAX_CAPTION_WORDS = 4  # an option's caption is short ('Expedited / Urgent'); a longer run is prose
CAPTION_JOINERS = {"/", "&", "-", "or"}
# An empty or ticked box as OCR reads it: a few round or square marks ('oO', 'CO', '[]', '0', 'CI' with its
# right side read as a bar), no word; or such a mark beside a stroke ('Cl', 'Cj', 'CL!', 'CT', 'gO', '[1':
# a box's side or corner read as a stroke; 'Ct}': its right side read as a brace)
BOX_GLYPH = re.compile(
    r"^(?:[oO0QDCcuUIlJ\[\]{}|()<>xX]{1,3}|(?=.*[oO0QDCcuU\[\]{}|()<>xX])[oO0QDCcuU\[\]{}|()<>xXlIiJjL1!Tg]{1,3}"
    r"|[fFtlI1|(\[{][xX][\]|)}]"  # a ticked box, its left edge read as a letter: 'fX]'
    r"|[oO0QDCcuU][tTlIi1!|][\]|)}])$"  # a box's sides with a stroke between: 'Ct}'
)


def said(text: PageText, pattern: re.Pattern[str], image: Image.Image | None, dpi: float) -> bool:
    """A word matching `pattern` stands on the page, other than in the caption of a checkbox option
    whose box is empty ('[ ] Expedited / Urgent' beside '[x] Standard' says the order is not urgent)."""
    for segment in text.segments:
        for index, word in enumerate(segment.words):
            if pattern.search(word.text) and not in_unticked_option(segment, index, image, dpi):
                return True
    return False


def in_unticked_option(segment: Segment, index: int, image: Image.Image | None, dpi: float) -> bool:
    """The word at `index` is in an option's caption (a short run of words ending at it, after a
    colon, a box's glyph or a wide gap) with an empty box left of the caption's first word."""
    start = _caption_start(segment.words, index)
    if image is None or start is None:
        return False
    return box_state(image, segment.words[start], dpi, after=_colon_before(segment.words, start)) is False


def _colon_before(words: tuple[Word, ...], start: int) -> int | None:
    """The right edge of a caption's colon just before the word ('Priority : URGENT'): the word is the
    caption's value, and the ink left of it up to there is the colon's and the caption's, no box's."""
    before = words[start - 1].text if start else ""
    return words[start - 1].right if before.endswith((":", ";")) else None


def _caption_start(words: tuple[Word, ...], index: int) -> int | None:
    """Where the caption holding words[index] starts; None when the run is too long to be one."""
    start = index
    while start > 0 and _continues(words[start - 1], words[start]):
        start -= 1
        if index - start >= MAX_CAPTION_WORDS:
            return None
    return start


def _continues(before: Word, word: Word) -> bool:
    """`before` is a caption word running into `word` (a word gap, no colon after it); a box's glyph
    as OCR reads it ('x', '[]', '><]', 'oO') is none."""
    text = before.text.lower()
    is_word = (sum(ch.isalpha() for ch in text) >= 2 and not BOX_GLYPH.match(before.text)) or text in CAPTION_JOINERS
    return is_word and not text.endswith(":") and word.left - before.right <= word.height
