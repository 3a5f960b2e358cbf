"""Reads by the standard model (models.py) after the second read: a weak value lifted, a misread page read replaced.

Tesseract's fast model often gives a clear value a low word confidence ('860.555.9240' read right
at 34 on the page and at 0 in its second read), and such a value, though two reads agreed, would be
held as `low_confidence`. Its crop (the grey page, enlarged) is read once more by the standard
English model, a model trained apart from the fast one: when that read gives the same value with
no doubtful character (confirm.agrees), or the same letters and digits run for run with only its
punctuation read otherwise ('860.555,9240'), its confidence counts as the second read's where
higher (standard_read: it lifts confidence, it never confirms).

A value whose page read is a misread of what its second read shows ('Springfielc' for
'Springfield', 'W73024872]' for 'W730248721') is read by the standard model too, and the second
read's value is taken when that read agrees with it (misread_page_read). A misread a letter short or
long counts too ('Springfeld', 'Springheld' for 'Springfield'), a rival making no word is no doubt
in the second read, and a speck it read as a lone mark between the words is none of them. When the
standard model reads the whole crop otherwise ('4990 Em St'), the misread words alone are read by it.
"""

from __future__ import annotations

import dataclasses
from difflib import SequenceMatcher

from PIL import Image

from parsers.fax import lexicon
from parsers.fax.confirm import Region, nonword, second_reads, text_of, with_read_words
from parsers.fax.extract import READERS
from parsers.fax.lexicon import EDGE
from parsers.fax.model import Candidate, Word, bbox_of, conf_of
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.record_builder import confidence, reads_confidence
from parsers.fax.verify import (
    LINE_SEP,
    NAME_PART,
    PATH_KIND,
    WORD_LIST_KINDS,
    agreement,
    first_text,
    only_punctuation_differs,
)

SCALE = 2.0


def standard_read(state: FaxRead) -> None:
    """Read each confirmed but weakly read value once more with the standard model."""
    lift_weak(state, "straight", SCALE)


def lift_weak(state: FaxRead, source: str, scale: float) -> None:
    """Read each confirmed value still weakly read from the page's `source` image ('straight': the
    grey page straightened; 'clean': the cleaned page) with the standard model; a read that agrees
    lifts its confidence. Values weak only because their agreeing reads were each unsure
    (record_builder.unsure_reads_only) are read in a stack of their own: the others' crops read as
    they did without them (layout analysis runs neighbouring crops of one stack together)."""
    threshold = state.ctx.ocr_confidence_threshold
    weak = [c for c in state.candidates if _weak(state, c)]
    if not weak:
        return
    pick = (lambda p: p.straight) if source == "straight" else (lambda p: p.ocr_image)
    images = {(number, source): pick(p) for number, p in state.prepared.items()}
    lifted: dict[int, float] = {}
    for group in (
        [c for c in weak if reads_confidence(c) < threshold],
        [c for c in weak if reads_confidence(c) >= threshold],
    ):
        regions = [Region(f"w{i}", c.page, c.bbox, scale, source) for i, c in enumerate(group)]
        reads = second_reads(regions, images, state.engine, REREAD_MODEL) if regions else {}
        lifted |= {id(c): conf for i, c in enumerate(group) if (conf := _agrees(c, reads.get(f"w{i}", []))) is not None}
    state.candidates = [_lifted(c, lifted.get(id(c))) for c in state.candidates]


def _weak(state: FaxRead, cand: Candidate) -> bool:
    """A confirmed value from an image (a critical one, or the sex its re-reads agreed on) whose
    confidence is under the threshold."""
    threshold = state.ctx.ocr_confidence_threshold
    return (
        cand.path in PATH_KIND
        and cand.confirmed_by is not None
        and cand.page in state.prepared
        and confidence(cand, threshold) < threshold
    )


def _agrees(cand: Candidate, words: list[Word]) -> float | None:
    """The read's lowest word confidence (0..1) when it gives the value with no doubtful character,
    or differs from the page read only in punctuation ('860.555,9240'); else None."""
    found = agreement(cand, words)
    if found is None and words and only_punctuation_differs(cand, words):
        found = conf_of(words)
    return found


