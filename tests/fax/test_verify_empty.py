"""A name whose second read came back empty, read alone by the standard model with its underline blanked."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from parsers.fax import verify_empty
from parsers.fax.model import Candidate
from parsers.fax.preprocess import Prepared
from parsers.fax.reading import FaxRead
from tests.fax.test_verify import _cand, _state, _word

HOCR = (
    "<div class='ocr_page'><span class='ocr_line' id='line_1_1'>"
    "<span class='ocrx_word' id='word_1_1' title='bbox 36 36 160 80; x_wconf {conf}'>{text}</span></span></div>"
)


class FakeEngine:
    """Answers every hOCR call with one word, keeping the images and configs it was asked about."""

    def __init__(self, text: str, conf: int = 95) -> None:
        self.text, self.conf = text, conf
        self.images: list[Image.Image] = []
        self.configs: list[str] = []

    def hocr(self, image: Image.Image, config: str) -> str:
        self.images.append(image)
        self.configs.append(config)
        return HOCR.format(text=self.text, conf=self.conf)


def _with_page(engine: FakeEngine, *pairs: tuple[Candidate, list[str]]) -> FaxRead:
    """A page with an underline under the value's box; each candidate's second read as given."""
    state = _state(*(c for c, _ in pairs))
    state.engine = engine  # type: ignore[assignment]
    page = Image.new("L", (200, 100), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle([(20, 2), (80, 5)], fill=0)  # the foot of the caption over the name
    draw.rectangle([(30, 14), (60, 26)], fill=0)  # the name's print, in its box (10, 10, 90, 30)
    draw.line([(0, 36), (199, 36)], fill=0, width=2)  # the fill-in line under the name
    state.prepared[1] = Prepared(page, page, 0.0)
    state.second_words = {id(c): [_word(t) for t in words] for c, words in pairs}
    return state


def _found(state: FaxRead) -> dict[str, Candidate]:
    verify_empty.read_empty_names(state)
    return {c.path: c for c in state.candidates}


def test_a_name_whose_second_read_was_empty_is_confirmed_by_the_standard_models_read_alone() -> None:
    engine = FakeEngine("Miller")
    found = _found(_with_page(engine, (_cand("member.last_name", "Miller"), [])))
    assert found["member.last_name"].confirmed_by == "second_read"
    assert engine.configs and all(verify_empty.REREAD_MODEL in c for c in engine.configs)
    read = np.asarray(engine.images[0])  # the crop (10 px padded) at 2x on a 36 px margin
    assert read[36:56].min() == 255 and read[96:].min() == 255  # the caption's foot and the underline blanked
    assert read[56:96].min() == 0  # the name's print kept


def test_another_name_read_or_a_second_read_that_read_something_confirms_nothing() -> None:
    other = _found(_with_page(FakeEngine("Milner"), (_cand("member.last_name", "Miller"), [])))
    assert other["member.last_name"].confirmed_by is None
    engine = FakeEngine("Miller")
    found = _found(_with_page(engine, (_cand("member.last_name", "Miller"), ["Milier"])))
    assert found["member.last_name"].confirmed_by is None and engine.images == []


def test_no_retry_for_a_birth_date_or_an_id_whose_second_read_was_empty() -> None:
    engine = FakeEngine("W587851721")
    found = _found(_with_page(engine, (_cand("member.member_id", "W587851721"), [])))
    assert found["member.member_id"].confirmed_by is None and engine.images == []
