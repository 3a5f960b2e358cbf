"""Code-set checks the fax reader uses, in one place, and OCR-confusion correction over them.

Formats and the NPI check digit are the domain's (referrals.codes); membership in ICD-10-CM and
HCPCS comes through `ParseContext.code_sets` (ingest passes the validators' tables). Without
tables, no code is corrected or confirmed by a code set: it needs a second read like any field.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from referrals.codes import (
    CPT_FORMAT,
    HCPCS_FORMAT,
    ICD10_FORMAT,
    MODIFIER_FORMAT,
    CodeSets,
    Icd10Membership,
    normalize_icd10,
    npi_checks_out,
)

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
    "{": "1",  # a serifed 1 or I whose serifs the fax thickened reads as a brace
    "}": "1",
}
TO_LETTER = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G", "$": "S"}
# a HCPCS code's series letter as the digit OCR makes of it: the look-alikes, a J (drugs) read as a 3, and
# an A (supplies: 'A7030' read as '47030', the A's apex lost at fax resolution) read as a 4
SERIES_LETTER = {**TO_LETTER, "3": "J", "4": "A"}
MAX_READINGS = 256
# HCPCS Level II has no F, I, N or O section (CMS leaves those letters unused, as they look like E,
# 1, M and 0): a code read with one of them is a misread, so a rival F for an E ('E0260' whose E
# rivals F) is no other value, and no look-alike change may make one.
UNUSED_HCPCS_LETTERS = frozenset("FINO")
IN_ICD10 = {Icd10Membership.BILLABLE, Icd10Membership.HEADER, Icd10Membership.KNOWN}


def icd10_known(code: str, sets: CodeSets) -> bool:
    """True when `code` (dotted) is an ICD-10-CM code or category."""
    return bool(ICD10_FORMAT.match(code)) and sets.icd10(code) in IN_ICD10


def icd10_billable(code: str, sets: CodeSets) -> bool:
    """True when `code` is a billable ICD-10-CM code; category headers are not."""
    return bool(ICD10_FORMAT.match(code)) and sets.icd10(code) is Icd10Membership.BILLABLE


def icd10_not_billable(code: str, sets: CodeSets) -> bool:
    """True when the table says `code` is a code but not a billable one (unchecked codes are not)."""
    return sets.icd10(code) in (Icd10Membership.HEADER, Icd10Membership.KNOWN)


def procedure_format_ok(code: str) -> bool:
    return hcpcs_format_ok(code) or bool(CPT_FORMAT.match(code))


def hcpcs_format_ok(code: str) -> bool:
    """A letter HCPCS Level II uses and four digits (UNUSED_HCPCS_LETTERS)."""
    return bool(HCPCS_FORMAT.match(code)) and code[0] not in UNUSED_HCPCS_LETTERS


def modifier_ok(value: str) -> bool:
    return bool(MODIFIER_FORMAT.match(value))


@dataclass(frozen=True)
class Correction:
    """The outcome of reading a code: the value (None unless exactly one valid reading) and why."""

    value: str | None
    corrected: bool
    readings: tuple[str, ...]  # every valid reading found (0, 1 or several)
    in_code_set: bool = False  # the value was found in a code-set table (not only the right shape)


def correct_npi(raw: str) -> Correction:
    """An NPI with look-alike letters read as digits; valid only if the check digit agrees."""
    digits = "".join(TO_DIGIT.get(ch.upper(), ch) for ch in raw)
    if digits.isdigit() and len(digits) == 10 and npi_checks_out(digits):
        return Correction(digits, digits != raw, (digits,), in_code_set=True)
    return Correction(None, False, ())


def correct_icd10(raw: str, sets: CodeSets) -> Correction:
    """The one ICD-10-CM code the OCR text can stand for, trying the usual confusions."""
    compact = raw.upper().replace(".", "").replace(" ", "").rstrip(",;:")
    if not 3 <= len(compact) <= 7:
        return Correction(None, False, ())
    if sets.icd10(compact) is Icd10Membership.UNCHECKED:  # no table: the shape as read, or nothing
        shaped = ICD10_FORMAT.match(normalize_icd10(compact))
        return Correction(normalize_icd10(compact), False, (normalize_icd10(compact),)) if shaped else UNREAD
    # a lower-case 'l' or a '|' first is a bar OCR could not place: I, L or J, not the L upper-casing makes it
    bar_first = raw.lstrip()[:1] in ("l", "|")
    if icd10_known(normalize_icd10(compact), sets) and not bar_first:
        return Correction(normalize_icd10(compact), False, (normalize_icd10(compact),), in_code_set=True)
    compact = "1" + compact[1:] if bar_first else compact
    options = [_icd_char_options(ch, i) for i, ch in enumerate(compact)]
    valid = {
        "".join(p)
        for p in itertools.islice(itertools.product(*options), MAX_READINGS)
        if icd10_known(normalize_icd10("".join(p)), sets)
    }
    # an order's code is billable: when some readings are and some are not, only those count
    billable = {r for r in valid if icd10_billable(normalize_icd10(r), sets)}
    return _fewest_changes(compact, billable or valid, normalize_icd10)


UNREAD = Correction(None, False, ())


def _fewest_changes(raw: str, readings: set[str], normal: Callable[[str], str] = str) -> Correction:
    """Accept the valid reading that changes the fewest characters, if exactly one does."""
    if not readings:
        return Correction(None, False, ())
    changes = {r: sum(a != b for a, b in zip(raw, r, strict=False)) for r in readings}
    fewest = min(changes.values())
    best = [r for r, n in changes.items() if n == fewest]
    everything = tuple(sorted(normal(r) for r in readings))
    if len(best) == 1:
        return Correction(normal(best[0]), True, everything, in_code_set=True)
    return Correction(None, False, everything)


def rival_code(text: str, rivals: tuple[tuple[str, str], ...], target: str | None, sets: CodeSets) -> bool:
    """Some doubtful character of a diagnosis read, put as its close rival (chosen, rival pairs),
    gives a code other than `target`; a read whose rivals were not kept counts as one that does."""
    if not rivals:
        return True
    core = text.strip(",;:()")
    swapped = (core[:at] + rival + core[at + 1 :] for chosen, rival in rivals for at in _places(core, chosen))
    return any(correct_icd10(other, sets).value not in (None, target) for other in swapped)


def _places(text: str, char: str) -> list[int]:
    return [at for at, ch in enumerate(text) if ch == char]


# A diagnosis code's first character as OCR may show it: a J whose hook the fax lost reads as 1 too ('144.9'
# may be J44.9 or L44.9, so it is neither); a bracket may be an L or a serifed I ('[50.9', '(50.9': I50.9 or L50.9); a
# 3 is a J's hook or a B's bowls read as a digit ('396.11' for J96.11, as a drug code's J is: SERIES_LETTER)
FIRST_CHAR_OPTIONS = {
    "(": ["I", "L", "C"],
    "[": ["I", "L", "C"],
    "1": ["I", "L", "J"],
    "{": ["I"],
    "}": ["I"],
    "3": ["J", "B"],
}


def _icd_char_options(char: str, position: int) -> list[str]:
    if position == 0:
        return FIRST_CHAR_OPTIONS.get(char, [TO_LETTER.get(char, char)])
    if position == 1:
        return [TO_DIGIT.get(char, char)]
    options = {char, TO_DIGIT.get(char, char), TO_LETTER.get(char, char)}
    return sorted(options)


def correct_procedure(raw: str, sets: CodeSets) -> Correction:
    """A HCPCS (letter + 4 digits) or CPT code; look-alikes fixed only where one reading fits. With a
    HCPCS table loaded, a HCPCS reading that is not in it does not count, and a CPT-shaped read whose
    first digit is a letter's look-alike making a HCPCS code ('60299': G0299) is either: open."""
    compact = raw.upper().strip(".,;:")
    if len(compact) != 5:
        return Correction(None, False, ())
    hcpcs = SERIES_LETTER.get(compact[0], compact[0]) + "".join(TO_DIGIT.get(ch, ch) for ch in compact[1:])
    cpt = "".join(TO_DIGIT.get(ch, ch) for ch in compact)
    readings = {r for r in (compact, hcpcs, cpt) if procedure_format_ok(r) and _not_excluded(r, sets)}
    if _letter_read_as_digit(compact, hcpcs, sets):
        return Correction(None, False, (compact, hcpcs))  # '60299': CPT as read, or G0299 with its G as a 6
    if compact in readings:
        return Correction(compact, False, (compact,), in_code_set=hcpcs_listed(compact, sets))
    found = _fewest_changes(compact, readings)
    if found.value is None:
        return found
    return Correction(found.value, True, found.readings, in_code_set=hcpcs_listed(found.value, sets))