def _lifted(cand: Candidate, conf: float | None) -> Candidate:
    if conf is None or conf <= (cand.second_conf or 0.0):
        return cand
    return dataclasses.replace(cand, second_conf=conf)


def misread_page_read(state: FaxRead) -> None:
    """A value whose page read is a misread of its second read: an organisation's or address's
    words (lexicon.misread the other way round: 'Springfielc' where the second read has
    'Springfield'), or any value but a name or an NPI (which has its check digit) with a stray mark
    where the second read has a letter or digit (_damaged). With the second read giving a value and
    no doubtful character, the standard model reads the crop (grey, 2x); when it gives the second
    read's value with no doubtful character, that value is taken, confirmed by those two reads (the
    page read, a misread of the same words, neither agrees nor contradicts)."""
    misread = {id(c): words for c in state.candidates if (words := _misread_by_page(state, c)) is not None}
    if not misread:
        return
    chosen = [c for c in state.candidates if id(c) in misread]
    regions = [Region(f"m{i}", c.page, c.bbox, SCALE, "straight") for i, c in enumerate(chosen)]
    images = state.page_images("straight")
    reads = second_reads(regions, images, state.engine, REREAD_MODEL)
    agreed = {id(c): agreement(_as_read(c, misread[id(c)]), reads.get(f"m{i}", [])) for i, c in enumerate(chosen)}
    agreed |= _misread_words([c for c in chosen if agreed[id(c)] is None], misread, images, state)
    taken = {}
    for cand in chosen:
        conf = agreed.get(id(cand))
        if conf is not None:
            second = _as_read(cand, misread[id(cand)])
            taken[id(cand)] = dataclasses.replace(second, confirmed_by="second_read", second_conf=conf)
    state.candidates = [taken.get(id(c), c) for c in state.candidates]


def _misread_words(
    chosen: list[Candidate], misread: dict[int, list[Word]], images: dict[tuple[int, str], Image.Image], state: FaxRead
) -> dict[int, float]:
    """Organisations and addresses whose whole crop the standard model read otherwise: the page read's
    words that differ from the second read's ('Springheld,'), on one line, read alone by the standard
    model (grey, 2x). When that read shows the second read's words exactly, with no doubt, every word
    of the value is read alike by two reads (the others by the page read and the second read)."""
    spans = {id(c): span for c in chosen if (span := _differing(c, misread[id(c)])) is not None}
    spanned = [c for c in chosen if id(c) in spans]
    regions = [Region(f"w{i}", c.page, bbox_of(spans[id(c)][0]), SCALE, "straight") for i, c in enumerate(spanned)]
    reads = second_reads(regions, images, state.engine, REREAD_MODEL) if regions else {}
    out = {}
    for i, cand in enumerate(spanned):
        words, want = reads.get(f"w{i}", []), spans[id(cand)][1]
        shown = [w.text.strip(EDGE) for w in words]
        if words and shown == [w.text.strip(EDGE) for w in want] and not _doubtful(words, "org"):
            out[id(cand)] = conf_of(words)
    return out


def _differing(cand: Candidate, second: list[Word]) -> tuple[list[Word], list[Word]] | None:
    """(page words, second read's words) where the two reads differ, word for word, when on one line."""
    page = list(cand.words)
    if PATH_KIND[cand.path] not in WORD_LIST_KINDS or len(page) != len(second):
        return None
    at = [i for i, (a, b) in enumerate(zip(page, second, strict=True)) if a.text != b.text]
    if not at or len({page[i].line_key for i in at}) != 1:
        return None
    return [page[i] for i in at], [second[i] for i in at]


