from ingest.codesets import VALIDATOR_CODE_SETS
from parsers.fax import codecheck, reread
from parsers.fax.model import Word
from parsers.fax.reread_pool import Reread, pooled
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

    def icd10_title(self, code: str) -> str | None:
        return SETS.icd10_title(code)


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


def test_hcpcs_shown_reads_a_letter_o_in_a_digit_place_as_the_zero_and_changes_nothing_else() -> None:
    assert codecheck.hcpcs_shown("KO001") == "K0001"
    assert codecheck.hcpcs_shown("E0601-RR") == "E0601"
    assert codecheck.hcpcs_shown("KI001") is None  # an I is no digit here: that is a look-alike change
    assert codecheck.hcpcs_shown("1390") is None and codecheck.hcpcs_shown("KO0001") is None


def test_hcpcs_fits_garbled_reads_of_one_code() -> None:
    assert codecheck.hcpcs_fits("KO0001", "K0001")  # the zero read as 'O0'
    assert codecheck.hcpcs_fits("1390", "E1390") and codecheck.hcpcs_fits("£1390", "E1390")  # letter lost / unread
    assert not codecheck.hcpcs_fits("KO0051", "K0001")  # no doubled glyph gives it
    assert not codecheck.hcpcs_fits("G1390", "E1390") and not codecheck.hcpcs_fits("1391", "E1390")


def test_hcpcs_agreed_needs_a_read_showing_the_code_and_no_read_against_it() -> None:
    none = NO_CODE_SETS
    assert codecheck.hcpcs_agreed("KO0001", ["KOO0O1", "KO001", "KO001"], none) == "K0001"
    assert codecheck.hcpcs_agreed("GO0152", ["G0O152", "GO152", "G0152"], none) == "G0152"
    assert codecheck.hcpcs_agreed("KO0001", ["KO001", "KO011"], none) is None  # two codes shown
    assert codecheck.hcpcs_agreed("KO0001", ["KOO0O1", "KO001"], none) is None  # digits as they are only once
    assert codecheck.hcpcs_agreed("K0O51", ["KO001", "KO001"], none) is None  # the page read stands for another
    assert codecheck.hcpcs_agreed("KO0001", ["KOO0O1", "KOO01"], none) is None  # no read shows it


def test_a_letter_seen_by_one_read_only_needs_a_table_that_allows_no_other_letter() -> None:
    reads = ["1390", "1390", "E1390"]
    assert codecheck.hcpcs_agreed("£1390", reads, NO_CODE_SETS) is None
    assert codecheck.hcpcs_agreed("£1390", reads, _HcpcsTable("E1390")) == "E1390"
    assert codecheck.hcpcs_agreed("£1390", reads, _HcpcsTable("E1390", "A1390")) is None
    assert codecheck.hcpcs_agreed("£1390", reads, _HcpcsTable("A1390")) is None  # the table lacks it
    assert codecheck.hcpcs_agreed("E1390", ["E1390", "1390"], NO_CODE_SETS) == "E1390"  # the letter seen twice


def test_a_letter_hcpcs_leaves_unused_is_no_code_so_an_e_rivalled_by_f_is_no_doubt() -> None:
    """HCPCS Level II has no F, I, N or O codes: 'F0260' is no reading, and a re-read of 'E0260'
    whose E rivals F still agrees with another read of E0260."""
    assert codecheck.correct_procedure("F0260", NO_CODE_SETS).value is None
    assert codecheck.correct_procedure("N0260", NO_CODE_SETS).value is None
    assert codecheck.hcpcs_shown("O0260") is None
    assert codecheck.correct_procedure("E0260", NO_CODE_SETS).value == "E0260"
    rivalled = Reread("E0260", (Word("E0260", 62, 0, 0, 10, 10, ambiguous=True, rivals=(("E", "F"),)),))
    procedure = lambda text: reread._procedure(text, NO_CODE_SETS)  # noqa: E731
    assert pooled([rivalled, Reread("E0260", (Word("E0260", 90, 0, 0, 10, 10),))], procedure) == "E0260"


