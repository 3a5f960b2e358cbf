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


def _split_head_page() -> list[tuple[str, int, int, int]]:
    """A drug's row under a ruled head whose 'Dose' and 'Qty' cells OCR read with boxes taller than
    the other captions' (their cell's rules taken in) and, specks before them, as a line of its own."""
    head = [("Medication", 116, 837, 18), ("HCPCS", 726, 836, 18), ("Route", 1113, 837, 16)]
    head += [("Frequency", 1255, 836, 22)]
    split = [("~", 368, 815, 4), ("~", 477, 816, 3), ("Dose", 918, 810, 52), ("Qty", 1375, 810, 52)]
    row = [("ampicillin", 117, 993, 20), ("500", 239, 994, 20), ("mg", 294, 998, 20), ("J0290", 727, 994, 20)]
    row += [("500", 930, 993, 20), ("IV", 1114, 993, 20), ("q6h", 1255, 992, 20), ("6", 1479, 992, 20)]
    return [*head, *split, *row]


def test_captions_ocr_split_off_the_head_into_a_line_of_their_own_still_name_its_columns() -> None:
    """'Dose' and 'Qty' read as a line over the head's other captions: their boxes span the head's
    middle, so they are its captions; the count is the number under 'Qty', not the dose under 'Dose'."""
    from parsers.fax.layout import page_segments
    from parsers.fax.model import Page, PageText, Word

    words = [Word(t, 95.0, x, y, 11 * len(t), h) for t, x, y, h in _split_head_page()]
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    assert any(line.text.startswith("Medication") and "Qty" not in line.text for line in lines)  # split
    reads = list(service_reads(PageText(page, lines, segments), NO_CODE_SETS))
    assert [(r.code.correction.value, r.quantity) for r in reads] == [("J0290", 6)]


@pytest.mark.parametrize("caption", ["Qy", "Qr", "Qiy", "ay", "ary"])
def test_a_quantity_caption_ocr_garbled_to_a_q_and_a_letter_or_two_still_heads_the_count(caption: str) -> None:
    """'Qty' as a fax's small bold head comes as 'Qy' or 'Qr': no word of a head but the count's starts
    so; the number under it is the count, not the dose before it."""
    text = _placed_page(
        [
            ("Medication", 117, 836, None),
            ("HCPCS", 726, 836, None),
            ("Route", 1113, 836, None),
            (caption, 1479, 836, None),
            ("ampicillin", 117, 915, None),
            ("J0290", 727, 915, None),
            ("500", 930, 915, None),
            ("IV", 1114, 915, None),
            ("9", 1479, 915, None),
        ]
    )
    assert [(r.code.correction.value, r.quantity) for r in service_reads(text, NO_CODE_SETS)] == [("J0290", 9)]


@pytest.mark.parametrize("count_caption", ["QTY (30 DAYS)", "Ty (30 DAYS)"])  # its QTY garbled, or not
def test_a_units_per_day_column_holds_no_count(count_caption: str) -> None:
    """'UNITS / DAY' is a rate (an enteral kit, 1 a day): the line's count is under 'QTY (30 DAYS)', or
    unknown when that caption is garbled, never the rate."""
    head = [("HCPCS", 98), ("MOD", 260), ("DESCRIPTION", 420), ("UNITS / DAY", 1060), (count_caption, 1300)]
    row = [("B4035", 109), ("Supply kit, pump fed, per day", 420), ("1", 1100), ("30", 1400)]
    assert _services(head, row)[0][1] in (30, None)
    assert _services(head, row)[0][1] == 30 or count_caption.startswith("Ty")


def test_a_quantity_caption_that_lost_its_q_still_heads_the_count() -> None:
    """'QTY (30 DAYS)' in tiny capitals read 'Ty (30 DAYS)': no other caption is 'Ty'; the count is under
    it, never the rate beside it."""
    head = [("HCPCS", 98), ("MOD", 260), ("DESCRIPTION", 420), ("UNITS / DAY", 1060), ("Ty (30 DAYS)", 1300)]
    row = [("B4035", 109), ("Supply kit, pump fed, per day", 420), ("1", 1100), ("30", 1400)]
    assert _services(head, row) == [("B4035", 30)]


def test_calories_are_a_measure_no_count() -> None:
    """'100 cal = 1 unit' in a formula's description: 100 calories make a billing unit, no count."""
    head = [("HCPCS", 98), ("DESCRIPTION", 420), ("QTY (30 DAYS)", 1300)]
    row = [("B4152", 109), ("Formula, calorically dense, 100 cal = 1 unit", 420), ("630", 1400)]
    assert _services(head, row) == [("B4152", 630)]


def _table(rows: list[list[tuple[str, int]]]) -> list[tuple[str, int | None]]:
    text = _placed_page([(t, x, 700 + 64 * r, None) for r, row in enumerate(rows) for t, x in row])
    return [(s.code.correction.value, s.quantity) for s in service_reads(text, NO_CODE_SETS)]


TITLE = [("SUPPLIES (tick each one ordered; HCPCS, modifier and quantity)", 100)]


def _captions(count: str, item: str) -> list[tuple[str, int]]:
    return [("HCPCS", 184), ("Mod", 316), (item, 418), (count, 1484)]


def test_a_count_caption_garbled_in_one_caption_line_is_read_from_the_table_s_repeated_one() -> None:
    # the first group's 'Qty' garbled past reading ('arv'); the second group's caption line repeats it
    rows = [
        TITLE,
        _captions("arv", "Device"),
        [("E0470", 184), ("RR", 316), ("respiratory device", 418), ("3", 1486)],
        _captions("Qty", "Supply"),
        [("A7031", 184), ("NU", 316), ("face cushion", 418), ("2", 1486)],
    ]
    assert _table(rows) == [("E0470", 3), ("A7031", 2)]


def test_a_garbled_count_caption_with_no_repeated_caption_line_gives_no_quantity() -> None:
    rows = [TITLE, _captions("arv", "Device"), [("E0470", 184), ("RR", 316), ("respiratory device", 418), ("3", 1486)]]
    assert _table(rows) == [("E0470", None)]


def test_a_repeated_caption_line_whose_first_caption_stands_elsewhere_lends_no_count_caption() -> None:
    other = [("Item", 184), ("Mod", 316), ("Supply", 418), ("Qty", 1484)]
    rows = [
        TITLE,
        [("HCPCS", 600), ("Mod", 760), ("Device", 900), ("arv", 1100)],
        [("E0470", 600), ("RR", 760), ("respiratory device", 900), ("3", 1486)],
        other,
        [("face cushion", 184), ("NU", 316), ("A7031", 600), ("2", 1486)],
    ]
    assert ("E0470", 3) not in _table(rows)
