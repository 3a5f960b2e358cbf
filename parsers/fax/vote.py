"""Three reads word by word: a value the page read and its second read each misread in another place.

A value's page read and second read can disagree because each went astray on a different word:
the page read has '270 Eim St, Springfield, MA 01103' and the second read '270 Elm St seengteh MA
01103' ('Springfield' garbled, read at no confidence). Neither is the other's misread as a whole
(verify_standard.misread_page_read), so the value would be held though every word of it was read
right at least once. Its crop (the grey page, 2x) is read by the standard model, a network trained
apart from the page's fast one (where that settles nothing, by the fast model). The value that read
gives (with no doubtful character) is taken when, word by word, one of the other two reads bears it
out (the same word, read with no doubt, and surely unless a known word: _bears), and each read that
has another word there is unsure of it (_unsure): no word where the third read has a known one
('Eim' for 'Elm'), or, for digits, a doubtful read (a close rival, or under the threshold). A sure
read of another word anywhere is a contradiction, and the value stays held.

Only values the other third reads take (verify.THIRD_READ_KINDS, WORD_LIST_KINDS), and names: not
ids or NPIs (which have their check digit). No word list vouches for a name, so a name is outvoted
only where the page read was unsure of the word (under UNSURE: 'Mara' at 67, a thin letter a
standard-resolution fax lost) and both other reads give another word surely, the third by the
standard model ('Maria', 'Maria'): never by the fast model, whose grey read is too like the second.
"""

from __future__ import annotations

import dataclasses

from parsers.fax import lexicon, zipcodes
from parsers.fax.confirm import Region, second_reads, text_of, with_read_words
from parsers.fax.extract import NAME_PART, READERS
from parsers.fax.model import Candidate, Word, conf_of
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify import LINE_SEP, PATH_KIND, THIRD_READ_KINDS, WORD_LIST_KINDS, agreement

SCALE = 2.0
# the standard model first; where it is unsure, the page's fast model on the grey page enlarged (the
# page read was of the cleaned page at its size, the second read of the grey one at its size)
MODELS = (REREAD_MODEL, "")
UNSURE = 80  # a word read under this confidence (0..100), the default threshold, is no sure read of it
NAME_KINDS = {"name", NAME_PART}
GARBLED_SHORTER = 3  # letters fewer than a known word a doubtful weak read must have to be a garble of it
KINDS = (THIRD_READ_KINDS | WORD_LIST_KINDS | NAME_KINDS) - {"npi"}


def three_reads(state: FaxRead) -> None:
    """Take each held value the standard model's read gives and the other two reads bear out word by word."""
    held = [c for c in state.candidates if _held(state, c)]
    images = state.page_images("straight")
    taken: dict[int, Candidate] = {}
    for model in MODELS:
        held = [c for c in held if id(c) not in taken and (model or not _is_name(c))]
        if not held:
            break
        regions = [Region(f"v{i}", c.page, c.bbox, SCALE, "straight") for i, c in enumerate(held)]
        reads = second_reads(regions, images, state.engine, model)
        for i, cand in enumerate(held):
            found = voted(cand, state.second_words[id(cand)], reads.get(f"v{i}", []), strict=not model)
            if found is not None:
                taken[id(cand)] = found
    state.candidates = [taken.get(id(c), c) for c in state.candidates]


def _held(state: FaxRead, cand: Candidate) -> bool:
    """An unconfirmed value of a kind this settles, from an image page, with its page and second reads' words."""
    return (
        cand.confirmed_by is None
        and PATH_KIND.get(cand.path) in KINDS
        and cand.page in state.prepared
        and bool(cand.words)
        and bool(state.second_words.get(id(cand)))
    )


def voted(cand: Candidate, second: list[Word], third: list[Word], strict: bool = False) -> Candidate | None:
    """The candidate with the third read's value, when the reads bear it out word by word (see the module).
    `strict` for a third read by the page's fast model of the grey page, as the second read was (two
    reads alike in all but scale may share a misread): a page read of another word then holds the
    value unless it is a letter-for-letter misread of it ('Eim' for 'Elm'), however unsure it was."""
    if not third or any(w.ambiguous for w in third) or (_is_name(cand) and not _sure_name(third, strict)):
        return None
    value = _value(cand, third)
    if value is None:
        return None
    as_third = dataclasses.replace(cand, value=value)
    if agreement(as_third, third) is None:  # a rival of some character gives another value
        return None
    target = _words(third)
    page = _words(list(cand.words))
    name = _is_name(cand)
    lined_up: list[Placed] | None = list(_words(second)) if name else _aligned(_words(second), target)
    if lined_up is None or len(page) != len(target) or len(lined_up) != len(target):
        return None
    others: list[list[Placed]] = [list(page), lined_up]
    for at, (text, _) in enumerate(target):
        reads = [read for words in others if (read := words[at]) is not None]
        if not any(_same(read[0], text) and _bears(read, text, name) for read in reads):
            return None
        if not all(_same(read[0], text) or _unsure(read, text, name) for read in reads):
            return None
        if strict and not (_same(page[at][0], text) or _misread(page[at][0], text)):
            return None
    if _value(cand, _outvoted(list(cand.words), page, target)) != value:
        return None  # a mark only the grey reads have (a speck read as a comma) is not borne out
    return with_read_words(as_third, third, confirmed_by="second_read", second_conf=conf_of(third))


