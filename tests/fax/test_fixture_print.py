"""The fax fixtures' own soundness: every field a fixture's expected record holds is printed on its pages
(so a miss is the reader's, never the fixture's: checked on the clean drawings' text, in any of the forms
the layouts print), every layout comes at both resolutions, and the held-out layouts stay held out."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest

from bench.fax_accuracy import TUNED_LAYOUTS
from tests.fixtures.fax.generate import CASES, LAYOUTS, Case, order_for
from tests.fixtures.fax.layouts_more import MORE_LAYOUTS
from tests.fixtures.fax.orders import expected_fields

# Not text on the page: checkboxes, the signature scribble, urgency (a rule over the dates and words).
NOT_TEXT = {"member.sex", "service_type", "signature.present", "urgent"}


def printed_text(case: Case) -> str:
    pages = LAYOUTS[case.layout](order_for(case), random.Random(case.name))
    return "\n".join(str(op[3]) for page in pages for op in page.ops if op[0] == "text")


def date_forms(value: str) -> set[str]:
    day = dt.date.fromisoformat(value)
    formats = ("%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y", "%Y-%m-%d")
    return {day.strftime(f) for f in formats} | {
        f"{day.month}-{day.day}-{day.year}",
        f"{day.strftime('%B')} {day.day}, {day.year}",
        f"{day.strftime('%b')} {day.day}, {day.year}",
    }


def is_printed(path: str, want: Any, text: str) -> bool:
    if path.endswith(("dob", "date")):
        return any(form in text for form in date_forms(want))
    if path.endswith(("phone", "fax")):
        return want in re.sub(r"[^0-9\n]", "", text)
    if path.endswith(("first_name", "last_name")):
        return str(want).casefold() in text.casefold()
    if path == "diagnoses":
        return all(code in text or code.replace(".", "") in text for code in want)
    if path == "services":
        return all(line["code"] in text for line in want)
    return str(want) in text


@pytest.mark.parametrize("case", [c for c in CASES if c.fmt != "textpdf"], ids=lambda c: c.name)
def test_every_expected_field_is_printed(case: Case) -> None:
    text = printed_text(case)
    fields = expected_fields(order_for(case))
    unprinted = [
        path
        for path, want in fields.items()
        if want is not None and path not in NOT_TEXT and not is_printed(path, want, text)
    ]
    assert not unprinted, f"{case.name}: expected but not printed: {unprinted}"


def test_every_layout_has_a_fine_and_a_standard_case() -> None:
    for layout in LAYOUTS:
        assert {c.resolution for c in CASES if c.layout == layout} == {"fine", "standard"}, layout


def test_layouts_added_after_tuning_stay_held_out() -> None:
    """bench/fax_accuracy.py counts a layout outside TUNED_LAYOUTS as held out; a layout of
    layouts_more.py moves to TUNED_LAYOUTS only with a decision (and out of that module)."""
    assert not set(MORE_LAYOUTS) & TUNED_LAYOUTS
