"""Priority options are exclusive: a ticked routine option says the order is not urgent."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from parsers.context import ParseContext
from parsers.fax.assemble import is_urgent
from parsers.fax.extract import PageText
from parsers.fax.layout import page_segments
from parsers.fax.model import Page
from parsers.fax.priority import routine_ticked
from parsers.fax.reading import FaxRead
from tests.fax.test_checkbox import RECEIVED, _box, _line


def _priority(routine: bool, urgent_box: bool | None) -> FaxRead:
    """'Priority [x] Routine  [?] Urgent (SOC within 24 hrs)'; `urgent_box` None: no box to judge
    there (a fax's streak or dropout made it unclear)."""
    words = _line([(20, "Priority"), (160, "Routine"), (400, "Urgent"), (490, "(SOC"), (548, "within")], 80)
    page = Page(number=1, width=1734, height=2244, words=words)
    image = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(image)
    _box(draw, 115, 76, routine)
    if urgent_box is not None:
        _box(draw, 355, 76, urgent_box)
    page.image = image
    lines, segments = page_segments(page)
    text = PageText(page, lines, segments)
    ctx = ParseContext(path=Path("order.png"), sha256="0" * 64, filename="order.png", received_at=RECEIVED)
    return FaxRead(ctx=ctx, engine=None, kind="png", pages=[page], texts=[text])  # type: ignore[arg-type]


def test_a_ticked_routine_option_says_not_urgent_though_the_urgent_box_is_unclear() -> None:
    state = _priority(routine=True, urgent_box=None)
    assert routine_ticked(state.texts[0], state.pages[0].image, 204)
    assert not is_urgent(state, RECEIVED, [])


def test_an_urgent_option_ticked_beside_an_empty_routine_one_is_urgent() -> None:
    state = _priority(routine=False, urgent_box=True)
    assert not routine_ticked(state.texts[0], state.pages[0].image, 204)
    assert is_urgent(state, RECEIVED, [])


def test_an_urgency_word_with_its_r_read_as_i_is_one() -> None:
    from parsers.fax.assemble import URGENT_WORDS

    assert URGENT_WORDS.search("Priority oO Routine Uigent (SOC within 24 his)")  # a fax's r read as i
    assert not URGENT_WORDS.search("Priority: routine, no urgency")


def test_a_ticked_box_read_with_its_edge_as_a_letter_is_no_caption_word() -> None:
    """'Set up needed fX] Routine (48 hrs)': the box's glyph read 'fX]' does not join 'Routine' to the
    caption before it, so the routine option's own box is judged."""
    words = _line([(20, "Set"), (60, "up"), (95, "needed"), (112, "fX]"), (160, "Routine"), (250, "(48")], 80)
    page = Page(number=1, width=1734, height=2244, words=words)
    image = Image.new("L", (page.width, page.height), 255)
    _box(ImageDraw.Draw(image), 115, 76, True)
    lines, segments = page_segments(page)
    assert routine_ticked(PageText(page, lines, segments), image, 204)
