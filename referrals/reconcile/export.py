"""CSV export of the reconciliation report, one row per claim line (for the billing system)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from referrals.reconcile.report import ReportLine

CSV_COLUMNS = (
    "claim_record_id",
    "line_index",
    "claim_id",
    "payer_id",
    "member_id",
    "service_date",
    "code",
    "modifiers",
    "units",
    "charge",
    "prior_authorization",
    "outcome",
    "match",
    "authorization_number",
    "authorization_status",
    "authorization_source",
    "authorization_source_id",
    "discrepancy_kinds",
    "amount_at_risk",
    "units_billed_before",
    "change",
    "previous_outcome",
    "match_reason",
    "messages",
)


def write_csv(lines: Iterable[ReportLine], handle: TextIO) -> int:
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for line in lines:
        writer.writerow(csv_row(line))
        count += 1
    return count


def csv_row(line: ReportLine) -> dict[str, Any]:
    auth = line.authorization
    return {
        "claim_record_id": line.claim_record_id,
        "line_index": line.line_index,
        "claim_id": line.claim_id,
        "payer_id": line.payer_id,
        "member_id": line.member_id,
        "service_date": line.service_date.isoformat() if line.service_date else "",
        "code": line.code,
        "modifiers": " ".join(line.modifiers),
        "units": f"{line.units:g}",
        "charge": f"{line.charge:.2f}",
        "prior_authorization": line.prior_authorization or "",
        "outcome": line.outcome,
        "match": line.match,
        "authorization_number": auth.number if auth else "",
        "authorization_status": auth.status if auth else "",
        "authorization_source": auth.source_kind if auth else "",
        "authorization_source_id": auth.source_id if auth else "",
        "discrepancy_kinds": " ".join(d.kind for d in line.discrepancies),
        "amount_at_risk": f"{line.amount_at_risk:.2f}",
        "units_billed_before": f"{line.units_billed_before:g}",
        "change": line.change,
        "previous_outcome": line.previous_outcome or "",
        "match_reason": line.match_reason,
        "messages": " | ".join(d.message for d in line.discrepancies),
    }
