"""Which service type an order states: the box it ticks (a box with a mark in it, left of its label), or
else its title ('DURABLE MEDICAL EQUIPMENT ORDER', 'CERTIFICATE OF MEDICAL NECESSITY')."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from PIL import Image

from parsers.fax.extract import PageText
from parsers.fax.model import Segment, Word

OPTIONS = {("dme",): "dme", ("home", "health"): "home_health", ("home", "infusion"): "home_infusion"}
# A title naming the service (and that it is an order or a form, so a letterhead such as 'Sunrise Home
# Health Agency' is none): a certificate of medical necessity is a DME supplier's form.
TITLE_KINDS = {
    "dme": re.compile(r"\b(?:durable medical equipment|dme|certificate of medical necessity)\b", re.I),
    "home_health": re.compile(r"\bhome health\b", re.I),
    "home_infusion": re.compile(r"\b(?:home )?infusion\b", re.I),
}
DOCUMENT_WORDS = re.compile(r"\b(?:order|referral|certificat(?:e|ion)|request|form|plan of care|prescription)\b", re.I)
TITLE_BAND = 0.12  # a title stands in this top share of the page
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
            states = {kind: box_state(image, word, dpi) for kind, word in options}
            ticked = [kind for kind, state in states.items() if state is True]
            judged = all(state is not None for state in states.values())
            value = ticked[0] if len(ticked) == 1 and judged else None
            return Ticked(value, line.page, line.bbox)
    return None


def titled_service_type(text: PageText) -> Ticked | None:
    """The service type the page's title names, when one title line names exactly one."""
    for line in text.lines:
        if line.bbox[1] > TITLE_BAND * text.page.height or not DOCUMENT_WORDS.search(line.text):
            continue
        kinds = [kind for kind, pattern in TITLE_KINDS.items() if pattern.search(line.text)]
        if len(kinds) == 1:
            return Ticked(kinds[0], line.page, line.bbox)
    return None


def _options(line: Segment) -> list[tuple[str, Word]]:
    words = [w.text.strip(".,:;").lower() for w in line.words]
    found = []
    for index in range(len(words)):
        for key, kind in OPTIONS.items():
            if tuple(words[index : index + len(key)]) == key:
                found.append((kind, line.words[index]))
    return found


def box_state(image: Image.Image, label: Word, dpi: float) -> bool | None:
    """True ticked, False empty, None when no box is found left of the label or the mark is unclear."""
    x0, x1 = label.left - int(0.35 * dpi), label.left - 2
    y0, y1 = label.top - int(0.08 * dpi), label.bottom + int(0.08 * dpi)
    ink = np.asarray(image.convert("L").crop((max(x0, 0), max(y0, 0), x1, y1))) < 128
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
