"""Bad files lose nothing and say what is wrong; the registry hands faxes to the fax parser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image, ImageDraw

from parsers.context import ParseContext
from parsers.fax.ink import has_ink
from parsers.fax.parser import FaxParser
from parsers.registry import parser_for


def _ctx(path: Path) -> ParseContext:
    return ParseContext(
        path=path, sha256="0" * 64, filename=path.name, received_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    )


def test_registry_picks_fax_parser_by_magic() -> None:
    for head in (b"%PDF-1.7\n", b"II*\x00rest", b"MM\x00*rest", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0"):
        found = parser_for(head)
        assert found is not None and found.name == "fax"


def test_damaged_pdf_is_a_rejected_document(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage")
    record = next(FaxParser().parse(_ctx(path)))
    assert record.record_type == "document"  # type: ignore[union-attr]
    assert record.findings[0].code == "unreadable_pdf"  # type: ignore[union-attr]


def test_truncated_tiff_is_a_rejected_document(tmp_path: Path) -> None:
    path = tmp_path / "cut.tif"
    path.write_bytes(b"II*\x00" + b"\x00" * 20)
    record = next(FaxParser().parse(_ctx(path)))
    assert record.findings[0].code == "unreadable_image"  # type: ignore[union-attr]


def test_blank_page_is_not_an_order(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (1700, 2200), 255).save(path, dpi=(200, 200))

    class Blank:
        name = "blank"

        def data(self, image: object, config: str) -> dict[str, list[object]]:
            return {
                k: []
                for k in (
                    "text",
                    "conf",
                    "left",
                    "top",
                    "width",
                    "height",
                    "block_num",
                    "par_num",
                    "line_num",
                )
            }

        def hocr(self, image: object, config: str) -> str:
            return ""

    record = next(FaxParser(engine=Blank()).parse(_ctx(path)))
    assert record.findings[0].code == "not_an_order"  # type: ignore[union-attr]


def test_signature_ink_is_a_scribble_not_specks() -> None:
    image = Image.new("L", (1200, 200), 255)
    draw = ImageDraw.Draw(image)
    for x in range(0, 1200, 37):
        draw.point((x, 100), fill=0)
    assert not has_ink(image, (0, 0, 1200, 200), 300)
    draw.line([(100, 100), (200, 60), (300, 140), (400, 70), (500, 120)], fill=0, width=5)
    assert has_ink(image, (0, 0, 1200, 200), 300)


def test_a_bug_in_the_reader_becomes_a_rejected_document_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    Image.new("L", (1700, 2200), 255).save(path, dpi=(200, 200))

    class Broken:
        name = "broken"

        def data(self, image: object, config: str) -> dict[str, list[object]]:
            raise ValueError("W123456789 is not an int")  # a message with a value in it

        def hocr(self, image: object, config: str) -> str:
            raise ValueError("never")

    record = next(FaxParser(engine=Broken()).parse(_ctx(path)))
    assert record.findings[0].code == "fax_read_failed"  # type: ignore[union-attr]
    assert "W123456789" not in record.findings[0].message  # type: ignore[union-attr]


def test_checkbox_ticked_empty_and_missing() -> None:
    from parsers.fax.checkbox import box_state
    from parsers.fax.model import Word

    image = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle([100, 80, 133, 113], outline=0, width=3)  # empty box left of 'DME'
    draw.rectangle([300, 80, 333, 113], outline=0, width=3)  # ticked box left of 'Home'
    draw.line([(305, 85), (328, 108)], fill=0, width=4)
    draw.line([(305, 108), (328, 85)], fill=0, width=4)
    assert box_state(image, Word("DME", 95, 140, 85, 60, 25), 204) is False
    assert box_state(image, Word("Home", 95, 340, 85, 80, 25), 204) is True
    assert box_state(image, Word("Plan", 95, 520, 85, 60, 25), 204) is None


def test_a_caption_and_its_value_touching_in_a_text_layer_are_two_words(tmp_path: Path) -> None:
    """An EHR's PDF prints a bold caption and its value right after it, with no gap a space would
    leave: the font changes between them, so they are two words (not 'DxM17.11')."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from parsers.fax.pages import _text_layer_words

    path = tmp_path / "efax.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(612, 792))
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(72, 700, "Secondary Dx")
    pdf.setFont("Helvetica", 9)
    pdf.drawString(72 + stringWidth("Secondary Dx", "Helvetica-Bold", 9), 700, "M17.11")
    pdf.save()
    assert [w.text for w in _text_layer_words(path, 300)[0]] == ["Secondary", "Dx", "M17.11"]
