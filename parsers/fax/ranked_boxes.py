"""Diagnosis codes in a boxed form's ranked diagnosis boxes whose ICD caption OCR garbled past recognition
('a IC 40 PRIMARY', '24 1b Ww SECONDARY', 'co loeruaRy' for '23 ICD-10 PRIMARY'): no diagnosis heading
is read on the page, but the caption row holds a caption ending with a rank word (primary, secondary,
principal) whose other words are none of ours, beside a caption of ours on its row ('25 DATE OF
REQUEST'). The values right under such a box (and under the unlabelled garbled box right left of a
secondary one: the primary's, its rank garbled too) are its diagnoses when each reads as a billable
ICD-10-CM code or its look-alike readings: a date, a phone, an id, a name or a bare number (a measure)
is never taken. A code found so passes the same checks as any (code set, re-reads agreeing)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsers.fax import codecheck
from parsers.fax.diagnosis_codes import icd_tokens
from parsers.fax.lexicon import known
from parsers.fax.model import PageText, Segment, word_spanning
from parsers.fax.nearby import same_row, spans_overlap
from parsers.fax.services import CodeRead, one_letter_off
from parsers.fax.synonyms import LabelHit
from referrals.codes import CodeSets

RANKS = ("primary", "secondary", "principal")
RANK_WORD = re.compile(rf"^(?:{'|'.join(RANKS)}|{one_letter_off(*RANKS)})$", re.I)
SECONDARY_WORD = re.compile(rf"^(?:secondary|{one_letter_off('secondary')})$", re.I)
EDGE = " .,:;!?'\"~-_\u2014\u2018\u2019\u201c\u201d"
OUR_WORD = 4  # a known English word this long before the rank names another caption ('Insurance Primary')
ROW_OVERLAP = 0.5
VALUE_REACH = 2.0  # the values' row starts within this many caption heights under the caption


def diagnoses_in_ranked_boxes(text: PageText, hits: list[LabelHit], sets: CodeSets) -> Iterator[CodeRead]:
    """The codes under the first caption row holding garbled ranked diagnosis captions (see the module)."""
    labelled = {id(h.segment) for h in hits}
    ranked = [s for s in text.segments if id(s) not in labelled and _rank(s.text) is not None]
    ranked_ids = {id(s) for s in ranked}
    for caption in ranked:
        row = [s for s in text.segments if s is not caption and _one_row(s.bbox, caption.bbox)]
        if not any(id(s) in labelled for s in row):
            continue
        boxes = sorted([caption, *(s for s in row if id(s) in ranked_ids)], key=lambda s: s.bbox[0])
        primary = _box_left(boxes[0], row, labelled) if SECONDARY_WORD.match(_rank(boxes[0].text) or "") else None
        boxes = [primary, *boxes] if primary is not None else boxes
        values = [value for box in boxes for value in _values_under(text, box, labelled)]
        sure = [_codes(value, sets) for value in values]
        if any(sure):  # the row holds diagnoses: a code-shaped value OCR garbled beside them is one left open
            yield from (read for value, reads in zip(values, sure, strict=True) for read in reads or _open(value))
            return


def _one_row(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """The boxes overlap down the page by at least half the shorter one's height (a caption row's boxes,
    one OCR read taller than the next)."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= ROW_OVERLAP * min(a[3] - a[1], b[3] - b[1])


def _rank(caption: str) -> str | None:
    """The rank word ending a caption whose other words are garbled (no known word of ours' length)."""
    words = [w.strip(EDGE) for w in caption.split()]
    words = [w for w in words if w]
    if not words or not RANK_WORD.match(words[-1]):
        return None
    if any(len(w) >= OUR_WORD and known(w) for w in words[:-1]):
        return None
    return words[-1]


def _box_left(caption: Segment, row: list[Segment], labelled: set[int]) -> Segment | None:
    """The unlabelled segment right left of a secondary caption on its row, with no word of ours in it."""
    left = [s for s in row if s.bbox[2] <= caption.bbox[0]]
    if not left:
        return None
    box = max(left, key=lambda s: s.bbox[2])
    words = [w.strip(EDGE) for w in box.text.split()]
    if id(box) in labelled or any(len(w) >= OUR_WORD and known(w) for w in words) or not any(words):
        return None
    return box


def _values_under(text: PageText, box: Segment, labelled: set[int]) -> list[Segment]:
    """The segments of the nearest row right under the box, within its width, left to right."""
    height = box.bbox[3] - box.bbox[1]
    under = [
        s
        for s in text.segments
        if spans_overlap(s.bbox, box.bbox)
        and box.bbox[3] - 2 <= s.bbox[1] <= box.bbox[3] + VALUE_REACH * height
        and id(s) not in labelled
    ]
    if not under:
        return []
    first = min(under, key=lambda s: s.bbox[1])
    return sorted((s for s in under if same_row(s.bbox, first.bbox)), key=lambda s: s.bbox[0])


def _codes(value: Segment, sets: CodeSets) -> list[CodeRead]:
    """The value's code reads, when every one reads as a billable code (or look-alike readings of one) and
    holds a letter or a look-alike of one (a bare number is a measure)."""
    reads = list(icd_tokens(value, 0, sets))
    ok = reads and all(_billable(read, sets) and not read.raw.replace(".", "").isdigit() for read in reads)
    return reads if ok else []


# A code's shape as OCR may garble it, its words run together: a letter (or a bracket or bar read for one),
# a digit, then up to five more ('C89 154' for L89.154); a longer run is an id, a name has no digit second.
OPEN_SHAPE = re.compile(r"^[A-Z(\[{|][0-9][0-9A-Z][.,]?[0-9A-Z]{0,4}$")


def _open(value: Segment) -> list[CodeRead]:
    """The value as one code left open (no reading: only agreeing re-reads of its crop give it)."""
    if not OPEN_SHAPE.match("".join(value.text.split())):
        return []
    whole = word_spanning(value.text, list(value.words), value.words[0].line_key)
    return [CodeRead(whole.text, whole, value.page, codecheck.UNREAD)]


def _billable(read: CodeRead, sets: CodeSets) -> bool:
    fix = read.correction
    readings = (fix.value,) if fix.value else fix.readings
    return any(codecheck.icd10_billable(code, sets) for code in readings)
