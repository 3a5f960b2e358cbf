"""A modifier joined to its code ('E0260-RR') that is no modifier an order prints ('E0260-2R'): a misread,
and a line with a wrong modifier is a wrong line: left for a person with a finding, never given."""

from __future__ import annotations

from parsers.fax import codecheck
from parsers.fax.assemble import services
from parsers.fax.model import Page, Segment, Word
from parsers.fax.record_builder import Builder
from parsers.fax.services import CodeRead, rest_of_row
from tests.fax.test_verify import _state


def _lines(token: str) -> tuple[list[str], list[str]]:
    state = _state()
    state.pages = [Page(number=1, width=1734, height=2244, text_layer=True)]
    code_word, qty = Word(token, 95, 100, 100, 120, 22, (1,)), Word("1", 95, 260, 100, 12, 22, (1,))
    head, _, tail = token.partition("-")
    code = CodeRead(head, code_word, 1, codecheck.Correction(head, False, (head,), in_code_set=True))
    state.services = [rest_of_row(code, [tail], [qty], Segment(1, 0, (code_word, qty)))]
    found = services(Builder(state))
    return [f"{s.code}{s.modifiers}" for s in found], [f.code for f in state.findings]


def test_a_code_joined_to_no_known_modifier_gives_no_service_line() -> None:
    assert _lines("E0260-2R") == ([], ["service_line_unreadable"])
    assert _lines("E0260-RR") == (["E0260['RR']"], [])
