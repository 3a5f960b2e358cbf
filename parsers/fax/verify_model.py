"""A doubtful digit settled by the other model: values whose second read gave the page read's value but
with a doubtful character are read once more by the standard model (models.py).

Narrow faces print a '1' as a bare stroke, and tesseract's fast model keeps a rival for it on every
read ('11/22/26' with its second '1' rivalling a '2'): the page read and the second read (other
preprocessing) agree, yet the doubt stays and the value is held. Its crop (the grey page, enlarged)
is read by the standard English model, a network trained apart from the fast one; when that read
gives the same value with no doubtful character (confirm.agrees), three reads by two models agree and
the value is confirmed. Values of digits in a fixed shape with a range or check of their own
(verify.THIRD_READ_KINDS).

Ids and birth dates get no third read by the fast model (verify.THIRD_READ_KINDS: a plausible misread
there matters most, and the fast network repeats its own misreads). Theirs is the standard model's
read of the crop from the cleaned page (enlarged: other pixels than the grey second read, another
network than both earlier reads), in a pass of its own for only the ids and birth dates in doubt; the
value is confirmed only when that read gives it with no doubtful character at all (a near tie is a
doubt too). Not names: a person's name may be any spelling, so no read vouches for a rival letter.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.confirm import Region, second_reads, value_of
from parsers.fax.model import Candidate, Word
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify import LINE_SEP, PATH_KIND, THIRD_READ_KINDS, THIRD_SCALE, UNREAD_SCALE, agreement, reader_of

CLEAN_READ_KINDS = {"member_id", "dob"}


def model_read(state: FaxRead) -> None:
    """Confirm each doubtful-but-agreeing value the standard model reads the same with no doubt."""
    contested = _read_again(
        state, [c for c in state.candidates if _doubtful(state, c, THIRD_READ_KINDS)], "m", UNREAD_SCALE, "straight"
    )
    still = [c for c in state.candidates if _doubtful(state, c, THIRD_READ_KINDS) and id(c) not in contested]
    ids = [c for c in state.candidates if _doubtful(state, c, CLEAN_READ_KINDS)]
    _read_again(state, still + ids, "i", THIRD_SCALE, "clean")


def _read_again(state: FaxRead, doubtful: list[Candidate], prefix: str, scale: float, source: str) -> set[int]:
    """The `doubtful` values read by the standard model from the page's `source` image, in one pass: those
    it reads the same with no doubt confirmed. Returns the ids of those it read as another value."""
    if not doubtful:
        return set()
    reads = standard_reads(state, doubtful, prefix, scale, source)
    found = {id(c): agreement(c, reads[id(c)]) for c in doubtful}
    state.candidates = [_confirmed(c, found.get(id(c))) for c in state.candidates]
    return {id(c) for c in doubtful if contradicts(c, reads[id(c)])}


def standard_reads(
    state: FaxRead, cands: list[Candidate], prefix: str, scale: float, source: str
) -> dict[int, list[Word]]:
    """Each candidate's crop from the page's `source` image, enlarged by `scale`, read by the standard
    model in one pass: its words by the candidate's id (none when nothing was read)."""
    regions = [Region(f"{prefix}{i}", c.page, c.bbox, scale, source) for i, c in enumerate(cands)]
    reads = second_reads(regions, state.page_images(source), state.engine, REREAD_MODEL)
    return {id(c): reads.get(f"{prefix}{i}", []) for i, c in enumerate(cands)}


def contradicts(cand: Candidate, words: list[Word]) -> bool:
    """The read gives a value of the candidate's kind other than its value, doubtful characters or not."""
    if not words or agreement(cand, words, doubt_allowed=True) is not None:
        return False
    return value_of(words, reader_of(cand), LINE_SEP.get(cand.path, " ")) is not None


def _doubtful(state: FaxRead, cand: Candidate, kinds: set[str]) -> bool:
    """Unconfirmed, of `kinds`, on an image page, its second read the same value save for a doubt."""
    if cand.confirmed_by is not None or PATH_KIND.get(cand.path) not in kinds:
        return False
    second = state.second_words.get(id(cand), [])
    return cand.page in state.prepared and agreement(cand, second, doubt_allowed=True) is not None


def _confirmed(cand: Candidate, conf: float | None) -> Candidate:
    if conf is None:
        return cand
    return dataclasses.replace(cand, confirmed_by="second_read", second_conf=conf)
