"""Every finding code the parsers (and the pipeline around them) can emit, for docs/findings.md.

The validators keep their own registry (`validators/registry.py`); these are the codes about the
file itself: X12 syntax and envelope (from pyx12's diagnostics, `parsers/x12/findings.py`), X12
rules of our own, and documents that are not orders at all. A test checks that every code the
test corpus produces is listed here or in the validators' registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.x12 import findings as x12_findings


@dataclass(frozen=True)
class ParserCode:
    code: str
    severity: str
    source: str
    meaning: str


def _from_tables() -> list[ParserCode]:
    tables = (
        ("X12 segment (IK3)", x12_findings.SEGMENT_CODES),
        ("X12 element (IK4)", x12_findings.ELEMENT_CODES),
        ("X12 transaction set (IK5)", x12_findings.TRANSACTION_CODES),
        ("X12 functional group (AK9)", x12_findings.GROUP_CODES),
    )
    seen: dict[str, ParserCode] = {}
    for source, table in tables:
        for code, problem in table.values():
            seen.setdefault(code, ParserCode(code, "error", source, f"the segment or element {problem}"))
    code, problem = x12_findings.ENVELOPE_CODE
    seen.setdefault(code, ParserCode(code, "error", "X12 interchange (TA1)", f"the interchange {problem}"))
    return list(seen.values())


_OWN: tuple[ParserCode, ...] = (
    ParserCode("empty_file", "error", "any file", "the file is empty"),
    ParserCode("unknown_file_type", "error", "any file", "neither X12 nor a PDF/TIFF/PNG/JPEG fax"),
    ParserCode("parser_failed", "error", "service", "reading the file failed unexpectedly; the original is kept"),
    ParserCode("x12_isa_invalid", "error", "X12 envelope", "the ISA header is not 106 fixed-width characters"),
    ParserCode("x12_version_unsupported", "error", "X12 envelope", "ISA12 is neither 00401 nor 00501"),
    ParserCode("x12_isa_control_number", "error", "X12 envelope", "ISA13 is not 9 digits"),
    ParserCode("x12_truncated", "error", "X12 envelope", "no IEA trailer: the file was cut off"),
    ParserCode("x12_envelope_errors", "error", "X12 envelope", "ISA/IEA or GS/GE counts or control numbers differ"),
    ParserCode("x12_unreadable", "error", "X12", "a structural error stopped the walk; what was read is kept"),
    ParserCode("x12_no_records", "error", "X12", "no claim or review could be formed from the segments"),
    ParserCode("x12_unsupported_transaction", "error", "X12", "a transaction set other than 837P, 837I or 278"),
    ParserCode("x12_version_alias", "warning", "X12", "an errata version checked against its base map"),
    ParserCode("x12_not_validated", "warning", "X12 278", "a 278 read without its map"),
    ParserCode("x12_icd10_dotted", "error", "X12 HI", "an ICD-10-CM code written with its dot"),
    ParserCode("diagnosis_icd9", "error", "X12 HI", "ICD-9 qualifiers (BK/BF) instead of ICD-10-CM"),
    ParserCode("icd10_format", "error", "X12 HI", "a diagnosis that is not ICD-10-CM shaped"),
    ParserCode("npi_format", "error", "X12 NM1", "an NPI (NM108 XX) that is not 10 digits"),
    ParserCode("procedure_code_format", "error", "X12 SV1/SV2/SV3", "neither a CPT nor a HCPCS code"),
    ParserCode("x12_patient_loop_with_self", "error", "837 SNIP 4", "SBR02 18 (self) with a patient loop 2000C"),
    ParserCode("x12_patient_loop_missing", "error", "837 SNIP 4", "subscriber not the patient, no loop 2000C"),
    ParserCode("x12_subscriber_dmg_missing", "error", "837 SNIP 4", "subscriber is the patient but has no DMG"),
    ParserCode("x12_original_claim_number_missing", "error", "837 SNIP 4", "replacement/void without REF*F8"),
    ParserCode("x12_too_many_lines", "error", "837 SNIP 4", "more service lines than the guide allows"),
    ParserCode("x12_278_no_action_required", "warning", "278 response", "HCR01 NA: no decision to record"),
    ParserCode("x12_278_no_decision", "error", "278 response", "a response without an HCR decision"),
    ParserCode("x12_invalid", "error", "X12", "a pyx12 diagnostic of a kind not listed above"),
    ParserCode("unreadable_pdf", "error", "fax", "the PDF cannot be opened (damaged, or not a PDF)"),
    ParserCode("unreadable_image", "error", "fax", "the TIFF/PNG/JPEG cannot be decoded"),
    ParserCode("fax_read_failed", "error", "fax", "reading the fax failed unexpectedly; the original is kept"),
    ParserCode("pages_missing", "error", "fax", "fewer pages arrived than the cover sheet or header says"),
    ParserCode("page_upside_down", "warning", "fax", "a page arrived upside down and was turned before reading"),
    ParserCode("page_sideways", "warning", "fax", "a page arrived turned a quarter and was turned before reading"),
    ParserCode(
        "fax_header_time_ignored",
        "warning",
        "fax",
        "the fax header's time was read unsurely or far from the file's arrival: not used",
    ),
    ParserCode("low_confidence", "error", "fax", "a value read with too little confidence: left null"),
    ParserCode("unconfirmed_value", "error", "fax", "a critical value no second read or check confirmed: left null"),
    ParserCode("conflicting_values", "error", "fax", "the document gives two different values for one field"),
    ParserCode("npi_unreadable", "error", "fax", "an NPI whose digits no reading makes valid: left null"),
    ParserCode("icd10_unreadable", "error", "fax", "a diagnosis code no (or more than one) reading makes valid"),
    ParserCode("icd10_not_billable", "error", "fax", "a diagnosis read as a header code, not a billable one"),
    ParserCode("service_line_unreadable", "error", "fax", "a service row whose code cell could not be read"),
    ParserCode("service_type_conflict", "error", "fax", "the ticked service type disagrees with the service codes"),
    ParserCode("services_missing", "error", "fax", "no service line (HCPCS/CPT code) could be found on the order"),
    ParserCode("address_unreadable", "error", "fax", "an address label whose value is not a whole address"),
    ParserCode("date_century_unclear", "error", "fax", "a birth date with a two-digit year two centuries allow"),
    ParserCode("date_implausible", "error", "fax", "a date too far from the receipt to be this order's: left null"),
)


def parser_codes() -> list[ParserCode]:
    codes = {c.code: c for c in _from_tables()}
    codes.update({c.code: c for c in _OWN})
    return sorted(codes.values(), key=lambda c: c.code)
