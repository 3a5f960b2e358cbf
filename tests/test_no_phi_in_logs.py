"""Patient data never reaches the logs, whatever pyx12 would have logged about bad values."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from referrals.logs import configure_logging
from tests.conftest import FIXTURES, parse_records

PHI = ("DOE", "JANE", "W123456789", "19451301", "12 ELM ST", "DÖE")


@pytest.mark.parametrize("name", ["dob_not_a_date", "non_ascii_name", "truncated", "billing_address_missing"])
def test_parsing_bad_files_logs_no_patient_data(name: str, caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    configure_logging("DEBUG")
    with caplog.at_level(logging.DEBUG):
        logging.getLogger().setLevel(logging.DEBUG)
        parse_records(FIXTURES / "x12" / "invalid" / f"{name}.x12", ack_dir=tmp_path)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for value in PHI:
        assert value not in logged


def test_finding_messages_do_not_repeat_bad_values() -> None:
    records = parse_records(FIXTURES / "x12" / "invalid" / "dob_not_a_date.x12")
    messages = " ".join(f["message"] for r in records for f in r["findings"])
    assert "19451301" not in messages and "Birth Date" in messages
