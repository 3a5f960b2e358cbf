"""Validators: decide whether a record is ready or needs clarification, and say exactly why.

Shared by the X12 and fax paths; depends only on `referrals.domain`. Entry point:
`validate_record(record, context)` returns the findings; the caller sets the status.
"""

from validators.api import ValidationContext, validate_record

__all__ = ["ValidationContext", "validate_record"]
