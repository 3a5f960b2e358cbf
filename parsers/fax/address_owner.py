"""An address caption no name gave an owner: the block's name caption OCR garbled past reading ('3 MEMBLR
NAME (FIRST', 'Patent name'), so roles.py found no name above it. The captions around it still say
whose block it is: when the nearest caption row above it holds a field only the patient has (sex, date
of birth, member id) and every caption with an owner on that row, its own row and the nearest caption row
below it is the patient's, the address is the patient's. A plan's caption names no owner here (a plan
has no address on an order); a caption of anyone else there leaves the owner a guess: none."""

from __future__ import annotations

from parsers.fax.model import Segment
from parsers.fax.nearby import same_row
from parsers.fax.synonyms import PATIENT, PAYER, LabelHit

PATIENT_ONLY_KINDS = frozenset({"sex", "dob", "member_id"})


def owned_addresses(hits: list[LabelHit]) -> list[LabelHit]:
    """The hits, a role-less address caption in the patient's block given the patient's role."""
    return [_owned(hit, hits) if _ownerless_address(hit) else hit for hit in hits]


def _ownerless_address(hit: LabelHit) -> bool:
    return hit.kind == "address" and hit.role is None and hit.label.role is None


def _owned(hit: LabelHit, hits: list[LabelHit]) -> LabelHit:
    others = [h for h in hits if h.segment.page == hit.segment.page and h.segment is not hit.segment]
    box = hit.segment.bbox
    above = _nearest_row([h for h in others if h.segment.bbox[3] <= box[1]], lowest=True)
    below = _nearest_row([h for h in others if h.segment.bbox[1] >= box[3]], lowest=False)
    beside = [h for h in others if same_row(h.segment.bbox, box)]
    owned = [h for h in above + beside + below if h.role is not None and h.role != PAYER]
    patients_block = any(h.kind in PATIENT_ONLY_KINDS and h.role == PATIENT for h in above)
    if not patients_block or any(h.role != PATIENT for h in owned):
        return hit
    return LabelHit(hit.label, hit.segment, hit.start, hit.end, PATIENT)


def _nearest_row(hits: list[LabelHit], lowest: bool) -> list[LabelHit]:
    """The captions on the row of the nearest one: the lowest of those above, or the highest below."""
    if not hits:
        return []
    edge: Segment = (
        max(hits, key=lambda h: h.segment.bbox[3]) if lowest else min(hits, key=lambda h: h.segment.bbox[1])
    ).segment
    return [h for h in hits if same_row(h.segment.bbox, edge.bbox)]
