"""Fields a letter states in prose rather than under a caption: the patient's plan and sex, and the
ordering provider as a credentialed name on a line of its own."""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsers.fax import values
from parsers.fax.extract import PROVIDER_SUFFIX, PageText
from parsers.fax.model import Candidate, Segment, bbox_of, conf_of
from parsers.fax.roster import roster_names
from parsers.fax.synonyms import PAYER, PLAN_WORDS, LabelHit

ORG = r"(?P<org>[A-Z][A-Za-z&'’‘.\-]*(?:\s+(?:of\s+|&\s+)?[A-Z][A-Za-z&'’‘.\-]*){0,5})"  # capitalised words
# 'covered by X', 'insured with X', 'enrolled in X': the cue alone makes X the plan.
COVERED = re.compile(rf"\b(?i:covered|insured|enrolled)\s+(?i:by|with|under|through|in)\s+{ORG}")
# 'Member ID W123, X,': the item after the member's number names the plan only when it reads as one
# (a plan word in it), never a person ('Member ID W123, John Smith, ...').
MEMBER_NUMBER = r"\b(?i:member\s*(?:id|#|no\.?|number))\s*[:#]?\s*[A-Z0-9][A-Z0-9\-]{3,}"
AFTER_MEMBER_ID = re.compile(rf"{MEMBER_NUMBER},\s*{ORG}\s*(?=[,;(]|$)")
# Words that name who provides the care, not who pays for it ('Sunrise Home Care', 'Northside DME
# Supply'): such a name in that place is never taken as the payer (a plan so named stays null).
PROVIDER_WORDS = {
    *("home", "agency", "supply", "supplies", "dme", "infusion", "nursing", "hospice", "pharmacy"),
    *("hospital", "clinic", "therapy", "rehab", "rehabilitation", "services"),
}


def payer_in_prose(lines: list[Segment]) -> Iterator[Candidate]:
    """A letter's 'covered by X' or 'Member ID W123, X Health Plan, ...': the payer."""
    for line in lines:
        for pattern, needs_plan_word in ((COVERED, False), (AFTER_MEMBER_ID, True)):
            for match in pattern.finditer(line.text):
                found = _payer(line, match, needs_plan_word)
                if found is not None:
                    yield found


def _payer(line: Segment, match: re.Match[str], needs_plan_word: bool) -> Candidate | None:
    read = values.read_org(match.group("org"))
    if read is None:
        return None
    name = str(read.value)
    words_of_name = {w.lower().strip(".,") for w in name.split()}
    if PROVIDER_WORDS & words_of_name or (needs_plan_word and not PLAN_WORDS & words_of_name):
        return None
    start = match.start("org") + read.start
    words = line.words_in_span(start, match.start("org") + read.end)
    if not words:
        return None
    conf = conf_of(words)
    return Candidate("payer.name", read.value, line.page, bbox_of(words), conf, "pattern", name, words=words)


# A health plan's own request form: its title asks for prior authorization (precertification, utilization
# review) and the plan prints its name over that title. The name counts only with a word no provider's
# name holds ('Medicare', 'Medicaid', 'Insurance', 'Health Plan', 'HMO' ...), never a provider word, and
# only when nothing else on the page names the payer (a provider's letterhead over a generic form is no
# plan: 'Valley Health Associates' holds no such word).
PLAN_FORM_TITLE = re.compile(
    r"\b(?:prior[\s-]*auth\w*|pre-?certification|pre-?authori[sz]ation|utilization (?:management|review))\b", re.I
)
PLAN_ONLY_WORDS = re.compile(r"\b(?:medicare|medicaid|insurance|health ?plan|hmo|ppo|assurance|mutual)\b", re.I)
PLAN_FORM_BAND = 0.15  # the plan's name and the form's title stand in this top share of the page


def plan_over_title(text: PageText, hits: list[LabelHit], found: list[Candidate]) -> Iterator[Candidate]:
    """The plan's name over its prior-authorization form's title, as the payer (see PLAN_FORM_TITLE),
    when no caption on the page names a payer (read or not) and no other candidate does."""
    if any(c.path == "payer.name" for c in found) or any(h.kind == "org" and h.role == PAYER for h in hits):
        return
    head = [s for s in text.segments if s.bbox[1] <= PLAN_FORM_BAND * text.page.height]
    title = min((s.bbox[1] for s in head if PLAN_FORM_TITLE.search(s.text)), default=-1)
    for segment in sorted(head, key=lambda s: s.bbox[1]):
        if segment.bbox[3] <= title and _plan_name(segment.text):
            words = segment.words
            yield Candidate(
                "payer.name", segment.text, segment.page, segment.bbox, conf_of(words), "pattern", words=words
            )
            return


def _plan_name(text: str) -> bool:
    """The whole text reads as an organisation's name with a plan's word and no provider's."""
    read = values.read_org(text)
    if read is None or read.start != 0 or read.end != len(text) or not PLAN_ONLY_WORDS.search(text):
        return False
    return not PROVIDER_WORDS & {w.lower().strip(".,") for w in text.split()}


def provider_by_credentials(text: PageText) -> Iterator[Candidate]:
    """'Jane Doe, MD' on a line of its own (letterheads, signature blocks): the ordering provider;
    never a name in the letterhead's roster of the practice's clinicians (roster.py)."""
    roster = roster_names(text.segments, text.page.width)
    for segment in text.segments:
        if id(segment) in roster:
            continue
        match = PROVIDER_SUFFIX.match(segment.text)
        if match:
            read = values.read_name(match.group(1))
            if read is not None:
                words = segment.words_in_span(match.start(1), match.end(1))
                yield Candidate(
                    path="ordering_provider.name",
                    value=read.value,
                    page=segment.page,
                    bbox=bbox_of(words),
                    conf=conf_of(words),
                    method="pattern",
                    raw=match.group(1),
                    words=words,
                )


AGE = r"\d{1,3}[- ]?(?:year|yr)s?[- ]old\s+"
SEX_IN_PROSE = re.compile(
    rf"\b(?:patient(?:,| is| who is)?\s+an?\s+(?:{AGE})?|{AGE})(male|female|man|woman)\b",
    re.IGNORECASE,
)
SEX_WORDS = {"male": "M", "man": "M", "female": "F", "woman": "F"}


def sex_in_prose(text: PageText) -> Iterator[Candidate]:
    """A letter's 'my patient, a male ...' or 'a 72-year-old woman': the patient's sex."""
    for line in text.lines:
        for match in SEX_IN_PROSE.finditer(line.text):
            words = line.words_in_span(match.start(1), match.end(1))
            if words:
                value = SEX_WORDS[match.group(1).lower()]
                yield Candidate(
                    "member.sex",
                    value,
                    line.page,
                    bbox_of(words),
                    conf_of(words),
                    "pattern",
                    match.group(1),
                )
