"""An address in fields of its own on one row whose part captions OCR could not read.

At standard resolution (every other scan line missing) the small captions under an address's fields
('Apt / Unit', 'City', 'State', 'ZIP') come back as 'aptiunt', 'ty', '- state iP', so the parts are not
found by their captions (address_columns.py). The values themselves are in the body face and read
well: the segments right of the street on its row are then read by what they are. They must run from
the street to a ZIP with nothing else between (an optional unit, a city, a USPS state code, a ZIP,
each an unlabelled segment), and the whole must read as one address; a row holding anything else
gives none. The address still needs its second read like any other.
"""

from __future__ import annotations

import re

from parsers.fax import address_text
from parsers.fax.address_columns import inked_ends
from parsers.fax.address_text import CITY, UNIT
from parsers.fax.model import Candidate, PageText, Segment, Word, bbox_of, conf_of
from parsers.fax.nearby import row_right
from parsers.fax.synonyms import LabelHit

MAX_PARTS = 4  # unit, city, state, ZIP
ZIP_ALONE = re.compile(r"^\d{5}(?:\s?-\s?\d{4})?$")
STATE_ALONE = re.compile(r"^[A-Za-z!|]{2}$")
STATE_ZIP_ALONE = re.compile(r"^[A-Za-z!|]{2}\s+\d{5}(?:\s?-\s?\d{4})?$")


def address_by_shapes(
    text: PageText, street: Segment, method: str, hits: list[LabelHit], path: str
) -> Candidate | None:
    """The address whose street is `street` (a value over or under its caption, as `method` says) and
    whose unit, city, state and ZIP are the unlabelled segments right of it on its row (see the doc)."""
    if method not in ("above", "below"):
        return None
    labelled = {id(h.segment) for h in hits}
    right = [s for s in row_right(text, street.bbox) if any(ch.isalnum() for ch in s.text)]  # a rule's '|': none
    parts = _parts([s if id(s) in labelled else _inked(s) for s in right], labelled)
    if parts is None:
        return None
    joined = ", ".join([street.text, *(s.text for s in parts[:-1])]) + " " + parts[-1].text
    read = address_text.read_address(joined)
    if read is None or read.end != len(joined):
        return None
    words: tuple[Word, ...] = (*street.words, *(w for s in parts for w in s.words))
    return Candidate(path, read.value, street.page, bbox_of(words), conf_of(words), method, raw=joined, words=words)


def _inked(segment: Segment) -> Segment:
    """The segment less marks at its ends (': CT', a caption's colon or a speck read as a word of its own)."""
    words = inked_ends(segment.words)
    return segment if words == segment.words else Segment(segment.page, segment.index, words)


def _parts(right: list[Segment], labelled: set[int]) -> list[Segment] | None:
    """The segments from the street's right up to the ZIP, when each is the part it stands for:
    [unit,] city, state, ZIP (or 'ST ZIP' as one); else None."""
    for end in range(len(right)):
        if ZIP_ALONE.match(right[end].text.strip()) or STATE_ZIP_ALONE.match(right[end].text.strip()):
            parts = right[: end + 1]
            break
    else:
        return None
    if len(parts) > MAX_PARTS or any(id(s) in labelled for s in parts):
        return None
    *head, last = [s.text.strip() for s in parts]
    if not STATE_ZIP_ALONE.match(last):
        if not head or not STATE_ALONE.match(head[-1]):
            return None
        head = head[:-1]
    if len(head) == 2 and UNIT.match(head[0]):
        head = head[1:]
    return parts if len(head) == 1 and CITY.match(head[0]) else None
