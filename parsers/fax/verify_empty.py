"""A name whose second read came back empty, read once more alone by the standard model.

The second reads stack every value's crop into one image (confirm.py). A name typed on a fill-in
line under a tiny caption ('LAST NAME' over 'Miller' over its underline) is cropped with the
caption's foot and the underline in it; layout analysis may then take the crop for a rule and give
no word at all (alone or stacked). An empty read neither agrees nor contradicts: the value would be
held though nothing doubted it. Its crop (the grey page), less the rows a rule crosses, enlarged, is
read alone by the standard English model, a network trained apart from the page's fast one
(ocr.REREAD_MODEL); a read that gives the same name with no doubtful character (confirm.agrees) is
the independent second read it lacked.
Only names and their parts: a second read that read something else is a contradiction and stays one,
and ids and the birth date are not retried (a look-alike both models misread is the failure there).
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PIL import Image

from parsers.fax.confirm import CHOICES_CONFIG, GAP, PAD, crop
from parsers.fax.extract import NAME_PART
from parsers.fax.model import Candidate, Word
from parsers.fax.ocr import REREAD_MODEL, hocr_words
from parsers.fax.reading import FaxRead
from parsers.fax.verify import PATH_KIND, UNREAD_SCALE, agreement

NAME_KINDS = {"name", NAME_PART}
RULE_SHARE = 0.5  # a row of the crop this much dark across is a rule's (an underline), no letter's
DARK = 128


def read_empty_names(state: FaxRead) -> None:
    """Confirm each held name whose second read was empty and the standard model reads the same alone."""
    empty = [c for c in state.candidates if _empty(state, c)]
    if not empty:
        return
    images = state.page_images("straight")
    agreed: dict[int, float] = {}
    for cand in empty:
        page = images.get((cand.page, "straight"))
        conf = agreement(cand, _read_alone(state, page, cand.bbox)) if page is not None else None
        if conf is not None:
            agreed[id(cand)] = conf
    state.candidates = [_confirmed(c, agreed.get(id(c))) for c in state.candidates]


def _read_alone(state: FaxRead, page: Image.Image, bbox: tuple[int, int, int, int]) -> list[Word]:
    """The box's crop, blank over and under the box (a caption's foot, the fill-in line) and where a rule
    crosses it, enlarged on a white margin, read by the standard model."""
    pixels = np.asarray(crop(page, bbox, 1.0)).copy()
    top = min(bbox[1], PAD)  # where the box starts in its crop (confirm.crop pads it)
    bottom = top + bbox[3] - bbox[1]
    pixels[:top] = 255
    pixels[bottom:] = 255
    rules = np.flatnonzero((pixels < DARK).mean(axis=1) > RULE_SHARE)
    for row in rules:
        pixels[max(row - 1, 0) : row + 2] = 255
    piece = Image.fromarray(pixels)
    piece = piece.resize((int(piece.width * UNREAD_SCALE), int(piece.height * UNREAD_SCALE)), Image.Resampling.BICUBIC)
    canvas = Image.new("L", (piece.width + 2 * GAP, piece.height + 2 * GAP), 255)
    canvas.paste(piece, (GAP, GAP))
    return hocr_words(state.engine.hocr(canvas, f"{CHOICES_CONFIG} {REREAD_MODEL}"))


def _empty(state: FaxRead, cand: Candidate) -> bool:
    """Unconfirmed, a name or a name's part, on an image page, its second read no word at all."""
    return (
        cand.confirmed_by is None
        and PATH_KIND.get(cand.path) in NAME_KINDS
        and cand.page in state.prepared
        and id(cand) in state.second_words
        and not state.second_words[id(cand)]
    )


def _confirmed(cand: Candidate, conf: float | None) -> Candidate:
    if conf is None:
        return cand
    return dataclasses.replace(cand, confirmed_by="second_read", second_conf=conf)
