"""An address written in fields of its own on one row, each captioned under (or over) its value:
'2068 Maple Avenue | Apt 2 | Yonkers | NY | 10701' over 'Street Address | Apt / Unit | City | State | ZIP'."""

from __future__ import annotations

import re

from parsers.fax import address_text
from parsers.fax.address_text import PART_ALONE
from parsers.fax.labels import LabelHit
from parsers.fax.model import Candidate, PageText, Segment, Word, bbox_of, conf_of
from parsers.fax.nearby import captions_right, row_right, same_row, spans_overlap

REACH = 1.6  # a value ends within this many of its own heights over (or starts under) its caption


def address_in_columns(
    text: PageText, hit: LabelHit, street: Segment, method: str, hits: list[LabelHit], path: str
) -> Candidate | None:
    """The address whose street is `street` (over or under the address caption, as `method` says) and
    whose unit, city, state and ZIP stand over (under) the part captions right of that caption on its row."""
    if method not in ("above", "below"):
        return None
    parts: list[tuple[str, Segment]] = []
    for caption in captions_right(text, hit.segment, PART_ALONE):
        value = _value_of(text, caption, street, method == "above", hits)
        kind = PART_ALONE.match(caption.text)  # every caption captions_right gave matches
        if kind is not None and value is not None:
            parts.append((kind.lastgroup or "", value))
    named = dict(parts)
    if not {"city", "state", "zip"} <= named.keys() or len(named) != len(parts):
        return None
    pieces = [street.text, *([named["unit"].text] if "unit" in named else []), named["city"].text]
    read = address_text.read_address(f"{', '.join(pieces)}, {named['state'].text} {named['zip'].text}")
    if read is None:
        return None
    words: tuple[Word, ...] = (*street.words, *(w for _, s in parts for w in s.words))
    return Candidate(
        path, read.value, street.page, bbox_of(words), conf_of(words), method, raw=street.text, words=words
    )


def _value_of(text: PageText, caption: Segment, street: Segment, over: bool, hits: list[LabelHit]) -> Segment | None:
    """The one unlabelled segment over (under) a part caption, on the street's row."""
    labelled = {id(h.segment) for h in hits}
    found = [
        s
        for s in text.segments
        if id(s) not in labelled
        and spans_overlap(s.bbox, caption.bbox)
        and same_row(s.bbox, street.bbox)
        and _near(s.bbox, caption.bbox, over)
    ]
    return found[0] if len(found) == 1 else None


def _near(value: tuple[int, int, int, int], caption: tuple[int, int, int, int], over: bool) -> bool:
    reach = REACH * (value[3] - value[1])
    if over:
        return caption[1] - reach < value[3] <= caption[1] + 2
    return caption[3] - 2 <= value[1] < caption[3] + reach


# A caption of one or more of an address's parts, alone in its segment, a leader's dots or a colon after
# it ('State / ZIP ....', 'City', 'Zip code:').
PARTS_ALONE = re.compile(
    r"^\s*(?:city|state|zip(?:\s*code)?)(?:\s*[/,&]\s*(?:state|zip(?:\s*code)?))*[\s.:#]*$", re.IGNORECASE
)


def captioned_parts_right(text: PageText, value: Segment) -> tuple[Word, ...]:
    """The values right of `value` on its row, each after its part caption ('Hartford   State / ZIP
    CT 06103': 'CT 06103'); none when anything else stands there first."""
    right = [s for s in row_right(text, value.bbox) if any(c.isalnum() for c in s.text)]  # no leader specks
    words: list[Word] = []
    for caption, part in zip(right[::2], right[1::2], strict=False):
        if not PARTS_ALONE.match(caption.text) or PARTS_ALONE.match(part.text):
            break
        words.extend(inked_ends(part.words))
    return tuple(words)


def inked_ends(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The part's words less marks at its ends ('. CT 06103': a leader's last dot): no letter or digit."""
    start, end = 0, len(words)
    while start < end and not any(ch.isalnum() for ch in words[start].text):
        start += 1
    while end > start and not any(ch.isalnum() for ch in words[end - 1].text):
        end -= 1
    return words[start:end]
