"""Code formats (from the domain's `referrals.codes`), re-exported for the rules."""

from referrals.codes import (
    CPT_FORMAT,
    HCPCS_FORMAT,
    ICD10_FORMAT,
    MODIFIER_FORMAT,
    is_icd10_format,
    normalize_icd10,
    procedure_system,
)

__all__ = ["CPT_FORMAT", "HCPCS_FORMAT", "ICD10_FORMAT", "MODIFIER_FORMAT", "is_icd10_format",
           "normalize_icd10", "procedure_system"]
