"""Captions and prose phrases OCR garbled past every synonym's pattern ('Patent Telephc ne', 'Insura ice',
'who was disciarged from hospital on'): found by their letters' nearness to the captions forms print."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from parsers.fax import lexicon
from parsers.fax.model import Segment
from parsers.fax.ocr_distance import nearest_caption
from parsers.fax.synonyms import PATIENT, PAYER, PROVIDER, SUPPLIER, LabelHit, label_for

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
    "practitioner name": ("name", PROVIDER),  # a standard written order's 'Treating practitioner'
    "patient name": ("name", PATIENT),
    "member name": ("name", PATIENT),
    "beneficiary name": ("name", PATIENT),  # a CMS form's 'Beneficiary name (last, first)'
    "member number": ("member_id", PATIENT),
    "discharge date": ("discharge_date", None),
    "hospital discharge date": ("discharge_date", None),
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
    "patient address": ("address", PATIENT),  # a numbered box's '6a Patient address' ('Patrent address')
    # a CMS-485's box "1 Patient's HI Claim No" (its "Patient's Name and Address" box is left to the synonyms:
    # as a garbled caption it took a value not the name's)
    "patients hi claim no": ("member_id", PATIENT),
    # a health plan's forms name the patient 'member' (synonyms.py has these as captions too)
    "member phone": ("phone", PATIENT),
    "member telephone": ("phone", PATIENT),
    "member address": ("address", PATIENT),
    # a fill-in form's captions (caption_gap.py: the caption before its underline's gap)
    "street address": ("address", None),
    "home health agency": ("org", SUPPLIER),
    "supplier name": ("org", SUPPLIER),  # 'Suppher name': its 'li' run together as 'h'
    "agency name": ("org", SUPPLIER),
    "vendor name": ("org", SUPPLIER),
    # an EHR's expected discharge ('Anticipated D/C'; synonyms.py has these as captions too)
    "anticipated dc": ("discharge_date", None),
    "anticipated discharge": ("discharge_date", None),
}
FUZZY_MIN_LETTERS = 11
MAX_WORDS = 5  # a caption's words at most ("Patient's Name and Address")
FUZZY_RATIO = 0.88  # difflib's ratio of the caption's letters to a known caption's
FUZZY_MARGIN = 0.06  # ... and clearly nearer it than to any caption of another field
# (a colon glued to a word inside it is a letter OCR misread: 'Membe: Address' for Member Address)
CAPTION = re.compile(
    r"^\s*(?:(?:box|item)\s*)?(?:\(?\d{1,2}[a-z]?[.):]?\s+)?"
    r"([A-Za-z](?:[A-Za-z '’./]|(?<=[A-Za-z]):(?=\s))*?)\s*[:#]?\s*$",
    re.IGNORECASE,
)
# One-word captions of 8+ letters, for a segment OCR put one letter off one of them ('Insura ice',
# 'Caltback #'): too short for the ratio above, so one edit at most, and only when the segment's
# letters are no English word themselves ('Supplies' is a word, not a garbled 'Supplier').
SHORT_CAPTIONS: dict[str, tuple[str, str | None]] = {
    "insurance": ("org", PAYER),
    "supplier": ("org", SUPPLIER),
    "callback": ("phone", None),
    "telephone": ("phone", None),
    "physician": ("name", PROVIDER),
    "prescriber": ("name", PROVIDER),
    "attending": ("name", PROVIDER),
    "birthdate": ("dob", PATIENT),
    "officefax": ("fax", PROVIDER),
    "memberid": ("member_id", PATIENT),  # 'Member it', 'Member iO': a small caption's ID misread
}
SHORT_MIN_LETTERS = 7


# A name-order hint after a caption ('Patient (Last, First)'): the caption names a person.
NAME_ORDER_HINT = re.compile(r"\s*\((?:last|first)\b[^)]{0,24}\)\s*:?\s*$", re.IGNORECASE)


# A caption's closing 'ID' OCR read with a zero or an O ('Member i0', 'Member (0', 'Member tO'): its letters the
# caption's, as 'ID' (the same length: the hit's place in the segment holds)
ID_WITH_ZERO = re.compile(r"(?<=[A-Za-z] )(?:[iIl1|(][oO0]|t[O0]|T0)(?=\s*[:#]?\s*$)")


def fuzzy_caption(segment: Segment) -> LabelHit | None:
    """A segment that is nothing but a caption OCR garbled ('Patent Telephc ne'), as the label it
    is nearest to, when it is near one known caption and clearly nearer it than any other field's."""
    text = ID_WITH_ZERO.sub("ID", fold_accents(segment.text))
    hint = NAME_ORDER_HINT.search(text)  # 'Patiant (Last, First)': the hint says 'name'
    match = CAPTION.match(text[: hint.start()] if hint else text)
    letters = letters_of(match.group(1)) if match else ""
    letters += "name" if hint and match and not letters.endswith("name") else ""  # said once ('Member Name (First')
    if not match or len(letters) < SHORT_MIN_LETTERS or len(match.group(1).split()) > MAX_WORDS:
        return None
    merged = _look_alike_caption(letters)
    if merged is not None:
        return LabelHit(label_for(merged), segment, match.start(1), match.end(1))
    short = _short_caption(letters) if len(letters) < FUZZY_MIN_LETTERS else None
    if short is not None:
        return LabelHit(label_for(short), segment, match.start(1), match.end(1))
    garbled = _garbled_caption(letters) if len(letters) >= FUZZY_MIN_LETTERS else None
    caption = garbled or _misread_caption(letters, match.group(1))  # 'Date of bith': short of its letters
    if caption is None or _swapped_word(match.group(1), caption):
        return None
    return LabelHit(label_for(FUZZY_CAPTIONS[caption]), segment, match.start(1), match.end(1))


