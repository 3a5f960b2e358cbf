"""A bare 'Date' caption whose qualifying word OCR lost, read again from the ink before it (lost_qualifier.py)."""

from __future__ import annotations

from PIL import Image, ImageDraw

from parsers.fax.lost_qualifier import reread_lost_qualifiers
from parsers.fax.model import Page, Word
from parsers.fax.preprocess import Prepared
from parsers.fax.reading import FaxRead
from tests.fax.test_reread import tiff_read


def _hocr(*words: tuple[str, float]) -> str:
    spans = "".join(
        f"<span class='ocrx_word' id='word_1_{i}' title='bbox {10 + 90 * i} 5 {90 + 90 * i} 35; x_wconf {conf}'>"
        f"{text}</span>"
        for i, (text, conf) in enumerate(words)
    )
    return f"<span class='ocr_line' id='line_1_1' title=\"bbox 0 0 400 40\">{spans}</span>"


class Engine:
    """hOCR of one canned line, and every config it was asked for."""

    name = "canned"

    def __init__(self, *words: tuple[str, float]) -> None:
        self.words, self.configs = words, list[str]()

    def data(self, image: Image.Image, config: str) -> dict[str, list[object]]:
        raise AssertionError("the lost word is read as hOCR")

    def hocr(self, image: Image.Image, config: str) -> str:
        self.configs.append(config)
        return _hocr(*self.words)


def _state(engine: Engine, ink: bool = True) -> FaxRead:
    """'date: 2026-11-18' at left 274, and (with `ink`) a word's worth of ink left of it."""
    state = tiff_read(engine)
    image = Image.new("L", (800, 200), 255)
    if ink:
        ImageDraw.Draw(image).rectangle((150, 62, 255, 80), fill=0)
    state.prepared[1] = Prepared(image, image, 0.0)
    words = [Word("date:", 96, 274, 59, 75, 25, (7, 1, 1)), Word("2026-11-18", 96, 363, 59, 173, 25, (7, 1, 1))]
    state.pages = [Page(number=1, width=800, height=200, image=image, words=words)]
    return state


def _texts(state: FaxRead) -> list[str]:
    return [w.text for w in state.pages[0].words]


def test_the_word_a_streak_made_ocr_lose_before_a_bare_date_caption_is_put_back() -> None:
    state = _state(Engine(("Referral", 95), ("date:", 96)))
    reread_lost_qualifiers(state)
    assert _texts(state) == ["Referral", "date:", "2026-11-18"]
    lost = state.pages[0].words[0]
    assert (lost.left, lost.right, lost.line_key) == (150, 270, (7, 1, 1))


def test_no_ink_no_read_and_an_unsure_or_unknown_word_is_not_put_back() -> None:
    engine = Engine(("Referral", 95), ("date:", 96))
    state = _state(engine, ink=False)
    reread_lost_qualifiers(state)
    assert _texts(state) == ["date:", "2026-11-18"] and engine.configs == []
    for read in (("Referral", 60), ("Rcfcrral", 95)):
        state = _state(Engine(read, ("date:", 96)))
        reread_lost_qualifiers(state)
        assert _texts(state) == ["date:", "2026-11-18"], read
