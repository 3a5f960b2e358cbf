"""Fax page images for the record page, rendered from the archived original.

The original is found through the record's document row, never from a path in the request, and
must lie inside the home's archive. Field bounding boxes (provenance) are in pixels of the page
as the fax reader saw it: square pixels at `BBOX_DPI`; `page_sizes` gives each page's size in
those units so the page can carry an SVG overlay with that viewBox.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image, ImageSequence
from sqlmodel import Session

from referrals.errors import NotFoundError
from referrals.store.models import Document
from referrals.store.records import get_row

BBOX_DPI = 300  # the fax reader's page resolution (parsers/fax/pages.py TARGET_DPI)
RENDER_DPI = 100  # what the browser gets: legible, small
LETTER_ASPECT = 11 / 8.5
MAX_PIXELS = 40_000_000


@dataclass(frozen=True)
class PageSize:
    """A page's size in bounding-box units (pixels at BBOX_DPI)."""

    width: float
    height: float


def archived_original(session: Session, record_id: str, home: Path) -> Path:
    """The archived original behind a record; NotFoundError unless it is a file in the archive."""
    row = get_row(session, record_id)
    document = session.get(Document, row.document_id)
    if document is None:
        raise NotFoundError(f"record {record_id} has no document")
    archive = (home / "archive").resolve()
    path = Path(document.archive_path)
    path = (path if path.is_absolute() else home / path).resolve()
    if not path.is_relative_to(archive) or not path.is_file():
        raise NotFoundError(f"the original of record {record_id} is not in the archive")
    return path


def is_pdf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(5) == b"%PDF-"


def page_sizes(path: Path) -> list[PageSize]:
    if is_pdf(path):
        document = pypdfium2.PdfDocument(path)
        try:
            return [_points_to_units(*document[i].get_size()) for i in range(len(document))]
        finally:
            document.close()
    with _open_image(path) as image:
        return [_frame_size(frame) for frame in ImageSequence.Iterator(image)]


def _points_to_units(width: float, height: float) -> PageSize:
    return PageSize(width * BBOX_DPI / 72, height * BBOX_DPI / 72)


def _frame_size(frame: Image.Image) -> PageSize:
    x_dpi, y_dpi = _dpi_of(frame)
    return PageSize(frame.width * BBOX_DPI / x_dpi, frame.height * BBOX_DPI / y_dpi)


def _dpi_of(frame: Image.Image) -> tuple[float, float]:
    """The frame's resolution; without one, inferred from a letter page (as the fax reader does)."""
    given = frame.info.get("dpi")
    if given and given[0] > 1 and given[1] > 1:
        return float(given[0]), float(given[1])
    x = frame.width / 8.5
    return (x, x / 2) if frame.height / frame.width < LETTER_ASPECT * 0.75 else (x, x)


def render_page_png(path: Path, page: int) -> bytes:
    """Page `page` (1-based) as a PNG at RENDER_DPI; NotFoundError for a page that does not exist."""
    image = _render_pdf_page(path, page) if is_pdf(path) else _render_image_page(path, page)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _render_pdf_page(path: Path, page: int) -> Image.Image:
    document = pypdfium2.PdfDocument(path)
    try:
        if not 1 <= page <= len(document):
            raise NotFoundError(f"no page {page}")
        return document[page - 1].render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
    finally:
        document.close()


def _render_image_page(path: Path, page: int) -> Image.Image:
    with _open_image(path) as image:
        frames = getattr(image, "n_frames", 1)
        if not 1 <= page <= frames:
            raise NotFoundError(f"no page {page}")
        image.seek(page - 1)
        x_dpi, y_dpi = _dpi_of(image)
        size = (round(image.width * RENDER_DPI / x_dpi), round(image.height * RENDER_DPI / y_dpi))
        return image.convert("L").resize(size, Image.Resampling.LANCZOS)


def _open_image(path: Path) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    return Image.open(path)
