"""Codes the page read garbled past any code shape, found again on a diagnosis line (reread_lost.py)."""

from __future__ import annotations

from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax import codecheck
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
