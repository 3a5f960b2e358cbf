"""A date's caption OCR garbled at a segment's start, a date right after it (garbled_lead.py)."""

from __future__ import annotations

import pytest

from parsers.fax.garbled_lead import garbled_lead
from parsers.fax.model import Segment, Word


def _segment(text: str) -> Segment:
    return Segment(1, 0, tuple(Word(w, 90, 60 * i, 0, 50, 20, (1,)) for i, w in enumerate(text.split())))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dischérge date: 03/14/2025", "discharge_date"),  # an a read as an accented e
        ("Dlscharge date 2025-03-14", "discharge_date"),
        ("Start of carc 03/14/2025", "start_date"),  # e read as c
        ("Referal date: 3-14-2025", "order_date"),
    ],
)
def test_a_date_caption_misread_before_a_date_is_that_caption(text: str, kind: str) -> None:
    hit = garbled_lead(_segment(text))
    assert hit is not None and hit.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Dischérge date: pending",  # no date after it: a date caption only before a date
        "Start of Cara Smith 12",
        "Date of surgery 03/14/2025",  # an English word no date caption has
        "Discharge date 03/14/2025",  # as printed: the synonyms' own
    ],
)
def test_a_date_caption_needs_a_date_after_it_and_a_misread(text: str) -> None:
    hit = garbled_lead(_segment(text))
    assert hit is None or hit.kind not in {"discharge_date", "start_date", "order_date"}
