"""A page addressed to a clinician ('TO: Dr. Helen Carter'): a supplier's or agency's form sent to the
practitioner to sign and fax back. The 'To' there names the clinician, not the supplier the order goes
to; and the letterhead's numbers (the 'Ph', 'Fax' and 'NPI' printed above the form's first party
block, outside the addressee's box) are the sender's, not the clinician's: whose they are is left
unsaid (their captions dropped), where the usual rules would give them to the ordering clinician."""

from __future__ import annotations

import re

from parsers.fax.labels import read_below
from parsers.fax.model import Segment
from parsers.fax.synonyms import ANCHOR_KINDS, TO_LABELS, LabelHit

# A clinician as a fax is addressed to one: 'Dr. Helen Carter' ('Dt.', 'Or,' as a fax shows it: a
# capitalised D or O, r/t/f and a stop or comma, then a capitalised name), 'Helen Carter, MD', 'J. Patel NP'.
CLINICIAN = re.compile(
    r"^\W*(?:dr\b\.?|dt\.|(?-i:[DO][rtf][.,])(?=\s+(?-i:[A-Z]))|doctor\b)|\b(?:md|do|np|pa-?c|aprn|dpm|fnp)\b\.?\W*$",
    re.IGNORECASE,
)
SENDER_KINDS = {"phone", "fax", "npi"}
BOX_REACH = 0.1  # of the page's width: a caption this near the addressee's left edge is in its box


def addressed(hits: list[LabelHit], page_width: int) -> list[LabelHit]:
    """The hits less a 'To' naming a clinician and less the sender's letterhead numbers above the form
    (see the module's doc); all of them when the page is addressed to no clinician."""
    to = next((h for h in hits if to_clinician(h)), None)
    if to is None:
        return hits
    first = min(
        (h.segment.bbox[1] for h in hits if h.kind in ANCHOR_KINDS and h.segment.bbox[1] > to.segment.bbox[3]),
        default=None,
    )
    return [h for h in hits if h is not to and not _senders(h, to.segment, first, page_width)]


def to_clinician(hit: LabelHit) -> bool:
    """A 'To' caption whose value, the rest of its segment, names a clinician."""
    return hit.label in TO_LABELS and bool(CLINICIAN.search(hit.segment.text[hit.end :].strip(" :;")))


def _senders(hit: LabelHit, to: Segment, first: int | None, page_width: int) -> bool:
    """A phone, fax or NPI caption above the first party block, outside the addressee's box."""
    in_box = abs(hit.segment.bbox[0] - to.bbox[0]) < BOX_REACH * page_width and hit.segment.bbox[1] >= to.bbox[1]
    above = first is None or hit.segment.bbox[3] < first
    return hit.kind in SENDER_KINDS and above and not in_box


SPECK_CONF = 40  # a 'To' read less surely than this in every letter is a speck or two, no caption


def speck_to(hit: LabelHit) -> bool:
    """A 'To' caption OCR read out of specks (every word of it read below SPECK_CONF, as 'to' at 14): it
    names no supplier, and would break the block it stands in as another party's."""
    return hit.label in TO_LABELS and read_below(hit, SPECK_CONF)
