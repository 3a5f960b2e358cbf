"""A doubtful digit settled by the other model: values whose second read gave the page read's value but
with a doubtful character are read once more by the standard model (models.py).

Narrow faces print a '1' as a bare stroke, and tesseract's fast model keeps a rival for it on every
read ('11/22/26' with its second '1' rivalling a '2'): the page read and the second read (other
preprocessing) agree, yet the doubt stays and the value is held. Its crop (the grey page, enlarged)
is read by the standard English model, a network trained apart from the fast one; when that read
gives the same value with no doubtful character (confirm.agrees), three reads by two models agree and
the value is confirmed. Only values of digits in a fixed shape with a range or check of their own
(verify.THIRD_READ_KINDS): not names, ids or a birth date.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.confirm import Region, second_reads
from parsers.fax.model import Candidate
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify import PATH_KIND, THIRD_READ_KINDS, UNREAD_SCALE, agreement


def model_read(state: FaxRead) -> None:
    """Confirm each doubtful-but-agreeing value the standard model reads the same with no doubt."""
    doubtful = [c for c in state.candidates if _doubtful(state, c)]
    if not doubtful:
        return
    regions = [Region(f"m{i}", c.page, c.bbox, UNREAD_SCALE, "straight") for i, c in enumerate(doubtful)]
    images = state.page_images("straight")
    reads = second_reads(regions, images, state.engine, REREAD_MODEL)
    agreed = {id(c): conf for i, c in enumerate(doubtful) if (conf := agreement(c, reads.get(f"m{i}", []))) is not None}
    state.candidates = [_confirmed(c, agreed.get(id(c))) for c in state.candidates]


def _doubtful(state: FaxRead, cand: Candidate) -> bool:
    """Unconfirmed, of a digits kind, on an image page, its second read the same value save for a doubt."""
    if cand.confirmed_by is not None or PATH_KIND.get(cand.path) not in THIRD_READ_KINDS:
        return False
    second = state.second_words.get(id(cand), [])
    return cand.page in state.prepared and agreement(cand, second, doubt_allowed=True) is not None


def _confirmed(cand: Candidate, conf: float | None) -> Candidate:
    if conf is None:
        return cand
    return dataclasses.replace(cand, confirmed_by="second_read", second_conf=conf)
