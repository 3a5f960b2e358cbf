"""A code-shaped word that is another field's value is no diagnosis code.

On a page of several columns (a sidebar of stacked captions beside the orders), a whole line across the
page holds the sidebar's value beside the diagnoses' first line ('617 555.1494' beside 'Obstructive
sleep apnea (G47.33)'), and the diagnosis section reads its digits as codes no table knows, each a
finding for a person to check. A number a caption on the page already took as its value (a phone, an
NPI, an id, a date) is that field's: such unreadable 'codes' are dropped. A code read whole is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from parsers.fax.model import Candidate, bbox_of, boxes_overlap
from parsers.fax.services import CodeRead

NUMBER_FIELDS = (".phone", ".fax", ".npi", ".member_id", ".dob", "_date")


def outside_values(reads: Iterable[CodeRead], candidates: list[Candidate]) -> list[CodeRead]:
    """The reads, less unreadable ones standing in a numeric field's value on their page."""
    boxes = [(c.page, c.bbox) for c in candidates if c.path.endswith(NUMBER_FIELDS)]
    return [read for read in reads if read.correction.value is not None or not _in_value(read, boxes)]


def _in_value(read: CodeRead, boxes: list[tuple[int, tuple[int, int, int, int]]]) -> bool:
    box = bbox_of((read.word,))
    return any(page == read.page and boxes_overlap(box, value) for page, value in boxes)