def _misread_by_page(state: FaxRead, cand: Candidate) -> list[Word] | None:
    """The second read's words, when the page read is a misread of them and they give a value."""
    kind = PATH_KIND.get(cand.path)
    words = [w for w in state.second_words.get(id(cand), []) if kind not in WORD_LIST_KINDS or not _speck(w)]
    if not words or cand.confirmed_by is not None or kind is None or kind in ("name", NAME_PART, "npi"):
        return None
    if kind in WORD_LIST_KINDS:
        words = _without_stray(words, sum(1 for w in cand.words if not _speck(w)))
        if any(lexicon.near_miss(w.text) for w in words):
            return None  # the second read misreads a word too ('Heaith' as the page has it): no value to take
    second, page = text_of(words), first_text(cand)
    misread = kind in WORD_LIST_KINDS and (lexicon.misread(second, page) or near_misread(second, page))
    if _doubtful(words, kind) or not (misread or _damaged(page, second)):
        return None
    return words if _read_value(cand.path, words) is not None else None


STRAY_CONF = 30  # a word of a letter or two read under this (0..100) that the page read has no word for
STRAY_LETTERS = 2


def _without_stray(words: list[Word], page_count: int) -> list[Word]:
    """The second read's words less the strays it read from a speck ('Lane Lo Springfield', 'Lo' at 17),
    when it holds more words than the page read and dropping exactly those makes as many."""
    kept = [w for w in words if not (w.conf < STRAY_CONF and len(w.text.strip(EDGE)) <= STRAY_LETTERS)]
    return kept if len(words) > page_count and len(kept) == page_count else words


def _speck(word: Word) -> bool:
    """A lone mark read between an organisation's or address's words ('Lane ‘ Springfield'): a speck."""
    return not any(ch.isalnum() for ch in word.text)


NEAR = 0.8  # difflib's ratio of a misread word to the known word it stands for, at least


def near_misread(first: str, second: str) -> bool:
    """True when `second` reads the same words as `first` but for misread ones a letter short or long
    ('Springfeld', 'Springheld' for 'Springfield'): where they differ, word for word, `first` has a
    known word and `second` no word, one letter longer or shorter and near it (NEAR)."""
    a, b = first.split(), second.split()
    if len(a) != len(b) or a == b:
        return False
    return all(x == y or _near_word(x, y) for x, y in zip(a, b, strict=True))


def _near_word(word: str, read: str) -> bool:
    core, other = word.strip(EDGE), read.strip(EDGE)
    close = abs(len(core) - len(other)) <= 1 and SequenceMatcher(None, core, other).ratio() >= NEAR
    return close and lexicon.known(word) and not lexicon.known(read)


def _doubtful(words: list[Word], kind: str) -> bool:
    """A character of the read had a strong rival, unless (for words checked against the word list)
    each of its rivals turns a known word into no word ('Springfield' whose 'd' rivals 'a')."""
    if kind not in WORD_LIST_KINDS:
        return any(w.ambiguous for w in words)
    return any(
        w.ambiguous and (not w.rivals or not all(nonword(w.text, *pair, lexicon.known) for pair in w.rivals))
        for w in words
    )


def _damaged(page: str, second: str) -> bool:
    """The page read holds, where the second read has a letter or digit, a character no letter or
    digit ('W73024872]' for 'W730248721': the last 1 read as a bracket), and is the same elsewhere."""
    page, second = page.replace(" ", ""), second.replace(" ", "")  # '_ 1/19/2026': a mark read as a word
    if len(page) != len(second) or page == second:
        return False
    return all(a == b or _stray(a, b) for a, b in zip(page, second, strict=True))


def _stray(mark: str, char: str) -> bool:
    """`mark` (no letter, digit or space) stands where `char` (a letter or digit) was."""
    return not mark.isalnum() and not mark.isspace() and char.isalnum()


def _as_read(cand: Candidate, words: list[Word]) -> Candidate:
    """The candidate with the second read's value, words and confidence in place of the page read's."""
    return with_read_words(cand, words, value=_read_value(cand.path, words))


def _read_value(path: str, words: list[Word]) -> object | None:
    found = READERS[PATH_KIND[path]](text_of(words, LINE_SEP.get(path, " ")))
    return found.value if found is not None else None
