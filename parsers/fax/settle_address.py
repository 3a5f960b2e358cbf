"""An address its second read did not confirm, settled word for word by the standard model's read.

The page read and the second read of an address often each garble a different word ('4283 Mapie
Avenue ... CT' on the page, '4283 Maple Avenue ... a 06901' in the second read; '2112 ... Spr ngfield'
and 'coh ... Springfield'), so neither read confirms the other, though every word was read right by
one of them. The crop is read by the standard model (grey page, 2x: a model trained apart from the
fast one). Its value is taken when it is an address with no doubtful character (a rival making no word
is none), its ZIP in its state, and, word for word:
- every word of it is the page read's or the second read's word at that place (so every word was read
  alike by two reads, one of them by the other model), and
- every word either of those reads otherwise is a misread, never another value: letters making no
  word of an address ('Mapie', 'coh', 'a' for 'CT'), the same characters spaced otherwise ('191 7' for
  1917), or a ZIP's leading 0 read as a look-alike ('@6511'). A digit or a word read otherwise ('06902'
  where the others read 06901, 'Hearth' for 'Heath') is another value: nothing is taken.
"""

from __future__ import annotations

import dataclasses
from difflib import SequenceMatcher

from parsers.fax import lexicon, zipcodes
from parsers.fax.address_text import AddressValue, read_address
from parsers.fax.confirm import text_of, with_read_words
from parsers.fax.lexicon import EDGE
from parsers.fax.model import Candidate, Word
from parsers.fax.reading import FaxRead
from parsers.fax.state_names import USPS_STATES
from parsers.fax.verify import LINE_SEP, agreement
from parsers.fax.verify_model import standard_reads

PATH = "member.address"
SCALE = 2.0
ZERO_LOOKALIKES = "@OoQD"  # a ZIP's leading 0 as OCR reads it (address_text.STATE_ZIP)


def settle_by_standard(state: FaxRead) -> None:
    """Each unconfirmed address with a second read: the standard model's read of its crop, taken when
    the page read and the second read bear out each of its words and read none as another value."""
    open_ = [c for c in state.candidates if c.path == PATH and c.confirmed_by is None and state.second_words.get(id(c))]
    if not open_:
        return
    reads = standard_reads(state, open_, "s", SCALE, "straight")
    taken = {}
    for cand in open_:
        settled = _settled(cand, reads[id(cand)], state.second_words[id(cand)])
        if settled is not None:
            taken[id(cand)] = settled
    state.candidates = [taken.get(id(c), c) for c in state.candidates]


def _settled(cand: Candidate, standard: list[Word], second: list[Word]) -> Candidate | None:
    found = read_address(text_of(standard, LINE_SEP[PATH])) if standard else None
    value = found.value if found is not None else None
    if not isinstance(value, AddressValue) or zipcodes.misfit(value.state, value.zip):
        return None
    read = with_read_words(cand, standard, value=value)
    conf = agreement(read, standard)  # no doubtful character, a rival making no word none
    joint = borne_out(_keyed(standard), [_keyed(list(cand.words)), _keyed(second)]) if conf is not None else None
    if conf is None or joint is None:
        return None
    return dataclasses.replace(read, confirmed_by="second_read", second_conf=conf, joint_conf=joint)


Keyed = list[tuple[str, float]]  # a read's words as compared (key) with their confidence, 0..1


def _keyed(words: list[Word]) -> Keyed:
    """The words holding a letter or digit, in one case, edge punctuation off and split at a bar (a
    streak: 'Providence,|RI'), each with its word's confidence."""
    return [
        (key, w.conf / 100.0)
        for w in words
        for piece in w.text.split("|")
        if (key := piece.strip(EDGE).casefold()) and any(ch.isalnum() for ch in key)
    ]


def borne_out(value: Keyed, others: list[Keyed]) -> float | None:
    """When each word of `value` is some other read's word at its place and no other read has a word
    there that is another value (misread_word): the value's joint confidence, the lowest over its
    words of the chance that not both reads of it are wrong; else None."""
    keys = [k for k, _ in value]
    best: list[float | None] = [None] * len(value)
    for other in others:
        theirs = [k for k, _ in other]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, theirs, keys, autojunk=False).get_opcodes():
            if tag == "equal" or (tag == "replace" and "".join(theirs[i1:i2]) == "".join(keys[j1:j2])):
                conf = min(c for _, c in other[i1:i2])
                for j in range(j1, j2):
                    joint = 1.0 - (1.0 - value[j][1]) * (1.0 - conf)
                    best[j] = max(best[j] or 0.0, joint)
            elif not all(misread_word(word, keys[j1:j2]) for word in theirs[i1:i2]):
                return None
    if any(b is None for b in best):
        return None
    return min(b for b in best if b is not None)


def misread_word(word: str, against: list[str]) -> bool:
    """A word another read has where the value has `against`: a misread, not another value, when it is
    letters making no word of an address nor a state code, or a ZIP whose leading 0 is a look-alike."""
    if len(against) == 1 and _zero_lookalike(word, against[0]):
        return True
    if any(ch.isdigit() for ch in word) or word.upper() in USPS_STATES:
        return False
    return not lexicon.known_in_address(word) and not lexicon.known_or_compound(word)


def _zero_lookalike(word: str, want: str) -> bool:
    return len(word) == len(want) and word[0] in ZERO_LOOKALIKES and want[0] == "0" and word[1:] == want[1:]
