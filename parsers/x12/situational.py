"""WEDI SNIP level 4 for claims: situational rules of the 837 guides that pyx12's maps leave out.

Each rule reads what the walk saw for one claim (`ClaimFacts`) and gives findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from referrals.domain import Finding, Severity

SELF = "18"  # SBR02 / PAT01 individual relationship code: self
REPLACEMENT_OR_VOID = ("7", "8")
MAX_LINES = {"x12_837p": 50, "x12_837i": 999}


@dataclass
class ClaimFacts:
    kind: str
    relationship: str | None = None  # SBR02
    has_patient_loop: bool = False
    subscriber_has_dmg: bool = False
    frequency_code: str | None = None  # CLM05-3
    has_payer_claim_number: bool = False  # REF*F8
    line_count: int = 0


def _finding(field: str | None, code: str, message: str, loop: str) -> Finding:
    return Finding(field=field, code=code, severity=Severity.ERROR, message=message, loop_id=loop)


def _patient_loop_matches_relationship(facts: ClaimFacts) -> Iterator[Finding]:
    if facts.relationship == SELF and facts.has_patient_loop:
        yield _finding(
            "member",
            "x12_patient_loop_with_self",
            "The subscriber is marked as the patient (SBR02 18) "
            "but a separate patient loop (2000C) follows; ask the sender which person the claim is for.",
            "2000C",
        )
    if facts.relationship not in (None, SELF) and not facts.has_patient_loop and facts.kind == "x12_837p":
        yield _finding(
            "member",
            "x12_patient_loop_missing",
            "The subscriber is not the patient (SBR02 is not 18) but "
            "no patient loop (2000C) names the patient; ask the sender for the patient's details.",
            "2000B",
        )


def _subscriber_demographics(facts: ClaimFacts) -> Iterator[Finding]:
    if facts.relationship == SELF and not facts.subscriber_has_dmg:
        yield _finding(
            "member.dob",
            "x12_subscriber_dmg_missing",
            "The subscriber is the patient but the subscriber "
            "loop has no DMG (date of birth and sex), which the guide then requires; ask for them.",
            "2010BA",
        )


def _replacement_needs_original(facts: ClaimFacts) -> Iterator[Finding]:
    if facts.frequency_code in REPLACEMENT_OR_VOID and not facts.has_payer_claim_number:
        yield _finding(
            "claim_id",
            "x12_original_claim_number_missing",
            "The claim replaces or voids an earlier one "
            "(CLM05-3 7 or 8) but gives no payer claim control number (REF*F8); ask for it.",
            "2300",
        )


def _line_limit(facts: ClaimFacts) -> Iterator[Finding]:
    limit = MAX_LINES.get(facts.kind)
    if limit is not None and facts.line_count > limit:
        yield _finding(
            "lines",
            "x12_too_many_lines",
            f"The claim has {facts.line_count} service lines; the guide "
            f"allows {limit}; ask the billing office to split it.",
            "2400",
        )


RULES: tuple[Callable[[ClaimFacts], Iterator[Finding]], ...] = (
    _patient_loop_matches_relationship,
    _subscriber_demographics,
    _replacement_needs_original,
    _line_limit,
)


def check(facts: ClaimFacts) -> list[Finding]:
    return [finding for rule in RULES for finding in rule(facts)]
