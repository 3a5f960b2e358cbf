"""The clarification letter: a fax-ready PDF to the ordering office saying exactly what is missing.

It names the patient (name, date of birth) and our reference (the record id, and the 278's control
number when there is one) so the reply can be matched, and lists each error finding in plain words.
The PDF goes into `home/letters/`; sending it is recorded in the audit log by the caller.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from referrals.domain import Claim, Finding, Record, Referral

SINGULAR = {"diagnoses": "diagnosis"}
WORDS = {"npi": "NPI", "dob": "date of birth", "id": "ID", "zip": "ZIP code", "hcpcs": "HCPCS"}


def field_label(path: str | None) -> str:
    """`ordering_provider.npi` -> `Ordering provider NPI`; `services[0].code` -> `Service 1 code`."""
    if not path:
        return "The order as a whole"
    words: list[str] = []
    for part in path.split("."):
        name, index = _indexed(part)
        named = [WORDS.get(w, w) for w in name.split("_")]
        if words and named[0].lower() == words[-1].lower():  # payer.payer_id -> Payer ID
            named = named[1:]
        words += named
        if index is not None:
            words[-1] = f"{SINGULAR.get(words[-1], words[-1].removesuffix('s'))} {index + 1}"
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _indexed(part: str) -> tuple[str, int | None]:
    match = re.fullmatch(r"(\w+)\[(\d+)\]", part)
    return (match.group(1), int(match.group(2))) if match else (part, None)


def letter_pdf(record: Record, sender: str, today: dt.date) -> bytes:
    """The letter for `record` (a referral or claim) as PDF bytes."""
    styles = _styles()
    story = [
        Paragraph("Request for missing or corrected information", styles["Title"]),
        Paragraph(f"Date: {today:%B %d, %Y}", styles["Body"]),
        *_addressee(record, styles),
        Spacer(1, 0.15 * inch),
        *_regarding(record, styles),
        Spacer(1, 0.15 * inch),
        Paragraph(_opening(record), styles["Body"]),
        _problems(record.errors, styles),
        Spacer(1, 0.15 * inch),
        Paragraph(_closing(record, sender), styles["Body"]),
    ]
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=inch,
        bottomMargin=inch,
        title="Request for information",
        author=sender,
    )
    document.build(story)
    return out.getvalue()


def _styles() -> dict[str, ParagraphStyle]:
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("Body", parent=sheet["Normal"], fontSize=12, leading=16, spaceAfter=4)
    title = ParagraphStyle("Title", parent=sheet["Title"], fontSize=16, leading=20)
    return {"Body": body, "Title": title}


def _addressee(record: Record, styles: dict[str, ParagraphStyle]) -> list[Paragraph]:
    if not isinstance(record, Referral):
        return [Paragraph("To: the billing office", styles["Body"])]
    office = record.ordering_provider
    name = office.organization or " ".join(p for p in (office.first_name, office.last_name) if p) or "Ordering office"
    lines = [f"To: {escape(name)}"]
    if office.fax:
        lines.append(f"Fax: {_phone(office.fax)}")
    return [Paragraph(line, styles["Body"]) for line in lines]


def _regarding(record: Record, styles: dict[str, ParagraphStyle]) -> list[Paragraph]:
    member = record.member if isinstance(record, Referral | Claim) else None
    name = " ".join(p for p in (member.first_name, member.last_name) if p) if member else ""
    dob = f"{member.dob:%m/%d/%Y}" if member and member.dob else "not given"
    lines = [
        f"<b>Patient:</b> {escape(name) or 'not given'}",
        f"<b>Date of birth:</b> {dob}",
        f"<b>Our reference:</b> {escape(record.id)}",
    ]
    if record.source.control_number:
        lines.append(f"<b>Case number:</b> {escape(record.source.control_number)}")
    return [Paragraph(line, styles["Body"]) for line in lines]


def _opening(record: Record) -> str:
    received = record.source.received_at
    when = f" received on {received:%B %d, %Y}" if received else ""
    kind = "order" if isinstance(record, Referral) else "claim"
    return (
        f"We cannot process the {kind}{when} for this patient until the following "
        f"{'item is' if len(record.errors) == 1 else 'items are'} supplied or corrected:"
    )


def _problems(findings: list[Finding], styles: dict[str, ParagraphStyle]) -> ListFlowable:
    items = [
        ListItem(Paragraph(f"<b>{escape(field_label(f.field))}:</b> {escape(f.message)}", styles["Body"]))
        for f in findings
    ]
    return ListFlowable(items, bulletType="1", leftIndent=18)


def _closing(record: Record, sender: str) -> str:
    return (
        f"Please fax the missing or corrected information back to us, quoting our reference "
        f"{escape(record.id)}. Thank you. &mdash; {escape(sender)}"
    )


def _phone(digits: str) -> str:
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else digits


def save_letter(pdf: bytes, home: Path, record_id: str, now: dt.datetime) -> Path:
    """Keep the letter in `home/letters/` (named by record id and time: no patient data)."""
    folder = home / "letters"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{record_id}-{now:%Y%m%dT%H%M%SZ}.pdf"
    path.write_bytes(pdf)
    return path
