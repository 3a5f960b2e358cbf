"""Codes the page read garbled past any code shape, found again on a diagnosis line (reread_lost.py)."""

from __future__ import annotations

import dataclasses

from PIL import Image

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax import codecheck
from parsers.fax.confirm import PAD
from parsers.fax.model import Page, Word
from parsers.fax.reading import FaxRead
from parsers.fax.reread_lost import reread_lost_codes
from parsers.fax.services import CodeRead
from tests.fax.test_reread import BAR, L_SHAPE, _state
from tests.fax.test_reread_pool import Models


def _line(engine: Models, suspect: str, conf: float = 55, glyph: list[tuple[int, ...]] = BAR) -> FaxRead:
    """A diagnosis line: `suspect` where the drawn glyphs are (left 50), then the code N18.4 read right of it."""
    state = _state(engine, "Ho", first_glyph=glyph)  # type: ignore[arg-type]
    word = Word(text=suspect, conf=conf, left=50, top=50, width=80, height=30, line_key=(1,))
    code = Word(text="N184", conf=90, left=200, top=50, width=80, height=30, line_key=(1,))
    state.diagnoses = [CodeRead("N184", code, 1, codecheck.correct_icd10("N184", VALIDATOR_CODE_SETS))]
    image = state.prepared[1].straight
    state.pages = [Page(number=1, width=400, height=200, image=image, words=[word, code])]
    return state


def _codes(state: FaxRead) -> list[str | None]:
    return [d.correction.value for d in state.diagnoses]


def test_an_unsure_word_on_a_diagnosis_line_that_two_re_reads_show_as_a_code_is_that_code() -> None:
    state = _line(Models(["J44.9", "J44.9"], []), "Ho")
    reread_lost_codes(state)
    assert _codes(state) == ["J44.9", "N18.4"] and id(state.diagnoses[0]) in state.confirmed_codes


def test_an_i_code_every_read_shows_with_a_leading_1_needs_a_plain_bar() -> None:
    state = _line(Models(["110", "110"], ["110", "10"]), "Ho")
    reread_lost_codes(state)
    assert _codes(state) == ["I10", "N18.4"]
    state = _line(Models(["110", "110"], ["110", "10"]), "Ho", glyph=L_SHAPE)
    reread_lost_codes(state)
    assert _codes(state) == ["N18.4"]


def test_a_surely_read_word_or_re_reads_giving_no_code_add_nothing() -> None:
    engine = Models(["J44.9", "J44.9"], [])
    state = _line(engine, "Home", conf=95)  # a known word read surely: not re-read
    reread_lost_codes(state)
    assert _codes(state) == ["N18.4"] and engine.configs == []
    state = _line(Models(["CODES", "CODES"], ["CODES", "CODES"]), "pn")
    reread_lost_codes(state)
    assert _codes(state) == ["N18.4"] and not state.findings


def test_the_sections_caption_is_not_re_read() -> None:
    engine = Models(["J44.9", "J44.9"], [])
    state = _line(engine, "Dx")
    reread_lost_codes(state)
    assert _codes(state) == ["N18.4"] and engine.configs == []


class _Sizes(Models):
    """Models that also keep the size of every crop it was given."""

    def __init__(self, fast: list[str], standard: list[str]) -> None:
        super().__init__(fast, standard)
        self.sizes: list[tuple[int, int]] = []

    def hocr(self, image: Image.Image, config: str) -> str:
        self.sizes.append(image.size)
        return super().hocr(image, config)


def test_a_garbled_word_a_streak_made_tall_is_re_read_at_its_code_lines_height() -> None:
    """'joohia' 79 pixels tall on a line of 22-pixel codes: a fax streak crossing J96.11 joined it."""
    engine = _Sizes(["J44.9", "J44.9"], [])
    state = _line(engine, "Ho")
    tall = dataclasses.replace(state.pages[0].words[0], top=20, height=90)
    state.pages[0].words[0] = tall
    reread_lost_codes(state)
    assert _codes(state) == ["J44.9", "N18.4"]
    grey = engine.sizes[0]  # the grey crop at 2x: the code's 30 pixels and the crop's margins, not 90
    assert grey[1] == (30 + 2 * PAD) * 2 and state.diagnoses[0].word.top == 50
