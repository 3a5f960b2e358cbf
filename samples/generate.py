"""Writes the demo inbox (samples/inbox/): small synthetic 837P files, two 278 requests, three
faxes and one unknown file.

All names, ids and numbers are made up. Run `python samples/generate.py` to rewrite them.
Each 837P file is an interchange with one claim per `claims` entry; the defect is in the file name.
The two 278 requests are copies of synthetic test fixtures (tests/fixtures/x12/generate_278.py);
the faxes are copies of generated fax fixtures (tests/fixtures/fax/generate.py): an e-fax PDF with a
text layer, a fine-resolution G4 TIFF, and a TIFF whose order is not signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

INBOX = Path(__file__).parent / "inbox"
FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures"
COPIED = {
    "278-home-health-request.x12": "x12/valid/278_home_health_request.x12",
    "278-urgent-dme-request.x12": "x12/valid/278_dme_dependent_request.x12",
    "fax-efax-order.pdf": "fax/generated/lv-efax.pdf",
    "fax-oxygen-order.tif": "fax/generated/lv-fine.tif",
    "fax-unsigned-order.tif": "fax/generated/no-signature.tif",
}


@dataclass(frozen=True)
class SampleClaim:
    claim_id: str
    member_id: str
    last_name: str
    first_name: str
    lines: tuple[tuple[str, str, str], ...]  # (HCPCS, charge, date CCYYMMDD)
    total: str | None = None  # None: the sum of the lines


def interchange(control: int, claims: list[SampleClaim]) -> str:
    body = [seg for number, claim in enumerate(claims, start=1) for seg in _claim(number, claim)]
    st = [
        f"ST*837*{control:04d}*005010X222A2",
        "BHT*0019*00*REF47517*20261120*1200*CH",
        "NM1*41*2*DEMO BILLING SERVICE*****46*TGJ23",
        "PER*IC*DEMO DESK*TE*5555550100",
        "NM1*40*2*DEMO HEALTH PLAN*****46*66783JJT",
        "HL*1**20*1",
        "NM1*85*2*DEMO HOME MEDICAL SUPPLY*****XX*1234567893",
        "N3*100 MAIN STREET",
        "N4*SPRINGFIELD*IL*627010000",
        "REF*EI*123456789",
        *body,
    ]
    st.append(f"SE*{len(st) + 1}*{control:04d}")
    isa = (
        f"ISA*00*          *00*          *ZZ*DEMOSUBMIT     *ZZ*DEMOPAYER      *261120*1200*^*00501*{control:09d}*0*T*:"
    )
    segments = [
        isa,
        f"GS*HC*DEMOSUBMIT*DEMOPAYER*20261120*1200*{control}*X*005010X222A2",
        *st,
        f"GE*1*{control}",
        f"IEA*1*{control:09d}",
    ]
    return "~\n".join(segments) + "~\n"


def _claim(number: int, claim: SampleClaim) -> list[str]:
    total = claim.total or f"{sum(float(charge) for _, charge, _ in claim.lines):.2f}"
    segments = [
        f"HL*{number + 1}*1*22*0",
        "SBR*P*18*******CI",
        f"NM1*IL*1*{claim.last_name}*{claim.first_name}****MI*{claim.member_id}",
        "N3*12 ELM STREET",
        "N4*SPRINGFIELD*IL*62701",
        "DMG*D8*19480312*F",
        "NM1*PR*2*DEMO HEALTH PLAN*****PI*DEMO1",
        f"CLM*{claim.claim_id}*{total}***12:B:1*Y*A*Y*Y",
        "HI*ABK:E119*ABF:I10",
    ]
    for index, (code, charge, day) in enumerate(claim.lines, start=1):
        segments += [f"LX*{index}", f"SV1*HC:{code}*{charge}*UN*1***1", f"DTP*472*D8*{day}"]
    return segments


SAMPLES: dict[str, tuple[int, list[SampleClaim]]] = {
    "837p-two-ready-claims.x12": (
        101,
        [
            SampleClaim("DEMO1001", "DEMO00001A", "SAMPLE", "ALEX", (("E0601", "850.00", "20261115"),)),
            SampleClaim(
                "DEMO1002",
                "DEMO00002B",
                "EXAMPLE",
                "JORDAN",
                (("A4604", "120.00", "20261116"), ("A7030", "95.50", "20261116")),
            ),
        ],
    ),
    "837p-unbalanced-total.x12": (
        102,
        [
            SampleClaim(
                "DEMO2001",
                "DEMO00003C",
                "PLACEHOLDER",
                "SAM",
                (("E0431", "300.00", "20261117"),),
                total="350.00",
            ),
        ],
    ),
    "837p-missing-member-id.x12": (
        103,
        [
            SampleClaim("DEMO3001", "", "TESTCASE", "RILEY", (("E0260", "1200.00", "20261118"),)),
        ],
    ),
}


def main() -> None:
    INBOX.mkdir(parents=True, exist_ok=True)
    for name, (control, claims) in SAMPLES.items():
        (INBOX / name).write_text(interchange(control, claims), encoding="ascii")
    (INBOX / "not-an-order.txt").write_text("This is a cover note, not an order or an X12 file.\n")
    for name, fixture in COPIED.items():
        (INBOX / name).write_bytes((FIXTURES / fixture).read_bytes())


if __name__ == "__main__":
    main()
