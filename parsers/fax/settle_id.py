"""A member id (or a date of birth) its two fast reads left unsettled, settled by two reads of the standard
model.

A member id has no check digit, nor has a date of birth: its only confirmation is the agreement of
independent reads. The fast model's second read of its crop (the grey page) often fails it for
reasons that say nothing of the id: it loses a character ('M38922419,' for M389224129, scored 0),
splits a digit into marks ('M433928//16'), keeps a doubt on one digit, or reads a speck beside it as
a letter ('xX127728160' on the page where the second read has X127728160); a date's second read may
read nothing, or agree with the page read as unsurely (the same pixels: no confirmation). The value
is then held though no sure read gives another value. Such a crop is read by the standard model
(models.py, a network trained apart from the fast one) twice, from the grey page and from the
cleaned page, each enlarged 2x, in one pass. A value is taken when:

- a standard read gives it with no doubtful character (confirm.agrees), and the other gives it too
  (its first choice, a doubt allowed), or gives no value with no rival giving one ('M433928[716': a
  mark for a digit), or reads nothing;
- one of the fast reads (the page read, or its second read, a doubt allowed) gives it too: three
  reads by two models on two preprocessings agree;
- no read lost two or more of its characters at one place (see _split_glyph: an 'H' every read but
  one took for '11');
- no fast read gives another value surely: at or over the confidence threshold with no doubtful
  character (a sure 'X244018125' on the page against 'X344018125' everywhere else is a contested
  glyph: the id stays held).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from difflib import SequenceMatcher

from parsers.fax.confirm import Region, agrees, second_reads, text_of, with_read_words
from parsers.fax.model import Candidate, Word, conf_of
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead
from parsers.fax.verify import PATH_KIND, agreement, first_text, reader_of

KINDS = {"member_id", "dob"}
SCALE = 2.0
SOURCES = ("straight", "clean")
MIN_SPLIT = 2  # characters a read lost at one place where the others may have split one glyph


def settle_ids(state: FaxRead) -> None:
    """Confirm each unconfirmed id the standard model's two reads settle (see the module)."""
    open_ids = [c for c in state.candidates if _open(state, c)]
    if not open_ids:
        return
    regions = [Region(f"s{src}{i}", c.page, c.bbox, SCALE, src) for i, c in enumerate(open_ids) for src in SOURCES]
    reads = second_reads(regions, state.page_images(*SOURCES), state.engine, REREAD_MODEL)
    settled = {}
    for i, cand in enumerate(open_ids):
        found = settled_by(state, cand, [reads.get(f"s{src}{i}", []) for src in SOURCES])
        if found is not None:
            settled[id(cand)] = found
    state.candidates = [settled.get(id(c), c) for c in state.candidates]


def _open(state: FaxRead, cand: Candidate) -> bool:
    return cand.confirmed_by is None and PATH_KIND.get(cand.path) in KINDS and cand.page in state.prepared


def settled_by(state: FaxRead, cand: Candidate, standard: list[list[Word]]) -> Candidate | None:
    """The candidate confirmed with the value the `standard` reads settle (standard_value), when a fast
    read gives it too and none gives another value surely; else None."""
    value, sure = standard_value(cand, standard)
    if value is None or sure is None:
        return None
    reader, threshold = reader_of(cand), state.ctx.ocr_confidence_threshold
    second = state.second_words.get(id(cand), [])
    page_gives = cand.value == value
    second_gives = bool(second) and agrees(value, second, reader, doubt_allowed=True)
    shown = next(text_of(words) for words in standard if words and agrees(value, words, reader))
    if not (page_gives or second_gives) or _split_glyph(shown, [first_text(cand), text_of(second)]):
        return None
    if not page_gives and cand.conf >= threshold:
        return None  # the page read surely gives another value
    if not second_gives and _surely_other(cand, second, threshold):
        return None
    if page_gives:
        return dataclasses.replace(cand, confirmed_by="second_read", second_conf=sure)
    other = dataclasses.replace(cand, value=value)
    words = next(words for words in standard if words)
    return with_read_words(other, words, confirmed_by="second_read", second_conf=sure)


def standard_value(cand: Candidate, standard: list[list[Word]]) -> tuple[object | None, float | None]:
    """The value one standard read gives with no doubtful character, and that read's confidence, when
    every other standard read gives it too (a doubt allowed: its first choice is the value) or gives
    no value at all with no rival giving one (a mark read for a digit, 'M433928[716'); else None."""
    reader = reader_of(cand)
    own = {reader(text_of(words)) for words in standard if words} - {None}
    if len(own) != 1:
        return None, None
    value = own.pop()
    sure = [conf_of(words) for words in standard if words and agrees(value, words, reader)]
    if not sure or not all(_gives_or_garbled(value, words, reader) for words in standard):
        return None, None
    return value, max(sure)


def _gives_or_garbled(value: object, words: list[Word], reader: Callable[[str], object | None]) -> bool:
    """The read's first choice gives `value`, or it gives no value and no rival of it gives one."""
    if not words:
        return True
    if any(w.ambiguous and not w.rivals for w in words):
        return False  # a doubtful character whose rivals were not kept: it may give any value
    text = text_of(words)
    if reader(text) is not None:
        return reader(text) == value
    return not any(
        reader(text[:at] + rival + text[at + 1 :]) is not None
        for chosen, rival in {pair for w in words for pair in w.rivals}
        for at in (i for i, ch in enumerate(text) if ch == chosen)
    )


def _split_glyph(value: str, texts: list[str]) -> bool:
    """A read lost two or more characters of the value (as a standard read shows it: a date's printed
    digits, not its ISO form) at one place ('941263720' where the others read
    '11941263720'): there the others may have read one wide glyph as two narrow ones (an 'H' as '11',
    which every read may repeat); a single character lost ('116681511' for H116681511) is a glyph
    lost, no such doubt."""
    want = [ch for ch in value.upper() if ch.isalnum()]
    for text in texts:
        got = [ch for ch in text.upper() if ch.isalnum()]
        ops = SequenceMatcher(None, want, got, autojunk=False).get_opcodes()
        if text and any((i2 - i1) - (j2 - j1) >= MIN_SPLIT for _, i1, i2, j1, j2 in ops):
            return True
    return False


def _surely_other(cand: Candidate, second: list[Word], threshold: float) -> bool:
    """The second read gives another value of the kind, surely (no doubtful character, at or over the
    threshold)."""
    found = reader_of(cand)(text_of(second)) if second else None
    if found is None:
        return False
    sure = agreement(dataclasses.replace(cand, value=found), second)
    return sure is not None and sure >= threshold
