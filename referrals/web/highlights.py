"""Where each extracted field sits on the fax page: one box per field with a page and bbox.

Boxes are in the page's bounding-box units (see page_images); a bbox whose numbers are all
within 0..1 is taken as fractions of the page. Boxes of fields with an error are marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from referrals.domain import Record
from referrals.web.letters import field_label
from referrals.web.page_images import PageSize, page_sizes


@dataclass(frozen=True)
class Box:
    field: str
    label: str
    x: float
    y: float
    width: float
    height: float
    error: bool


@dataclass
class PageView:
    number: int
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)


def page_views(original: Path, record: Record) -> list[PageView]:
    sizes = page_sizes(original)
    pages = [PageView(n, size.width, size.height) for n, size in enumerate(sizes, start=1)]
    with_errors = {f.field for f in record.errors if f.field}
    for path, where in record.provenance.items():
        if where.page is None or not where.bbox or len(where.bbox) != 4 or not 1 <= where.page <= len(pages):
            continue
        box = _box(path, where.bbox, sizes[where.page - 1], path in with_errors)
        pages[where.page - 1].boxes.append(box)
    return pages


def _box(path: str, bbox: list[float], size: PageSize, error: bool) -> Box:
    x0, y0, x1, y1 = bbox
    if max(bbox) <= 1.0:
        x0, x1, y0, y1 = x0 * size.width, x1 * size.width, y0 * size.height, y1 * size.height
    return Box(path, field_label(path), x0, y0, max(x1 - x0, 1.0), max(y1 - y0, 1.0), error)
