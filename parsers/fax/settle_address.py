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
When the standard read is no whole address itself (it garbled a word the second read has: 'Qak' in the
second read, a state 'RT' in the standard one), the page read's own value is taken on the same terms:
each of its words read alike by the second or the standard read, with no doubt there (a rival giving
another word or digit), and every word they read otherwise a misread.
"""

from __future__ import annotations

import dataclasses
import re
from difflib import SequenceMatcher

from parsers.fax import lexicon, zipcodes
from parsers.fax.address_text import AddressValue, read_address
from parsers.fax.confirm import nonword, text_of, with_read_words
from parsers.fax.lexicon import EDGE
from parsers.fax.model import Candidate, Word
from parsers.fax.reading import FaxRead
from parsers.fax.state_names import USPS_STATES
from parsers.fax.verify import LINE_SEP, agreement
from parsers.fax.verify_model import standard_reads

PATH = "member.address"
SCALE = 2.0
ZERO_LOOKALIKES = "@OoQD"  # a ZIP's leading 0 as OCR reads it (address_text.STATE_ZIP)
DIGIT_IN_LETTERS = re.compile(r"^[^\W\d_]{2,}\d[^\W\d_]{2,}$")


def settle_by_standard(state: FaxRead) -> None:
    """Each unconfirmed address with a second read: the standard model's read of its crop, taken when
    the page read and the second read bear out each of its words and read none as another value."""
    open_ = [c for c in state.candidates if c.path == PATH and c.confirmed_by is None and state.second_words.get(id(c))]
    if not open_:
        return
    reads = standard_reads(state, open_, "s", SCALE, "straight")
    taken = {}
    for cand in open_:
        standard, second = reads[id(cand)], state.second_words[id(cand)]
        settled = _settled(cand, standard, second) or _page_read_settled(cand, standard, second)
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


def _page_read_settled(cand: Candidate, standard: list[Word], second: list[Word]) -> Candidate | None:
    """The page read's value, each of its words read alike, undoubted, by the standard or the second read."""
    value = cand.value
    if not isinstance(value, AddressValue) or zipcodes.misfit(value.state, value.zip):
        return None
    found = read_address(text_of(list(cand.words), LINE_SEP[PATH]))
    if found is None or found.value != value:  # the page read's words are not its value alone
        return None
    joint = borne_out(_keyed(list(cand.words)), [_keyed(standard, undoubted=True), _keyed(second, undoubted=True)])
    if joint is None:
        return None
    return dataclasses.replace(cand, confirmed_by="second_read", second_conf=joint, joint_conf=joint)


Keyed = list[tuple[str, float | None]]  # a read's words as compared (key), their confidence 0..1 (None: in doubt)


def _keyed(words: list[Word], undoubted: bool = False) -> Keyed:
    """The words holding a letter or digit, in one case, edge punctuation off and split at a bar (a
    streak: 'Providence,|RI'), each with its word's confidence; with `undoubted`, a doubtful word (a
    rival giving another word, any rival of a digit) with confidence None: it shows no word."""
    return [
        (key, None if undoubted and _doubtful(w) else w.conf / 100.0)
        for w in words
        for piece in w.text.split("|")
        if (key := piece.strip(EDGE).casefold()) and any(ch.isalnum() for ch in key)
    ]


def _doubtful(word: Word) -> bool:
    """A character of the word had a strong rival that may give another value: not one turning a known
    word into no word, nor one turning a state code into no state code ('RI' whose I rivals T)."""
    if not word.ambiguous:
        return False
    if word.text.strip(EDGE).upper() in USPS_STATES:  # a state code: only another state code is a doubt
        return not word.rivals or not all(_no_other_state(word.text, chosen, rival) for chosen, rival in word.rivals)
    return not word.rivals or not all(
        nonword(word.text, chosen, rival, lexicon.known_or_compound) for chosen, rival in word.rivals
    )


def _no_other_state(text: str, chosen: str, rival: str) -> bool:
    core = text.strip(EDGE).upper()
    chosen, rival = chosen.upper(), rival.upper()
    if core not in USPS_STATES or not (chosen.isalpha() and rival.isalpha()) or chosen not in core:
        return False
    return not any(core[:at] + rival + core[at + 1 :] in USPS_STATES for at, ch in enumerate(core) if ch == chosen)


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
                confs = [c for _, c in other[i1:i2]]
                if any(c is None for c in confs):  # read alike, but in doubt: shows nothing
                    continue
                conf = min(c for c in confs if c is not None)
                for j in range(j1, j2):
                    joint = 1.0 - (1.0 - (value[j][1] or 0.0)) * (1.0 - conf)
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
    if DIGIT_IN_LETTERS.match(word):  # 'Yonk4rs': a letter read as a digit, in no word nor number
        return True
    if any(ch.isdigit() for ch in word) or word.upper() in USPS_STATES:
        return False
    return not lexicon.known_in_address(word) and not lexicon.known_or_compound(word)


def _zero_lookalike(word: str, want: str) -> bool:
    return len(word) == len(want) and word[0] in ZERO_LOOKALIKES and want[0] == "0" and word[1:] == want[1:]
