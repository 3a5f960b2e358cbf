"""pyx12 diagnostics as findings: a stable code, the field path, the place, and a sentence.

pyx12's own wording can carry the bad value (PHI), so the sentence is written here from the
segment and element names the map gives; the value never appears.
"""

from __future__ import annotations

from parsers.x12.diagnostics import Diagnostic
from referrals.domain import Finding, Severity

SEGMENT_CODES = {
    "1": ("x12_unrecognized_segment", "is not a segment X12 knows"),
    "2": ("x12_unexpected_segment", "is not expected at this place in the transaction"),
    "3": ("x12_required_segment_missing", "is required by the implementation guide but missing"),
    "4": ("x12_loop_over_max", "repeats its loop more often than the guide allows"),
    "5": ("x12_segment_over_max", "repeats more often than the guide allows"),
    "6": ("x12_segment_not_defined", "is not defined for this transaction"),
    "7": ("x12_segment_out_of_order", "is out of order"),
    "8": ("x12_segment_has_element_errors", "has element errors"),
    "I4": ("x12_segment_not_used", "is marked 'not used' in the implementation guide but present"),
    "I6": ("x12_situational_segment_missing", "is required in this situation but missing"),
    "I7": ("x12_loop_over_max", "repeats its loop more often than the guide allows"),
    "I8": ("x12_segment_not_used", "is not used in this situation but present"),
    "I9": ("x12_situational_segment_missing", "is required in this situation but missing"),
    "HL1": ("x12_hl_numbering", "has an HL number out of sequence"),
    "HL2": ("x12_hl_parent_invalid", "points to an HL parent that does not exist"),
    "LX": ("x12_lx_numbering", "has a service line number out of sequence"),
    "SEG1": ("x12_segment_has_element_errors", "has element errors"),
}
ELEMENT_CODES = {
    "1": ("x12_required_element_missing", "is required but missing"),
    "2": ("x12_conditional_element_missing", "is required together with another element but missing"),
    "3": ("x12_too_many_elements", "has too many elements"),
    "4": ("x12_element_too_short", "is shorter than the guide allows"),
    "5": ("x12_element_too_long", "is longer than the guide allows"),
    "6": ("x12_invalid_character", "has a character X12 does not allow"),
    "7": ("x12_invalid_code", "holds a code the implementation guide does not allow here"),
    "8": ("x12_invalid_date", "is not a real calendar date"),
    "9": ("x12_invalid_time", "is not a real time"),
    "10": ("x12_exclusion_violated", "is present together with an element it excludes"),
    "12": ("x12_too_many_repetitions", "repeats too often"),
    "13": ("x12_too_many_components", "has too many components"),
    "I10": ("x12_element_not_used", "is marked 'not used' in the guide but present"),
    "I11": ("x12_element_not_used", "is not used in this situation but present"),
    "I12": ("x12_pattern_mismatch", "does not have the form the guide requires"),
    "I13": ("x12_situational_element_missing", "is required in this situation but missing"),
    "I6": ("x12_code_not_used", "holds a code this implementation does not use"),
    "I9": ("x12_implementation_element_missing", "is required by the implementation but missing"),
}
TRANSACTION_CODES = {  # IK5 / AK5 syntax error codes
    "1": ("x12_transaction_not_supported", "is a transaction set this service does not support"),
    "2": ("x12_transaction_trailer_missing", "has no SE trailer"),
    "3": ("x12_control_number_mismatch", "has ST and SE control numbers that do not match"),
    "4": ("x12_segment_count_wrong", "has an SE segment count that does not match the segments sent"),
    "5": ("x12_segments_in_error", "has segments in error"),
    "6": ("x12_transaction_id_invalid", "has a missing or invalid transaction set identifier"),
    "7": ("x12_control_number_invalid", "has a missing or invalid transaction set control number"),
    "23": ("x12_control_number_duplicate", "repeats a transaction set control number used earlier in the group"),
}
GROUP_CODES = {  # AK9 functional group syntax error codes
    "1": ("x12_group_not_supported", "is a functional group this service does not support"),
    "2": ("x12_group_version_unsupported", "has a version this service does not support"),
    "3": ("x12_group_trailer_missing", "has no GE trailer"),
    "4": ("x12_control_number_mismatch", "has GS and GE control numbers that do not match"),
    "5": ("x12_set_count_wrong", "has a GE count of transaction sets that does not match the sets sent"),
    "6": ("x12_control_number_invalid", "has a missing or invalid group control number"),
}
ENVELOPE_CODE = ("x12_envelope_error", "has an envelope or control-number error")
LEVEL_NAMES = {
    "isa": "The interchange (ISA/IEA)",
    "gs": "The functional group (GS/GE)",
    "st": "The transaction set (ST/SE)",
}
REMEDY = "ask the sender to correct it and resend the file"


def finding_from_diagnostic(diag: Diagnostic, field: str | None) -> Finding:
    table = {"ele": ELEMENT_CODES, "seg": SEGMENT_CODES, "st": TRANSACTION_CODES, "gs": GROUP_CODES}
    fallback = ENVELOPE_CODE if diag.level in LEVEL_NAMES else ("x12_invalid", "does not follow the guide")
    code, problem = table.get(diag.level, {}).get(diag.code, fallback)
    if diag.level == "ele" and "regular expression" in diag.text:
        code, problem = ELEMENT_CODES["I12"]
    subject = LEVEL_NAMES.get(diag.level) or _subject(diag)
    return Finding(
        field=field,
        code=code,
        severity=Severity.ERROR,
        message=f"{subject} {problem}; {REMEDY}.",
        loop_id=diag.loop_id,
        segment=diag.segment_id,
        segment_ordinal=diag.segment_ordinal,
        line=diag.line,
        element=_element_ref(diag),
    )


def _subject(diag: Diagnostic) -> str:
    where = f"loop {diag.loop_id}, " if diag.loop_id else ""
    line = f"line {diag.line}" if diag.line else "the file"
    if diag.level == "ele":
        ref = _element_ref(diag)
        return f"{diag.element_name or 'An element'} ({ref}, {where}{line})"
    if diag.level == "seg" and diag.code in ("3", "I6", "I9"):
        return f"Segment {_quoted_name(diag.text)} (before {where}{line})".replace("  ", " ")
    name = f"{diag.segment_name} " if diag.segment_name else ""
    return f"Segment {name}({diag.segment_id or '?'}, {where}{line})"


def _element_ref(diag: Diagnostic) -> str | None:
    if diag.element_position is None:
        return None
    ref = f"{diag.segment_id}{diag.element_position:02d}"
    return f"{ref}-{diag.component_position}" if diag.component_position else ref


def _quoted_name(text: str) -> str:
    """The segment named in pyx12's 'Mandatory segment "X" (N3) missing' (names, never values)."""
    if '"' in text:
        name = text.split('"')[1]
        seg = text.split("(")[1].split(")")[0] if "(" in text else ""
        return f"{name} ({seg})" if seg else name
    return "a required segment"
