"""A date its two reads agree on but for a doubtful character (a '1' whose rival '2' gives another date),
confirmed by the same date read and confirmed in another place of the fax: a form's signature date is
often its order date, printed twice. A date has no check digit, so a doubt two reads of the same pixels
share is only lifted by the same date printed elsewhere, in its own box and confirmed on its own."""

from __future__ import annotations

import dataclasses

from parsers.fax.century import DATE_PATHS
from parsers.fax.model import Candidate, boxes_overlap
from parsers.fax.reading import FaxRead
from parsers.fax.verify import agreement


def confirm_by_other_date(state: FaxRead) -> None:
    """Each unconfirmed date whose second read gave its value (doubt allowed) and that another field's
    confirmed date, in a box of its own, equals, as confirmed by that repetition."""
    confirmed = [c for c in state.candidates if c.path in DATE_PATHS and c.confirmed_by is not None]
    state.candidates = [
        dataclasses.replace(c, confirmed_by="repeated") if _borne_out(state, c, confirmed) else c
        for c in state.candidates
    ]


def _borne_out(state: FaxRead, cand: Candidate, confirmed: list[Candidate]) -> bool:
    if cand.path not in DATE_PATHS or cand.confirmed_by is not None:
        return False
    second = state.second_words.get(id(cand), [])
    if not second or agreement(cand, second, doubt_allowed=True) is None:
        return False  # the reads themselves disagree: a date elsewhere says nothing of which is right
    return any(
        other.path != cand.path
        and other.value == cand.value
        and not (other.page == cand.page and boxes_overlap(other.bbox, cand.bbox))
        for other in confirmed
    )
