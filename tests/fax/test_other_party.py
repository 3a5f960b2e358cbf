"""A value another party's caption owns is not taken for this one's: a bare 'Fax' in an agency's block,
the number right of another caption on the next row, an NPI run into an organisation's name."""

from __future__ import annotations

from parsers.fax.values import read_org
from tests.fax.test_roles import _cells, _found


def test_a_bare_fax_in_an_addressees_block_is_not_the_orderers() -> None:
    """A letter's addressee block: the agency's name, its 'Attn' line, its NPI and its fax."""
    text = _cells(
        [
            (340, [(102, "Alan Brooks, MD"), (398, "Agency: Bayview Home Health Services")]),
            (387, [(398, "Attn Home Health Intake")]),
            (430, [(398, "Agency NPI 1466953548")]),
            (473, [(398, "Fax 1-866-555-0142")]),
        ]
    )
    assert "ordering_provider.fax" not in _found(text)


def test_a_bare_fax_under_the_physicians_row_stays_the_orderers() -> None:
    """Another party's caption heads the column, but the physician's row lies between: a new block."""
    text = _cells(
        [
            (400, [(124, "Member no W669223699"), (1008, "Payer Summit Advantage")]),
            (670, [(124, "Physician name Alan Brooks, MD")]),
            (719, [(124, "Telephone (203)555-6031"), (1008, "Fax 203-555-6487")]),
        ]
    )
    assert _found(text)["ordering_provider.fax"] == "2035556487"


def test_a_number_right_of_another_caption_on_the_next_row_is_not_a_fax_below() -> None:
    """'Fax' with a speck after it (read '4'): the number under it is the agency's NPI, on its own row."""
    text = _cells(
        [
            (656, [(116, "Callback # 203-555-6307"), (881, "Fax 4")]),
            (
                720,
                [(115, "Accepting Agency"), (407, "Northside DME Supply"), (880, "Agency NPI"), (1172, "1663691727")],
            ),
        ]
    )
    assert "ordering_provider.fax" not in _found(text)


def test_an_organisations_name_holds_no_long_number() -> None:
    assert read_org("NPT 1466953548") is None  # an NPI run in, its caption misread
    assert read_org("Route 66 Home Medical") is not None


def test_a_fax_heading_a_column_of_the_physicians_table_stays_the_orderers() -> None:
    """A contact's role word read as a caption ('Emergency') above the physicians' table: the table's
    caption row ('PHYSICIAN ... FAX') heads the fax column, a block of its own."""
    text = _cells(
        [
            (1006, [(112, "Friend Evelyn Garcia"), (1233, "Emergency")]),
            (1140, [(111, "ROLE"), (376, "PHYSICIAN"), (764, "NPI"), (1029, "PHONE"), (1335, "FAX")]),
            (1193, [(110, "Attending"), (375, "Alan Brooks, MD"), (766, "1472788524"), (1336, "860-555-2747")]),
        ]
    )
    assert _found(text).get("ordering_provider.fax") == "8605552747"
