"""The band under a signature caption holds printed text only where a word lies in it: the caption
over it reaching in by a descender is the line beside it, no text in the band."""

from __future__ import annotations

from parsers.fax.model import Page, PageText, Segment, Word
from parsers.fax.signature import _text_in


def _text(*words: Word) -> PageText:
    page = Page(number=1, width=1734, height=2244, words=list(words))
    segment = Segment(1, 0, tuple(words))
    return PageText(page, [segment], [segment])


BAND = (662, 1391, 1703, 1490)


def test_a_caption_reaching_into_the_band_is_no_text_in_it() -> None:
    assert not _text_in(_text(Word("signature", 96, 800, 1355, 170, 40)), BAND)  # its 'g' reaches 1395


def test_a_printed_word_lying_in_the_band_is_text_in_it() -> None:
    assert _text_in(_text(Word("Signature", 96, 800, 1420, 170, 30)), BAND)
