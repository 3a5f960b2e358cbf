"""Certificate-of-medical-necessity style forms: upper-case captions over multi-line boxes, several
values on one line, MM/DD/YY dates; each rule one an unseen form would need too."""

from __future__ import annotations

from parsers.fax.labels import PATIENT, PAYER, PROVIDER, SUPPLIER
from parsers.fax.values import read_name
from tests.fax.test_grid import _found, _page
from tests.fax.test_text_fields import _hits


def test_supplier_and_physician_boxes_name_their_ids_in_the_caption() -> None:
    assert [(k, r) for k, r, _ in _hits("SUPPLIER NAME, ADDRESS, TELEPHONE and NSC or NPI #")] == [("org", SUPPLIER)]
    assert [(k, r) for k, r, _ in _hits("PHYSICIAN NAME, ADDRESS, TELEPHONE and UPIN or NPI #")] == [
        ("name", PROVIDER)
    ]
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
