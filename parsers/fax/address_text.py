"""An address read from one line of text: street, unit, city, a USPS state code and a ZIP code.

The parts as OCR leaves them on a fax (captions of their own, a comma read as ';', specks and streaks at
the edges, a state's name for its code, a ZIP's leading 0 as a look-alike where the state fixes it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.fax import zipcodes
from parsers.fax.state_names import USPS_STATES, with_state_codes
from parsers.fax.street_case import street_cased
from parsers.fax.values import Read

# a stray quote mark OCR puts before the state code ('‘CT'), or a ruling's bar after the city's comma
# ('Providence,|RI'), is no part of it; a ZIP's leading 0 may come as a look-alike ('CT @6511': ZIP_ZERO)
STATE_ZIP = re.compile(
    r"[,;\s]\s*[‘’'`|]?([A-Za-z!|1\[\]{}]{2})[\s.,;:'|\-]*([\d@OoQD]\d{4})(?:\s?-\s?(\d{4})|\s(\d{4}))?(?![\d-])"
)
# OCR's I in 'R!', 'I1', 'lL', 'R}', ']L'
STATE_I = str.maketrans({"!": "I", "|": "I", "1": "I", "l": "I", "}": "I", "{": "I", "]": "I", "[": "I"})

UNIT = re.compile(r"^(?:apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|#)\b\.?\s*#?\s*[\w-]+$", re.IGNORECASE)
UNIT_AT_END = re.compile(
    r"^(.*\S)\s+((?:apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|#)\b\.?\s*#?\s*[\w-]+)$", re.IGNORECASE
)
STREET = re.compile(r"^\d+[A-Za-z]?(?:\s+[A-Za-z0-9.'\-]+)+$")
STREET_END = re.compile(
    r"^(.*?\b(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|way|ct|court|pl|place|"
    r"ter|terrace|pkwy|parkway|hwy|highway|cir|circle|sq|square)\.?)\s+(.+)$",
    re.IGNORECASE,
)
CITY = re.compile(r"^[A-Za-z][A-Za-z .'\-]*[A-Za-z]$")
# Captions of an address's parts on its line ('City:', 'State:', 'Zip Code:', 'City/State/Zip:'): separators.
PART_CAPTION = re.compile(r"\b(?:city(?:\s*/\s*state(?:\s*/\s*zip)?)?|state|zip(?:\s*code)?|postal code)\s*[:#]", re.I)
# what OCR makes of a speck, a dash, a leader or an underline's end at an address line's edge ('== 12 Oak')
SPECKS = " '\"`_|-+=~*\u2022\u2013\u2014\u2018\u2019\u201c\u201d"
# A caption that is nothing but one part of an address ('City', 'State', 'ZIP', 'Apt / Unit'), also after
# the end of the fill-in line or a speck OCR read before it ('— Apt / Unit').
PART_ALONE = re.compile(
    r"^[\s\-\u2013\u2014_~'‘’`|.]*(?:(?P<unit>apt\.?|apartment|unit|suite|ste\.?|apt\.?\s*/\s*\w+)|(?P<city>city)|(?P<state>state)"
    r"|(?P<zip>zip(?:\s*code)?|postal\s*code))\s*[:#.]?\s*$",
    re.IGNORECASE,
)


# A bar between two of an address's words ('Oak|Ridge', 'Oak |Ridge'): a fax streak or a rule OCR read, no
# character. Inside a word ('Hil|side') it may be the word's l, so it stays (and the street is no street).
STREAK_BAR = re.compile(r"(?<=\s)\|+|\|+(?=\s)|(?<=[a-z.,])\|+(?=[A-Z0-9])")


@dataclass(frozen=True)
class AddressValue:
    line1: str
    line2: str | None
    city: str
    state: str
    zip: str


def read_address(text: str) -> Read | None:
    """'12 Elm St, Apt 3B, Hartford, CT 06103-1234' (commas optional between street and city): the
    street, unit, city, a real USPS state code and a 5- or 9-digit ZIP, or None when any is missing.
    The parts may carry captions of their own ('12 Oak St  City: Hartford  State: CT  Zip: 06103')."""
    text = PART_CAPTION.sub(lambda m: "," + " " * (len(m.group()) - 1), text)  # same length: spans hold
    text = with_state_codes(text)  # 'Connecticut 06101': 'CT          06101', the same length too
    text = text.replace(";", ",")  # a comma as OCR reads it ('Oak Ridge Rd; Apt 204'): no address holds one
    found = next((m for m in STATE_ZIP.finditer(text) if _zip_of(m) is not None), None)
    if found is None:
        return None
    state = _state(found.group(1)) or ""
    zip5 = _zip_of(found) or ""
    parts = _address_parts(text[: found.start()])
    if parts is None:
        return None
    line1, line2, city = parts
    plus4 = found.group(3) or found.group(4)
    zip_code = zip5 + (f"-{plus4}" if plus4 else "")
    start = len(text) - len(text.lstrip(" ,:;"))
    corrected = state != found.group(1).upper() or zip5 != found.group(2)
    return Read(AddressValue(line1, line2, city, state, zip_code), start, found.end(), corrected)


def _zip_of(found: re.Match[str]) -> str | None:
    """The five-digit ZIP of a STATE_ZIP match with a real state: as read, or with a leading 0 OCR read
    as a look-alike ('@6511', 'O2903') when every ZIP code of the state starts with 0 (CT, MA, RI: the
    state fixes that digit, nothing is guessed); None for any other look-alike or no state."""
    state, zip5 = _state(found.group(1)), found.group(2)
    if state is None:
        return None
    if zip5[0].isdigit():
        return zip5
    return "0" + zip5[1:] if zipcodes.first_digit(state) == "0" else None


def _state(raw: str) -> str | None:
    """The USPS state code `raw` stands for: as read, or with an I that OCR read as '!', '|', '1', 'l',
    a brace or a bracket ('R!', 'R}' are RI); a pair with no letter is none."""
    if not any(ch.isalpha() for ch in raw):
        return None
    for reading in (raw.upper(), raw.translate(STATE_I).upper()):
        if reading in USPS_STATES:
            return reading
    return None


def _address_parts(head: str) -> tuple[str, str | None, str] | None:
    """(street, unit or None, city) from the text before the state: comma-separated, or split after
    the street's suffix ('12 Elm St Hartford')."""
    head = STREAK_BAR.sub(" ", head)  # 'Oak|Ridge Rd': a fax streak between two words
    parts = [" ".join(p.split()).strip(SPECKS) for p in head.strip(" ,:;").split(",")]  # "' Springfield"
    parts = [p for p in parts if p]
    if len(parts) == 1:
        split = STREET_END.match(parts[0])
        parts = [split.group(1), split.group(2)] if split else parts
    if len(parts) < 2 or len(parts) > 3:
        return None
    if len(parts) == 2 and (unit_at_end := UNIT_AT_END.match(parts[0])):  # '3490 Asylum Ave Apt 12, New Haven'
        parts = [unit_at_end.group(1), unit_at_end.group(2), parts[1]]
    street, city = street_cased(parts[0].rstrip(".")), parts[-1]
    unit = parts[1] if len(parts) == 3 else None
    if not STREET.match(street) or not CITY.match(city) or (unit is not None and not UNIT.match(unit)):
        return None
    return street, unit, city
