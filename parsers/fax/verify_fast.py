"""A phone or fax number, or a diagnosis code, the fast model's reads agreed on, read by the standard model too.

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
stays confirmed only when that read gives it with no doubt on the digits the leaning read gave otherwise
(a doubt on a digit every read gave alike, a '5' of '555' a standard-resolution fax blurs, is the doubt
the value was confirmed with; no near tie anywhere); otherwise it is unconfirmed as above. A read
giving no possible North American number (an area code or exchange led by 0 or 1: '014' for '914')
gives no number of the kind: it contradicts nothing.

So with a diagnosis code read unsurely on the page (CodeRead.as_read) and confirmed by the fast model's
second read of its crop: ICD-10-CM is dense, a digit misread ('M16.11' as 'M16.31', its 1 a 3 to the fast
network on both reads) is as often another billable code, so the code set vouches for neither. The crop
is read by the standard model (code characters only); another billable code there leaves the code
unconfirmed (null with the reader's finding). The same code, a category (a digit lost: 'M16.1'), a
reading several codes share, or nothing, changes nothing.
"""

from __future__ import annotations

import dataclasses

from parsers.fax import codecheck
from parsers.fax.confirm import Region, second_reads, value_of
from parsers.fax.model import Candidate, Word
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.services import CodeRead
from parsers.fax.verify import PATH_KIND, READERS, THIRD_SCALE, UNREAD_SCALE, agreement, leans_to
from parsers.fax.verify_codes import code_region
from parsers.fax.verify_model import standard_reads
from referrals.codes import CodeSets

KINDS = {"phone", "fax"}
NANP_DIGITS = 10
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
    against -= _settled(state, leaning, {id(c): reads.get(f"f{i}", []) for i, c in enumerate(chosen)})
    state.candidates = [_unconfirmed(c) if id(c) in against else c for c in state.candidates]


def _settled(state: FaxRead, leaning: list[Candidate], contest: dict[int, list[Word]]) -> set[int]:
    """The values among `leaning` a standard read of the cleaned crop, enlarged, gives with no doubt on
    the digits the leaning read (`contest`, by the candidate's id) gave otherwise."""
    if not leaning:
        return set()
    reads = standard_reads(state, leaning, "l", THIRD_SCALE, "clean")
    return {id(c) for c in leaning if sure_where_contested(c, contest[id(c)], reads[id(c)])}


def sure_where_contested(cand: Candidate, contest: list[Word], words: list[Word]) -> bool:
    """`words` give the value, with no near tie, and no doubtful character of theirs is a digit the
    value has where the contest read has another (a rival is known by its character, not its place:
    a doubtful '0' doubts every 0)."""
    if agreement(cand, words, doubt_allowed=True) is None or any(w.tied for w in words):
        return False
    other = _number(contest)
    value = str(cand.value)
    if other is None or len(other) != len(value):
        return agreement(cand, words) is not None
    contested = {digit for digit, read in zip(value, other, strict=True) if digit != read}
    return not any(chosen in contested for w in words for chosen, _ in w.rivals)


def _read_by_fast_model(state: FaxRead, cand: Candidate) -> bool:
    return PATH_KIND.get(cand.path) in KINDS and cand.confirmed_by in CONFIRMED_BY_READS and cand.page in state.prepared


def contradicts(cand: Candidate, words: list[Word]) -> bool:
    """The read gives a number of the value's kind other than the value, doubtful characters or not (a
    doubt bars a read from confirming a value, not from contesting one)."""
    value = _number(words) if words else None
    return value is not None and possible_number(value) and value != cand.value


def _number(words: list[Word]) -> str | None:
    found = value_of(words, READERS["phone"])
    value = getattr(found, "value", found)
    return value if isinstance(value, str) else None


def possible_number(digits: str) -> bool:
    """A North American number: neither its area code nor its exchange starts with 0 or 1."""
    return len(digits) == NANP_DIGITS and digits[0] not in "01" and digits[3] not in "01"


def _unconfirmed(cand: Candidate) -> Candidate:
    return dataclasses.replace(cand, confirmed_by=None, second_conf=None, joint_conf=None, surer_conf=None)


def contest_fast_codes(state: FaxRead) -> None:
    """Unconfirm each diagnosis code only the fast model's reads confirmed that the standard model
    reads as another billable code."""
    chosen = [
        d for d in state.diagnoses if id(d) in state.fast_codes & state.confirmed_codes and d.page in state.prepared
    ]
    if not chosen:
        return
    regions = [code_region(f"d{i}", d) for i, d in enumerate(chosen)]
    reads = second_reads(regions, state.page_images("straight"), state.engine, REREAD_MODEL)
    sets = state.ctx.code_sets
    state.confirmed_codes -= {id(d) for i, d in enumerate(chosen) if code_contradicts(d, reads.get(f"d{i}", []), sets)}


def code_contradicts(read: CodeRead, words: list[Word], sets: CodeSets) -> bool:
    """The crop's read (its words joined) gives one billable code other than the code (any code, with
    no table to tell billable ones), doubtful characters or not."""
    text = "".join(w.text for w in words).strip(" ,;:().")
    other = codecheck.correct_icd10(text, sets).value if text else None
    if other is None or other == read.correction.value:
        return False
    unchecked = sets.icd10(other) is codecheck.Icd10Membership.UNCHECKED
    return unchecked or codecheck.icd10_billable(other, sets)
