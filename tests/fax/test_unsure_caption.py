"""A bare two-letter caption ('TO' for the order's addressee) that OCR read with next to no confidence
is a box's or mark's outline guessed at, no caption ('INITIAL [ ] REVISED' read 'INITIAL TO REVISED'
made 'REVISED' the supplier)."""

from __future__ import annotations

from dataclasses import replace

from parsers.fax.labels import hits_in
from parsers.fax.model import Segment
from tests.fax.test_reading_units import _words


def _hits(text: str, unsure: str = "") -> list[tuple[str, str]]:
    words = [replace(w, conf=2.0) if w.text == unsure else w for w in _words(text)]
    segment = Segment(page=1, index=0, words=tuple(words))
    return [(h.kind, text[h.start : h.end]) for h in hits_in(segment)]


def test_a_bare_to_read_with_no_confidence_is_no_caption() -> None:
    assert _hits("TO REVISED", unsure="TO") == []


def test_a_bare_to_read_surely_or_with_its_colon_is_the_addressee_caption() -> None:
    assert _hits("TO Northside DME Supply") == [("org", "TO")]
    assert _hits("TO: Northside DME Supply", unsure="TO:") == [("org", "TO")]
