"""Label synonyms: how order forms name each field, and whose field it is (patient, provider, ...).

A label is `strong` when it is distinctive enough to count anywhere on a line ("date of birth",
"NPI"); a weak one ("Name", "To", "Plan") counts only at the start of a segment or before a colon.
A label without a role takes the role of the nearest name label above it in the same column.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from parsers.fax.model import Segment

PATIENT, PROVIDER, SUPPLIER, PAYER = "patient", "provider", "supplier", "payer"


@dataclass(frozen=True)
class Label:
    kind: str  # name org npi phone fax dob sex member_id address order_date start_date discharge_date
    role: str | None
    strong: bool
    pattern: re.Pattern[str]


def _label(kind: str, role: str | None, strong: bool, *synonyms: str) -> list[Label]:
    return [
        Label(kind, role, strong, re.compile(rf"(?<![A-Za-z]){_ocr_date(s)}(?![A-Za-z])", re.IGNORECASE))
        for s in synonyms
    ]


def _ocr_date(synonym: str) -> str:
    """The word 'date' in a caption also as OCR reads it with its D as an O ('Order Oate')."""
    return synonym.replace("date", "[do]ate")


# A possessive as printed and as OCR returns it ("Patient's", "Patients", "Patient s", "Patient’s").
POSS = r"(?:['’`]?s|\s['’`]?s)?"
# What a name label goes on to name in the same box ("Patient's Name and Address", "Provider's Name,
# Address and Telephone", "Name and NPI"): part of the label, never of the value under it.
# A certificate of medical necessity asks for the supplier's "NSC or NPI #" and the physician's "UPIN or NPI #".
TAIL_ID = r"(?:(?:nsc|upin|ptan)\s*(?:or|/)\s*)?npi(?:\s*#)?"
TAIL = rf"(?:\s*(?:,|and|&|/)\s*(?:address|addr\.?|{TAIL_ID}|telephone|phone|tel\.?|title|credentials|id))*"
# '... of Facility' ('Name and Address of Facility if applicable'): someone else's name, not the patient's.
NOT_OURS = rf"(?!{TAIL}\s*of\b)"
# A name label that also announces the address in its box: the lines under the name are the address.
ADDRESS_IN_TAIL = re.compile(r"(?:,|and|&|/)\s*(?:address|addr\b)", re.IGNORECASE)


LABELS: list[Label] = [
    *_label(
        "name",
        PATIENT,
        True,
        rf"patient{POSS} (?:full )?name{TAIL}",
        rf"(?:member|client|resident|beneficiary){POSS} name{TAIL}",
        r"name of patient",
    ),
    *_label("name", PATIENT, False, r"patient", r"re", rf"name{NOT_OURS}{TAIL}"),
    *_label(
        "name",
        PROVIDER,
        True,
        rf"(?:ordering|referring|certifying) (?:physician|provider|clinician|practitioner){POSS}(?: name)?{TAIL}",
        rf"(?:attending )?physician{POSS} name{TAIL}",
    ),
    *_label(
        "name",
        PROVIDER,
        False,
        r"physician",
        r"attending(?: physician)?",
        r"prescriber",
        r"doctor",
        r"dr\.?",
    ),
    *_label(
        "org",
        SUPPLIER,
        True,
        r"refer(?:red)? to",
        r"dme supplier",
        r"home health agency",
        rf"(?:servicing|rendering) provider{POSS}(?: name)?{TAIL}",
        rf"(?:agency|supplier|vendor){POSS} name{TAIL}",
        r"(?:accepting|receiving|selected) (?:agency|provider|supplier|vendor)",
    ),
    *_label("org", SUPPLIER, False, r"supplier", r"agency", r"vendor", r"to"),
    *_label(
        "org",
        PAYER,
        True,
        r"primary (?:insurance|payer|payor)(?: name)?",  # not a secondary one: the referral's payer is the first
        r"insurance (?:company|carrier|plan)(?: name)?",
        r"pay[eo]r name",
        r"primary insurer",
        r"insurer name",
    ),
    # weak: 'Acme Health Plan' is a payer's name, not a caption in it
    *_label("org", PAYER, False, r"insurance", r"insurer", r"pay[eo]r", r"health ?plan(?: name)?", r"plan"),
    *_label("npi", PROVIDER, True, r"(?:physician|attending|ordering|prescriber) ?np[il1!|]"),
    *_label("npi", SUPPLIER, True, r"(?:supplier|agency|dme) ?np[il1!|]"),
    *_label("npi", None, True, r"np[il1!|](?: ?#| number| no\.?)?"),
    # 'NPI' with its P read as F: a caption only before ':' or '#' or at a segment's start
    *_label("npi", None, False, r"nf[il1!|](?: ?#)?"),
    *_label(
        "phone", PATIENT, True, rf"(?:patient|home|member){POSS} ?(?:phone|telephone|tel\.?)(?: no\.?| number| #)?"
    ),
    *_label("phone", PROVIDER, True, r"(?:physician|office) ?(?:phone|telephone|tel)"),
    *_label("phone", None, True, r"telephone", r"phone", r"tel\.?", r"ph", r"call ?back(?: number| no\.?| #)?"),
    *_label("phone", None, False, r"te[t1I]"),  # 'Tel' with its l misread, a caption only before ':'/at the start
    *_label("fax", PROVIDER, True, r"(?:physician|office) ?fax", r"fax(?: ?#| no\.?)?"),
    *_label(
        "address",
        PATIENT,
        True,
        r"(?:patient|member|client)'?s? (?:home |delivery |mailing )?address",
        r"(?:home|delivery|residential|shipping|mailing|discharge|current|permanent) address",
        r"ship(?:ping)? to",
        r"deliver to",
    ),
    *_label("address", None, False, r"address", r"street(?: address)?", r"addr\.?"),
    *_label("dob", PATIENT, True, r"date of birth", r"d\.?o\.?b\.?", r"birth ?date", r"born"),
    *_label("sex", PATIENT, True, rf"(?:patient|member){POSS} (?:sex|gender)"),
    *_label("sex", PATIENT, False, r"sex", r"gender"),
    *_label(
        "member_id",
        PATIENT,
        True,
        r"(?:medicare|medicaid) ?/ ?member (?:no\.?|number|id|#)",
        r"member (?:id|no\.?|number|#)",
        r"subscriber (?:id|no\.?|#)",
        r"(?:medicare|medicaid) (?:id|no\.?|#|number)",
        r"policy (?:id|no\.?|number|#)",
        r"insurance id",
        rf"(?:patient{POSS} )?(?:hi |health insurance )?claim (?:no\.?|number|#)",
        r"beneficiary (?:id|no\.?|number|#)",
        r"hicn",
        r"id ?#",
        r"id no\.?",
        r"mbi",
    ),
    *_label(
        "order_date",
        None,
        True,
        r"order date",
        r"date ordered",
        r"date of order",
        r"referral date",
        r"date of referral",
        r"ordered on",
    ),
    *_label(
        "start_date",
        None,
        True,
        r"start date",
        r"start of care",
        r"soc date",
        r"services to begin",
        r"requested start",
        r"please start on",
        r"start",
    ),
    *_label(
        "discharge_date",
        None,
        True,
        r"discharge date",
        r"hosp(?:ital|\.|,)? discharge",
        r"date of discharge",
        r"discharged from (?:the )?hospital on",
        r"discharged on",
        r"(?:anticipated|expected|planned|projected) (?:discharge|d/ ?c)(?: date)?",
        r"d/ ?c date",
    ),
]
# A bare "Provider's Name" is the agency on a form that names the physician in a box of its own
# (CMS-485), but may be the physician on another: it counts only on a page with a physician label.
BARE_PROVIDER = Label("org", SUPPLIER, False, re.compile(rf"(?<![A-Za-z])provider{POSS} name{TAIL}(?![A-Za-z])", re.I))
LABELS.append(BARE_PROVIDER)
ANCHOR_KINDS = {"name", "org"}
PROVIDER_ANCHOR = Label("name", PROVIDER, True, re.compile(r"(?!)"))  # stands for a credentialed name line


@dataclass(frozen=True)
class LabelHit:
    label: Label
    segment: Segment
    start: int
    end: int
    role: str | None = None

    @property
    def kind(self) -> str:
        return self.label.kind


def hits_in(segment: Segment) -> list[LabelHit]:
    """Label occurrences in one segment, longest first where they overlap, in text order."""
    text = segment.text
    folded = fold_accents(text)
    found = [LabelHit(label, segment, m.start(), m.end()) for label in LABELS for m in label.pattern.finditer(folded)]
    found = [h for h in found if h.label.strong or _weak_ok(text, h)]
    fuzzy = fuzzy_caption(segment) if not any(h.label.strong for h in found) else None
    if fuzzy is not None:  # the whole segment is one garbled caption ('Patient Talephone', not 'Patient')
        return [fuzzy]
    found += [h for h in fuzzy_phrases(segment) if all(h.end <= f.start or h.start >= f.end for f in found)]
    kept: list[LabelHit] = []
    for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return _without_qualifiers(sorted(kept, key=lambda h: h.start), text)


def _without_qualifiers(hits: list[LabelHit], text: str) -> list[LabelHit]:
    """The hits less a weak label run straight into the next one ('Plan Member #' is the member
    number, not the plan): a word qualifying the caption after it, with no value of its own."""
    out = []
    for hit, after in zip(hits, [*hits[1:], None], strict=False):
        if hit.label.strong or after is None or text[hit.end : after.start].strip():
            out.append(hit)
    return out


# Captions of a box or a line as forms print them, for captions OCR garbled past every synonym
# ('Patent Telephc ne'): (kind, role) of each. Only long captions: a short word is too easily another.
FUZZY_CAPTIONS: dict[str, tuple[str, str | None]] = {
    "patient telephone": ("phone", PATIENT),
    "patient phone": ("phone", PATIENT),
    "date of birth": ("dob", PATIENT),
    "primary insurance": ("org", PAYER),
    "insurance company": ("org", PAYER),
    "ordering physician": ("name", PROVIDER),
    "physician name": ("name", PROVIDER),
    "patient name": ("name", PATIENT),
    "member name": ("name", PATIENT),
    "member number": ("member_id", PATIENT),
    "discharge date": ("discharge_date", None),
    "physician phone": ("phone", PROVIDER),
    "physician telephone": ("phone", PROVIDER),
    "physician fax": ("fax", PROVIDER),
    "physician npi": ("npi", PROVIDER),
    "referring physician": ("name", PROVIDER),
    "start of care": ("start_date", None),
    "date of referral": ("order_date", None),
    "referral date": ("order_date", None),
    "member id number": ("member_id", PATIENT),
    "health insurance": ("org", PAYER),
    "delivery address": ("address", PATIENT),
}
FUZZY_MIN_LETTERS = 11
FUZZY_RATIO = 0.88  # difflib's ratio of the caption's letters to a known caption's
FUZZY_MARGIN = 0.06  # ... and clearly nearer it than to any caption of another field
CAPTION = re.compile(r"^\s*(?:(?:box|item)\s*)?(?:\(?\d{1,2}[a-z]?[.):]?\s+)?([A-Za-z][A-Za-z '’.]*?)\s*:?\s*$", re.I)


# A name-order hint after a caption ('Patient (Last, First)'): the caption names a person.
NAME_ORDER_HINT = re.compile(r"\s*\((?:last|first)\b[^)]{0,24}\)\s*:?\s*$", re.IGNORECASE)


# A box's number before its caption: '3.', '12)', '6a.', '(4)', 'Box 7', 'Item 21:'.
BOX_NUMBER = re.compile(r"^\s*(?:(?:box|item)\s*)?\(?\d{1,2}[a-z]?(?:[.):]|\s)?\s*", re.IGNORECASE)


def fuzzy_caption(segment: Segment) -> LabelHit | None:
    """A segment that is nothing but a caption OCR garbled ('Patent Telephc ne'), as the label it
    is nearest to, when it is near one known caption and clearly nearer it than any other field's."""
    text = fold_accents(segment.text)
    hint = NAME_ORDER_HINT.search(text)  # 'Patiant (Last, First)': the hint says 'name'
    match = CAPTION.match(text[: hint.start()] if hint else text)
    letters = _letters(match.group(1)) + ("name" if hint else "") if match else ""
    if not match or len(letters) < FUZZY_MIN_LETTERS or len(match.group(1).split()) > 4:
        return None
    scored = sorted(
        (
            (difflib.SequenceMatcher(None, letters, caption.replace(" ", "")).ratio(), field)
            for caption, field in FUZZY_CAPTIONS.items()
        ),
        reverse=True,
    )
    best, field = scored[0]
    rivals = [ratio for ratio, other in scored[1:] if other != field]
    if best < FUZZY_RATIO or (rivals and best - rivals[0] < FUZZY_MARGIN):
        return None
    return LabelHit(_label_for(field), segment, match.start(1), match.end(1))


