from parsers.fax import codecheck


def test_npi_look_alike_letters_are_corrected_when_the_check_digit_agrees() -> None:
    result = codecheck.correct_npi("l2345678O3")  # 1234567803 is not valid; 1234567893 is
    assert result.value is None
    fixed = codecheck.correct_npi("I23456789B".replace("B", "3"))
    assert fixed.value == "1234567893" and fixed.corrected


def test_npi_with_a_wrong_check_digit_is_not_corrected() -> None:
    assert codecheck.correct_npi("1234567890").value is None


def test_icd10_one_valid_reading_is_accepted_and_marked_corrected() -> None:
    result = codecheck.correct_icd10("J4S.9")
    assert result.value == "J45.9" and result.corrected
    assert codecheck.correct_icd10("189154").value == "L89.154"


def test_icd10_several_valid_readings_leave_it_null() -> None:
    result = codecheck.correct_icd10("150.9")  # I50.9 and L50.9 are both billable
    assert result.value is None and set(result.readings) == {"I50.9", "L50.9"}


def test_icd10_leading_1_may_be_a_j_that_lost_its_hook() -> None:
    found = codecheck.correct_icd10("144.9")  # printed J44.9; L44.9 is a valid code too
    assert found.value is None and {"J44.9", "L44.9"} <= set(found.readings)
    assert codecheck.correct_icd10("110").value == "I10"  # J10 and L10 are categories, not billable


def test_icd10_billable_reading_preferred_over_a_category() -> None:
    assert codecheck.correct_icd10("110").value == "I10"  # L10 is a category, not billable


def test_icd10_valid_code_is_kept_as_read() -> None:
    result = codecheck.correct_icd10("e1165")
    assert result.value == "E11.65" and not result.corrected


def test_icd10_without_any_valid_reading_is_null() -> None:
    assert codecheck.correct_icd10("Q9Q.QQ").value is None


def test_header_code_is_known_but_not_billable() -> None:
    assert codecheck.icd10_known("J44") and not codecheck.icd10_billable("J44")
    assert codecheck.icd10_billable("J44.9")


def test_hcpcs_look_alikes() -> None:
    assert codecheck.correct_procedure("KO001").value == "K0001"
    assert codecheck.correct_procedure("E139O").value == "E1390"
    assert codecheck.correct_procedure("99509").value == "99509"
