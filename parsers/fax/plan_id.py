"""A bare 'ID:' after the plan's name on the insurance line ('Insurance: Summit Advantage ID: X960870030'):
the id the plan knows its member by, the patient's member id.

A bare 'ID #' is the patient's only where its segment starts (synonyms.py): 'Order ID #', 'Case ID #'
are not. After the payer's caption and the plan's name, on that one line, the id is the plan's id of its
member, as 'Medicaid ID' says when the plan's name ends in a word naming it; also as OCR garbles it
('IO;', '10:'), when an id's digits follow it. Not when a word before it
names another id ('Group ID', 'Payer ID', 'Provider ID', 'Tax ID'): those are no member's.
"""

from __future__ import annotations

import re

from parsers.fax.synonyms import PATIENT, PAYER, LabelHit, label_for

# 'ID:' also as OCR reads it: its I as 1, l, |, ( or {, its D as O or 0, its colon as ';' ('IO;', '10:')
BARE_ID = re.compile(r"(?<![A-Za-z0-9])([I1l|({][DO0])\s*[:;#](?=\s*[A-Z]?\d{5,}\b)", re.IGNORECASE)
OTHER_IDS = frozenset(
    {"group", "grp", "payer", "payor", "plan", "provider", "tax", "npi", "order", "case", "employer", "facility"}
)
PLAN_NAME = re.compile(r"[A-Z][A-Za-z&'.-]*")  # a word of the plan's name before the id, capitalised


def member_id_after_plan(hits: list[LabelHit]) -> list[LabelHit]:
    """A member-id caption for a bare 'ID:' right after the plan's name, on the segment of its caption
    (see the module); none when no payer caption or another caption stands before it there."""
    out = []
    for hit in hits:
        if hit.kind != "org" or hit.label.role != PAYER:
            continue
        text = hit.segment.text
        match = BARE_ID.search(text, hit.end)
        if match is None or any(h is not hit and hit.end <= h.start < match.end() for h in hits):
            continue
        name = text[hit.end : match.start()].strip(" :;").split()
        if name and all(PLAN_NAME.fullmatch(w) for w in name) and name[-1].lower().strip(".") not in OTHER_IDS:
            out.append(LabelHit(label_for(("member_id", PATIENT)), hit.segment, match.start(1), match.end(1)))
    return out