DIGIT_LIKE_SERIES = {"G", "S", "B", "J", "A"}  # HCPCS series whose letter OCR reads as a digit (6, 5, 8, 3, 4)


def _letter_read_as_digit(compact: str, hcpcs: str, sets: CodeSets) -> bool:
    """A CPT-shaped read ('60299') whose first digit is the look-alike of a HCPCS letter, making a code
    the loaded table lists (G0299) or, with no table loaded, one of the series whose letter looks like
    a digit: which was printed is unknown (no CPT table says CPT 60299 exists)."""
    if not compact.isdigit() or hcpcs == compact or not HCPCS_FORMAT.match(hcpcs):
        return False
    known = sets.hcpcs_known(hcpcs)
    return known is True or (known is None and hcpcs[0] in DIGIT_LIKE_SERIES)


def _not_excluded(code: str, sets: CodeSets) -> bool:
    return not HCPCS_FORMAT.match(code) or sets.hcpcs_known(code) is not False


def hcpcs_listed(code: str, sets: CodeSets) -> bool:
    return bool(HCPCS_FORMAT.match(code)) and sets.hcpcs_known(code) is True


HCPCS_LETTERS = "ABCDEGHJKLMPQRSTUV"  # A to V but the unused letters
ZERO_AS_O = str.maketrans("Oo", "00")  # in a HCPCS code's digit places a letter O can only be the zero


