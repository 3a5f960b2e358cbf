"""A service row whose code crops both left it in doubt: the page read's code, when the re-reads a
failing code cell gets agree on it; and a re-read of a code run into its modifier ('E0260RR')."""

from __future__ import annotations

from parsers.fax.reread import _procedure
from parsers.fax.reread_outvoted import doubted, reread_outvoted
from referrals.codes import NO_CODE_SETS
from tests.fax.test_reread import Canned, _service_state


def test_a_row_whose_crops_show_no_code_is_confirmed_by_re_reads_of_the_page_code() -> None:
    state = _service_state(Canned("E0260", "E0260"), "E0260 1 RR hospital bed", "Code Qty Mod Description")
    row = state.services[0]
    found = doubted(row, [None, None], [1, 1])
    assert found == ("E0260", 1)
    state.outvoted[id(row)] = found
    reread_outvoted(state)
    assert state.confirmed_rows[id(row)] == ("E0260", 1)


def test_a_crop_showing_a_code_or_a_quantity_against_the_page_is_no_doubt_to_settle() -> None:
    state = _service_state(Canned(), "E0260 1 RR hospital bed", "Code Qty Mod Description")
    row = state.services[0]
    assert doubted(row, ["E0250", None], [1, 1]) is None
    assert doubted(row, [None, None], [2, None]) is None
    assert doubted(row, [None, None], [None, None]) is None


def test_re_reads_of_another_code_confirm_no_doubted_row() -> None:
    state = _service_state(Canned("E0250", "E0250"), "E0260 1 RR hospital bed", "Code Qty Mod Description")
    row = state.services[0]
    state.outvoted[id(row)] = ("E0260", 1)
    reread_outvoted(state)
    assert not state.confirmed_rows


def test_a_code_re_read_run_into_its_modifier_is_the_code() -> None:
    assert _procedure("E0260RR", NO_CODE_SETS) == ("E0260", True)
    assert _procedure("E0260ZZ", NO_CODE_SETS) is None  # no modifier: seven characters are no code
