"""A value of digits the page read unsurely and every re-read reads otherwise: the re-reads' value.

The page read of a date or phone can go wrong on one digit at a confidence under the threshold
('2026-12-18' at 69 beside a signature dated 2026-11-18), while its second read gives the other value
('2026-11-18', with a doubt left on a 1). The two disagree and the field is held, though only the
unsure read stands against the other value. Such a value's crop is read twice more by the standard
model (models.py), from the grey page and from the cleaned page, each enlarged 2x: when both give
the second read's value with no doubtful character, that value is taken, read alike by three reads
(two of them sure, by another model than the page's) against one unsure one. A page read at or over
the threshold is never outvoted so; nor a name, an id or an NPI (verify.THIRD_READ_KINDS less NPIs).
"""

from __future__ import annotations

import dataclasses

from parsers.fax.confirm import Images, Region, second_reads, text_of, with_read_words
from parsers.fax.model import Candidate, Word
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify import LINE_SEP, PATH_KIND, THIRD_READ_KINDS, _reader, agreement

KINDS = THIRD_READ_KINDS - {"npi"}
SCALE = 2.0
SOURCES = ("straight", "clean")


def outvote_unsure(state: FaxRead) -> None:
    """Take the re-reads' value for each unsure page read they all read otherwise (see the module)."""
    held = {id(c): v for c in state.candidates if (v := _other_value(state, c)) is not None}
    if not held:
        return
    chosen = [c for c in state.candidates if id(c) in held]
    regions = [Region(f"o{src}{i}", c.page, c.bbox, SCALE, src) for i, c in enumerate(chosen) for src in SOURCES]
    reads = second_reads(regions, _images(state), state.engine, REREAD_MODEL)
    taken = {}
    for i, cand in enumerate(chosen):
        found = outvoted(cand, held[id(cand)], [reads.get(f"o{src}{i}", []) for src in SOURCES])
        if found is not None:
            taken[id(cand)] = found
    state.candidates = [taken.get(id(c), c) for c in state.candidates]


def _other_value(state: FaxRead, cand: Candidate) -> object | None:
    """The second read's own value when it is another than the unsure page read's (doubt allowed)."""
    if cand.confirmed_by is not None or PATH_KIND.get(cand.path) not in KINDS or cand.page not in state.prepared:
        return None
    if cand.conf >= state.ctx.ocr_confidence_threshold:
        return None
    second = state.second_words.get(id(cand), [])
    value = _reader(cand)(text_of(second, LINE_SEP.get(cand.path, " "))) if second else None
    return value if value is not None and value != cand.value else None


def outvoted(cand: Candidate, value: object, reads: list[list[Word]]) -> Candidate | None:
    """The candidate with `value` when every read gives it with no doubtful character, else None."""
    other = dataclasses.replace(cand, value=value)
    confs = [agreement(other, words) for words in reads]
    if not reads or any(conf is None for conf in confs):
        return None
    second_conf = min(conf for conf in confs if conf is not None)
    return with_read_words(other, reads[0], confirmed_by="second_read", second_conf=second_conf)


def _images(state: FaxRead) -> Images:
    images: Images = state.page_images("straight", "clean")
    return images
