"""A service table's head: the item and count captions real forms print, and columns holding no count."""

from __future__ import annotations

import pytest

from parsers.fax.services import service_reads
from parsers.fax.table_head import SERVICE_HEAD
from referrals.codes import NO_CODE_SETS
from tests.fax.test_grid import _page as _placed_page


@pytest.mark.parametrize(
    "head",
    [
        "Item(s) Ordered   Qty Ordered",
        "Equipment   Amount",
        "Supplies   No. of Units",
        "Product   Units/Visits",
        "Description of Item   Quantity Dispensed",
        "Items   Frequency",
    ],
)
def test_item_and_count_captions_head_a_service_table(head: str) -> None:
    assert SERVICE_HEAD.search(head)


@pytest.mark.parametrize("line", ["Equipment: E0260 (hospital bed) Qty 2", "Item(s): walker qty 1", "Supplies"])
def test_a_field_caption_with_its_value_or_an_item_word_alone_is_no_head(line: str) -> None:
    assert not SERVICE_HEAD.search(line)


def _services(head: list[tuple[str, int]], row: list[tuple[str, int]]) -> list[tuple[str, int | None]]:
    text = _placed_page([(t, x, 836, None) for t, x in head] + [(t, x, 900, None) for t, x in row])
    return [(s.code.correction.value, s.quantity) for s in service_reads(text, NO_CODE_SETS)]


@pytest.mark.parametrize("caption", ["Qty Ordered", "Quantity Dispensed", "No. of Units", "Units/Visits", "Amount"])
def test_a_count_caption_of_several_words_heads_the_quantity_column_across_all_its_words(caption: str) -> None:
    head = [("Item(s) Ordered", 117), ("HCPCS", 600), (caption, 900), ("Frequency", 1300)]
    row = [("wheelchair cushion", 117), ("E2601", 600), ("2", 900 + 12 * len(caption) - 12), ("daily", 1300)]
    assert _services(head, row) == [("E2601", 2)]


@pytest.mark.parametrize("frequency", ["2", "2/wk", "3x/week"])
def test_a_number_under_a_frequency_or_duration_caption_is_never_a_quantity(frequency: str) -> None:
    head = [("Description", 117), ("HCPCS", 600), ("Frequency", 900), ("Duration", 1200)]
    row = [("skilled nursing visit", 117), ("G0299", 600), (frequency, 910), ("9", 1210)]
    assert _services(head, row) == [("G0299", None)]


def test_a_quantity_column_beside_a_frequency_one_gives_its_own_number() -> None:
    head = [("Supplies", 117), ("HCPCS", 600), ("Frequency", 900), ("Qty", 1200)]
    row = [("test strips", 117), ("A4253", 600), ("4", 910), ("100", 1200)]
    assert _services(head, row) == [("A4253", 100)]


@pytest.mark.parametrize("amount", ["$125", "125.00"])
def test_a_charge_under_an_amount_caption_is_no_quantity(amount: str) -> None:
    head = [("Equipment", 117), ("HCPCS", 600), ("Amount", 900)]
    row = [("walker", 117), ("E0143", 600), (amount, 900)]
    assert _services(head, row) == [("E0143", None)]


@pytest.mark.parametrize("head", ["ITEMS ORDERED", "Equipment ordered", "Supplies Ordered"])
def test_a_written_orders_items_ordered_heading_heads_a_service_table(head: str) -> None:
    """A standard written order's section heading over its items table, whose own column captions
    OCR may garble ('NePCS', 'Remdescripton')."""
    assert SERVICE_HEAD.search(head)
    assert not SERVICE_HEAD.search(f"{head}: wheelchair")
