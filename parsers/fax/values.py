"""Value readers for field text: dates in US forms, names in both orders, phones, ids, sex.

Each reader takes the text after a label (or a sentence) and returns the value and the span of
`text` it came from, or None. They never invent characters: a value that does not parse is None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parsers.fax.org_misreads import misread_name, recapitalised

MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}
NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s?[/\-.]\s?(\d{1,2})\s?[/\-.]\s?(\d{4}|\d{2})(?![\d/])")
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
LONG_DATE = re.compile(  # a "." after the day is a misread ","; 'January 23rd, 1945' too
    rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s?[,.|]?\s*(\d{{4}})\b",
    re.IGNORECASE,
)
DAY_MONTH_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{MONTH}[\s,-]+(\d{{4}})\b", re.IGNORECASE
)  # 23-Jan-1945
# '(860) 555-1234', '860.555.1234', and as older office forms write it, '860/555-1234'
# (a bracket OCR split off its area code as a word of its own: '(617 )555-6343')
PHONE = re.compile(
    r"(?<!\d)(?:\+?1[\s.-]?)?(?:\(\s?)?(\d{3})(?:\s?\))?(?:[\s.-]{0,2}|\s?/\s?)(\d{3})[\s.-]{0,2}(\d{4})(?!\d)"
)
NAME_WORD = re.compile(r"^[A-Za-z][A-Za-z'\-]*\.?$")
# Where a name ends: a wide gap, a bracket, a caption, or the first word with a digit in it (no name has
# one: 'SMITH, JOHN 01/02/1950 M' is a name, then a birth date).
NAME_END = re.compile(r"\s{2,}|[;(]|\b(?:DOB|D\.O\.B|date|born|MRN|ID)\b|\s(?=\S*\d)", re.IGNORECASE)
# Words of a form's captions: a "name" made of them is a label read as a value ("Name and Address").
FORM_WORDS = frozenset(
    {
        *("name", "names", "and", "address", "addr", "npi", "phone", "telephone", "tel", "fax"),
        *("date", "birth", "dob", "sex", "gender", "id", "no", "number", "signature", "diagnosis"),
        *("patient", "physician", "provider", "insurance", "payer", "payor", "mi", "m.i"),  # (MI: middle initial)
        *("member", "subscriber", "beneficiary", "enrollee"),  # the person a caption names, not a name
        # a clinician's role in a caption ('REFERRING MD', its MD read 'MOD'), no one's name
        *("ordering", "referring", "certifying", "treating", "prescribing", "requesting", "attending"),
        *("dear", "team", "intake", "staff", "sincerely", "regards", "colleague", "colleagues"),  # a letter's
    }
)
# Words of an order's subject, no person's name: 'RE: Oxygen Order', 'RE: DME Referral' name no patient.
ORDER_WORDS = frozenset(
    {
        *("order", "orders", "referral", "request", "form", "prescription", "rx", "equipment", "supplies"),
        *("services", "service", "oxygen", "therapy", "authorization", "certificate", "necessity", "dme"),
        *("information", "renewal", "urgent", "stat", "plan", "care", "medical", "home", "health", "delivery"),
    }
)
# 'Carter, Helen' (a person's name, last name first), unless a company's suffix follows the comma
LAST_FIRST = re.compile(r"^[A-Z][A-Za-z'\-]+,\s+[A-Z][A-Za-z'\-]+(?:\s+[A-Z]\.?)?$")
COMPANY_SUFFIXES = frozenset({"inc", "llc", "ltd", "corp", "co", "pc", "pa", "pllc", "llp", "lp"})
# A document's own name ending a title: 'Home Infusion Referral', 'DME Order Form' name no company; nor
# does a section's title after a party's caption ('Supplier Attestation', 'Agency Use Only').
DOCUMENT_WORDS = frozenset(
    {
        *("order", "orders", "referral", "request", "form", "prescription", "certificate", "renewal"),
        *("attestation", "acknowledgement", "acknowledgment", "instructions", "notice", "consent", "only"),
    }
)
# What a form's blank is filled with when it holds no value: no organisation's name.
PLACEHOLDER = re.compile(
    r"^(?:n/?a|none|unknown|pending|tbd|to be determined|not applicable|same(?: as above)?"
    r"|see (?:above|attached|below))$",
    re.IGNORECASE,
)
STRAY = " '‘’`\"|_.:-"  # marks a box edge or a smudge leaves before or after a value
NAME_EDGE_MARKS = "'‘’`\"“”[]{}|:;"  # marks a re-read adds at a name word's edges (plain_name_text)
MAX_NAME_WORDS = 4
# Words opening a last name ('Maria de la Cruz', 'Anna Van Buren'): the last name is them and the word after
SURNAME_PARTICLES = frozenset(
    {"de", "la", "del", "della", "van", "von", "der", "den", "da", "di", "du", "le", "dos", "das"}
)
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # 'John Smith Jr.': no part of the first or last name
CREDENTIALS = {"md", "m.d", "do", "d.o", "np", "pa-c", "rn", "aprn", "fnp", "dpm", "phd"}
SUFFIXES = {"md", "m.d.", "do", "d.o.", "np", "pa", "rn", "dr", "dr.", "phd", "pa-c", "aprn", "fnp"}
MEMBER_ID = re.compile(r"\b([A-Z0-9][A-Z0-9\-]{4,18}[A-Z0-9])\b")
DIGIT_LOOKALIKES = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "I": "1",
        "l": "1",
        "|": "1",
        "S": "5",
        "B": "8",
        "Z": "2",
        "G": "6",
    }
)


@dataclass(frozen=True)
class Read:
    value: object
    start: int
    end: int
    corrected: bool = False


def read_date(text: str, two_digit_birth: bool = False) -> Read | None:
    """The first date in `text` in any common US form."""
    patterns = (NUMERIC_DATE, ISO_DATE, LONG_DATE, DAY_MONTH_DATE)
    found = [m for m in (p.search(text) for p in patterns) if m]
    for match in sorted(found, key=lambda m: m.start()):
        value = _date_of(match, two_digit_birth)
        if value is not None:
            return Read(value, match.start(), match.end())
    return None


def _date_of(match: re.Match[str], two_digit_birth: bool) -> dt.date | None:
    a, b, c = match.groups()
    try:
        if match.re is ISO_DATE:
            return dt.date(int(a), int(b), int(c))
        if match.re is LONG_DATE:
            return dt.date(int(c), MONTHS[a[:3].lower()], int(b))
        if match.re is DAY_MONTH_DATE:
            return dt.date(int(c), MONTHS[b[:3].lower()], int(a))
        year = int(c)
        if len(c) == 2:
            year += 1900 if two_digit_birth and year > dt.date.today().year % 100 else 2000
        return dt.date(year, int(a), int(b))
    except ValueError:
        return None


def read_phone(text: str) -> Read | None:
    match = PHONE.search(text)
    return Read("".join(match.groups()), match.start(), match.end()) if match else None


SEMICOLON_COMMA = re.compile(r"(?<=[A-Za-z]);(?=\s*[A-Z])")


def read_name(text: str) -> Read | None:
    """(first, last) from 'Smith, John', 'John Smith', 'John Q. Smith, MD' (a comma OCR read as a
    semicolon, 'Smith; John', is the comma)."""
    text = SEMICOLON_COMMA.sub(",", text)  # one character for one: positions in it are positions in the text
    head = NAME_END.split(text, maxsplit=1)[0]
    parts = [p.strip(STRAY) for p in head.split(",") if p.strip(STRAY)]
    parts = [p for p in parts if p.lower().replace(" ", "") not in SUFFIXES]
    if not parts:
        return None
    words = _name_words(parts[0])
    surname = _surname(words)
    if len(parts) >= 2 and len(surname) == len(words) >= 1 and len(_name_words(parts[1])) in (1, 2):
        value, last_part, last_word = (_name_words(parts[1])[0], " ".join(words)), 1, _name_words(parts[1])[-1]
    elif 2 <= len(words) <= MAX_NAME_WORDS and len(surname) < len(words):
        value, last_part, last_word = (words[0], " ".join(surname)), 0, words[-1]
    else:
        return None
    if not (value[0][:1].isupper() and value[1].split()[-1][:1].isupper()):  # 'to remain safely at home': no name
        return None
    start = text.find(head.strip()[:1]) if head.strip() else 0
    return Read(value, max(start, 0), _name_end(head, parts[: last_part + 1], last_word))


def plain_name_text(text: str) -> str:
    """A re-read of a name as its letters: quote marks and brackets at a word's edges (a box's rule
    read as ']', a speck as '‘') taken off, and each word's first letter a capital ('jane' is the same
    letters scaled): compared with a name the page read gave, never read as a name of its own."""
    words = [w.strip(NAME_EDGE_MARKS) for w in text.split()]
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


def read_name_part(text: str) -> Read | None:
    """One part of a name asked for in parts (under 'Last Name' or 'First Name'): a single capitalised
    name word. More words, or a word that is no name's, is no part: where it would end is a guess."""
    head = NAME_END.split(text, maxsplit=1)[0]
    words = [w.strip(STRAY) for w in head.replace(",", " ").split() if w.strip(STRAY)]
    if len(words) != 1 or not NAME_WORD.match(words[0]) or len(words[0]) < 2:
        return None
    word = words[0]
    if not word[:1].isupper() or _form_words(words) or _order_words(words) or word.lower() in SUFFIXES:
        return None
    start = text.find(word)
    return Read(word, start, start + len(word))