@functools.lru_cache(maxsize=8192)  # the stages read a page's captions again and again: the same strings
def _garbled_caption(letters: str) -> str | None:
    """The known caption `letters` are near by difflib's ratio, clearly nearer it than any other field's."""
    matchers = [
        (difflib.SequenceMatcher(None, letters, caption.replace(" ", "")), caption) for caption in FUZZY_CAPTIONS
    ]
    if not any(m.quick_ratio() >= FUZZY_RATIO for m, _ in matchers):
        return None  # quick_ratio bounds ratio from above: no caption is near (most segments; a third of the CPU)
    scored = sorted(
        ((matcher.ratio(), caption) for matcher, caption in matchers),
        key=lambda scored: scored[0],  # by nearness alone
        reverse=True,
    )
    best, caption = scored[0]
    rivals = [ratio for ratio, other in scored[1:] if FUZZY_CAPTIONS[other] != FUZZY_CAPTIONS[caption]]
    return None if best < FUZZY_RATIO or (rivals and best - rivals[0] < FUZZY_MARGIN) else caption


@functools.lru_cache(maxsize=8192)
def _misread_caption(letters: str, text: str) -> str | None:
    """The known caption `letters` misread glyph by glyph ('Date of turth', 'Antielpated D/C';
    ocr_distance.py), unless a word of `text` is an English word no known caption has."""
    words = {word for known in FUZZY_CAPTIONS for word in known.split()}
    if any(lexicon.known(word) and letters_of(word) not in words for word in text.split()):
        return None
    return nearest_caption(letters, FUZZY_CAPTIONS)


def _swapped_word(text: str, caption: str) -> bool:
    """The last word of `text`, where a caption names what it asks for ('Physician fax', 'Patient phone',
    'Date of birth'), is an English word of its own as long as the caption's and not it ('Physician tax',
    'Patient prone'): a caption of something else, not a misread of `caption`."""
    read, printed = letters_of(text.split()[-1]), caption.split()[-1]
    # a word of two letters ('Ne' for 'No') is as likely a misread as a word: the rest of the caption decides
    return read != printed and len(read) == len(printed) > 2 and lexicon.known(read)


