"""The validators' entry point: findings for one record, and the context the rules may know."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from referrals.domain import Claim, Finding, Record, Referral
from validators import claims as claim_rules
from validators import referrals as referral_rules
from validators.codesets import StoredCodeSets, default_codeset_dir, stored_codesets
from validators.icd10_table import Icd10Table, shared_table
from validators.payer_rules import DEFAULT_RULES, PayerRules, current_payer_rules
from validators.urgency import Urgency, assess


@dataclass(frozen=True)
class ValidationContext:
    """What the rules may know besides the record: today, the receipt time and due-time hours, where
    the imported code sets and the ICD-10-CM cache live, and the per-payer completeness rules."""

    today: dt.date
    received_at: dt.datetime | None = None
    urgent_hours: int = 24
    standard_hours: int = 72
    codeset_dir: Path | None = None
    icd10_cache_dir: Path | None = None
    payer_rules: PayerRules = field(default=DEFAULT_RULES)

    @classmethod
    def now(cls, home: Path | None = None, **overrides: object) -> ValidationContext:
        """Today's context; with `home`, that service home's code sets and `payer_rules.toml` (an
        edit of either is seen within a second: validators.payer_rules.current_payer_rules)."""
        fields: dict[str, object] = {"today": dt.datetime.now(dt.UTC).date()}
        if home is not None:
            codeset_dir, rules_file = home_files(home)
            fields["codeset_dir"] = codeset_dir
            fields["payer_rules"] = current_payer_rules(rules_file)
        fields.update(overrides)
        return cls(**fields)  # type: ignore[arg-type]

    @property
    def icd10(self) -> Icd10Table:
        return shared_table(self.icd10_cache_dir)

    @property
    def codesets(self) -> StoredCodeSets:
        return stored_codesets(self._codeset_path)

    @cached_property
    def _codeset_path(self) -> Path:
        return self.codeset_dir or default_codeset_dir()

    def received_time(self, referral: Referral) -> dt.datetime:
        """The receipt time: the record's source, else the context's, else now."""
        return referral.source.received_at or self.received_at or dt.datetime.now(dt.UTC)


@lru_cache(maxsize=16)
def home_files(home: Path) -> tuple[Path, Path]:
    """A service home's code set folder and payer rules file (joined once per home, not per document)."""
    return home / "codesets", home / "payer_rules.toml"


def validate_record(record: Record, context: ValidationContext) -> list[Finding]:
    """Every finding the rules have about `record` (errors and warnings), in field order."""
    if isinstance(record, Claim):
        return claim_rules.check(record, context)
    if isinstance(record, Referral):
        return referral_rules.check(record, context)
    return []


def assess_urgency(referral: Referral, context: ValidationContext) -> Urgency:
    """Urgency and due time with the context's hours (the pipeline sets `urgent` and `due_at`)."""
    return assess(referral, context.received_time(referral), context.urgent_hours, context.standard_hours)