def _name_end(head: str, parts: list[str], last_word: str) -> int:
    """Where a name ends in `head`: after its last name word in the last of `parts` it used, so a
    credential or a stray mark after it ('Jane Doe, ML:' for 'MD') is no part of the name's words
    (nor of their confidence)."""
    at = 0
    for index, part in enumerate(parts):
        at = head.find(part, at) + (len(part) if index < len(parts) - 1 else 0)
    ends = [at + m.end() for m in re.finditer(r"\S+", parts[-1]) if m.group().rstrip(".,") == last_word]
    return ends[-1] if ends else len(head)


def _surname(words: list[str]) -> list[str]:
    """The last name's words at the end of `words`: the last word with the particles just before it
    ('de la Cruz', 'Van Buren'), never the first word (a first name 'Van' or 'Le' stays one)."""
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in SURNAME_PARTICLES:
        start -= 1
    if len(words) >= 1 and all(w.lower() in SURNAME_PARTICLES for w in words[:-1]):
        start = 0  # 'de la Cruz' alone: the last name of a 'Last, First' name
    return words[start:] if words else []


def _name_words(part: str) -> list[str]:
    dropped = SUFFIXES | GENERATIONS
    words = [w for w in part.split() if w.lower().rstrip(".") not in dropped and w.lower() not in SUFFIXES]
    if not words or not all(NAME_WORD.match(w) for w in words) or _form_words(words) or _order_words(words):
        return []
    return [w.rstrip(".") for w in words if len(w.rstrip(".")) > 1 or len(words) <= 2]


