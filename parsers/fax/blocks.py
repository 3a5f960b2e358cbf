"""Two parties' blocks side by side, each under a heading of its own ('PATIENT' | 'CERTIFYING /
ORDERING PHYSICIAN'): a caption with no party of its own in one block is never the other block's.

roles.py gives a caption with no anchor above it in its column the role of the name heading its row
across the page (a grid's 'Patient Name | Phone'). Where that name stands under a heading set in
capitals, and the caption under another such heading on the same row (two blocks side by side), the
caption is the other block's, whose heading and names OCR garbled past reading ('CERTIFYING /
ORDERING BHYSICIAN', 'Phygiriau name'): whose it is would be a guess, so it fills no field.
"""

from __future__ import annotations

import re

from parsers.fax.model import Segment
from parsers.fax.nearby import same_row
from parsers.fax.synonyms import ANCHOR_KINDS, LabelHit

COLUMN_SHARE = 0.1  # of the page's width: a heading and a caption this close at their left are one column
HEADING = re.compile(r"^[A-Z][A-Z &/'\-]{3,60}$")  # capitals only: 'PATIENT', 'CERTIFYING / ORDERING PHYSICIAN'
MAX_HEADING_WORDS = 6
MIN_HEADING_LETTERS = 5


def within_blocks(hits: list[LabelHit], segments: list[Segment], page_width: int) -> list[LabelHit]:
    """The hits, a role taken from outside a caption's own headed block (see the module) dropped."""
    headings = [s for s in segments if capitals_heading(s)]
    return [_kept(hit, hits, headings, page_width) for hit in hits]


# A capital I OCR read as an opening bracket it never closes ('REGIMEN AND (TEM' for ITEM): the I again
BRACKET_FOR_I = re.compile(r"(?<![A-Za-z])[(\[{](?=[A-Z]{2,}(?:\s|$))(?![^)\]}]*[)\]}])")


def capitals_heading(segment: Segment) -> bool:
    """A heading set in capitals, a few words alone on its segment ('PATIENT', 'REGIMEN AND ITEMS')."""
    text = BRACKET_FOR_I.sub("I", segment.text.strip())
    letters = sum(ch.isalpha() for ch in text)
    return bool(HEADING.match(text)) and len(text.split()) <= MAX_HEADING_WORDS and letters >= MIN_HEADING_LETTERS


def _kept(hit: LabelHit, hits: list[LabelHit], headings: list[Segment], page_width: int) -> LabelHit:
    """The hit, or (its role taken across from the block beside its own) the hit with no role."""
    if hit.label.role is not None or hit.role is None or hit.kind in ANCHOR_KINDS:
        return hit
    heading = _heading_over(hit.segment, headings, page_width)
    giver = _nearest_anchor(hit, hits, page_width)
    if heading is None or giver is None or _one_column(giver.segment, hit.segment, page_width):
        return hit
    # a section's title that gave the role heads its own block ('2 PRESCRIBER' over its captions)
    beside = giver.segment if capitals_heading(giver.segment) else _heading_over(giver.segment, headings, page_width)
    if beside is None or beside is heading or not same_row(beside.bbox, heading.bbox):
        return hit
    return LabelHit(hit.label, hit.segment, hit.start, hit.end, None)


def _nearest_anchor(hit: LabelHit, hits: list[LabelHit], page_width: int) -> LabelHit | None:
    """The nearest name or organisation above the hit whose role the hit took: in the hit's own column
    when one stands there (roles.py gave it that one's role; 'LAST NAME' over 'STREET ADDRESS', not
    'FIRST NAME' a pixel lower across the row), else across the page."""
    above = [
        h
        for h in hits
        if h.kind in ANCHOR_KINDS
        and h.role == hit.role
        and h.segment.page == hit.segment.page
        and h.segment.bbox[1] <= hit.segment.bbox[1]
    ]
    column = [h for h in above if _one_column(h.segment, hit.segment, page_width)]
    return max(column or above, key=lambda h: h.segment.bbox[1]) if above else None


def _heading_over(segment: Segment, headings: list[Segment], page_width: int) -> Segment | None:
    over = [
        h
        for h in headings
        if h.page == segment.page and h.bbox[3] <= segment.bbox[1] and _one_column(h, segment, page_width)
    ]
    return max(over, key=lambda h: h.bbox[1]) if over else None


def _one_column(a: Segment, b: Segment, page_width: int) -> bool:
    return abs(a.bbox[0] - b.bbox[0]) < COLUMN_SHARE * page_width
