"""An EHR printout's dashed section headers ('-- CASE MANAGER -----'): each names whose block follows."""

from __future__ import annotations

from parsers.fax.extract import candidates, labelled_hits
from tests.fax.test_grid import _page


def test_a_dashed_section_header_names_whose_numbers_follow() -> None:
    """The case manager's fax under its dashed header is not the ordering physician's."""
    text = _page(
        [
            ("-- ORDERING PHYSICIAN ---------------------------------", 105, 100, None),
            ("Physician : Helen Carter, MD", 104, 140, None),
            ("Office fax : 914 555-9165", 858, 140, None),
            ("-- CASE MANAGER ---------------------------------------", 105, 220, None),
            ("Peter Hall, LCSW", 104, 260, None),
            ("Direct 860-555-0133", 390, 260, None),
            ("Fax 860-555-0134", 723, 260, None),
        ]
    )
    faxes = [c.value for c in candidates(text, labelled_hits(text)) if c.path == "ordering_provider.fax"]
    assert faxes == ["9145559165"]


def test_a_section_header_is_a_caption_between_rules_as_ocr_reads_them() -> None:
    from parsers.fax.labels import hits_in
    from parsers.fax.roles import section_header

    header = _page([("-- CASE MANAGER ----+----~----++------- denen cranes Fe eee", 105, 100, None)]).segments[0]
    assert [section_header(h) for h in hits_in(header)] == [True]
    caption = _page([("Case manager: Peter Hall", 105, 100, None)]).segments[0]
    assert [section_header(h) for h in hits_in(caption)] == [False]
