"""Diagnosis codes written over their captions, on a form that prints captions under its fill-in lines
('M17.11' over 'Primary Dx (ICD-10)', 'G47.33' over 'Secondary Dx (ICD-10)' beside it)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsers.fax.diagnosis_codes import icd_tokens
from parsers.fax.model import PageText, Segment
from parsers.fax.nearby import same_row, spans_overlap
from parsers.fax.services import DIAGNOSIS_HEAD, CodeRead, one_letter_off
from referrals.codes import CodeSets

# Nothing after the diagnosis caption but a hint ('Primary Dx (ICD-10)', 'Diagnosis Code:'); its brackets
# as OCR may read them ('(ICD 10}', '[ICD-10]'), and its 10 with the 0 read as another digit or an o
# ('(ICD 16)', '(ICD 14}'): no code is two digits after 'ICD'.
BARE_REST = re.compile(
    r"^\s*(?:codes?)?\s*(?:[(\[{]\s*icd[\s-]*1[0-9o](?:[\s-]*cm)?\s*[)\]}]|icd[\s-]*1[0-9o])?\s*[:#]?\s*$", re.I
)
# A ranked diagnosis caption as OCR garbles it in small print: its rank with a letter misread ('Prinary',
# 'Secontary'), Dx read as Ox, its hint's letters and digits garbled ('(iCD 40)', '(ID 10).', '(CO 10}'),
# specks before or after it ('~ Secondary Dx', '... (CO 10} ~'); nothing else on its segment.
RANK = rf"primary|secondary|principal|{one_letter_off('primary', 'secondary', 'principal')}"
GARBLED_HINT = r"[(\[{]\s*[a-z]{0,3}[\s-]*[0-9o]{2}(?:[\s-]*cm)?\s*[)\]}]?"
RANKED_CAPTION = re.compile(rf"^[\W_]*(?:{RANK})\s*[do]x\b\s*(?:{GARBLED_HINT})?[\W_]*$", re.I)
SECONDARY = re.compile(rf"^[\W_]*(?:secondary|{one_letter_off('secondary')})\b", re.I)
REACH = 1.6  # the code ends within this many of its own heights over its caption


def diagnoses_over_captions(text: PageText, sets: CodeSets) -> Iterator[CodeRead]:
    """The code-shaped tokens over each bare diagnosis caption on the first row that has one."""
    captions = [s for s in text.segments if _bare_caption(s)]
    if not captions:
        return
    row = [s for s in captions if same_row(s.bbox, captions[0].bbox)]
    if len(row) == 1 and SECONDARY.match(row[0].text):
        yield from _lost_primary(text, row[0], sets)
    for caption in sorted(row, key=lambda s: s.bbox[0]):
        over = _segment_over(text, caption)
        if over is not None:
            yield from icd_tokens(over, 0, sets)


def _lost_primary(text: PageText, secondary: Segment, sets: CodeSets) -> Iterator[CodeRead]:
    """A secondary diagnosis caption alone on its row (the primary's caption beside it lost to OCR): the
    segment right left of the secondary's code on the codes' row, standing over no caption, is the primary
    code when it reads as one (a code or a code's look-alike reading: no date, phone, id or measure)."""
    own = _segment_over(text, secondary)
    if own is None:
        return
    left = [s for s in text.segments if same_row(s.bbox, own.bbox) and s.bbox[2] <= own.bbox[0]]
    if not left:
        return
    value = max(left, key=lambda s: s.bbox[2])
    if _over_a_caption(text, value, secondary):
        return
    reads = list(icd_tokens(value, 0, sets))
    if reads and all(r.correction.value or r.correction.readings for r in reads):
        yield from reads


def _over_a_caption(text: PageText, value: Segment, caption: Segment) -> bool:
    """Some segment stands under `value` on the caption's row (its own caption)."""
    return any(
        s is not value and spans_overlap(s.bbox, value.bbox) and same_row(s.bbox, caption.bbox) for s in text.segments
    )


def _bare_caption(segment: Segment) -> bool:
    if RANKED_CAPTION.match(segment.text):
        return True
    match = DIAGNOSIS_HEAD.search(segment.text)
    return match is not None and bool(BARE_REST.match(segment.text[match.end() :]))


def _segment_over(text: PageText, caption: Segment) -> Segment | None:
    """The nearest segment right over the caption, overlapping it across the page."""
    top = caption.bbox[1]
    over = [
        s
        for s in text.segments
        if spans_overlap(s.bbox, caption.bbox)
        and top - REACH * (s.bbox[3] - s.bbox[1]) < s.bbox[3] <= top + 2
        and not DIAGNOSIS_HEAD.search(s.text)
        and not RANKED_CAPTION.match(s.text)
    ]
    return max(over, key=lambda s: s.bbox[3]) if over else None