def _order_words(words: list[str]) -> bool:
    """True when a word names what is ordered or the document, not a person ('Oxygen Order')."""
    return any(w.lower().strip(".,:") in ORDER_WORDS for w in words)


def _form_words(words: list[str]) -> bool:
    """True when a word is one a form prints, not a person's or company's name ('Name and Address')."""
    return any(w.lower().strip(".,:") in FORM_WORDS for w in words)


def read_npi_text(text: str) -> Read | None:
    """A 10-character run that could be an NPI once look-alike letters are read as digits."""
    match = re.search(r"(?<![A-Za-z0-9])([0-9OoIlSBZGD|]{10})(?![A-Za-z0-9])", text.replace(" ", " "))
    if not match or sum(ch.isdigit() for ch in match.group(1)) < 7:
        return None
    return Read(match.group(1), match.start(1), match.end(1))


SPLIT_START = re.compile(r"(?<![\w/.:-])[A-Za-z]*[0-9][A-Za-z0-9]*\s+$")  # 'W493 ' before '190093'
SPLIT_REST = re.compile(r"^\s+[0-9]+(?![\w/.:-])")  # a bare number after an id: its end read apart, or a suffix


def read_member_id(text: str) -> Read | None:
    """The first id-like run of letters and digits; none when it is not whole as printed: a symbol
    glued to it took one of its characters ('%640338858' for X640338858), or a bare number after it
    may be its own end read apart ('M700744 335', 'W79897 1238': the first piece alone a wrong id), or
    a piece with a digit right before it its start ('W493 190093': too few digits to be an id itself)."""
    match = MEMBER_ID.search(text.upper())
    if not match or sum(ch.isdigit() for ch in match.group(1)) < 4 or SPLIT_REST.match(text[match.end(1) :]):
        return None
    if SPLIT_START.search(text[: match.start(1)]):
        return None
    if ID_GLYPH_BEFORE.search(text[: match.start(1)]) or ID_GLYPH_AFTER.match(text[match.end(1) :]):
        return None
    return Read(match.group(1), match.start(1), match.end(1))


ID_GLYPH_BEFORE = re.compile(r"[^\w\s:#(\[,;.'\"\-/]$")  # a letter read as a symbol right before the id
ID_GLYPH_AFTER = re.compile(r"[^\w\s:#)\],;.'\"\-/]")


SEX_WORD = re.compile(r"\b(male|female|m|f)\b", re.IGNORECASE)


def read_sex(text: str) -> Read | None:
    """'F', 'Female', 'M'; None when the text offers both ('[ ] Male [X] Female', 'M / F'): that is a
    choice whose answer is in its boxes, not in its words."""
    found = list(SEX_WORD.finditer(text))
    if not found or _both_sexes(found):
        return None
    return Read(found[0].group(1)[0].upper(), found[0].start(1), found[0].end(1))


def offers_both_sexes(text: str) -> bool:
    """The text names both sexes ('[ ] Male [X] Female', 'M / F'): a choice, not an answer."""
    return _both_sexes(list(SEX_WORD.finditer(text)))


def _both_sexes(found: list[re.Match[str]]) -> bool:
    return len({m.group(1)[0].upper() for m in found}) > 1


