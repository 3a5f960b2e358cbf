"""Which completeness checks apply: by service type, by source, and per payer (a small config).

The default is everything the intake operations guide lists, plus the CMS standard written order
elements for DME and the drug and dose for home infusion. A TOML file (the service keeps it at
`$INTAKE_HOME/payer_rules.toml`) adjusts it:

    [default]                     # applies to every payer
    skip = ["member_phone"]

    [source.x12_278]              # an electronic 278 carries no signature or delivery phone
    skip = ["signature", "member_phone", "delivery_address", "order_date"]

    [payer."60054"]               # keyed by payer id
    require = ["member_phone"]
    skip = ["start_date"]
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from referrals.domain import ServiceType
from validators.stamped import StampedFiles

# The operations guide's list: checked for every referral unless a rule skips it.
BASE_CHECKS = frozenset(
    {
        "member_name",
        "member_dob",
        "payer",
        "member_id",
        "ordering_provider_name",
        "ordering_provider_npi",
        "signature",
        "diagnosis",
        "service",
        "order_date",
        "start_date",
        "delivery_address",
        "member_phone",
    }
)
# CMS standard written order: beneficiary name, order date, item, quantity, prescriber name and NPI,
# prescriber signature. Only the quantity is not already in the base list.
SERVICE_TYPE_CHECKS: dict[ServiceType | None, frozenset[str]] = {
    ServiceType.DME: frozenset({"quantity"}),
    ServiceType.HOME_HEALTH: frozenset(),
    ServiceType.HOME_INFUSION: frozenset({"infusion_drug", "infusion_dose"}),
    ServiceType.OTHER: frozenset(),
    None: frozenset({"service_type"}),
}
KNOWN_CHECKS = BASE_CHECKS | frozenset().union(*SERVICE_TYPE_CHECKS.values())
DEFAULT_SOURCE_SKIPS: dict[str, frozenset[str]] = {
    "x12_278": frozenset({"signature", "member_phone", "delivery_address", "order_date"}),
}


@dataclass(frozen=True)
class Adjustment:
    require: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()

    def apply(self, checks: frozenset[str]) -> frozenset[str]:
        return (checks | self.require) - self.skip


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: it holds mappings
class PayerRules:
    default: Adjustment = Adjustment()
    sources: Mapping[str, Adjustment] = field(
        default_factory=lambda: {kind: Adjustment(skip=skips) for kind, skips in DEFAULT_SOURCE_SKIPS.items()}
    )
    payers: Mapping[str, Adjustment] = field(default_factory=dict)
    _memo: dict[tuple[str, ServiceType | None, str], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def checks_for(self, payer_id: str | None, service_type: ServiceType | None, source_kind: str) -> frozenset[str]:
        """The completeness checks that apply to one referral."""
        key = (payer_id or "", service_type, source_kind)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._compute(*key)
        return found

    def _compute(self, payer_id: str, service_type: ServiceType | None, source_kind: str) -> frozenset[str]:
        checks = BASE_CHECKS | SERVICE_TYPE_CHECKS.get(service_type, frozenset())
        checks = self.default.apply(checks)
        checks = self.sources.get(source_kind, Adjustment()).apply(checks)
        return self.payers.get(payer_id, Adjustment()).apply(checks)


DEFAULT_RULES = PayerRules()


class PayerRulesError(ValueError):
    """The rules file names a check that does not exist, or is not TOML (the message says where)."""


def _names(values: Iterable[Any], where: str) -> frozenset[str]:
    names = frozenset(str(v) for v in values)
    unknown = sorted(names - KNOWN_CHECKS)
    if unknown:
        raise PayerRulesError(
            f"{where}: unknown check(s) {', '.join(unknown)}; known: {', '.join(sorted(KNOWN_CHECKS))}"
        )
    return names


def _adjustment(table: Mapping[str, Any], where: str) -> Adjustment:
    return Adjustment(require=_names(table.get("require", ()), where), skip=_names(table.get("skip", ()), where))


def parse_payer_rules(data: Mapping[str, Any]) -> PayerRules:
    sources = dict(DEFAULT_RULES.sources)
    sources.update({k: _adjustment(v, f"[source.{k}]") for k, v in data.get("source", {}).items()})
    return PayerRules(
        default=_adjustment(data.get("default", {}), "[default]"),
        sources=sources,
        payers={str(k): _adjustment(v, f'[payer."{k}"]') for k, v in data.get("payer", {}).items()},
    )


def load_payer_rules(path: Path) -> PayerRules:
    """The rules in `path`, or the defaults when there is no such file."""
    if not path.is_file():
        return DEFAULT_RULES
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PayerRulesError(f"{path.name} is not valid TOML: {exc}") from exc
    return parse_payer_rules(data)


RECHECK_SECONDS = 1.0  # how long a loaded rules file is used before its stat is looked at again
FileStamp = tuple[int, int, int] | None  # (inode, size, mtime in ns); None: no such file
_current: StampedFiles[FileStamp, PayerRules] = StampedFiles()


def current_payer_rules(path: Path) -> PayerRules:
    """`load_payer_rules(path)` for a process validating document after document: the file is read
    again only when its stamp changed, and the stamp looked at no more than once a second (so an
    edited rules file takes effect within a second, as a new code set import does)."""
    return _current.get(path, _stamp, load_payer_rules, RECHECK_SECONDS)


def _stamp(path: Path) -> FileStamp:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)
