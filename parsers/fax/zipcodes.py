"""Which states a ZIP code's first three digits belong to (the USPS's sectional centers).

A re-read of an address that gives a ZIP outside its own state ('Stamford, CT 96901': 969 is Guam)
misread a digit: it is no address at all, so it neither agrees with the page read nor contradicts
it (verify._unread). The ranges are generous (a prefix shared by two states lists both) and a state
not listed, or a prefix in no range, is never called a misfit: only a read that is surely wrong is.
"""

from __future__ import annotations

# state -> the inclusive ranges of three-digit prefixes its ZIP codes start with
RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "MA": ((10, 27), (55, 55)),
    "RI": ((28, 29),),
    "NH": ((30, 38),),
    "ME": ((39, 49),),
    "VT": ((50, 59),),
    "CT": ((60, 69),),
    "NJ": ((70, 89),),
    "NY": ((5, 5), (63, 63), (100, 149)),
    "PA": ((150, 196),),
    "DE": ((197, 199),),
    "DC": ((200, 205), (569, 569)),
    "MD": ((206, 219),),
    "VA": ((201, 201), (220, 246)),
    "WV": ((247, 268),),
    "NC": ((270, 289),),
    "SC": ((290, 299),),
    "GA": ((300, 319), (398, 399)),
    "FL": ((320, 349),),
    "AL": ((350, 369),),
    "TN": ((370, 385),),
    "MS": ((386, 397),),
    "KY": ((400, 427),),
    "OH": ((430, 459),),
    "IN": ((460, 479),),
    "MI": ((480, 499),),
    "IA": ((500, 528),),
    "WI": ((530, 549),),
    "MN": ((550, 567),),
    "SD": ((570, 577),),
    "ND": ((580, 588),),
    "MT": ((590, 599),),
    "IL": ((600, 629),),
    "MO": ((630, 658),),
    "KS": ((660, 679),),
    "NE": ((680, 693),),
    "LA": ((700, 714),),
    "AR": ((716, 729),),
    "OK": ((730, 749),),
    "TX": ((733, 733), (750, 799), (885, 885)),
    "CO": ((800, 816),),
    "WY": ((820, 831),),
    "ID": ((832, 838),),
    "UT": ((840, 847),),
    "AZ": ((850, 865),),
    "NM": ((870, 884),),
    "NV": ((889, 898),),
    "CA": ((900, 961),),
    "HI": ((967, 968),),
    "OR": ((970, 979),),
    "WA": ((980, 994),),
    "AK": ((995, 999),),
}


def misfit(state: str, zip_code: str) -> bool:
    """True only when `state` is a known state and the ZIP's first three digits are surely not its."""
    ranges = RANGES.get(state.strip().upper())
    head = zip_code.strip()[:3]
    if ranges is None or len(head) != 3 or not head.isdigit():
        return False
    prefix = int(head)
    return not any(low <= prefix <= high for low, high in ranges)


def first_digit(state: str) -> str | None:
    """The first digit every ZIP code of `state` starts with (CT's, MA's: 0), or None when its ZIP codes
    start with more than one (NY: 0 and 1) or the state is not known."""
    ranges = RANGES.get(state.strip().upper())
    digits = {str(prefix).zfill(3)[0] for low, high in ranges or () for prefix in range(low, high + 1)}
    return digits.pop() if len(digits) == 1 else None


def fits(value: object) -> bool:
    """False for an address read whose ZIP is surely not its state's ('Stamford, CT 96901'): a misread
    digit, so no address (verify._reader): it neither agrees nor contradicts, nor is it a rival's value."""
    from parsers.fax.address_text import AddressValue  # address_text reads ZIP codes with this module's ranges

    return not (isinstance(value, AddressValue) and misfit(value.state, value.zip))
