"""A caption opening its segment whose l OCR read as i or 1 ('Pian:' for 'Plan:'): still its caption."""

from __future__ import annotations

from parsers.fax.labels import hits_in
from parsers.fax.model import Segment
from tests.fax.test_reading_units import _words


def _hits(text: str) -> list[tuple[str, str]]:
    segment = Segment(page=1, index=0, words=tuple(_words(text)))
    return [(h.kind, text[h.start : h.end]) for h in hits_in(segment)]


def test_a_caption_with_an_l_read_as_i_before_its_colon_is_its_caption() -> None:
    assert _hits("Pian: Acme Health") == [("org", "Pian")]
    assert _hits("P1an: Acme Health") == [("org", "P1an")]


def test_a_word_or_no_colon_or_another_label_keeps_the_look_alike_out() -> None:
    assert _hits("Pian Acme Health") == []  # no colon: a word of prose or a value, not a caption
    assert _hits("Fiat: Acme Health") == []  # an English word as read ('Flat' is no caption anyway)
    assert _hits("Wiii: Acme Health") == []  # no caption however its i's are put back


def test_an_npi_caption_with_its_i_read_as_a_question_mark_is_its_caption() -> None:
    """A thin monospaced I read as '?' ('NP? : 1663298929'); the value's check digit still decides."""
    assert _hits("NP? : 1663298929") == [("npi", "NP?")]


def test_a_caption_whose_colon_ocr_read_as_a_stop_is_its_caption() -> None:
    """'Pian. Acme Health Plan': the colon read as a full stop, the l as i."""
    assert _hits("Pian. Acme Health Plan") == [("org", "Pian")]
    assert _hits("Fiat. Acme Health") == []  # an English word as read: no caption


def test_a_caption_word_ocr_split_in_two_and_garbled_is_its_caption() -> None:
    """'Atter ding: Samuel Okafor, MD' for 'Attending:'; two English words are no split caption."""
    assert _hits("Atter ding: Samuel Okafor, MD") == [("name", "Atter ding")]
    assert _hits("Good day: Samuel Okafor") == []
