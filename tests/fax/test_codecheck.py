from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax import codecheck
from referrals.codes import NO_CODE_SETS, Icd10Membership, npi_check_digit, npi_checks_out

SETS = VALIDATOR_CODE_SETS


def test_npi_look_alike_letters_are_corrected_when_the_check_digit_agrees() -> None:
    result = codecheck.correct_npi("l2345678O3")  # 1234567803 is not valid; 1234567893 is
    assert result.value is None
    fixed = codecheck.correct_npi("I23456789B".replace("B", "3"))
    assert fixed.value == "1234567893" and fixed.corrected


def test_npi_with_a_wrong_check_digit_is_not_corrected() -> None:
    assert codecheck.correct_npi("1234567890").value is None


def test_icd10_one_valid_reading_is_accepted_and_marked_corrected() -> None:
    result = codecheck.correct_icd10("J4S.9", SETS)
    assert result.value == "J45.9" and result.corrected
    assert codecheck.correct_icd10("189154", SETS).value == "L89.154"


def test_icd10_several_valid_readings_leave_it_null() -> None:
    result = codecheck.correct_icd10("150.9", SETS)  # I50.9 and L50.9 are both billable
    assert result.value is None and set(result.readings) == {"I50.9", "L50.9"}


def test_icd10_leading_1_may_be_a_j_that_lost_its_hook() -> None:
    found = codecheck.correct_icd10("144.9", SETS)  # printed J44.9; L44.9 is a valid code too
    assert found.value is None and {"J44.9", "L44.9"} <= set(found.readings)
    assert codecheck.correct_icd10("110", SETS).value == "I10"  # J10 and L10 are categories, not billable


def test_icd10_billable_reading_preferred_over_a_category() -> None:
    assert codecheck.correct_icd10("110", SETS).value == "I10"  # L10 is a category, not billable


def test_icd10_valid_code_is_kept_as_read() -> None:
    result = codecheck.correct_icd10("e1165", SETS)
    assert result.value == "E11.65" and not result.corrected


def test_icd10_without_any_valid_reading_is_null() -> None:
    assert codecheck.correct_icd10("Q9Q.QQ", SETS).value is None


def test_header_code_is_known_but_not_billable() -> None:
    assert codecheck.icd10_known("J44", SETS) and not codecheck.icd10_billable("J44", SETS)
    assert codecheck.icd10_billable("J44.9", SETS)


def test_hcpcs_look_alikes() -> None:
    assert codecheck.correct_procedure("KO001", SETS).value == "K0001"
    assert codecheck.correct_procedure("E139O", SETS).value == "E1390"
    assert codecheck.correct_procedure("99509", SETS).value == "99509"


class _HcpcsTable:
    """A loaded HCPCS table that knows exactly `codes`."""

    def __init__(self, *codes: str) -> None:
        self.codes = set(codes)

    def icd10(self, code: str) -> Icd10Membership:
        return SETS.icd10(code)

    def hcpcs_known(self, code: str) -> bool | None:
        return code in self.codes


def test_hcpcs_reading_missing_from_a_loaded_table_does_not_count() -> None:
    assert codecheck.correct_procedure("E0I39", _HcpcsTable("E0139")).value == "E0139"
    assert codecheck.correct_procedure("E0I39", _HcpcsTable()).value is None
    listed = codecheck.correct_procedure("E1390", _HcpcsTable("E1390"))
    assert listed.value == "E1390" and listed.in_code_set and not listed.corrected


def test_without_code_sets_no_code_is_corrected_or_confirmed_by_a_table() -> None:
    as_read = codecheck.correct_icd10("J44.9", NO_CODE_SETS)
    assert as_read.value == "J44.9" and not as_read.in_code_set
    shaped = codecheck.correct_icd10("J4S.9", NO_CODE_SETS)  # the shape fits; only a second read may vouch
    assert shaped.value == "J4S.9" and not shaped.corrected and not shaped.in_code_set
    assert not codecheck.icd10_not_billable("J44", NO_CODE_SETS)


def test_icd10_exact_hit_is_in_the_code_set_and_a_correction_is_marked() -> None:
    assert codecheck.correct_icd10("J44.9", SETS).in_code_set
    fixed = codecheck.correct_icd10("J4S.9", SETS)
    assert fixed.corrected  # the reader still wants a second read before it takes a corrected code


def test_npi_check_digit_is_the_domains() -> None:
    assert npi_check_digit("123456789") == 3
    assert npi_checks_out("1234567893") and not npi_checks_out("1234567890") and not npi_checks_out("123456789")


def test_a_lower_case_l_or_pipe_first_is_a_bar_not_an_l() -> None:
    # 'l50.9' upper-cased is L50.9, a real code: but the bar may as well be the I of I50.9
    for raw in ("l50.9", "|50.9"):
        fixed = codecheck.correct_icd10(raw, VALIDATOR_CODE_SETS)
        assert fixed.value is None and set(fixed.readings) == {"I50.9", "L50.9"}, raw
    assert codecheck.correct_icd10("L50.9", VALIDATOR_CODE_SETS).value == "L50.9"
