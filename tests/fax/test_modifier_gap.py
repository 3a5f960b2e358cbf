"""A modifier-shaped mark no reading gives, where the row's modifier stands, leaves the line open."""

from __future__ import annotations

from parsers.fax import codecheck
from parsers.fax.model import Segment, Word
from parsers.fax.modifier_gap import modifier_unread
from parsers.fax.services import CodeRead, ServiceRead
from parsers.fax.table_head import Columns


def _row(*texts: str, modifiers: list[str], columns: Columns | None = None) -> ServiceRead:
    words = tuple(Word(t, 90.0, 100 + 120 * i, 500, 12 * len(t), 25) for i, t in enumerate(texts))
    code = CodeRead(texts[0], words[0], 1, codecheck.Correction(texts[0], False, (texts[0],)))
    return ServiceRead(code, modifiers, 1, None, None, Segment(1, 0, words), columns)


def test_an_unknown_modifier_after_the_code_is_unread() -> None:
    assert modifier_unread(_row("E0260", "RA", "Hospital", "bed", modifiers=[]))  # RR with an R read as A


def test_an_unknown_modifier_under_the_modifier_caption_is_unread() -> None:
    columns = Columns(modifier=(330, 380))
    assert modifier_unread(_row("E1390", "1", "RF", "Oxygen", modifiers=[], columns=columns))


def test_a_known_modifier_or_a_description_after_the_code_is_no_gap() -> None:
    assert not modifier_unread(_row("E0260", "RR", "Hospital", "bed", modifiers=["RR"]))
    assert not modifier_unread(_row("E1390", "Oxygen", "concentrator", modifiers=[]))
    assert not modifier_unread(_row("E1390", "O2", "concentrator", modifiers=[]))


def test_a_garbled_mark_under_the_modifier_caption_leaves_the_line_open() -> None:
    columns = Columns(modifier=(220, 260))  # over the word after the code
    assert modifier_unread(_row("A7030", "«NU", "Full", "face", "mask", modifiers=[], columns=columns))
    assert modifier_unread(_row("A7030", "0", "Full", "face", "mask", modifiers=[], columns=columns))  # a speck
    assert not modifier_unread(_row("E1390", "Mod", "RR", modifiers=["RR"], columns=columns))  # a caption in the row


def test_a_modifier_with_marks_glued_to_it_leaves_the_line_open() -> None:
    columns = Columns(modifier=(220, 260))  # over the word after the code
    assert modifier_unread(_row("A7030", "©=NU", "Full", "face", "mask", modifiers=[], columns=columns))
    assert modifier_unread(_row("A7030", "=—-NU", "Full", "face", "mask", modifiers=[]))  # no caption: after the code
    assert not modifier_unread(_row("A7030", "NU", "Full", "face", modifiers=["NU"]))
    assert not modifier_unread(_row("E0601", "(RR)", "CPAP", modifiers=["RR"]))
    assert not modifier_unread(_row("E0601", "CPAP-device", "1", modifiers=[]))  # a description's word
