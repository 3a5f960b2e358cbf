"""Which record field a pyx12 diagnostic is about, from its loop, segment and element."""

from __future__ import annotations

from parsers.x12.diagnostics import Diagnostic

_PARTY_LOOPS = {"2010AA": "billing_provider", "2010BA": "member", "2010CA": "member", "2010BB": "payer"}
_PERSON_ELEMENTS: dict[tuple[str, int | None], str] = {
    ("NM1", 3): "last_name",
    ("NM1", 4): "first_name",
    ("NM1", 9): "member_id",
    ("DMG", 2): "dob",
    ("DMG", 3): "sex",
    ("N3", 1): "address.line1",
    ("N4", 1): "address.city",
    ("N4", 2): "address.state",
    ("N4", 3): "address.zip",
}
_ORG_ELEMENTS: dict[tuple[str, int | None], str] = {("NM1", 3): "name", ("NM1", 9): "npi"}
_PAYER_ELEMENTS: dict[tuple[str, int | None], str] = {("NM1", 3): "name", ("NM1", 9): "payer_id"}
_CLAIM_ELEMENTS: dict[tuple[str, int | None], str] = {
    ("CLM", 1): "claim_id",
    ("CLM", 2): "total_charge",
    ("HI", None): "diagnoses",
}
_LINE_ELEMENTS: dict[tuple[str, int | None], str] = {
    ("SV1", 1): "code",
    ("SV1", 2): "charge",
    ("SV1", 4): "units",
    ("SV2", 2): "code",
    ("SV2", 3): "charge",
    ("SV2", 5): "units",
    ("DTP", 3): "service_date",
}


def field_for(diag: Diagnostic, line_index: int) -> str | None:
    loop = (diag.loop_id or "")[:6]
    key = (diag.segment_id or "", diag.element_position)
    if loop in _PARTY_LOOPS:
        return _party_field(loop, key)
    if loop.startswith("2300"):
        return _CLAIM_ELEMENTS.get(key) or _CLAIM_ELEMENTS.get((key[0], None))
    if loop.startswith("2310") and key == ("NM1", 9):
        return "rendering_provider.npi"
    if loop.startswith("2400") and line_index >= 0:
        name = _LINE_ELEMENTS.get(key)
        return f"lines[{line_index}].{name}" if name else f"lines[{line_index}]"
    return None


def _party_field(loop: str, key: tuple[str, int | None]) -> str | None:
    prefix = _PARTY_LOOPS[loop]
    table = {"member": _PERSON_ELEMENTS, "payer": _PAYER_ELEMENTS}.get(prefix, _ORG_ELEMENTS)
    name = table.get(key)
    return f"{prefix}.{name}" if name else prefix