# Letters a narrow or small face runs together, as OCR reads them: 'ti' as 'n' ('Panent name'), 'rn' as
# 'm' and back, 'cl' as 'd', 'li' as 'h'.
LOOK_ALIKES = (("n", "ti"), ("m", "rn"), ("rn", "m"), ("d", "cl"), ("h", "li"))


def _look_alike_caption(letters: str) -> tuple[str, str | None] | None:
    """The (kind, role) of the known caption `letters` spell exactly once one run of look-alike letters
    is put back ('panentname' -> 'patientname'), unless they spell an English word as they are."""
    if lexicon.known(letters):
        return None
    known = {caption.replace(" ", ""): field for caption, field in FUZZY_CAPTIONS.items()}
    fields = {
        known[variant]
        for read, meant in LOOK_ALIKES
        for at in range(len(letters))
        if letters.startswith(read, at) and (variant := letters[:at] + meant + letters[at + len(read) :]) in known
    }
    return fields.pop() if len(fields) == 1 else None


def _short_caption(letters: str) -> tuple[str, str | None] | None:
    """The (kind, role) of the one short caption `letters` are one edit from, or else misread glyph by glyph
    ('Suppher' for 'Supplier'), unless they make a word."""
    if lexicon.known(letters):
        return None
    near = [field for caption, field in SHORT_CAPTIONS.items() if one_edit(letters, caption)]
    if near:
        return near[0] if len(near) == 1 else None
    misread = nearest_caption(letters, SHORT_CAPTIONS)
    return SHORT_CAPTIONS[misread] if misread else None


def one_edit(a: str, b: str) -> bool:
    """Exactly one letter substituted, dropped or added turns `a` into `b`."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    head = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[head + 1 :] == b[head + 1 :]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[head + 1 :] == shorter[head:]


def letters_of(text: str) -> str:
    """The text's letters alone, in lower case: what a garbled caption is compared by."""
    return re.sub(r"[^a-z]", "", text.lower())


# Long phrases letters and orders use before a date in prose, for phrases OCR garbled past the
# label's pattern ('who was disciarged from hospital on ...'): only long ones, where one or two
# letters misread still leave the phrase far from anything else.
FUZZY_PHRASES: dict[str, tuple[str, str | None]] = {
    "discharged from hospital on": ("discharge_date", None),
    "discharged from the hospital on": ("discharge_date", None),
    "discharged home on": ("discharge_date", None),
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
            run = letters_of("".join(w.group() for w in words[i : i + size]))
            if _near_phrase(run, letters):
                hits.append(LabelHit(label_for(field), segment, words[i].start(), words[i + size - 1].end()))
    return hits


@functools.lru_cache(maxsize=8192)
def _near_phrase(run: str, letters: str) -> bool:
    matcher = difflib.SequenceMatcher(None, run, letters)  # the quick bounds first: most runs are far off
    return (
        matcher.real_quick_ratio() >= PHRASE_RATIO
        and matcher.quick_ratio() >= PHRASE_RATIO
        and matcher.ratio() >= PHRASE_RATIO
    )


def fold_accents(text: str) -> str:
    """The text with accents OCR put on plain letters taken off ('Génder' -> 'Gender'), and a c read as
    a cent sign put back ('Physi¢ian'), one character for one, so positions in it are positions in `text`."""
    if text.isascii():
        return text  # no accent to take off (an ASCII character's own base)
    return "".join(_base(ch) for ch in text)


GLYPH_LETTERS = {"¢": "c"}  # a sign OCR reads for a letter of its shape


def _base(char: str) -> str:
    if char in GLYPH_LETTERS:
        return GLYPH_LETTERS[char]
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base.isascii() and base.isalpha() else char
