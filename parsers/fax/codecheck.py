"""Code-set checks the fax reader uses, in one place, and OCR-confusion correction over them.

Adapter: today it uses validators.npi / validators.codes (formats) and the simple-icd-10-cm
package (ICD-10-CM membership and billability, already a project dependency). When the
validators gain richer checks (billable by date of service, HCPCS membership), point the
functions below at them; nothing else in parsers/fax needs to change.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from validators.codes import CPT_FORMAT, HCPCS_FORMAT, ICD10_FORMAT, MODIFIER_FORMAT, normalize_icd10
from validators.npi import is_valid_npi

TO_DIGIT = {
    "O": "0",
    "D": "0",
    "Q": "0",
    "I": "1",
    "L": "1",
    "|": "1",
    "S": "5",
    "B": "8",
    "Z": "2",
    "G": "6",
}
TO_LETTER = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G", "$": "S"}
MAX_READINGS = 256


@lru_cache(maxsize=1)
def _icd() -> object:
    import simple_icd_10_cm

    return simple_icd_10_cm


def icd10_known(code: str) -> bool:
    """True when `code` (dotted) is an ICD-10-CM code or category."""
    return bool(ICD10_FORMAT.match(code)) and bool(_icd().is_valid_item(code))  # type: ignore[attr-defined]


def icd10_billable(code: str) -> bool:
    """True when `code` is a leaf (billable) ICD-10-CM code; category headers are not."""
    return icd10_known(code) and bool(_icd().is_leaf(code))  # type: ignore[attr-defined]


def npi_valid(value: str) -> bool:
    return is_valid_npi(value)


def procedure_format_ok(code: str) -> bool:
    return bool(HCPCS_FORMAT.match(code) or CPT_FORMAT.match(code))


def modifier_ok(value: str) -> bool:
    return bool(MODIFIER_FORMAT.match(value))


@dataclass(frozen=True)
class Correction:
    """The outcome of reading a code: the value (None unless exactly one valid reading) and why."""

    value: str | None
    corrected: bool
    readings: tuple[str, ...]  # every valid reading found (0, 1 or several)


def correct_npi(raw: str) -> Correction:
    """An NPI with look-alike letters read as digits; valid only if the check digit agrees."""
    digits = "".join(TO_DIGIT.get(ch.upper(), ch) for ch in raw)
    if digits.isdigit() and len(digits) == 10 and npi_valid(digits):
        return Correction(digits, digits != raw, (digits,))
    return Correction(None, False, ())


def correct_icd10(raw: str) -> Correction:
    """The one ICD-10-CM code the OCR text can stand for, trying the usual confusions."""
    compact = raw.upper().replace(".", "").replace(" ", "").rstrip(",;:")
    if not 3 <= len(compact) <= 7:
        return Correction(None, False, ())
    if icd10_known(normalize_icd10(compact)):
        return Correction(normalize_icd10(compact), False, (normalize_icd10(compact),))
    options = [_icd_char_options(ch, i) for i, ch in enumerate(compact)]
    valid = {
        "".join(p)
        for p in itertools.islice(itertools.product(*options), MAX_READINGS)
        if icd10_known(normalize_icd10("".join(p)))
    }
    # an order's code is billable: when some readings are and some are not, only those count
    billable = {r for r in valid if icd10_billable(normalize_icd10(r))}
    return _fewest_changes(compact, billable or valid, normalize_icd10)


def _fewest_changes(raw: str, readings: set[str], normal: Callable[[str], str] = str) -> Correction:
    """Accept the valid reading that changes the fewest characters, if exactly one does."""
    if not readings:
        return Correction(None, False, ())
    changes = {r: sum(a != b for a, b in zip(raw, r, strict=False)) for r in readings}
    fewest = min(changes.values())
    best = [r for r, n in changes.items() if n == fewest]
    everything = tuple(sorted(normal(r) for r in readings))
    if len(best) == 1:
        return Correction(normal(best[0]), True, everything)
    return Correction(None, False, everything)


def _icd_char_options(char: str, position: int) -> list[str]:
    if position == 0:
        # a J whose hook the fax lost reads as 1 too: '144.9' may be J44.9 or L44.9, so it is neither
        return {"(": ["L", "C"], "[": ["L", "C"], "1": ["I", "L", "J"]}.get(char, [TO_LETTER.get(char, char)])
    if position == 1:
        return [TO_DIGIT.get(char, char)]
    options = {char, TO_DIGIT.get(char, char), TO_LETTER.get(char, char)}
    return sorted(options)


def correct_procedure(raw: str) -> Correction:
    """A HCPCS (letter + 4 digits) or CPT code; look-alikes fixed only where one reading fits."""
    compact = raw.upper().strip(".,;:")
    if len(compact) != 5:
        return Correction(None, False, ())
    if procedure_format_ok(compact):
        return Correction(compact, False, (compact,))
    hcpcs = TO_LETTER.get(compact[0], compact[0]) + "".join(TO_DIGIT.get(ch, ch) for ch in compact[1:])
    cpt = "".join(TO_DIGIT.get(ch, ch) for ch in compact)
    return _fewest_changes(compact, {r for r in (hcpcs, cpt) if procedure_format_ok(r)})
