"""Pooled re-reads (reread_pool.py) and the standard model as the second re-reader (models.py, reread.py)."""

from __future__ import annotations

import pytest
from PIL import Image

from parsers.fax import models
from parsers.fax.model import Word
from parsers.fax.reread import BORDER, reread_failing
from parsers.fax.reread_fields import _npi
from parsers.fax.reread_pool import Read, Reread, pooled
from tests.fax.test_reread import _hocr, _state


def _read(text: str, *rivals: tuple[str, str]) -> Reread:
    word = Word(text=text, conf=90, left=0, top=0, width=10, height=10, ambiguous=bool(rivals), rivals=rivals)
    return Reread(text, (word,))


def _npi_read(text: str) -> Read[object] | None:
    return _npi(text)


def test_a_rival_that_makes_no_valid_value_is_no_doubt() -> None:
    # '1879093437' whose 9 rivals 0: no other NPI passes the check digit
    assert pooled([_read("1879093437", ("9", "0")), _read("1879093437")], _npi_read) == "1879093437"


def test_a_failed_read_whose_rival_gives_the_value_does_not_contradict_it() -> None:
    reads = [_read("1879093437"), _read("1873093437", ("3", "9")), _read("1879093437", ("9", "0"))]
    assert pooled(reads, _npi_read) == "1879093437"
    assert pooled(reads[:2], _npi_read) is None  # one clean read is no agreement


def test_a_read_of_another_value_or_leaning_to_one_contradicts() -> None:
    assert pooled([_read("1879093437"), _read("1879093437"), _read("1753250327")], _npi_read) is None
    # fails its check, but its rival gives another valid NPI
    leaning = _read("1753250320", ("0", "7"))
    assert pooled([_read("1879093437"), _read("1879093437"), leaning], _npi_read) is None


def test_an_agreeing_read_with_a_rival_giving_another_value_neither_confirms_nor_contradicts() -> None:
    def code(text: str) -> Read[object] | None:
        return (text, True) if text in ("E0601", "F0601") else None

    doubtful = _read("E0601", ("E", "F"))
    assert pooled([doubtful, _read("E0601")], code) is None
    assert pooled([doubtful, _read("E0601"), _read("E0601")], code) == "E0601"


def test_a_doubtful_word_without_its_rivals_blocks_the_pool() -> None:
    word = Word(text="1879093437", conf=90, left=0, top=0, width=10, height=10, ambiguous=True)
    assert pooled([Reread("1879093437", (word,)), _read("1879093437")], _npi_read) is None


class Models:
    """Canned reads per model: the page's model reads `fast` in turn, the standard model `standard`."""

    name = "models"

    def __init__(self, fast: list[str], standard: list[str]) -> None:
        self.fast, self.standard = fast, standard
        self.configs: list[str] = []

    def data(self, image: Image.Image, config: str) -> dict[str, list[object]]:
        raise AssertionError("re-reads use hOCR")

    def hocr(self, image: Image.Image, config: str) -> str:
        self.configs.append(config)
        texts = self.standard if "--model standard" in config else self.fast
        return _hocr(texts.pop(0)) if texts else ""


def test_the_standard_model_re_reads_a_code_the_fast_model_leaves_open() -> None:
    engine = Models(["J44.9", "444.9"], ["J44.9", "J44.9"])
    state = _state(engine, "144.9")  # type: ignore[arg-type]
    reread_failing(state)
    assert state.diagnoses[0].correction.value == "J44.9"
    assert sum("--model standard" in c for c in engine.configs) == 2


def test_the_standard_model_is_not_asked_when_the_fast_reads_agree() -> None:
    engine = Models(["J44.9", "J44.9"], ["L44.9", "L44.9"])
    state = _state(engine, "144.9")  # type: ignore[arg-type]
    reread_failing(state)
    assert state.diagnoses[0].correction.value == "J44.9"
    assert not any("--model standard" in c for c in engine.configs)


def test_a_standard_read_of_another_code_contradicts_the_fast_one() -> None:
    engine = Models(["J44.9", "444.9"], ["J44.9", "L44.9"])
    state = _state(engine, "144.9")  # type: ignore[arg-type]
    reread_failing(state)
    assert state.diagnoses[0].correction.value is None


def test_the_model_flag_names_the_standard_model_or_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    assert models.model_of("--psm 7 -c a=b", "/own") == ("--psm 7 -c a=b", "/own")
    monkeypatch.setattr(models, "standard_tessdata", lambda: "/std")
    assert models.model_of("--psm 7 --model standard -c a=b", None) == ("--psm 7 -c a=b", "/std")
    monkeypatch.setattr(models, "standard_tessdata", lambda: None)
    assert models.model_of("--psm 7 --model standard", "/own") == ("--psm 7", "/own")


class Sized(Models):
    """Reads nothing from an image of the plain crop's size, the canned texts from any larger one."""

    def __init__(self, fast: list[str]) -> None:
        super().__init__(fast, [])
        self.sizes: list[tuple[int, int]] = []

    def hocr(self, image: Image.Image, config: str) -> str:
        self.sizes.append(image.size)
        if len(self.sizes) == 1:
            return ""
        return super().hocr(image, config)


def test_a_crop_read_as_nothing_is_read_again_with_a_white_margin() -> None:
    engine = Sized(["J44.9", "J44.9"])
    state = _state(engine, "144.9")  # type: ignore[arg-type]
    reread_failing(state)
    assert state.diagnoses[0].correction.value == "J44.9"
    (w0, h0), (w1, h1) = engine.sizes[:2]
    assert (w1 - w0, h1 - h0) == (2 * BORDER, 2 * BORDER)


J_SHAPE = [(55, 55, 57, 83), (50, 80, 57, 83)]  # a stem dropping below the line, its foot bent left


def test_a_j_the_re_reads_lost_is_taken_when_one_shows_it_and_its_pixels_are_a_j() -> None:
    from tests.fax.test_reread import BAR

    for shape, want in ((J_SHAPE, "J44.9"), (BAR, None)):
        engine = Models(["J44.9", "444.9"], ["144.9", "144.9"])
        state = _state(engine, "144.9", first_glyph=shape)  # type: ignore[arg-type]
        reread_failing(state)
        assert state.diagnoses[0].correction.value == want


def test_a_j_is_not_taken_when_no_read_shows_it_or_one_shows_another_code() -> None:
    for fast, standard in ((["144.9", "444.9"], ["144.9", "144.9"]), (["J44.9", "L44.9"], ["144.9", "144.9"])):
        state = _state(Models(fast, standard), "144.9", first_glyph=J_SHAPE)  # type: ignore[arg-type]
        reread_failing(state)
        assert state.diagnoses[0].correction.value is None
