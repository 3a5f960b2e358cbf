"""278 files become referral records: fields per the golden files, the contract schema, findings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parsers.base import Acknowledgement
from parsers.context import ParseContext
from parsers.registry import parse_file
from referrals.domain import Referral
from tests.x12_278.conftest import (
    CORPUS_278,
    FIXTURES,
    corpus_samples,
    fixtures,
    parse,
    requires_corpus,
    schema_errors,
)


def _subset(actual: Any, expected: Any) -> Any:
    """`actual` cut down to the keys `expected` names (nested for dicts)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {k: _subset(actual.get(k), v) for k, v in expected.items()}
    return actual


@pytest.mark.parametrize("path", fixtures("valid"), ids=lambda p: p.stem)
def test_valid_fixture_gives_the_expected_referrals(path: Path) -> None:
    expected = [json.loads(line) for line in path.with_suffix(".expected.jsonl").read_text().splitlines()]
    actual = [r.to_dict() for r in parse(path)]
    assert [_subset(a, e) for a, e in zip(actual, expected, strict=True)] == expected


@pytest.mark.parametrize("path", [*fixtures("valid"), *fixtures("invalid"), *corpus_samples()], ids=lambda p: p.stem)
def test_records_follow_the_contract_schema(path: Path) -> None:
    records = parse(path)
    assert records
    for record in records:
        assert schema_errors(record.to_dict()) == []


@pytest.mark.parametrize("path", fixtures("invalid"), ids=lambda p: p.stem)
def test_broken_fixture_finding_reaches_the_referral(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    [record] = parse(path)
    assert isinstance(record, Referral) and record.status.value == "needs_clarification"
    codes = [(f.code, f.field, f.loop_id, f.segment) for f in record.findings]
    wanted = (expected["code"], expected.get("field"), expected["loop_id"], expected["pyx12"]["segment"])
    assert wanted in codes
    assert all("W123456789" not in f.message and "DOE" not in f.message for f in record.findings)


def test_response_answers_its_request_by_trace_number_and_member() -> None:
    [request] = parse(FIXTURES / "valid" / "278_home_health_request.x12")
    [response] = parse(FIXTURES / "valid" / "278_certified_response.x12")
    assert isinstance(request, Referral) and isinstance(response, Referral)
    sent = {t["number"] for t in request.trace_numbers if t["type"] == "current"}  # type: ignore[attr-defined]
    echoed = {t["number"] for t in response.trace_numbers if t["type"] == "referenced"}  # type: ignore[attr-defined]
    assert sent == echoed == {"TRC100001"}
    assert request.member.member_id == response.member.member_id
    assert request.decision is None and response.decision is not None
    assert response.decision.action == "certified" and response.authorization_number == "CERT55501"


@requires_corpus
def test_corpus_responses_carry_decisions() -> None:
    actions = {}
    for path in corpus_samples():
        for record in parse(path):
            if isinstance(record, Referral) and "response" in path.name:
                actions[path.stem] = record.decision.action if record.decision else None
    assert actions == {
        "stupidedi_admission-response-to-request-for-review": "modified",
        "stupidedi_emergency-admission-response-to-request-for-review": "pended",
        "stupidedi_referral-response-to-request-for-review": "certified",
        "stupidedi_response-to-medical-services-reservation": "certified",
        "stupidedi_response-to-non-emergency-transportation": "certified",
    }


def _acks(path: Path) -> list[str]:
    items = parse_file(ParseContext.for_file(path))
    return [item.render(1) for item in items if isinstance(item, Acknowledgement) and item.kind == "999"]


def test_a_999_answers_each_278_group() -> None:
    [valid] = _acks(FIXTURES / "valid" / "278_two_sets_request.x12")
    assert "AK1*HI*278*005010X217" in valid and valid.count("IK5*A") == 2 and "AK9*A*2*2*2" in valid
    [broken] = _acks(FIXTURES / "invalid" / "278_bad_code_value.x12")
    assert "IK3*UM*15*2000E*8" in broken and "IK4*2*1322*7" in broken and "IK5*R*5" in broken


def test_a_278_without_its_map_is_read_but_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers.x12 import maps

    real = maps.choose_map
    monkeypatch.setattr(
        maps,
        "choose_map",
        lambda icvn, vriic, fic, bht02=None: None if vriic.endswith("X217") else real(icvn, vriic, fic, bht02),
    )
    [record] = parse(FIXTURES / "valid" / "278_home_health_request.x12")
    assert isinstance(record, Referral) and record.member.member_id == "W123456789"
    assert "x12_not_validated" in [f.code for f in record.findings]


@requires_corpus
def test_a_278_in_an_inconsistent_envelope_is_rejected_not_crashed() -> None:
    path = CORPUS_278.parent / "invalid" / "oopfactory_278_Example_3_3_1_Request_bom_envelope.x12"
    records = parse(path)  # BOM, indentation, ISA12 00401 but GS08 005010X279 (the 270's version)
    assert records and all(r.status.value == "rejected" for r in records)
    assert "x12_unsupported_transaction" in [f.code for r in records for f in r.findings]


@pytest.mark.parametrize("bad_state", ["CONN", "C1", "1"])
def test_a_malformed_state_code_is_left_out_and_the_record_stays_valid(bad_state: str, tmp_path: Path) -> None:
    text = (FIXTURES / "valid" / "278_home_health_request.x12").read_text()
    path = tmp_path / "bad_state.x12"
    path.write_text(text.replace("N4*HARTFORD*CT*06103~", f"N4*HARTFORD*{bad_state}*06103~"))
    [record] = parse(path)
    assert schema_errors(record.to_dict()) == []
    wire = record.to_dict()
    addresses = [part["address"] for part in wire.values() if isinstance(part, dict) and part.get("address")]
    assert [(a["city"], a["state"]) for a in addresses] == [("HARTFORD", None)]