def test_a_cpt_shaped_read_that_is_a_listed_hcpcs_code_with_its_letter_as_a_digit_is_open() -> None:
    """'60299': CPT 60299 as read, or G0299 with its G read as a 6 (OCR's commonest confusion there)."""
    found = codecheck.correct_procedure("60299", _HcpcsTable("G0299"))
    assert found.value is None and set(found.readings) == {"60299", "G0299"}
    assert codecheck.correct_procedure("60299", _HcpcsTable()).value == "60299"  # the table has no G0299
    assert codecheck.correct_procedure("99509", _HcpcsTable("G0299")).value == "99509"
    assert codecheck.correct_procedure("60299", NO_CODE_SETS).value is None  # no table: G0299 may be it
    assert codecheck.correct_procedure("97110", NO_CODE_SETS).value == "97110"  # a 9 is no letter's look-alike


def test_a_supply_code_whose_a_was_read_as_a_4_is_open() -> None:
    """'47030': CPT 47030 as read, or A7030 (a supply's code: masks, tubing, dressings) with its A read
    as a 4, the glyph OCR makes of an A at fax resolution: with no HCPCS table to tell, it is open."""
    found = codecheck.correct_procedure("47030", NO_CODE_SETS)
    assert found.value is None and set(found.readings) == {"47030", "A7030"}
    assert codecheck.correct_procedure("47030", _HcpcsTable()).value == "47030"  # the table has no A7030
    assert codecheck.correct_procedure("47030", _HcpcsTable("A7030")).value is None
    assert codecheck.correct_procedure("A7030", NO_CODE_SETS).value == "A7030"


def test_a_drug_code_whose_j_was_read_as_a_3_is_open() -> None:
    """'30290': CPT 30290 as read, or J0290 (a drug's code) with its J read as a 3, as a fax's J
    often comes: with no HCPCS table to tell, which was printed is unknown."""
    found = codecheck.correct_procedure("30290", NO_CODE_SETS)
    assert found.value is None and set(found.readings) == {"30290", "J0290"}
    assert codecheck.correct_procedure("30290", _HcpcsTable()).value == "30290"  # the table has no J0290
    assert codecheck.correct_procedure("30290", _HcpcsTable("J0290")).value is None


def test_a_brace_read_for_a_serifed_one_or_i_is_a_look_alike_needing_a_second_read() -> None:
    for raw, code in (("N}8.4", "N18.4"), ("{10", "I10"), ("E1{.65", "E11.65")):
        found = codecheck.correct_icd10(raw, SETS)
        assert found.value == code and found.corrected  # a change: only a second read confirms it


def test_a_bracket_first_may_be_a_serifed_i_as_well_as_an_l() -> None:
    """'[50.9' for I50.9 (a serif face's I, its left serifs read as the bracket's arms): I50.9 or L50.9."""
    fixed = codecheck.correct_icd10("[50.9", SETS)
    assert fixed.value is None and set(fixed.readings) == {"I50.9", "L50.9"}


def test_a_round_bracket_first_may_be_a_serifed_i_as_well_as_an_l() -> None:
    """'(50.9' for I50.9 (the I's serifs read as a round bracket): I50.9 or L50.9, never L50.9 alone."""
    fixed = codecheck.correct_icd10("(50.9", SETS)
    assert fixed.value is None and set(fixed.readings) == {"I50.9", "L50.9"}


def test_a_three_first_is_a_j_or_a_b_read_as_a_digit() -> None:
    """'396.11' for J96.11 (the J's hook read as a 3, as a drug code's J is): no code begins with a digit;
    only J96.11 of the look-alike readings is a code, so it is that one, corrected (a second read must
    confirm it). '344.9' is J44.9 or B44.9 (aspergillosis): open."""
    fixed = codecheck.correct_icd10("396.11", SETS)
    assert fixed.value == "J96.11" and fixed.corrected
    fixed = codecheck.correct_icd10("344.9", SETS)
    assert fixed.value is None and set(fixed.readings) == {"B44.9", "J44.9"}