Placed = tuple[str, Word] | None  # a read's word at a place of the value; None: that read has none there


def _aligned(second: list[tuple[str, Word]], target: list[tuple[str, Word]]) -> list[Placed] | None:
    """The second read's words placed at the third read's: a word it ran together from two
    ('CedarLane' for 'Cedar Lane') stands at both places, and the places after its last word, when it
    lost the value's end (its last line unread: '3928 Maple Avenue Yonkers,' of a value ending 'NY
    10701') and read every word before it as the third read did, hold no read (no word there to bear
    it out or contradict it). None when the words cannot be placed so."""
    out: list[Placed] = []
    for text, word in second:
        at = len(out)
        if at + 1 < len(target) and _same(text, target[at][0] + target[at + 1][0]):
            out += [(target[at][0], word), (target[at + 1][0], word)]
        else:
            out.append((text, word))
    lost = len(target) - len(out)
    read_alike = all(read is not None and _same(read[0], t) for read, (t, _) in zip(out, target, strict=False))
    if lost > 0 and out and read_alike:
        out += [None] * lost
    return out if len(out) == len(target) else None


def _value(cand: Candidate, words: list[Word]) -> object | None:
    """The value the words give, as written (not case-folded), an address only with a ZIP of its state."""
    found = READERS[PATH_KIND[cand.path]](text_of(words, LINE_SEP.get(cand.path, " ")))
    return found.value if found is not None and zipcodes.fits(found.value) else None


def _outvoted(words: list[Word], page: list[tuple[str, Word]], target: list[tuple[str, Word]]) -> list[Word]:
    """The page read's words with each word the third read gives otherwise replaced by the third read's:
    the value the vote settles, the page read's marks kept where it read the same word."""
    swap = {id(w): third for (text, w), (other, third) in zip(page, target, strict=True) if not _same(text, other)}
    return [dataclasses.replace(swap[id(w)], line_key=w.line_key) if id(w) in swap else w for w in words]


def _words(words: list[Word]) -> list[tuple[str, Word]]:
    """Each word's text (less its edge punctuation) with the word, marks standing alone left out."""
    return [(w.text.strip(lexicon.EDGE), w) for w in words if any(ch.isalnum() for ch in w.text)]


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _is_name(cand: Candidate) -> bool:
    return PATH_KIND.get(cand.path) in NAME_KINDS


def _sure_name(third: list[Word], strict: bool) -> bool:
    """A third read that may outvote a name: the standard model's, sure of every word."""
    return not strict and all(w.conf >= UNSURE for w in third if any(ch.isalnum() for ch in w.text))


def _bears(read: tuple[str, Word], target: str, name: bool = False) -> bool:
    """The read of the same word bears it out: read with no doubtful character, and surely unless it
    is a known word (a word list vouches for a known word read weakly, nothing for digits or names)."""
    word = read[1]
    return not word.ambiguous and (word.conf >= UNSURE or (not name and lexicon.known(target)))


def _misread(text: str, target: str) -> bool:
    """`text` is no word where `target`, a known word of as many letters, stands: a letter misread."""
    return text.isalpha() and len(text) == len(target) and lexicon.known(target) and not lexicon.known(text)


def _unsure(read: tuple[str, Word], target: str, name: bool = False) -> bool:
    """The read is unsure of this word. A word with letters: it is no word where the target is a
    known one, and of the same length or read doubtfully ('Eim' for 'Elm'; 'seengteh' at no confidence
    for 'Springfield'); two known words ('Medicare', 'Medicate') are two values, however read. A word
    of digits: read doubtfully (a close rival, or a low confidence). A short word read with a close
    rival and under UNSURE where a known word far longer stands ('we' at 36 for 'Asylum') is a
    garble of it, no other value: those two words are no look-alikes of each other."""
    text, word = read
    doubtful = word.ambiguous or word.conf < UNSURE
    if name:  # no word list to say which word a name is: only the read's own doubt
        return doubtful
    if any(ch.isalpha() for ch in text + target):
        garbled = word.ambiguous and word.conf < UNSURE and len(target) - len(text) >= GARBLED_SHORTER
        if garbled and lexicon.known(target):
            return True
        return lexicon.known(target) and not lexicon.known(text) and (len(text) == len(target) or doubtful)
    return doubtful
