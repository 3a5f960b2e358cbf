"""Certificate-of-medical-necessity style forms: upper-case captions over multi-line boxes, several
values on one line, MM/DD/YY dates; each rule one an unseen form would need too."""

from __future__ import annotations

from parsers.fax.boxes import box_phones
from parsers.fax.extract import labelled_hits
from parsers.fax.labels import PATIENT, PAYER, PROVIDER, SUPPLIER
from parsers.fax.values import read_name
from tests.fax.test_grid import _found, _page
from tests.fax.test_text_fields import _hits


def test_supplier_and_physician_boxes_name_their_ids_in_the_caption() -> None:
    assert [(k, r) for k, r, _ in _hits("SUPPLIER NAME, ADDRESS, TELEPHONE and NSC or NPI #")] == [("org", SUPPLIER)]
    assert [(k, r) for k, r, _ in _hits("PHYSICIAN NAME, ADDRESS, TELEPHONE and UPIN or NPI #")] == [("name", PROVIDER)]
    assert [(k, r) for k, r, _ in _hits("Vendor Name")] == [("org", SUPPLIER)]


def test_a_name_of_something_else_is_no_patient_caption() -> None:
    assert _hits("NAME and ADDRESS of FACILITY if applicable") == []
    assert [(k, r) for k, r, _ in _hits("Name and Address: John Smith")] == [("name", PATIENT)]


def test_insurer_and_abbreviated_hospital_discharge_captions() -> None:
    assert [(k, r) for k, r, _ in _hits("INSURER")] == [("org", PAYER)]
    assert [k for k, _, _ in _hits("HOSP. DISCHARGE: 11/19/26")] == ["discharge_date"]
    assert [k for k, _, _ in _hits("HOSP, DISCHARGE 11/19/26")] == ["discharge_date"]


def test_a_supplier_box_gives_the_supplier_and_its_npi() -> None:
    found = _found(
        _page(
            [
                ("PATIENT NAME, ADDRESS, TELEPHONE and HICN", 117, 257, 0),
                ("SUPPLIER NAME, ADDRESS, TELEPHONE and NPI #", 869, 258, 1),
                ("WALTER MARTINEZ", 124, 310, 0),
                ("Northside DME Supply", 878, 311, 1),
                ("NPI # 1716781145", 877, 409, 1),
            ]
        )
    )
    assert found["member.name"] == ("WALTER", "MARTINEZ")
    assert found["servicing_provider.name"] == "Northside DME Supply"
    assert found["servicing_provider.npi"] == "1716781145"


def test_a_name_ends_at_its_last_name_word() -> None:
    """A credential OCR garbled ('ML:' for MD) is no part of the name's span, nor of its confidence."""
    text = "JANE DOE, ML:"
    read = read_name(text)
    assert read is not None and read.value == ("JANE", "DOE") and text[read.start : read.end] == "JANE DOE"
    read = read_name("Smith, John Q., MD")
    assert read is not None and read.value == ("John", "Smith") and read.end == len("Smith, John Q")


def _box_phones(items: list[tuple[str, int, int, int | None]]) -> dict[str, object]:
    text = _page(items)
    return {c.path: c.value for c in box_phones(text, labelled_hits(text))}


def test_the_one_unlabelled_phone_in_a_box_whose_caption_announces_it_is_that_persons() -> None:
    patient = [
        ("PATIENT NAME, ADDRESS, TELEPHONE and HICN", 117, 257, 0),
        ("WALTER MARTINEZ", 124, 310, 0),
        ("270 Elm St", 126, 359, 0),
        ("Springfield, MA 01103", 125, 407, 0),
        ("(617) 555-5084 HICN H679630000", 125, 456, 0),
    ]
    assert _box_phones(patient) == {"member.phone": "6175555084"}
    unruled = [(t, x, y, None) for t, x, y, _ in patient]
    assert _box_phones(unruled) == {"member.phone": "6175555084"}


def test_no_box_phone_without_the_caption_saying_so_or_with_two_numbers() -> None:
    no_phone = [("PATIENT NAME AND ADDRESS", 117, 257, 0), ("JOHN SMITH", 124, 310, 0), ("(617) 555-5084", 125, 359, 0)]
    assert _box_phones(no_phone) == {}
    two = [
        ("PHYSICIAN NAME, ADDRESS, TELEPHONE", 117, 257, 0),
        ("JANE DOE, MD", 124, 310, 0),
        ("(914) 555-0774 (860) 555-2724", 125, 359, 0),
    ]
    assert _box_phones(two) == {}
    other_cell = [(*item[:3], 1) if "555" in item[0] else item for item in two[:2]] + [("(914) 555-0774", 125, 359, 1)]
    assert _box_phones(other_cell) == {}


def test_a_labelled_phone_in_the_box_is_left_to_its_label() -> None:
    doctor = [
        ("PHYSICIAN NAME, ADDRESS, TELEPHONE and NPI #", 117, 634, 6),
        ("JANE DOE, MD", 121, 698, 6),
        ("TEL (914) 555-0774 FAX (860) 555-2724", 123, 795, 6),
    ]
    assert _box_phones(doctor) == {}
    assert _found(_page(doctor))["ordering_provider.phone"] == "9145550774"
