"""The supplier's name heading its own form: the letterhead's first line, over the line giving its NPI.

A supplier's or pharmacy's own referral form prints its name as the letterhead's first line, with
no caption, and its NPI under it ('CarePoint Infusion' over 'Pharmacy NPI 1378774149 Intake ...').
The supplier-NPI caption makes the heading over it the supplier's name: the page's topmost line, no
caption of its own, left-aligned with the NPI line and right over it, that reads as an organisation
with its words capitalised.
A physician's letter addresses the agency in a block instead ('Valley Home Health' over 'Attn: Home
Health Intake' over 'Agency NPI ...'): that block's first line, over its 'Attn' line, is the name.
Like any field, it needs its second read before a record may be ready (verify.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsers.fax import values
from parsers.fax.extract import PageText, path_of
from parsers.fax.labels import SUPPLIER, LabelHit
from parsers.fax.model import Candidate, Segment, conf_of
from parsers.fax.roles import run_before

PATH = "servicing_provider.name"
ALIGN = 0.02  # of the page's width: the heading and the NPI line start this near each other
SHORT = 3  # words this short may be lower case in a name ('of', 'and', 'the')
MIN_LINE = 3  # letters and digits a line holds at least: fewer are a speck OCR read ('e')
GAP = 2.5  # the NPI line starts within this many of the heading's heights under its bottom


def supplier_heading(text: PageText, hits: list[LabelHit]) -> Iterator[Candidate]:
    """The letterhead's first line as the supplier's name, when the supplier's NPI line is right under it."""
    npi = next((h for h in hits if path_of(h) == "servicing_provider.npi" and _opens_line(h, hits)), None)
    lines = [s for s in text.segments if sum(ch.isalnum() for ch in s.text) >= MIN_LINE]  # no specks
    if npi is None or not lines:
        return
    head: Segment | None = min(lines, key=lambda s: s.bbox[1])
    captioned = {id(h.segment) for h in hits}
    line = run_before(npi.segment, hits) or npi.segment  # its line's start, where OCR split the NPI off
    if head is None or head in (npi.segment, line) or not _right_over(head, line, text.page.width):
        head = addressee_over(text, npi.segment)
    if head is None or head in (npi.segment, line) or id(head) in captioned:
        return
    read = values.read_org(head.text)
    if read is None or read.end - read.start != len(head.text.strip()) or not _capitalised(head.text):
        return
    yield Candidate(
        path=PATH,
        value=read.value,
        page=head.page,
        bbox=head.bbox,
        conf=conf_of(head.words),
        method="pattern",
        raw=head.text,
        words=head.words,
    )


def _opens_line(npi: LabelHit, hits: list[LabelHit]) -> bool:
    """The supplier's NPI caption opens its line ('Pharmacy NPI ...'), or every caption on its line is
    the supplier's ('Intake fax ... | Intake phone ... | NPI ...'): the letterhead's line about it."""
    line = [h for h in hits if h.segment is npi.segment]
    return npi.start == 0 or all(h.role == SUPPLIER for h in line)


# 'Attn: Home Health Intake', 'Attention: Intake Coordinator', 'c/o Referrals': the addressee's routing line
ATTENTION = re.compile(r"^\s*(?:at{1,2}n|att|attention|c/o)\b", re.IGNORECASE)  # 'Att', 'Atn': a letter lost
BLOCK_LINES = 3  # an addressee block's lines from its 'Attn' line down to its NPI line, at most


def addressee_over(text: PageText, npi_line: Segment) -> Segment | None:
    """A letter's addressee block holding the supplier's NPI line ('Valley Home Health' / 'Attn: Home
    Health Intake' / 'Agency NPI 1587978093'): its first line, over its 'Attn' line, is the name of
    the agency the letter is sent to. The lines stand left-aligned, each right under the one over it."""
    line: Segment | None = npi_line
    for _ in range(BLOCK_LINES):
        above = _line_over(text, line) if line is not None else None
        if above is None:
            return None
        if ATTENTION.match(above.text):
            return _line_over(text, above)
        line = above
    return None


def _line_over(text: PageText, line: Segment) -> Segment | None:
    over = [s for s in text.segments if s is not line and _right_over(s, line, text.page.width)]
    return max(over, key=lambda s: s.bbox[1]) if over else None


def _capitalised(name: str) -> bool:
    """Every longer word starts with a capital, as a letterhead prints a name ('CarePoint Infusion');
    one that does not was misread ('CarePoint infusion': its I read as an i)."""
    return all(word[0].isupper() for word in name.split() if len(word) > SHORT and word[0].isalpha())


def _right_over(head: Segment, line: Segment, page_width: int) -> bool:
    """`head` starts where `line` does and stands right over it."""
    height = head.bbox[3] - head.bbox[1]
    aligned = abs(head.bbox[0] - line.bbox[0]) <= ALIGN * page_width
    return aligned and 0 <= line.bbox[1] - head.bbox[3] <= GAP * height
