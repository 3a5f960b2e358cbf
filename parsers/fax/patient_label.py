"""A patient's name the page read misread, borne out by the hospital's patient label on the same page.

A hospital's order sheet carries the patient's identification label (the addressograph: 'SMITH,
ROBERT' over the 'MRN' line, then the birth date, the admission). The name written in the form
('Robert Smith' after 'PT NAME') is read twice (verify.second_read); when the page read misread it
('Robert Smath') and the second read gives another name, that name is taken only when the label
gives it too, letter for letter (whatever the case): two readings of different pixels, printed
apart, agree on it, as a value read in two places confirms itself (verify.mark_repeated). The label
is the line right over a line beginning with a medical-record-number caption, left-aligned with it,
no caption of its own, reading as 'LAST, FIRST'. The label itself is no candidate: it is printed
in capitals, the form's name as written is the value.
"""

from __future__ import annotations

import dataclasses
import re

from parsers.fax import values
from parsers.fax.confirm import text_of
from parsers.fax.extract import PageText
from parsers.fax.model import Candidate, Segment, Word, conf_of
from parsers.fax.reading import FaxRead

PATH = "member.name"
RECORD_NUMBER = re.compile(r"^(?:MRN|MR\s?#|MED(?:ICAL)?\s+REC(?:ORD)?\s*(?:#|NO\.?|NUMBER))\b", re.IGNORECASE)
LAST_FIRST = re.compile(r"^[A-Z][A-Z'\-]+,\s*[A-Z][A-Z'\-]+(?:\s+[A-Z]\.?)?$")
ALIGN = 0.02  # of the page's width
GAP = 2.5  # of the label line's height


def named_on_label(state: FaxRead) -> None:
    """Take the second read's name for each misread patient name the page's patient label gives."""
    out = []
    for cand in state.candidates:
        second = state.second_words.get(id(cand), [])
        found = _borne_out(state, cand, second) if cand.path == PATH and cand.confirmed_by is None else None
        out.append(found or cand)
    state.candidates = out


def _borne_out(state: FaxRead, cand: Candidate, second: list[Word]) -> Candidate | None:
    read = values.read_name(text_of(second)) if second and not any(w.ambiguous for w in second) else None
    if read is None or _folded(read.value) == _folded(cand.value):
        return None
    text = next((t for t in state.texts if t.page.number == cand.page), None)
    if text is None or _folded(read.value) not in {_folded(v) for v in label_names(text)}:
        return None
    return dataclasses.replace(
        cand,
        value=read.value,
        conf=conf_of(second),
        raw=text_of(second),
        words=tuple(second),
        confirmed_by="repeated",
    )


def label_names(text: PageText) -> list[object]:
    """The names the page's patient labels give ('SMITH, ROBERT' over 'MRN 52639075')."""
    out = []
    for line in text.segments:
        if RECORD_NUMBER.match(line.text):
            head = _over(text.segments, line, text.page.width)
            read = values.read_name(head.text) if head is not None and LAST_FIRST.match(head.text) else None
            if read is not None:
                out.append(read.value)
    return out


def _over(segments: list[Segment], line: Segment, page_width: int) -> Segment | None:
    """The segment right over `line`, starting where it does."""
    for seg in segments:
        height = seg.bbox[3] - seg.bbox[1]
        aligned = abs(seg.bbox[0] - line.bbox[0]) <= ALIGN * page_width
        if seg is not line and aligned and 0 <= line.bbox[1] - seg.bbox[3] <= GAP * height:
            return seg
    return None


def _folded(value: object) -> tuple[str, ...]:
    return tuple(str(part).casefold() for part in value) if isinstance(value, tuple) else (str(value).casefold(),)
