"""A form addressed to a clinician ('TO: Dr. ...'): the 'To' names no supplier, and the sender's
letterhead numbers are not the clinician's."""

from __future__ import annotations

from parsers.fax.extract import PageText, candidates, labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, Word


def _placed(rows: list[tuple[int, int, str]]) -> PageText:
    """Words of each (left, top, text) row, 12 px a character, 10 px between words."""
    words = []
    for start, top, text in rows:
        left = start
        for token in text.split():
            words.append(Word(token, 95.0, left, top, 12 * len(token), 20, (start, top)))
            left += 12 * len(token) + 10
    page = Page(number=1, width=1734, height=2244, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


LETTERHEAD = [
    (100, 90, "Northside Medical Supply"),
    (1100, 90, "TO: Dr. Helen Carter"),
    (1100, 125, "Fax: (860) 555-5803"),
    (100, 180, "NPI 1463954093 | Ph (800) 555-0170 | Fax (800) 555-0171"),
    (100, 470, "Patient name:"),
    (100, 520, "Maria Rodriguez"),
]


def test_a_letterhead_addressed_to_a_clinician_gives_the_clinician_only_the_addressees_fax() -> None:
    text = _placed(LETTERHEAD)
    hits = labelled_hits(text)
    assert not any(h.kind == "org" for h in hits)  # 'TO: Dr. ...' names no supplier
    found = {(c.path, c.value) for c in candidates(text, hits)}
    assert ("ordering_provider.fax", "8605555803") in found
    assert not any(path.startswith(("ordering_provider", "servicing")) and v != "8605555803" for path, v in found)


def test_a_to_naming_a_company_still_names_the_supplier() -> None:
    rows = [(1100, 90, "TO: Northside Medical Supply"), *LETTERHEAD[3:]]
    hits = labelled_hits(_placed(rows))
    assert any(h.kind == "org" and h.role == "supplier" for h in hits)
    assert any(h.kind == "fax" and h.segment.bbox[1] == 180 for h in hits)


def test_a_to_naming_a_doctor_as_a_fax_garbled_it_names_no_supplier() -> None:
    rows = [(1100, 90, "TO; Dt. Jane Doe"), *LETTERHEAD[2:]]
    assert not any(h.kind == "org" for h in labelled_hits(_placed(rows)))


def test_a_to_naming_a_doctor_whose_title_ocr_read_as_or_names_no_supplier() -> None:
    """'TO Or, Jane Doe': the 'Dr.' read as 'Or,' is still the clinician's title; the phone under the
    patient's block in the To's column is then the patient's, not the supplier's."""
    rows = [(1100, 90, "TO Or, Jane Doe"), *LETTERHEAD[2:]]
    assert not any(h.kind == "org" for h in labelled_hits(_placed(rows)))
    assert any(h.kind == "org" for h in labelled_hits(_placed([(1100, 90, "TO Oriel Home Care"), *LETTERHEAD[2:]])))


def test_a_to_read_out_of_specks_is_no_caption() -> None:
    """A 'to' OCR read at 14 out of specks between boxes names no supplier."""
    from parsers.fax.addressee import speck_to
    from parsers.fax.labels import hits_in
    from parsers.fax.model import Segment

    def caption(conf: float) -> bool:  # (labels drops the speck 'to' below 30 itself; speck_to up to 40)
        return any(not speck_to(h) for h in hits_in(Segment(1, 0, (Word("to", conf, 329, 366, 25, 6),))))

    assert not caption(14.0) and not caption(35.0) and caption(90.0)
