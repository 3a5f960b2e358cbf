"""Page images and X12 context from originals of every kind: PDF, multi-page TIFF, X12 text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

from referrals.domain import Finding, Severity
from referrals.errors import NotFoundError
from referrals.web.page_images import page_sizes, render_page_png
from referrals.web.x12_context import findings_in_context, split_segments


def _pdf(path: Path, pages: int) -> Path:
    drawing = canvas.Canvas(str(path), pagesize=LETTER)
    for number in range(1, pages + 1):
        drawing.drawString(72, 720, f"page {number}")
        drawing.showPage()
    drawing.save()
    return path


def test_pdf_pages_in_bbox_units_and_rendered(tmp_path: Path) -> None:
    original = _pdf(tmp_path / "order.pdf", 2)
    assert [(round(s.width), round(s.height)) for s in page_sizes(original)] == [(2550, 3300)] * 2
    png = Image.open(io.BytesIO(render_page_png(original, 2)))
    assert png.size == (850, 1100)  # 100 dpi
    with pytest.raises(NotFoundError):
        render_page_png(original, 3)


def test_fax_tiff_with_standard_resolution_gets_square_pixels(tmp_path: Path) -> None:
    """204 x 98 dpi (fax "standard"): the page is shown, and measured, at its true shape."""
    frames = [Image.new("1", (1728, 1078), 1) for _ in range(2)]
    path = tmp_path / "fax.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(204, 98), compression="group4")
    sizes = page_sizes(path)
    assert len(sizes) == 2
    assert round(sizes[0].width) == round(1728 * 300 / 204)
    assert round(sizes[0].height) == round(1078 * 300 / 98)
    png = Image.open(io.BytesIO(render_page_png(path, 2)))
    assert abs(png.width / png.height - sizes[1].width / sizes[1].height) < 0.01
    with pytest.raises(NotFoundError):
        render_page_png(path, 0)


def test_x12_segments_around_a_finding(tmp_path: Path) -> None:
    isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261125*1200*^*00501*000000001*0*P*:|"
    assert len(isa) == 106
    text = isa + "GS*HC*S*R*20261125*1200*1*X*005010X222A1|ST*837*0001|BHT*0019|NM1*IL*1*DOE|N3*1 MAIN|SE*5*0001|"
    path = tmp_path / "claim.x12"
    path.write_text(text.replace("|", "|\n"))
    assert split_segments(path.read_text())[4] == "NM1*IL*1*DOE"
    finding = Finding(field="member.member_id", code="x", severity=Severity.ERROR, message="m", line=5)
    [context] = findings_in_context(path, [finding, finding.model_copy(update={"line": None})])
    assert [(s.line, s.flagged) for s in context.segments] == [
        (3, False),
        (4, False),
        (5, True),
        (6, False),
        (7, False),
    ]
