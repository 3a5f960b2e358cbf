"""The re-reads of one value's crop pooled: which value they agree on, if any.

A re-read is one OCR call on the crop (a model, a preprocessing, a page segmentation). Each gives
a value or none, and each of its doubtful characters (a close LSTM rival, ocr.hocr_words) is put
in its rival's place to see which other values it might have given. A value is taken when at least
two re-reads give it with no rival giving another value (clean reads), one of them without a
look-alike correction, and no read contradicts it: no read gives another value, and none that
gives no value has a rival giving another. A read whose own value is it but a rival gives another
('E0601' whose E rivals F) neither confirms nor contradicts; nor does a read of nothing. So a
rival that makes no valid value ('1879093437' whose 9 rivals 0: no NPI) is no doubt, and a read
whose check digit fails but whose rival gives the value ('1873093437', 3 rivalling 9) is no
contradiction; two clean reads still must agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from parsers.fax.model import Word

T = TypeVar("T")
Read = tuple[T, bool]  # a value, and whether it was read as it is (no look-alike changed)
MIN_AGREEING = 2


@dataclass(frozen=True)
class Reread:
    text: str | None  # None: the read found nothing
    words: tuple[Word, ...] = ()


def pooled(reads: list[Reread], read: Callable[[str], Read[T] | None]) -> T | None:
    """The one value the reads give (see the module's doc), else None."""
    judged = []
    for one in reads:
        if one.text is None:
            continue
        rivals = rival_values(one, read)
        if rivals is None:
            return None  # a doubtful character whose rivals were not kept
        judged.append((read(one.text), rivals))
    owns = {found[0] for found, _ in judged if found is not None}
    if len(owns) != 1:
        return None
    value = owns.pop()
    clean = [found for found, rivals in judged if found is not None and rivals <= {value}]
    leaning = any(found is None and not rivals <= {value} for found, rivals in judged)
    if leaning or len(clean) < MIN_AGREEING or not any(as_read for _, as_read in clean):
        return None
    return value


def rival_values(one: Reread, read: Callable[[str], Read[T] | None]) -> set[object] | None:
    """The values the read's doubtful characters would give with their rival in place (each place
    holding the chosen character, one at a time); None when a doubtful word kept no rivals or its
    chosen character is not in the text."""
    text = one.text or ""
    if any(w.ambiguous and not w.rivals for w in one.words):
        return None
    out: set[object] = set()
    for chosen, rival in {pair for w in one.words for pair in w.rivals}:
        if chosen not in text:
            return None
        for at in (i for i, ch in enumerate(text) if ch == chosen):
            found = read(text[:at] + rival + text[at + 1 :])
            if found is not None:
                out.add(found[0])
    return out


def undoubted_texts(reads: list[Reread], read: Callable[[str], Read[T] | None]) -> list[str] | None:
    """The texts of the reads that read something, when no rival of any gives a value other than its own."""
    texts = []
    for one in reads:
        if one.text is None:
            continue
        rivals = rival_values(one, read)
        own = read(one.text)
        if rivals is None or not rivals <= ({own[0]} if own is not None else set()):
            return None
        texts.append(one.text)
    return texts


def clean_texts(reads: list[Reread], read: Callable[[str], Read[T] | None]) -> list[str] | None:
    """Every read's text, when each read something and none is doubtful (undoubted_texts)."""
    texts = undoubted_texts(reads, read)
    return texts if texts is not None and len(texts) == len(reads) else None
