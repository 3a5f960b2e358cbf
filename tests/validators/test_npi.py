"""NPI: Luhn over the prefix 80840, table-driven cases and hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validators.common import check_npi
from validators.npi import is_valid_npi, npi_check_digit, npi_issue, npi_problem


def luhn_valid(number: str) -> bool:
    """An independent Luhn check: the whole number (with 80840 in front) sums to 0 mod 10."""
    total = 0
    for position, char in enumerate(reversed("80840" + number)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit // 10 + digit % 10
    return total % 10 == 0


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("1234567893", None),  # CMS's example
        ("1234567890", "checksum"),
        ("1245319599", None),
        ("123456789", "length"),
        ("12345678933", "length"),
        ("3234567893", "first_digit"),
        ("１234567893", "character"),  # full-width digit one
        ("123456789３", "character"),
        ("1234-56789", "character"),
        ("1234 67893", "character"),
        ("12345678.3", "character"),
        ("", "length"),
    ],
)
def test_npi_cases(value: str, kind: str | None) -> None:
    issue = npi_issue(value)
    assert (issue.kind if issue else None) == kind


def test_full_width_digit_is_named() -> None:
    findings = list(check_npi("ordering_provider.npi", "１234567893", "ordering clinician"))
    assert [f.code for f in findings] == ["npi_character"]
    assert "full-width digit '１' (U+FF11)" in findings[0].message


def test_punctuation_is_named() -> None:
    (finding,) = check_npi("ordering_provider.npi", "1234-67893", "ordering clinician")
    assert "'-'" in finding.message and "hyphen-minus" in finding.message


def test_checksum_message_gives_the_expected_digit() -> None:
    (finding,) = check_npi("billing_provider.npi", "1234567890", "billing provider")
    assert finding.code == "npi_checksum" and "expected 3" in finding.message
    assert npi_problem("1234567890") == "NPI 1234567890 fails its check digit (expected 3 as the last digit)"


def test_missing_npi_only_when_required() -> None:
    assert [f.code for f in check_npi("x.npi", None, "ordering clinician")] == ["npi_missing"]
    assert list(check_npi("x.npi", None, "rendering provider", required=False)) == []


nine_digits = st.integers(100_000_000, 299_999_999).map(str)


@given(nine_digits)
def test_the_computed_check_digit_completes_a_valid_npi(first_nine: str) -> None:
    npi = first_nine + str(npi_check_digit(first_nine))
    assert is_valid_npi(npi)
    assert luhn_valid(npi)


@given(nine_digits, st.integers(0, 9))
def test_every_other_check_digit_is_rejected(first_nine: str, digit: int) -> None:
    npi = first_nine + str(digit)
    assert is_valid_npi(npi) == luhn_valid(npi)
    assert is_valid_npi(npi) == (digit == npi_check_digit(first_nine))


@given(nine_digits, st.integers(0, 8), st.integers(1, 9))
def test_any_single_digit_change_is_caught(first_nine: str, position: int, shift: int) -> None:
    npi = first_nine + str(npi_check_digit(first_nine))
    changed = npi[:position] + str((int(npi[position]) + shift) % 10) + npi[position + 1 :]
    if changed[0] in "12":
        assert not is_valid_npi(changed)


@given(nine_digits)
def test_valid_npis_with_check_digit_zero_are_accepted(first_nine: str) -> None:
    # The PyPI package rejects these; find the last digit that makes the check digit 0.
    for last in "0123456789":
        candidate = first_nine[:8] + last
        if npi_check_digit(candidate) == 0:
            assert is_valid_npi(candidate + "0")


@given(st.text(min_size=1, max_size=12).filter(lambda s: any(c not in "0123456789" for c in s)))
def test_any_non_ascii_digit_character_is_rejected_by_name(value: str) -> None:
    issue = npi_issue(value)
    assert issue is not None and issue.kind == "character"
    assert issue.detail not in "0123456789"
