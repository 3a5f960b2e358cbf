"""A table's caption row: captions side by side in their header cells, each over its value ('Patient
name | Date of birth | Gender' over 'Maria Rodriguez | 01/02/56 | Male'). A caption's right neighbour
there is the next column's caption (one OCR garbled past every label: 'Dae of uth'), not its value.
When that neighbour gives no value of the caption's field, the value is the one under the caption
(extract.py), where the row under the two holds a segment under each: a row of values."""

from __future__ import annotations

import re

from parsers.fax.model import PageText, Segment
from parsers.fax.synonyms import LabelHit

# Words of a caption no value holds: a segment under a caption holding one is the next row's caption
# (a label:value grid whose value OCR garbled), never a value. (Not 'plan' or 'insurance': payers'
# names hold them.)
CAPTION_WORDS = {
    *("name", "date", "phone", "telephone", "fax", "address", "id", "number", "birth", "dob"),
    *("gender", "sex", "npi", "diagnosis"),
}
ALIGN = 0.02  # of the page's width: a value starting this little left of its caption may stand under it
REACH = 3.0  # ... within this many caption heights under it


def caption_row(text: PageText, caption: Segment, right: Segment, hits: list[LabelHit]) -> bool:
    """`right` stands on the caption's row and each of the two has a segment right under it, starting
    where it starts, no caption of ours, and those two share a row: a row of captions over a row of
    values (not a column of captions each with its value right of it)."""
    under_caption, under_right = _under(text, caption), _under(text, right)
    if under_caption is None or under_right is None or under_caption is under_right:
        return False
    labelled = {id(h.segment) for h in hits}
    if id(under_caption) in labelled or id(under_right) in labelled:
        return False
    return _same_row(under_caption.bbox, under_right.bbox)


# Marks no value is written in: OCR's reading of a shaded cell or a rule ('=«=”S*S*«*').
JUNK = re.compile(r"[^\w\s.,&'’/()#:;-]")
JUNK_SHARE = 0.15


def junk(text: str) -> bool:
    """The text is largely marks no value is written in (see JUNK): a garbled caption or shading."""
    core = text.replace(" ", "")
    return bool(core) and len(JUNK.findall(core)) >= JUNK_SHARE * len(core)


def value_under(text: PageText, caption: Segment, right: Segment, hits: list[LabelHit]) -> Segment | None:
    """The segment under the caption, when it and `right` head a row of values (see caption_row) and it
    holds no caption's word."""
    under = _under(text, caption) if caption_row(text, caption, right, hits) else None
    words = {re.sub(r"[^a-z]", "", w.text.lower()) for w in under.words} if under is not None else set()
    return under if under is not None and not words & CAPTION_WORDS else None


def _under(text: PageText, segment: Segment) -> Segment | None:
    """The nearest segment under `segment` that starts under it (a mark OCR read before a garbled
    caption may push its left edge out: from a little left of it to its right end)."""
    x0, top, x1, bottom = segment.bbox
    reach = bottom + REACH * (bottom - top)
    under = [
        s
        for s in text.segments
        if bottom <= s.bbox[1] <= reach and x0 - ALIGN * text.page.width <= s.bbox[0] < x1 and s is not segment
    ]
    return min(under, key=lambda s: s.bbox[1]) if under else None


def _same_row(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    centre_a, centre_b = (a[1] + a[3]) / 2, (b[1] + b[3]) / 2
    return b[1] <= centre_a <= b[3] and a[1] <= centre_b <= a[3]
