"""Generate docs/findings.md, the one table of every finding code: `python -m referrals.findings_doc`.

Two sections from two sources: the validators' registry (`validators/registry.py`, with each
code's 278 AAA reject reason) and the parsers' catalog (`parsers/catalog.py`). `--check` exits
1 when the committed file differs; tests/test_findings_doc.py does the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

from parsers.catalog import parser_codes
from validators.findings_doc import render as render_validator_section

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "findings.md"
PARSER_HEADER = """
## Findings about the file itself (parsers)

What the parsers say about a document's form: X12 syntax and envelope (each pyx12 diagnostic
becomes one of these, placed by loop, segment, line and element) and files that are not orders.
Their messages name the segment or element, never its value.

| code | severity | from | meaning |
| --- | --- | --- | --- |
"""


def render() -> str:
    rows = [f"| `{c.code}` | {c.severity} | {c.source} | {c.meaning} |" for c in parser_codes()]
    return render_validator_section() + PARSER_HEADER + "\n".join(rows) + "\n"


def documented_codes() -> set[str]:
    from validators.registry import REGISTRY

    return set(REGISTRY) | {c.code for c in parser_codes()}


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not DOC_PATH.is_file() or DOC_PATH.read_text(encoding="utf-8") != text:
            print(f"{DOC_PATH} is out of date: run python -m referrals.findings_doc", file=sys.stderr)
            return 1
        return 0
    DOC_PATH.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
