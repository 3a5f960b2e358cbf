"""The finding registry and its generated table."""

from __future__ import annotations

import re
import string

from validators.findings_doc import DOC_PATH, render
from validators.registry import REGISTRY

AAA03_CODES = {"15", "33", "43", "44", "56", "57", "58", "60", "69", "70", "72", "73", "AF", "AG"}


def test_docs_findings_md_is_current() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render(), "run: python -m validators.findings_doc"


def test_every_code_is_stable_snake_case_with_one_sentence() -> None:
    for code, spec in REGISTRY.items():
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", code)
        assert spec.template.endswith(".") and spec.template.count(". ") == 0, code
        assert spec.aaa03 in AAA03_CODES, code


def test_templates_render_with_their_own_fields() -> None:
    for spec in REGISTRY.values():
        names = {name for _, name, _, _ in string.Formatter().parse(spec.template) if name}
        rendered = spec.render("x", **{name: "V" for name in names})
        assert "{" not in rendered.message and rendered.code == spec.code