def hcpcs_shown(text: str) -> str | None:
    """The HCPCS code `text` shows as printed: a letter and four digits, where a letter O in a digit's
    place is the zero it must be there (the font's O and 0 are one shape to OCR). Nothing else changed."""
    core = _code_part(text)
    digits = core[1:].translate(ZERO_AS_O)
    shown = core[:1] + digits
    return shown if len(core) == 5 and hcpcs_format_ok(shown) else None


def hcpcs_fits(text: str, code: str) -> bool:
    """`text` may be a garbled read of HCPCS `code`: the code shown, the code with one glyph doubled
    ('KO0001': the zero read as 'O0'), or its digits with the letter lost or unreadable ('1390', '£1390')."""
    core = _code_part(text)
    if hcpcs_shown(core) == code:
        return True
    if len(core) == 6 and core[0] == code[0]:
        return any(hcpcs_shown(core[:i] + core[i + 1 :]) == code for i in _doubled(core))
    return _letter_lost(core) == code[1:]


def _doubled(core: str) -> list[int]:
    """Places (after the letter) of a character that repeats its neighbour's shape: a doubled glyph."""
    same = core[1:].translate(ZERO_AS_O)
    return [i + 1 for i in range(len(same)) if (i > 0 and same[i - 1] == same[i]) or same[i + 1 : i + 2] == same[i]]


def hcpcs_agreed(page_text: str, rereads: list[str], sets: CodeSets) -> str | None:
    """The HCPCS code the reads of one code cell agree on, or None. A re-read shows the code as
    printed and none shows another; every read stands for it (hcpcs_fits), at least two show its
    digits as they are, and at least two its letter, unless a loaded HCPCS table lists the code and
    no other letter with its digits (a letter lost in all reads but one is then the table's word,
    not one read's guess). A loaded table that lacks the code rules it out."""
    shown = {code for code in map(hcpcs_shown, rereads) if code is not None}
    if len(shown) != 1:
        return None
    code = shown.pop()
    reads = [page_text, *rereads]
    if sets.hcpcs_known(code) is False or not all(hcpcs_fits(t, code) for t in reads):
        return None
    exact = sum(hcpcs_shown(t) == code or _letter_lost(t) == code[1:] for t in reads)
    letter_seen = sum(t.strip(".,;:")[:1] == code[0] for t in reads)
    return code if exact >= 2 and (letter_seen >= 2 or _only_letter(code, sets)) else None


def _letter_lost(text: str) -> str | None:
    """The four digits of a code whose letter OCR lost ('1390') or could not read ('£1390')."""
    core = _code_part(text)
    lost = core if len(core) == 4 else core[1:] if len(core) == 5 and not core[0].isalnum() else None
    digits = lost.translate(ZERO_AS_O) if lost is not None else None
    return digits if digits is not None and digits.isdigit() else None


def _only_letter(code: str, sets: CodeSets) -> bool:
    """A loaded HCPCS table lists `code` and no code with another letter before its digits."""
    others = (letter + code[1:] for letter in HCPCS_LETTERS if letter != code[0])
    return sets.hcpcs_known(code) is True and not any(sets.hcpcs_known(other) for other in others)


def _code_part(text: str) -> str:
    """The code a read shows, without edge punctuation or the modifier after a hyphen ('E0601-RR')."""
    return text.strip(".,;:").partition("-")[0]
