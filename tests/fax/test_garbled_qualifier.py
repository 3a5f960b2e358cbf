"""A caption alone on its segment whose qualifying word OCR garbled ('Hathe address'): still its caption."""

from __future__ import annotations

from parsers.fax.labels import hits_in
from parsers.fax.model import Segment
from tests.fax.test_reading_units import _words


def _hits(text: str) -> list[tuple[str, str]]:
    segment = Segment(page=1, index=0, words=tuple(_words(text)))
    return [(h.kind, text[h.start : h.end]) for h in hits_in(segment)]


def test_a_caption_alone_after_a_garbled_word_is_its_caption() -> None:
    assert _hits("Hathe address") == [("address", "address")]


def test_a_known_word_before_it_or_a_value_after_it_keeps_a_weak_caption_out() -> None:
    assert ("address", "address") not in _hits("Agency address")  # not a garbled word: another party's
    assert _hits("Hathe address 12 Main St") == []  # words after it: prose, not a caption alone
    assert _hits("Hathe Qorn address") == []  # more than one word before it


def test_a_name_caption_run_into_signature_captions_the_signature_not_a_name() -> None:
    assert all(kind != "name" for kind, _ in _hits("Ordering provider signature"))
    assert all(kind != "name" for kind, _ in _hits("Physician's Signature"))
    assert ("name", "Ordering provider") in _hits("Ordering provider Jane Doe")


def test_a_member_id_caption_with_its_id_one_letter_off_is_the_member_id() -> None:
    for caption in ("Member it", "Member iO", "Member Ip"):
        assert _hits(caption) == [("member_id", caption)], caption
    assert _hits("Members") == []  # a word, no garbled caption