def _letters(text: str) -> str:
    """The text's letters alone, in lower case: what a garbled caption is compared by."""
    return re.sub(r"[^a-z]", "", text.lower())


def _label_for(field: tuple[str, str | None]) -> Label:
    """The first label of a (kind, role): the one a fuzzy caption or phrase stands for."""
    return next(lab for lab in LABELS if (lab.kind, lab.role) == field)


# Long phrases letters and orders use before a date in prose, for phrases OCR garbled past the
# label's pattern ('who was disciarged from hospital on ...'): only long ones, where one or two
# letters misread still leave the phrase far from anything else.
FUZZY_PHRASES: dict[str, tuple[str, str | None]] = {
    "discharged from hospital on": ("discharge_date", None),
    "discharged from the hospital on": ("discharge_date", None),
}
PHRASE_RATIO = 0.9
WORD = re.compile(r"\S+")


def fuzzy_phrases(segment: Segment) -> list[LabelHit]:
    """Garbled long prose phrases in a segment: a run of as many words as the phrase whose
    letters are near the phrase's (difflib ratio >= 0.9), as that phrase's label."""
    words = list(WORD.finditer(fold_accents(segment.text)))
    hits = []
    for phrase, field in FUZZY_PHRASES.items():
        size, letters = len(phrase.split()), phrase.replace(" ", "")
        for i in range(len(words) - size + 1):
            run = _letters("".join(w.group() for w in words[i : i + size]))
            if difflib.SequenceMatcher(None, run, letters).ratio() >= PHRASE_RATIO:
                hits.append(LabelHit(_label_for(field), segment, words[i].start(), words[i + size - 1].end()))
    return hits


def fold_accents(text: str) -> str:
    """The text with accents OCR put on plain letters taken off ('Génder' -> 'Gender'), one
    character for one, so positions in it are positions in `text`."""
    return "".join(_base(ch) for ch in text)


def _base(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base.isascii() and base.isalpha() else char


SECONDARY = re.compile(r"(?:secondary|tertiary|2nd|3rd|other)\s*$", re.IGNORECASE)  # not the record's own


def _weak_ok(text: str, hit: LabelHit) -> bool:
    before = BOX_NUMBER.sub("", text[: hit.start])
    after = text[hit.end :].lstrip()
    if after.lower().startswith(("signature", "sign")) or SECONDARY.search(before):
        return False
    return after.startswith((":", "#")) or not before.strip()
