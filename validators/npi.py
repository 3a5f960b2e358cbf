"""NPI: 10 ASCII digits, first digit 1 or 2, Luhn check digit over the prefix 80840."""

from __future__ import annotations

NPI_PREFIX = "80840"


def luhn_check_digit(payload: str) -> int:
    """The Luhn digit that completes `payload` (digits only)."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def npi_problem(value: str) -> str | None:
    """None for a valid NPI, else a sentence saying what is wrong (the NPI is no PHI)."""
    for char in value:
        if not ("0" <= char <= "9"):
            return f"NPI {value!r} has the character {char!r}; an NPI is 10 digits (0-9) only"
    if len(value) != 10:
        return f"NPI {value} has {len(value)} digits; an NPI has exactly 10"
    if value[0] not in "12":
        return f"NPI {value} starts with {value[0]}; an NPI starts with 1 or 2"
    expected = luhn_check_digit(NPI_PREFIX + value[:9])
    if int(value[9]) != expected:
        return f"NPI {value} fails its check digit (expected {expected} as the last digit)"
    return None


def is_valid_npi(value: str) -> bool:
    return npi_problem(value) is None
