"""A serif I read '110' on the page and 'T10' in the second read: the I code, when its glyph is a plain bar."""

from __future__ import annotations

from parsers.fax.bar_code import bar_settled
from parsers.fax.model import Word
from tests.fax.test_reread import BAR, L_SHAPE, Canned, _state


def _second(text: str) -> list[Word]:
    return [Word(text, 77, 0, 0, 60, 20, (1,), ambiguous=True, rivals=((text[0], "I"),))]


def test_a_plain_bar_read_two_ways_is_the_i_of_the_code() -> None:
    state = _state(Canned(), "110", first_glyph=BAR)
    assert state.diagnoses[0].correction.value == "I10"
    assert bar_settled(state, state.diagnoses[0], _second("T10"))


def test_a_glyph_with_a_foot_or_reads_that_differ_elsewhere_settle_nothing() -> None:
    footed = _state(Canned(), "110", first_glyph=L_SHAPE)
    assert not bar_settled(footed, footed.diagnoses[0], _second("T10"))
    state = _state(Canned(), "110", first_glyph=BAR)
    assert not bar_settled(state, state.diagnoses[0], _second("T16"))
    assert not bar_settled(state, state.diagnoses[0], [])
    other = _state(Canned(), "296.651", first_glyph=BAR)  # Z96.651: no I code
    assert not bar_settled(other, other.diagnoses[0], _second("796.651"))
