"""HCPCS/CPT: formats always; membership, dates and DME modifiers once a CMS HCPCS file is imported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from referrals.cli import main
from referrals.domain import Service
from validators import ValidationContext
from validators.codes import hcpcs_known, procedure_system
from validators.codeset_import import CodeSetFileError, effective_from_name, read_cpt_list, read_hcpcs
from validators.codesets import stored_codesets

from .conftest import SHARED_HCPCS, TODAY, codes_of, referral


@pytest.mark.parametrize(
    ("code", "system"),
    [
        ("99509", "CPT"),
        ("0001F", "CPT"),
        ("0042T", "CPT"),
        ("0001U", "CPT"),
        ("E1390", "HCPCS"),
        ("V2020", "HCPCS"),
        ("W1234", None),
        ("1234", None),
        ("E139", None),
        ("e1390", None),
        ("0001X", None),
    ],
)
def test_code_formats(code: str, system: str | None) -> None:
    assert procedure_system(code) == system


@pytest.mark.parametrize(
    ("service", "expected"),
    [
        (Service(code="E1390", system="HCPCS", modifiers=["RR"], quantity=1), []),
        (Service(code="W1234", system="HCPCS", quantity=1), ["procedure_code_format"]),
        (Service(code="99509", system="HCPCS", quantity=1), ["procedure_system_mismatch"]),
        (
            Service(code="E1390", system="HCPCS", modifiers=["RR", "KX", "GA", "GZ", "QE"], quantity=1),
            ["too_many_modifiers"],
        ),
        (Service(code="E1390", system="HCPCS", modifiers=["R"], quantity=1), ["modifier_format"]),
        (Service(code="E1390", system="HCPCS", modifiers=["RR"], quantity=0), ["quantity_invalid"]),
    ],
)
def test_format_rules_without_imports(service: Service, expected: list[str], context: ValidationContext) -> None:
    assert codes_of(referral(services=[service]), context) == expected


def test_no_hcpcs_file_means_no_membership_answer(tmp_path: Path) -> None:
    assert hcpcs_known("E1390", codeset_dir=tmp_path) is None


@pytest.mark.parametrize(
    ("code", "modifiers", "start", "expected"),
    [
        ("E1390", ["RR"], dt.date(2026, 11, 30), []),
        ("E0601", [], dt.date(2026, 11, 30), ["dme_rental_modifier_missing"]),
        ("E0601", ["NU"], dt.date(2026, 11, 30), []),
        ("A4253", [], dt.date(2026, 11, 30), []),  # supplies: bought, never rented
        ("E9999", [], dt.date(2026, 11, 30), ["hcpcs_unknown"]),
        ("A4397", [], dt.date(2026, 11, 30), ["hcpcs_terminated"]),  # ended 2021-12-31
        ("A2040", [], dt.date(2026, 11, 30), []),  # added 2026-04-01
    ],
)
def test_hcpcs_membership_and_dates(
    code: str, modifiers: list[str], start: dt.date, expected: list[str], hcpcs_context: ValidationContext
) -> None:
    service = Service(code=code, system="HCPCS", modifiers=modifiers, quantity=1)
    assert codes_of(referral(services=[service], requested_start_date=start), hcpcs_context) == expected


def test_hcpcs_not_yet_effective(hcpcs_context: ValidationContext) -> None:
    service = Service(code="A2040", system="HCPCS", quantity=1)
    record = referral(services=[service], order_date=dt.date(2026, 1, 5), requested_start_date=dt.date(2026, 3, 1))
    assert codes_of(record, hcpcs_context) == ["hcpcs_not_yet_effective"]


def test_real_cms_file_counts(hcpcs_codeset_dir: Path) -> None:
    version = stored_codesets(hcpcs_codeset_dir).hcpcs_for(TODAY)
    assert version is not None and version.effective == dt.date(2026, 7, 1)
    assert len(version.codes) == 8725
    assert sum(1 for dates in version.codes.values() if not dates[2]) == 7418
    assert hcpcs_known("K0001", codeset_dir=hcpcs_codeset_dir) is True
    assert hcpcs_known("K9999", codeset_dir=hcpcs_codeset_dir) is False


def _txt_line(code: str, recid: str, price: str, tos: str, added: str, acted: str, ended: str) -> str:
    line = [" "] * 293

    def put(start: int, text: str) -> None:
        line[start - 1 : start - 1 + len(text)] = text

    put(1, code), put(6, "00100"), put(11, recid), put(12, "DESCRIPTION TEXT"), put(120, price)
    put(261, tos), put(269, added), put(277, acted), put(285, ended), put(293, "N")
    return "".join(line)


def test_fixed_width_txt_form(tmp_path: Path) -> None:
    path = tmp_path / "HCPC2026_OCT_ANWEB.txt"
    path.write_text(
        "\n".join(
            [
                _txt_line("E0601", "3", "36", "R", "19880101", "20140101", ""),
                _txt_line("E0601", "4", "", "", "", "", ""),
                _txt_line("A4397", "3", "34", "P", "19900101", "20220101", "20211231"),
                _txt_line("   RR", "7", "", "", "", "", ""),
            ]
        )
        + "\n",
        encoding="latin-1",
    )
    imported = read_hcpcs(path)
    assert imported.effective == dt.date(2026, 10, 1)
    assert imported.codes == {"E0601": (19880101, 20140101, 0, 1), "A4397": (19900101, 20220101, 20211231, 0)}


def test_truncated_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("E0601000103SHORT\n", encoding="ascii")
    with pytest.raises(CodeSetFileError, match="characters"):
        read_hcpcs(path)


def test_effective_from_cms_names() -> None:
    assert effective_from_name("HCPC2026_JUL_ANWEB_06172026.xlsx") == dt.date(2026, 7, 1)
    assert effective_from_name("hcpcs.xlsx") is None


def test_cpt_list_keeps_codes_only(tmp_path: Path, context: ValidationContext) -> None:
    path = tmp_path / "cpt.csv"
    path.write_text("code,descriptor\n99509,SOME LICENSED DESCRIPTOR TEXT\n0001F,OTHER TEXT\n", encoding="utf-8")
    assert main(["codesets", "import", "cpt", str(path), "--effective", "2026-01-01", "--home", str(tmp_path)]) == 0
    stored = next((tmp_path / "codesets" / "cpt").glob("*.json")).read_text(encoding="utf-8")
    assert "DESCRIPTOR" not in stored and "TEXT" not in stored
    assert set(json.loads(stored)["codes"]) == {"99509", "0001F"}
    ctx = ValidationContext(today=TODAY, codeset_dir=tmp_path / "codesets")
    ok = Service(code="99509", system="CPT", quantity=1)
    unknown = Service(code="99999", system="CPT", quantity=1)
    assert codes_of(referral(services=[ok, unknown]), ctx) == ["cpt_unknown"]


def test_cpt_list_needs_an_effective_date(tmp_path: Path) -> None:
    path = tmp_path / "cpt.txt"
    path.write_text("99509\n", encoding="utf-8")
    with pytest.raises(CodeSetFileError):
        read_cpt_list(path, None)
    assert main(["codesets", "import", "cpt", str(path), "--home", str(tmp_path)]) == 2


@pytest.mark.slow
def test_cli_imports_the_cms_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not SHARED_HCPCS.is_file():
        pytest.skip("../shared absent")
    assert main(["codesets", "import", "hcpcs", str(SHARED_HCPCS), "--home", str(tmp_path)]) == 0
    assert "stored 8725 HCPCS codes effective 2026-07-01" in capsys.readouterr().out
    assert main(["codesets", "list", "--home", str(tmp_path)]) == 0
    assert "HCPCS\t2026-07-01\t8725" in capsys.readouterr().out


def test_cli_refuses_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    fake = tmp_path / "HCPC2026_JUL_ANWEB.xlsx"
    fake.write_bytes(b"not a zip at all")
    assert main(["codesets", "import", "hcpcs", str(fake), "--home", str(tmp_path)]) == 2


def test_cli_refuses_a_missing_file(tmp_path: Path) -> None:
    assert main(["codesets", "import", "hcpcs", str(tmp_path / "nope.xlsx"), "--home", str(tmp_path)]) == 2
