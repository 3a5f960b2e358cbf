"""A letter's sentences about where the patient lives and how to reach them ('She lives at 408 Asylum
Ave, Stamford, CT 06901 and can be reached at 914-555-9012'): the address and phone after such a cue
are the patient's, but only when the sentence's subject is the patient ('he', 'she', 'the patient',
'Mr. Garcia'). Whose they are is decided by the nearest subject before the cue in its sentence, back
over the lines above it in its column (a sentence wraps): 'our nurse line', 'Dr. Abernathy', 'her
daughter, who ...' or 'I' make the cue someone else's, and it gives no field.

The cue is a caption like any other (a LabelHit): the value after it is read, re-read and confirmed
as a captioned one's is.
"""

from __future__ import annotations

import re

from parsers.fax.model import PageText, Segment
from parsers.fax.synonyms import PATIENT, Label, LabelHit

# 'lives at', 'resides at' ('hives' as a serif l is often read), 'will be staying at'
ADDRESS_CUE = Label(
    "address",
    PATIENT,
    True,
    re.compile(r"(?<![A-Za-z])(?:[lh]ives|resides|is residing|(?:will be |is )?staying)\s+at(?![A-Za-z])", re.I),
)
# 'can be reached at', 'may be contacted at', 'her phone number is'
PHONE_CUE = Label(
    "phone",
    PATIENT,
    True,
    re.compile(
        r"(?<![A-Za-z])(?:(?:can|may) be (?:reached|contacted)(?: by phone)? at"
        r"|(?:his|her|their) (?:home |cell |mobile )?(?:phone|telephone)(?: number)? is)(?![A-Za-z])",
        re.I,
    ),
)
CUES = (ADDRESS_CUE, PHONE_CUE)  # their value is after them in their sentence, never elsewhere
# who a sentence is about: the patient, or someone else (the writer, a clinician, an office, a relative)
PATIENT_SUBJECT = re.compile(r"(?i:\b(?:he|she|they|patient|pt)\b)|\b(?:Mr|Ms|Mrs|Miss)\b\.?\s+[A-Z]")
OTHER_SUBJECT = re.compile(
    r"\bI\b|(?i:\b(?:we|our|dr|doctor|nurse|office|clinic|line|who|which|daughter|son|wife|husband|spouse"
    r"|caregiver|family|friend|neighbou?r|contact|manager|agency|pharmacy|hospital)\b)"
)
SENTENCE_END = re.compile(r"[.?!]\s+(?=[A-Z])")
ALIGN = 0.02  # of the page's width: a wrapped sentence's lines start this near each other
LINE_GAP = 2.5  # ... each within this many line heights under the one over it
LINES_BACK = 2  # how many lines above the cue's a sentence is followed back


def with_patient_cues(hits: list[LabelHit], text: PageText) -> list[LabelHit]:
    """The hits and the page's patient cues, in reading order; a hit a cue overlaps gives way to it
    ('her phone number is': the cue, not its bare 'phone')."""
    cues = patient_cues(text)
    if not cues:
        return hits
    kept = [h for h in hits if not any(_same_place(c, h) and h.start < c.end and c.start < h.end for c in cues)]
    return sorted([*kept, *cues], key=lambda h: (h.segment.index, h.start))


def _same_place(cue: LabelHit, hit: LabelHit) -> bool:
    return (cue.segment.page, cue.segment.index) == (hit.segment.page, hit.segment.index)


def patient_cues(text: PageText) -> list[LabelHit]:
    """The cues (see the module's doc) whose sentence is about the patient, as patient captions; a cue
    ending its line, and an address's (its city may wrap), takes the line its sentence wraps to too (no
    value after a cue there: no cue)."""
    found = []
    for segment in text.segments:
        for label in CUES:
            for match in label.pattern.finditer(segment.text):
                if not _about_patient(_sentence_before(text, segment, match.start())):
                    continue
                wraps = label is ADDRESS_CUE or _ends_segment(segment, match.end())  # an address may wrap
                where = _with_next_line(text, segment) if wraps else segment
                if not _ends_segment(where, match.end()):
                    found.append(LabelHit(label, where, match.start(), match.end(), PATIENT))
    return found


def _ends_segment(segment: Segment, end: int) -> bool:
    return not segment.text[end:].strip(" :,;-")


def _with_next_line(text: PageText, segment: Segment) -> Segment:
    """The cue's segment and the line under it, as one: a sentence that wrapped right after its cue
    ('She lives at' / '408 Asylum Ave, Stamford, CT 06901 and ...') has its value on the next line."""
    below = _line_below(text, segment)
    return segment if below is None else Segment(segment.page, segment.index, segment.words + below.words)


def _about_patient(before: str) -> bool:
    """The nearest subject before the cue is the patient."""
    spans = [(m.start(), True) for m in PATIENT_SUBJECT.finditer(before)]
    spans += [(m.start(), False) for m in OTHER_SUBJECT.finditer(before)]
    return bool(spans) and max(spans)[1]


def _sentence_before(text: PageText, segment: Segment, start: int) -> str:
    """The sentence's text before the cue: on its segment, and on the lines above it in its column."""
    parts = [segment.text[:start]]
    line = segment
    for _ in range(LINES_BACK):
        ends = list(SENTENCE_END.finditer(parts[0]))
        if ends:
            break
        above = _line_above(text, line)
        if above is None:
            break
        parts.insert(0, above.text)
        line = above
    joined = " ".join(parts)
    ends = list(SENTENCE_END.finditer(joined))
    return joined[ends[-1].end() :] if ends else joined


def _line_above(text: PageText, segment: Segment) -> Segment | None:
    """The segment right above `segment`, starting where it starts (the wrapped sentence's line before)."""
    above = [s for s in _column(text, segment) if s.bbox[1] < segment.bbox[1]]
    return max(above, key=lambda s: s.bbox[1]) if above else None


def _line_below(text: PageText, segment: Segment) -> Segment | None:
    below = [s for s in _column(text, segment) if s.bbox[1] > segment.bbox[1]]
    return min(below, key=lambda s: s.bbox[1]) if below else None


def _column(text: PageText, segment: Segment) -> list[Segment]:
    """The segments starting where `segment` starts, a line over or under it."""
    x0, top = segment.bbox[0], segment.bbox[1]
    height = max(1, segment.bbox[3] - segment.bbox[1])
    return [
        s
        for s in text.segments
        if abs(s.bbox[0] - x0) <= ALIGN * text.page.width and 0 < abs(top - s.bbox[1]) <= LINE_GAP * height + height
    ]
