"""The supplier's name heading its own form, over the line giving its NPI (letterhead.py)."""

from __future__ import annotations

from parsers.fax.extract import labelled_hits
from parsers.fax.letterhead import supplier_heading
from tests.fax.test_reading_units import _page


def _found(lines: list[str]) -> list[object]:
    text = _page(lines)
    return [c.value for c in supplier_heading(text, labelled_hits(text))]


def test_the_heading_over_the_suppliers_npi_line_is_the_supplier() -> None:
    lines = ["CarePoint Infusion", "Pharmacy NPI 1378774149 Intake (800) 555-0142", "Patient Name: Smith, John"]
    assert _found(lines) == ["CarePoint Infusion"]


def test_no_supplier_npi_line_under_it_or_a_heading_that_is_no_company_gives_nothing() -> None:
    assert _found(["CarePoint Infusion", "Intake (800) 555-0142", "Pharmacy NPI 1378774149"]) == []
    assert _found(["Jane Doe, MD", "Pharmacy NPI 1378774149"]) == []  # a person
    assert _found(["Patient Name: Smith, John", "Pharmacy NPI 1378774149"]) == []  # a captioned line


def test_a_heading_with_a_longer_word_in_lower_case_was_misread() -> None:
    assert _found(["CarePoint infusion", "Pharmacy NPI 1378774149"]) == []
    assert _found(["Bank of Health Supply", "Supplier NPI 1378774149"]) == ["Bank of Health Supply"]


def test_a_letters_addressee_block_over_its_attn_line_names_the_agency() -> None:
    lines = ["Some Orthopaedic Associates", "Tel 860-555-0100", "Valley Home Health", "Attn: Home Health Intake"]
    assert _found([*lines, "Agency NPI 1587978093", "Fax 1-866-555-0142"]) == ["Valley Home Health"]
    assert _found([*lines[:3], "Agency NPI 1587978093"]) == []  # no 'Attn' line: no addressee block
    assert _found([*lines[:3], "Att Home Health Intake", "Agency NPI 1587978093"]) == ["Valley Home Health"]
    assert _found([*lines[:3], "Atn Home Health Intake", "Agency NPI 1587978093"]) == ["Valley Home Health"]


def _split_letterhead(npi_gap: int) -> list[object]:
    """A letterhead whose contact line OCR read as two runs (two blocks): its numbers, then its NPI."""
    from parsers.fax.layout import page_segments
    from parsers.fax.model import Page, PageText, Word

    def run(text: str, left: int, top: int, key: tuple[int, ...]) -> list[Word]:
        out = []
        for token in text.split():
            out.append(Word(token, 95.0, left, top, 12 * len(token), 20, line_key=key))
            left += 12 * len(token) + 10
        return out

    contact = "Home nutrition | Intake fax 1-888-555-0150 | Intake phone 1-888-555-0151 |"
    words = run("Lakeside Home Nutrition", 100, 90, (1, 1, 1)) + run(contact, 100, 142, (3, 1, 1))
    words += run("NPI 1245319599", max(w.right for w in words) + npi_gap, 144, (7, 1, 1))
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    text = PageText(page, lines, segments)
    return [c.value for c in supplier_heading(text, labelled_hits(text))]


def test_a_contact_lines_npi_ocr_split_off_right_after_it_is_the_suppliers() -> None:
    assert _split_letterhead(npi_gap=22) == ["Lakeside Home Nutrition"]


def test_an_npi_far_across_the_row_from_the_contact_line_is_nobodys() -> None:
    assert _split_letterhead(npi_gap=400) == []
