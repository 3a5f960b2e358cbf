"""US states: the USPS codes, and states written out before a ZIP ('Hartford, Connecticut 06101') as their codes."""

from __future__ import annotations

import re

USPS_STATES = frozenset(  # the USPS codes of states, DC and territories
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "PR",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "VI",
        "WA",
        "WV",
        "WI",
        "WY",
        "GU",
        "AS",
        "MP",
    ]
)


STATE_CODES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "district of columbia": "DC", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
    "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
    "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
    "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
    "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR",
}  # fmt: skip
# A state's name only right before a ZIP: 'Washington St' or 'New York, NY' keep their words.
NAMED_STATE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in STATE_CODES), key=len, reverse=True)) + r")"
    r"(?=[\s.,]*\d{5}(?![\d]))",
    re.IGNORECASE,
)


def with_state_codes(text: str) -> str:
    """`text` with each state's name before a ZIP replaced by its code, padded to the same length
    (so positions in the text still point at the same words)."""
    return NAMED_STATE.sub(_code, text)


def _code(match: re.Match[str]) -> str:
    code = STATE_CODES[" ".join(match.group(1).lower().split())]
    return code + " " * (len(match.group(1)) - len(code))