OPENING_QUOTES = "‘“\"`'"  # a speck OCR read as a quote mark before a name: no name opens with one
CLOSING_QUOTES = '’”"`'  # ... or after it ('Summit Advantage’')


# a ruled gutter's line between caption and value as OCR reads it glued to the value ('~RestWell', '§=Summit')
GUTTER_MARKS = "~=+§¦"
ORG_EDGE = " ,.:-|"  # a box's edge read as '|' at either end is no part of the name


# A bracket opening a capitalised word that no bracket closes after it, before any wide gap: no aside
# ('ABC Medical (DME)') but a mark OCR made a bracket of inside the name ('CarePoint (Infusion' for
# 'CarePoint Infusion'): where the name ends is unsure.
UNCLOSED_BRACKET = re.compile(r"^[^(\s][^(]*?\s\((?=[A-Z])[^)]*?(?:\s{2,}|$)")


def read_org(text: str) -> Read | None:
    """An organisation's name: the words up to a bracket or a wide gap."""
    if UNCLOSED_BRACKET.search(text):
        return None  # 'CarePoint (Infusion': a speck read as a bracket inside the name, or an aside cut
    head = re.split(r"\s{2,}|[(;]|\bNPI\b", text, maxsplit=1)[0].strip(ORG_EDGE)
    head = head.lstrip(OPENING_QUOTES + GUTTER_MARKS).rstrip(CLOSING_QUOTES).strip(ORG_EDGE)
    if len(head) < 3 or sum(ch.isalpha() for ch in head) < 3 or _form_words(head.split()[:1]):
        return None
    if PLACEHOLDER.match(head):  # 'Unknown', 'Pending', 'See attached': a blank filled with words
        return None
    start, as_read = text.find(head), head
    head = recapitalised(head)  # 'CarePoint infusion': its capital I read small, put back
    if misread_name(head):  # 'ABC Home Medica!', 'Summit | Advantage': how it is written is unsure
        return None
    if head.split()[-1].lower().strip(",.") in CREDENTIALS:  # 'Jane Doe, MD' is a person, not a company
        return None
    if _not_an_org(head):
        return None
    return Read(head, start, start + len(head), corrected=head != as_read)


# Words a caption names a party by ('Agency / supplier', 'Vendor name'): a value made of them is a caption.
PARTY_WORDS = frozenset({"supplier", "suppliers", "agency", "vendor", "company", "servicing", "rendering"})
# A clinician's title before a name ('Dr. Helen Carter'; as OCR reads it with a period: 'Dt.', 'Or.'):
# a person (whom a supplier's form is faxed to, under its 'TO:'), no company.
TITLE = re.compile(r"^(?:[Dd]octor|D[Rr]\.?|[DO][rtf][.,])\s+[A-Z]")


# Inside a name, a caption ('Sent:') or a date: two fields run together (a text layer keeps no wide gap)
RUN_TOGETHER = re.compile(r"\w:(?:\s|$)|\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
# Inside an organisation's name, a run of seven or more digits: an NPI, a phone or an ID run into it
# ('NPT 1466953548', its NPI caption misread): a name holds no such number.
LONG_NUMBER = re.compile(r"\d{7,}")


def _not_an_org(head: str) -> bool:
    """A head no organisation's name can be: led by punctuation ('/ supplier': the rest of a caption
    after its first word), all caption words, a clinician's title and a name, or with a caption or a
    date inside."""
    words = [w.lower().strip(",.:;/") for w in head.split()]
    captions = all(w in FORM_WORDS or w in PARTY_WORDS for w in words if w)
    title = words[-1] in DOCUMENT_WORDS  # 'Home Infusion Referral': the form's title over its first field
    person = bool(LAST_FIRST.match(head)) and words[-1] not in COMPANY_SUFFIXES
    person = person or TITLE.match(head) is not None  # 'Carter, Helen', 'Dr. Helen Carter': a clinician
    run_together = bool(RUN_TOGETHER.search(head) or LONG_NUMBER.search(head))
    return not head[0].isalnum() or captions or title or person or run_together


def read_quantity(text: str) -> Read | None:
    match = re.search(r"(?<![\w.])([0-9OoIlSBZ|]{1,3})(?![\w.])", text)
    if not match or _mark_glued_after(text, match.start(1), match.end(1)):
        return None
    digits = match.group(1).translate(DIGIT_LOOKALIKES)
    if not digits.isdigit() or int(digits) == 0:
        return None
    return Read(int(digits), match.start(1), match.end(1), corrected=digits != match.group(1))


def _mark_glued_after(text: str, start: int, end: int) -> bool:
    """A bracket or a bar glued after a count's digits with no bracket opened before them ('1]' for 11):
    the mark may be a digit of the count, so the count is unsure."""
    return text[end : end + 1] in {"]", "}", "!"} and text[start - 1 : start] not in {"[", "{", "("}
