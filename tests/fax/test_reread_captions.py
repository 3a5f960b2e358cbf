"""A caption row's garbled caption read again by the standard model, enlarged: its labels found anew."""

from __future__ import annotations

import dataclasses

import pytest
from PIL import Image

from parsers.fax import reread_captions
from parsers.fax.confirm import GAP, PAD
from parsers.fax.extract import labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import PageText, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.reading import FaxRead
from tests.fax.test_addressee import _placed as _placed_sure
from tests.fax.test_verify import _state


def _placed(rows: list[tuple[int, int, str]]) -> PageText:
    """The rows as the page read them, the garbled caption (the second row) read unsurely."""
    text = _placed_sure(rows)
    garbled = rows[1][2].split()
    words = [dataclasses.replace(w, conf=60.0) if w.text in garbled else w for w in text.page.words]
    page = dataclasses.replace(text.page, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


ROWS = [
    (100, 470, "Patient name"),
    (620, 470, "Dae of uth"),
    (110, 520, "Robert Wilson"),
    (630, 520, "02/26/49"),
]


def _read_as(*texts: tuple[str, float]) -> list[Word]:
    """Words as a crop of the garbled caption (x 620) read at SCALE shows them, in stack pixels."""
    out, left = [], 640
    for text, conf in texts:
        stack_left = round(GAP + (left - (620 - PAD)) * reread_captions.SCALE)
        out.append(Word(text, conf, stack_left, 40, 24 * len(text), 40, (1,)))
        left += 12 * len(text) + 10
    return out


def _run(monkeypatch: pytest.MonkeyPatch, words: list[Word]) -> FaxRead:
    state = _state()
    text = _placed(ROWS)
    state.texts = [text]
    state.hits = {1: labelled_hits(text)}
    page = Image.new("L", (1734, 2244), 255)
    state.prepared[1] = Prepared(page, page, 0.0)

    def fake(boxes: list[tuple[int, int, int, int]], *args: object) -> list[list[Word]]:
        return [words if box[0] >= 600 and box[1] < 500 else [] for box in boxes]

    monkeypatch.setattr(reread_captions, "read_each_alone", fake)
    reread_captions.reread_captions(state)
    return state


def test_a_garbled_caption_read_again_gives_its_label(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _run(monkeypatch, _read_as(("——", 65), ("Date", 90), ("of", 88), ("ae", 20), ("birth", 85)))
    assert "dob" in {h.kind for h in state.hits[1]}
    assert any(s.text == "Date of birth" for s in state.texts[0].segments)  # the marks and unsure words dropped


def test_a_read_again_naming_a_party_or_no_caption_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for words in (_read_as(("Physician", 90), ("name", 90)), _read_as(("Dale", 90), ("of", 90), ("bath", 90))):
        state = _run(monkeypatch, words)
        assert [s.text for s in state.texts[0].segments if s.bbox[0] >= 600 and s.bbox[1] < 500] == ["Dae of uth"]


def test_a_read_again_spanning_two_cells_is_split_where_their_values_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Gender  Medicare / Ins. ID #' read as one line: two captions, each over its own value."""
    rows = [
        (100, 470, "Patient name"),
        (620, 470, "Gendr SS Mdcre ina, De ID"),
        (110, 520, "Robert Wilson"),
        (630, 520, "Male"),
    ]
    rows += [(830, 520, "X628901326")]
    state = _state()
    text = _placed(rows)
    state.texts, state.hits = [text], {1: labelled_hits(text)}
    page = Image.new("L", (1734, 2244), 255)
    state.prepared[1] = Prepared(page, page, 0.0)
    stack = [("Gender", 620, 90.0), ("Medicare", 830, 80.0), ("Ins.", 940, 70.0), ("ID", 1000, 90.0)]
    words = [
        Word(t, c, round(GAP + (x - (620 - PAD)) * reread_captions.SCALE), 40, 24 * len(t), 40, (1,))
        for t, x, c in stack
    ]

    def fake(boxes: list[tuple[int, int, int, int]], *args: object) -> list[list[Word]]:
        return [words if box[0] == 620 else [] for box in boxes]

    monkeypatch.setattr(reread_captions, "read_each_alone", fake)
    reread_captions.reread_captions(state)
    assert [s.text for s in state.texts[0].segments if s.bbox[1] < 500 and s.bbox[0] >= 600] == [
        "Gender",
        "Medicare Ins. ID",
    ]
    assert {h.kind for h in state.hits[1]} >= {"sex", "member_id"}


def test_a_caption_read_surely_or_a_value_with_digits_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.fax.reread_captions import _unsure

    text = _placed_sure(ROWS)
    assert not any(_unsure(s) for s in text.segments)  # every word read at 95
    unsure = _placed(ROWS)
    assert [s.text for s in unsure.segments if _unsure(s)] == ["Dae of uth"]
    digits = _placed([ROWS[0], (620, 470, "02/26/49 x"), *ROWS[2:]])
    assert not any(_unsure(s) for s in digits.segments)


def test_a_caption_whose_every_letter_the_page_read_as_captions_is_not_read_again() -> None:
    """'Patient name' read unsurely, but every letter of it in a caption the page read found: a read
    again could only give those captions again (it is kept only when it captions more fields)."""
    from parsers.fax.reread_captions import _garbled_captions

    text = _placed(ROWS)
    words = [dataclasses.replace(w, conf=60.0) if w.text in ("Patient", "name") else w for w in text.page.words]
    page = dataclasses.replace(text.page, words=words)
    unsure = PageText(page, *page_segments(page))
    assert [s.text for s in _garbled_captions(unsure, labelled_hits(unsure))] == ["Dae of uth"]  # letters no caption's


def test_a_value_after_a_caption_mark_or_a_lone_glyph_is_not_read_again() -> None:
    """A caption row's segment led by a caption's end mark (': Male', the value of a caption before it)
    or with fewer than two letters (a glyph: no caption's box) is no garbled caption: not read again."""
    from parsers.fax.reread_captions import _garbled_captions

    for garbled in (": Dae of uth", "Y", "#"):
        text = _placed([ROWS[0], (620, 470, garbled), *ROWS[2:]])
        assert [s.text for s in _garbled_captions(text, labelled_hits(text))] == [], garbled
    text = _placed([ROWS[0], (620, 470, "me"), *ROWS[2:]])
    assert [s.text for s in _garbled_captions(text, labelled_hits(text))] == ["me"]  # two letters: 'Name' cut short
