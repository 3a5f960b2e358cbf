"""The committed map directory is what the spec generates, and pyx12 loads it from our map path."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pyx12.map_if

from parsers.x12 import maps, x217_generate
from parsers.x12.x217_dictionary import DATA_ELEMENTS
from tests.x12_278.conftest import FIXTURES

# Where our 5010 dictionary differs from pyx12's (4010-era) table, on purpose.
KNOWN_DICTIONARY_DIFFERENCES: dict[str, str] = {}


def test_committed_map_files_are_current() -> None:
    assert x217_generate.stale_files() == [], "run: python -m parsers.x12.x217_generate"


def test_map_directory_holds_everything_pyx12_reads() -> None:
    names = {p.name for p in x217_generate.MAP_DIR.glob("*.xml")}
    assert {
        "maps.xml",
        "dataele.xml",
        "codes.xml",
        "x12.control.00501.xml",
        x217_generate.REQUEST_MAP,
        x217_generate.RESPONSE_MAP,
    } <= names


def test_request_and_response_maps_are_chosen_by_bht02() -> None:
    request = maps.choose_map("00501", "005010X217", "HI", "13")
    response = maps.choose_map("00501", "005010X217", "HI", "11")
    cancellation = maps.choose_map("00501", "005010X217", "HI", "01")
    assert request is not None and request.map_file == x217_generate.REQUEST_MAP
    assert response is not None and response.map_file == x217_generate.RESPONSE_MAP
    assert cancellation is not None and cancellation.map_file == x217_generate.REQUEST_MAP
    assert request.map_path == str(x217_generate.MAP_DIR)


def test_pyx12_loads_the_maps_with_our_element_table() -> None:
    for name, hcr_expected in ((x217_generate.REQUEST_MAP, False), (x217_generate.RESPONSE_MAP, True)):
        tree = pyx12.map_if.load_map_file(name, maps.params(), str(x217_generate.MAP_DIR))
        event = tree.getnodebypath("/ISA_LOOP/GS_LOOP/ST_LOOP/DETAIL/2000A/2000B/2000C/2000E")
        assert event is not None
        assert any(child.id == "HCR" for child in event.childIterator()) is hcr_expected
        assert tree.data_elements.get_by_elem_num("1525")["data_type"] == "ID"  # ours, not pyx12's file


def _pyx12_dictionary() -> dict[str, tuple[str, int, int]]:
    text = files("pyx12").joinpath("map", "dataele.xml").read_bytes()
    rows = ET.fromstring(text).iter("data_ele")
    return {
        e.get("ele_num") or "": (e.get("data_type") or "", int(e.get("min_len") or 0), int(e.get("max_len") or 0))
        for e in rows
    }


def test_our_element_types_and_lengths_agree_with_pyx12s_table() -> None:
    theirs = _pyx12_dictionary()
    differ = {
        num: (ours[:3], theirs[num])
        for num, ours in DATA_ELEMENTS.items()
        if num in theirs and tuple(ours[:3]) != theirs[num] and num not in KNOWN_DICTIONARY_DIFFERENCES
    }
    assert differ == {}


def test_committed_278_fixtures_are_what_the_generator_writes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate_278", FIXTURES / "generate_278.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_278"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    (tmp_path / "valid").mkdir()
    (tmp_path / "invalid").mkdir()
    module.write_all(tmp_path)
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("278_*"))
    assert written == sorted(p.relative_to(FIXTURES) for p in FIXTURES.rglob("278_*"))
    for name in written:
        assert (tmp_path / name).read_bytes() == (FIXTURES / name).read_bytes(), name
