"""A phone or fax number the fast model's reads agreed on, read by the standard model too.

The page read and its second read are both the fast model's (the second read takes other pixels, but
the same network): a misread of a digit its network makes ('555' as '595', '617' as '647') it makes
again, and the two reads agree on it. Each confirmed phone and fax number read from an image is read
once more by the standard model (models.py), a network trained apart, from its crop (the grey page,
enlarged). When that read gives another number (with a doubtful character or not), two models read two
numbers: the value is no longer confirmed (left null, with the reader's finding), never taken as the
fast model read it. A read that gives no number, or the same one, changes nothing.

A standard read that gives another number only where a doubtful character's rival would give the
value ('(208)' whose 8 rivals 3, for (203): verify.leans_to) neither agrees nor contradicts: the
standard model reads the crop once more, from the cleaned page enlarged (other pixels), and the value
stays confirmed only when that read gives it with no doubtful character; otherwise it is unconfirmed
as above.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.confirm import Region, second_reads, value_of
from parsers.fax.model import Candidate, Word
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify import PATH_KIND, READERS, THIRD_SCALE, UNREAD_SCALE, agreement, leans_to

KINDS = {"phone", "fax"}
CONFIRMED_BY_READS = {"second_read"}  # not a check digit, a value repeated in print, or a text layer


def contest_fast_reads(state: FaxRead) -> None:
    """Unconfirm each confirmed phone or fax number the standard model reads as another number."""
    chosen = [c for c in state.candidates if _read_by_fast_model(state, c)]
    if not chosen:
        return
    regions = [Region(f"f{i}", c.page, c.bbox, UNREAD_SCALE, "straight") for i, c in enumerate(chosen)]
    images = state.page_images("straight")
    reads = second_reads(regions, images, state.engine, REREAD_MODEL)
    against = {id(c) for i, c in enumerate(chosen) if contradicts(c, reads.get(f"f{i}", []))}
    leaning = [c for i, c in enumerate(chosen) if id(c) in against and leans_to(c, reads.get(f"f{i}", []))]
    against -= _settled(state, leaning)
    state.candidates = [_unconfirmed(c) if id(c) in against else c for c in state.candidates]


def _settled(state: FaxRead, leaning: list[Candidate]) -> set[int]:
    """The values among `leaning` a standard read of the cleaned crop, enlarged, gives with no doubt."""
    if not leaning:
        return set()
    regions = [Region(f"l{i}", c.page, c.bbox, THIRD_SCALE, "clean") for i, c in enumerate(leaning)]
    reads = second_reads(regions, state.page_images("clean"), state.engine, REREAD_MODEL)
    return {id(c) for i, c in enumerate(leaning) if agreement(c, reads.get(f"l{i}", [])) is not None}


def _read_by_fast_model(state: FaxRead, cand: Candidate) -> bool:
    return PATH_KIND.get(cand.path) in KINDS and cand.confirmed_by in CONFIRMED_BY_READS and cand.page in state.prepared


def contradicts(cand: Candidate, words: list[Word]) -> bool:
    """The read gives a number of the value's kind other than the value, doubtful characters or not (a
    doubt bars a read from confirming a value, not from contesting one)."""
    if not words:
        return False
    found = value_of(words, READERS[PATH_KIND[cand.path]])
    value = getattr(found, "value", found)
    return value is not None and value != cand.value


def _unconfirmed(cand: Candidate) -> Candidate:
    return dataclasses.replace(cand, confirmed_by=None, second_conf=None, joint_conf=None)
