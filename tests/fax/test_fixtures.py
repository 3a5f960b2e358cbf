"""Every generated fax, read with recorded tesseract output: contract, defects found, no silent errors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bench.fax_accuracy import TUNED_LAYOUTS, lookup, score
from bench.fax_replay import read_case as replay_case
from parsers.fax.ocr import RecordedEngine
from tests.fax.conftest import NoOcr, expected_cases

CASES = expected_cases()
# Field accuracy floors per layout group (bench/fax_accuracy.py's TUNED_LAYOUTS: the layouts the reader was
# developed on; the others are held out to keep it honest), each just under what the recording measured
# 2026-11-26 (tesserocr's tesseract 5.5.4, Debian's fast English model, and PyPI's standard English model for
# re-reads). Tuned: the layouts the reader was developed on, with the DME certificate of medical necessity
# since it joined them that day (held out it measured 27/60). Held out, never tuned on (their WRONG values,
# not their misses, were looked at and fixed): the hospital physician's order sheet and the home infusion
# pharmacy referral (layouts_more.py, in Courier New and Arial metric faces, added while the day's tuning
# went on in other worktrees) and the prior-authorization request and the EHR-printed order (layouts_late.py,
# added after the tuning had started, out of the tuners' sight). After the day's merges the replay measured
# tuned 720/750 = 0.960 and held-out 120/240 = 0.500 (one wrong value there: a phone digit every read took
# for another, in a record held for clarification); after the streak and lost-word rules, tuned 725/750 = 0.967
# and held-out 121/240 = 0.504; with branch gen1's general rules (captions under their lines, 'PT'/'INS'/
# 'Office #', split address fields, a page an order continues onto) held-out 152/240 = 0.633, and with
# gen2's (reverse-printed section bars, e-signature statements, EHR routing captions) held-out
# 190/240 = 0.792 (the same wrong value only).
# Then those four layouts joined the tuned ones, and the three of layouts_unseen.py (a practice's home health
# referral with the face-to-face attestation, a DME supplier's standard written order faxed back, a wound care
# center's home care orders), written out of the tuners' sight, became the held-out group: 79/181 read by the
# reader of the morning, 77/181 by the reader the day's tuning left (the tuning did not carry over to them),
# tuned 915/990 = 0.924. Their wrong values (not their misses) were then looked at and fixed by general
# rules (branch safe1: organisations' names, unticked options, a caption over its signature line, a
# three-character code read before a code's rest): held-out 82/180 = 0.456, none wrong.
# With codes found by their shape anywhere on an order page (branch codes1) and the
# sweep kept off words a section reader took as part of a longer code: held-out 87/180 = 0.483, none wrong.
# Then layouts_hidden.py's three (a home oxygen order, a plan's numbered-box request for services, a hospital
# case manager's EHR discharge referral), written 2026-11-26 (session 6) out of the tuners' sight, joined the
# held-out group: 78/180 on them (6 wrong values, all in records held for clarification), held-out 165/360 = 0.458.
# Session 6 (2026-11-26) tuned on layouts_unseen.py's three (branches tswo, tf2f, twc: 87/180 -> 147/180 on
# them, 0 wrong), on the tuned layouts' fine pages (tfine) and standard pages (tstd), and added a page fed
# sideways (lv-sideways); layouts_unseen.py's then joined the tuned group: tuned 1123/1200 = 0.936 (the
# same 1 wrong value). Held out now: layouts_hidden.py's alone, 78/180 by the morning's reader and
# 89/180 = 0.494 by the evening's (5 wrong values, all in records held for clarification; their wrong
# values, not their misses, were looked at and two fixed by general rules).
# Session 7 (2026-11-26) tuned on layouts_hidden.py's three (branches to2, tdc, trfs) and on standard pages
# (tstd2); they joined the tuned group: tuned 1284/1380 = 0.930, 1 wrong value (the mdorders-std phone).
# Held out now: layouts_hidden2.py's three (a sleep center's CPAP order, an orthopaedic surgeon's referral
# letter, a home nutrition supplier's enteral prescription), written that session out of the tuners' sight:
# 73/187 by the morning's reader (4 wrong), 82/186 = 0.441 by the evening's (1 wrong, in a record held for
# clarification; their wrong values, not their misses, were looked at and three fixed by general rules);
# tuned 1286/1380 = 0.932 after the session's rounds on fresh variants.
# Session 8 (2026-11-26) tuned on layouts_hidden2.py's three (branches tcpap, tortho, tenteral: 82/186 ->
# 139/186 on them, none wrong), on standard pages (tstd3: tuned 1286 -> 1305/1380) and on fresh variants'
# misses and wrong values (tfaddr, tfparty, tsafe3 and the lead's rules); they joined the tuned group:
# tuned 1444/1566 = 0.922, 1 wrong. Held out now: layouts_hidden3.py's three (written that session out of
# the tuners' sight): 67/186 by the morning's reader (11 wrong, all in records held for clarification),
# 72/186 = 0.387 by the reader after the day's merges.
# Session 9 (2026-11-26) tuned on fresh variants (seeds 1101 and 1103: other patients, clinicians, codes and
# noise on the tuned layouts; 1101 tuned 1233 -> 1334/1566, wrong 4 -> 0) with seed 1102 as a check and 1104
# never looked at: addresses, party fields, codes and dates, garbled captions, CPU trims. Fixtures: tuned
# 1450/1566 = 0.926, 1 wrong; held-out unchanged, 72/185 = 0.389 with 8 wrong.
# Raise them as the reader improves.
MIN_FIELD_ACCURACY = {"tuned": 0.925, "held-out": 0.38}


_READ: dict[Path, tuple[dict[str, Any], dict[str, Any]]] = {}


def read_case(meta_path: Path, engine: RecordedEngine) -> tuple[dict[str, Any], dict[str, Any]]:
    """The expected record and the record read (once per session: reading is deterministic)."""
    if isinstance(engine, RecordedEngine) and meta_path in _READ:
        return _READ[meta_path]
    _READ[meta_path] = found = replay_case(meta_path, engine)
    return found


@pytest.mark.parametrize("meta_path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_fax_fixture(meta_path: Path, ocr_engine: RecordedEngine, record_schema: dict[str, Any]) -> None:
    meta, record = read_case(meta_path, ocr_engine)
    jsonschema.validate(record, record_schema)
    assert record["record_type"] == "referral"
    assert record["source"]["pages"] == meta["pages"]
    error_fields = {f["field"] for f in record["findings"] if f["severity"] == "error"}
    for field in meta["error_fields"]:
        assert field in error_fields, f"{field} should carry an error finding"
    if meta["defects"]:
        assert record["status"] == "needs_clarification"
    if record["status"] == "ready":
        assert score(meta["fields"], record)["wrong"] == 0, "a ready record has a wrong field"
    for path in record["provenance"]:
        where = record["provenance"][path]
        assert where["page"] >= 1 and len(where["bbox"]) == 4 and all(0 <= v <= 1.01 for v in where["bbox"])


@pytest.mark.parametrize("group", sorted(MIN_FIELD_ACCURACY))
def test_field_accuracy_does_not_regress(group: str, ocr_engine: RecordedEngine) -> None:
    tally: Counter[str] = Counter()
    for meta_path in CASES:
        meta, record = read_case(meta_path, ocr_engine)
        if ("tuned" if meta["layout"] in TUNED_LAYOUTS else "held-out") == group:
            tally.update(score(meta["fields"], record))
    if not tally:
        pytest.skip(f"no {group} fixture: every generated layout is in bench/fax_accuracy.py's TUNED_LAYOUTS")
    assert tally["correct"] / sum(tally.values()) >= MIN_FIELD_ACCURACY[group]


def test_text_layer_pdf_is_read_without_ocr_and_is_ready() -> None:
    meta_path = next(p for p in CASES if p.name.startswith("lv-efax"))
    meta, record = read_case(meta_path, NoOcr())  # type: ignore[arg-type]
    assert record["status"] == "ready", record["findings"]
    assert score(meta["fields"], record)["correct"] == sum(score(meta["fields"], record).values())
    assert lookup(record, "ordering_provider.npi") == meta["fields"]["ordering_provider.npi"]


def test_address_is_read_whole_or_null_with_a_finding_on_its_page(ocr_engine: RecordedEngine) -> None:
    """no-dob prints a unit ('Apt 204') that OCR has garbled ('Apt 2:04'): the address is then the
    printed one or none at all, with a finding on its page, never a guess from the rest
    (the garbled case itself: test_reading_units)."""
    meta, record = read_case(next(p for p in CASES if p.name.startswith("no-dob")), ocr_engine)
    address = record["member"]["address"]
    if address is not None:
        assert {f"member.address.{k}": v for k, v in address.items() if v is not None} == {
            k: v for k, v in meta["fields"].items() if k.startswith("member.address.")
        }
    else:
        found = [f for f in record["findings"] if f["code"] == "address_unreadable"]
        assert [(f["field"], f["page"]) for f in found] == [("member.address", 2)]
