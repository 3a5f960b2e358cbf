"""Generate docs/findings.md from the finding registry: `python -m validators.findings_doc`.

`--check` exits 1 when the committed file differs (tests/validators/test_findings_doc.py does the same).
"""

from __future__ import annotations

import sys
from pathlib import Path

from validators.registry import REGISTRY

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "findings.md"
LOOP_NAMES = {
    "2010C": "2010C subscriber",
    "2010B": "2010B requester",
    "2000E": "2000E patient event",
    "2000F": "2000F service",
}
HEADER = """# Findings

Every code the validators can put on a record (generated from `validators/registry.py` by
`python -m validators.findings_doc`; a test keeps this file current). An `error` makes the record
`needs_clarification`; a `warning` is shown to the intake desk but does not hold the record.
`{name}` in a message is filled from the record. **AAA03** is the X12 278 reject reason code a 278
response would carry for the finding, in the AAA segment of the loop named beside it (15 required
application data missing, 33 input errors, 43 invalid/missing provider identification, 44 provider
name, 56 inappropriate date, 57 date(s) of service, 58 date of birth, 60 date of birth follows date of
service, 69 inconsistent with patient's age, 70 with patient's gender, 72 subscriber/insured ID,
73 subscriber/insured name, AF diagnosis code(s), AG procedure code(s)).

| code | severity | message | AAA03 | 278 loop |
| --- | --- | --- | --- | --- |
"""


def render() -> str:
    rows = [
        f"| `{spec.code}` | {spec.severity.value} | {spec.template.replace('|', '/')} | {spec.aaa03} | "
        f"{LOOP_NAMES[spec.loop]} |"
        for spec in sorted(REGISTRY.values(), key=lambda s: s.code)
    ]
    return HEADER + "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = DOC_PATH.read_text(encoding="utf-8") if DOC_PATH.is_file() else ""
        if current != text:
            print(f"{DOC_PATH} is out of date: run python -m validators.findings_doc", file=sys.stderr)
            return 1
        return 0
    DOC_PATH.parent.mkdir(parents=True, exist_ok=True)
    DOC_PATH.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
