"""A bare 'Name' box right under a section title that names a party ('C. SERVICING PROVIDER / VENDOR'
over '20 NAME'): the name asked for is that party's, not the patient's.

A bare 'Name' caption is the patient's when nothing says otherwise (synonyms.py). On a form of numbered
boxes under section titles, the title over the box says whose: a title that is a party's caption alone
on its segment (a section letter or number before it, a rule's '|' after it) and stands right over the
'Name' box, in its column, with no other caption between, gives the box its party.
"""

from __future__ import annotations

import re

from parsers.fax.model import Segment
from parsers.fax.nearby import same_row
from parsers.fax.synonyms import ANCHOR_KINDS, PATIENT, PAYER, PROVIDER, SUPPLIER, Label, LabelHit, label_for

# 'C.', '3)', 'IV.' before the title, its letter also as OCR may read it ('€.' or '©' for 'C.'), its period
# also as a comma ('C,')
SECTION_MARK = re.compile(r"^\s*(?:[A-Z€£$&©]|\d{1,2}|[IVX]{1,4})?[.,):]?\s*$")
TITLE_END = " |:.-"  # a rule OCR read as '|', a colon after the title
# one word in capitals after a slash: the party named otherwise, garbled past the caption ('PROVIDER / ENDER')
ALTERNATIVE = re.compile(r"^\s*/\s*[A-Z]{2,}(?=[\s|:.-]*$)")
COLUMN = 0.1  # of the page's width: the title and the box start this near each other
NEAR = 3.0  # the box's caption starts within this many of the title's heights under its bottom
HEADED_FIELDS = {SUPPLIER: ("org", SUPPLIER), PAYER: ("org", PAYER), PROVIDER: ("name", PROVIDER)}


def named_by_heading(hits: list[LabelHit], page_width: int, segments: list[Segment] | None = None) -> list[LabelHit]:
    """The hits, a bare 'Name' under another party's section title given that party's caption; and a box
    caption in capitals holding the word NAME right under such a title, the rest of it garbled past any
    caption ('"JAPROVIOER NAME WAST RST)' for 'PROVIDER NAME (LAST, FIRST)'), that party's name caption."""
    titles = [h for h in hits if section_title(h) and not _valued(h.segment, segments or [])]
    garbled = [_garbled_name(s, hits, titles, page_width) for s in segments or []]
    return [_headed(hit, hits, titles, page_width) for hit in hits] + [h for h in garbled if h is not None]


def _valued(title: Segment, segments: list[Segment]) -> bool:
    """Something stands right of the caption on its row ('Requesting Provider | Jane Doe, MD'): a caption
    with its value, heading no block of boxes under it."""
    return any(
        s is not title and s.bbox[0] >= title.bbox[2] and same_row(s.bbox, title.bbox) and _inked(s) for s in segments
    )


def _inked(segment: Segment) -> bool:
    """The segment holds a letter or digit: a rule OCR read as '|' beside a title is no value."""
    return any(ch.isalnum() for ch in segment.text)


NAME_WORD = re.compile(r"(?<![A-Za-z])NAME(?![A-Za-z])")


def _garbled_name(segment: Segment, hits: list[LabelHit], titles: list[LabelHit], page_width: int) -> LabelHit | None:
    """An unlabelled caption-like segment (capitals, no digit, the word NAME) right under a party's title."""
    text = segment.text
    if any(h.segment is segment for h in hits) or not NAME_WORD.search(text) or _not_caption_like(text):
        return None
    probe = LabelHit(label_for(("name", PATIENT)), segment, 0, len(text))
    over = [t for t in titles if _right_over(t, probe, page_width) and not _caption_between(t, probe, hits)]
    title = max(over, key=lambda t: t.segment.bbox[3], default=None)
    if title is None or title.label.role is None:
        return None
    return LabelHit(label_for(HEADED_FIELDS[title.label.role]), segment, 0, len(text))


def _not_caption_like(text: str) -> bool:
    return any(ch.islower() or ch.isdigit() for ch in text)


def _bare_name(hit: LabelHit) -> bool:
    return hit.kind == "name" and hit.label.role == PATIENT and hit.label.alone


def section_title(hit: LabelHit) -> bool:
    """A party's caption alone on its segment but for a section's letter or number, asking for no name: a
    block's title."""
    text = hit.segment.text
    return (
        hit.label.strong
        and hit.kind in ANCHOR_KINDS  # a party's name or organisation caption, not its 'Fax' or 'NPI'
        and hit.label.role in HEADED_FIELDS
        and bool(SECTION_MARK.match(text[: hit.start]))
        and not ALTERNATIVE.sub("", text[hit.end :]).strip(TITLE_END)
        and "name" not in text[hit.start : hit.end].lower()  # "24. Physician's Name": a box's caption
    )


def _headed(hit: LabelHit, hits: list[LabelHit], titles: list[LabelHit], page_width: int) -> LabelHit:
    if not _bare_name(hit):
        return hit
    over = [t for t in titles if _right_over(t, hit, page_width)]
    title = max(over, key=lambda t: t.segment.bbox[3], default=None)
    if title is None or title.label.role is None or _caption_between(title, hit, hits):
        return hit
    label: Label = label_for(HEADED_FIELDS[title.label.role])
    return LabelHit(label, hit.segment, hit.start, hit.end)


def _right_over(title: LabelHit, hit: LabelHit, page_width: int) -> bool:
    top, box = title.segment.bbox, hit.segment.bbox
    height = top[3] - top[1]
    same_column = abs(top[0] - box[0]) <= COLUMN * page_width
    return title.segment.page == hit.segment.page and same_column and 0 <= box[1] - top[3] <= NEAR * height


def _caption_between(title: LabelHit, hit: LabelHit, hits: list[LabelHit]) -> bool:
    """Another caption stands in the column between the title and the box: the title heads something else."""
    low, high = title.segment.bbox[3], hit.segment.bbox[1]
    left, right = hit.segment.bbox[0], hit.segment.bbox[2]
    return any(
        h.segment is not title.segment
        and h.segment is not hit.segment
        and low <= h.segment.bbox[1] < high
        and h.segment.bbox[0] < right
        and h.segment.bbox[2] > left
        for h in hits
    )
