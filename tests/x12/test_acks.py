"""999 and TA1 acknowledgements: structure, loop ids, CTX, and control numbers that never repeat."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ingest.control_numbers import COUNTER_FILE, MAX_CONTROL_NUMBER, FileControlNumbers
from tests.conftest import FIXTURES, parse_records

INVALID = FIXTURES / "x12" / "invalid"
VALID = FIXTURES / "x12" / "valid"


def segments(path: Path) -> list[list[str]]:
    return [s.strip().split("*") for s in path.read_text().split("~") if s.strip()]


def ack_files(directory: Path, kind: str) -> list[Path]:
    return sorted(directory.glob(f"*.{kind}.x12"))


def test_one_999_per_functional_group_with_counts(tmp_path: Path) -> None:
    parse_records(VALID / "837p_groups_and_sets.x12", ack_dir=tmp_path)
    acks = ack_files(tmp_path, "999")
    assert len(acks) == 2
    first = segments(acks[0])
    ids = [s[0] for s in first]
    assert ids == ["ISA", "GS", "ST", "AK1", "AK2", "IK5", "AK2", "IK5", "AK9", "SE", "GE", "IEA"]
    assert next(s for s in first if s[0] == "AK9")[1:] == ["A", "2", "2", "2"]
    st_to_se = ids.index("SE") - ids.index("ST") + 1
    assert next(s for s in first if s[0] == "SE")[1] == str(st_to_se)
    assert next(s for s in first if s[0] == "GS")[8] == "005010X231A1"


def test_ik3_carries_the_loop_id_and_ik4_the_element(tmp_path: Path) -> None:
    parse_records(INVALID / "dob_not_a_date.x12", ack_dir=tmp_path)
    (ack,) = ack_files(tmp_path, "999")
    segs = segments(ack)
    ik3 = next(s for s in segs if s[0] == "IK3")
    assert ik3[1] == "DMG" and ik3[3] == "2010BA" and ik3[4] == "8"
    ik4 = next(s for s in segs if s[0] == "IK4")
    assert ik4[1] == "2" and ik4[3] == "8"
    assert next(s for s in segs if s[0] == "IK5")[1] == "R"


def test_ctx_names_the_claim_for_errors_inside_it(tmp_path: Path) -> None:
    parse_records(INVALID / "non_ascii_name.x12", ack_dir=tmp_path)
    parse_records(
        FIXTURES.parent.parent.parent / "shared" / "corpus" / "x12" / "invalid" / "stupidedi_837p_oxygen.x12",
        ack_dir=tmp_path,
    ) if (FIXTURES.parents[2] / "shared").is_dir() else None
    texts = "".join(p.read_text() for p in ack_files(tmp_path, "999"))
    assert "IK3*NM1*" in texts
    if "PWK" in texts:
        assert "CTX*CLM01:" in texts


def test_ta1_for_a_truncated_interchange(tmp_path: Path) -> None:
    parse_records(INVALID / "truncated.x12", ack_dir=tmp_path)
    (ta1,) = ack_files(tmp_path, "TA1")
    segs = segments(ta1)
    assert [s[0] for s in segs] == ["ISA", "TA1", "IEA"]
    assert segs[1][1] == "000000101" and segs[1][4:] == ["R", "023"]


def test_control_numbers_are_unique_and_persist_across_runs(tmp_path: Path) -> None:
    for _ in range(3):
        parse_records(VALID / "837p_groups_and_sets.x12", ack_dir=tmp_path)
    numbers = [segments(p)[0][13] for p in ack_files(tmp_path, "999")]
    assert len(numbers) == 6 and len(set(numbers)) == 6


def _take(directory: Path) -> list[int]:
    counter = FileControlNumbers(directory)
    return [counter.next() for _ in range(50)]


def test_control_numbers_do_not_collide_across_processes(tmp_path: Path) -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        taken = [n for batch in pool.map(_take, [tmp_path] * 4) for n in batch]
    assert sorted(taken) == list(range(1, 201))


def test_a_counter_left_unpadded_by_an_earlier_version_goes_on_from_its_number(tmp_path: Path) -> None:
    (tmp_path / COUNTER_FILE).write_text("12")
    assert FileControlNumbers(tmp_path).next() == 13
    assert (tmp_path / COUNTER_FILE).read_text() == "000000013"  # fixed width: rewritten in place, never truncated


def test_control_numbers_wrap_after_the_largest_nine_digit_number(tmp_path: Path) -> None:
    (tmp_path / COUNTER_FILE).write_text(str(MAX_CONTROL_NUMBER))
    assert FileControlNumbers(tmp_path).next() == 1
