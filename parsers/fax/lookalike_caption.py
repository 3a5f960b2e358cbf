"""A caption opening its segment, before its colon (or the stop or semicolon OCR reads it as), whose l OCR read
as i or 1 ('Pian: Blue Harbor', 'Pian. Acme' for 'Plan:'): a small face's l is a bar like an i's or a 1's.
Found only where no label matched."""

from __future__ import annotations

import re

from parsers.fax import lexicon
from parsers.fax.model import Segment
from parsers.fax.synonyms import LABELS, LabelHit, label_for

LEAD_WORD = re.compile(r"^\s*([A-Za-z1]{3,})\s*[:.;]")  # its colon also as OCR reads it ('Pian.')
READ_FOR_L = "i1"  # what OCR reads a narrow l as


def lookalike_caption(segment: Segment, folded: str) -> list[LabelHit]:
    """The one caption the segment's first word spells once one i or 1 in it is put back as l, when
    the word is no English word as read and a colon (as read) follows it; none when it could be two fields'."""
    match = LEAD_WORD.match(folded)
    if match is None or lexicon.known(match.group(1)):
        return split_caption(segment, folded)
    start, end = match.span(1)
    hits = [
        LabelHit(label, segment, start, end)
        for at in range(start, end)
        if folded[at] in READ_FOR_L
        for label in LABELS
        if (found := label.pattern.match(folded[:at] + "l" + folded[at + 1 :], start)) and found.end() == end
    ]
    return hits[:1] if len({(h.kind, h.label.role) for h in hits}) == 1 else []


# Two words before the colon that OCR split one caption word into, one letter off ('Atter ding:' for 'Attending:')
LEAD_PAIR = re.compile(r"^\s*([A-Za-z]{2,} [A-Za-z]{2,})\s*:")


def split_caption(segment: Segment, folded: str) -> list[LabelHit]:
    """The one-word caption (fuzzy.SHORT_CAPTIONS) the segment's first two words spell run together, one
    letter off at most, before a colon: when run together they are no other English word, and one of
    them is no word."""
    from parsers.fax.fuzzy import SHORT_CAPTIONS, one_edit  # fuzzy imports labels' neighbours: late

    match = LEAD_PAIR.match(folded)
    if match is None:
        return []
    words = match.group(1).lower().split()
    letters = "".join(words)
    if (lexicon.known(letters) and letters not in SHORT_CAPTIONS) or all(lexicon.known(w) for w in words):
        return []
    near = {field for caption, field in SHORT_CAPTIONS.items() if caption == letters or one_edit(letters, caption)}
    if len(near) != 1:
        return []
    return [LabelHit(label_for(near.pop()), segment, match.start(1), match.end(1))]
