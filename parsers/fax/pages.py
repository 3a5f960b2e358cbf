"""Reading a fax file into pages: text layers (pdfplumber), PDF rasters (pdfium), TIFF/PNG/JPEG frames.

Fax images come at 204 x 196 dpi (fine) or 204 x 98 dpi (standard): pixels are not square.
Every page image leaves here grey, with square pixels, at about `TARGET_DPI`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2
from PIL import Image, ImageSequence

from parsers.fax.magic import kind_of
from parsers.fax.model import Page, Word

__all__ = ["UnreadableFile", "kind_of", "read_pages"]

TARGET_DPI = 300
LETTER_ASPECT = 11 / 8.5
MIN_TEXT_LAYER_WORDS = 8


class UnreadableFile(Exception):
    """The file is not a readable PDF or image (its code says which finding to give)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def read_pages(path: Path, kind: str, target_dpi: int = TARGET_DPI) -> list[Page]:
    try:
        if kind == "pdf":
            return _pdf_pages(path, target_dpi)
        return _image_pages(path, target_dpi)
    except (OSError, ValueError, pypdfium2.PdfiumError, Image.DecompressionBombError) as exc:
        raise UnreadableFile("unreadable_pdf" if kind == "pdf" else "unreadable_image") from exc
    except Exception as exc:  # pdfminer raises its own zoo of exceptions for damaged files
        if kind == "pdf":
            raise UnreadableFile("unreadable_pdf") from exc
        raise


def _image_pages(path: Path, target_dpi: int) -> list[Page]:
    with Image.open(path) as image:
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
    pages = []
    for number, frame in enumerate(frames, start=1):
        square = square_pixels(frame, dpi_of(frame), target_dpi)
        pages.append(Page(number=number, width=square.width, height=square.height, image=square))
    return pages


@dataclass(frozen=True)
class Dpi:
    x: float
    y: float


def dpi_of(frame: Image.Image) -> Dpi:
    """The frame's resolution; without one, inferred from the shape of a letter page."""
    given = frame.info.get("dpi")
    if given and given[0] > 1 and given[1] > 1:
        return Dpi(float(given[0]), float(given[1]))
    x = frame.width / 8.5
    shape = frame.height / frame.width
    return Dpi(x, x / 2) if shape < LETTER_ASPECT * 0.75 else Dpi(x, x)


def square_pixels(frame: Image.Image, dpi: Dpi, target_dpi: int) -> Image.Image:
    """Grey image with equal horizontal and vertical resolution, resampled to `target_dpi`. A
    standard-resolution page (each row stretched to two or more) is resampled with Lanczos: measured
    (bench/fax_accuracy.py, 2026-11-26) 76.1% of standard-resolution fields against bicubic's 73.9%;
    on fine pages (a 4% stretch) Lanczos lost 4 points, so they keep bicubic."""
    grey = frame.convert("L")
    size = (round(frame.width * target_dpi / dpi.x), round(frame.height * target_dpi / dpi.y))
    if size == grey.size:
        return grey
    stretched = size[1] >= 1.5 * grey.height  # standard resolution: every row drawn twice
    return grey.resize(size, Image.Resampling.LANCZOS if stretched else Image.Resampling.BICUBIC)


def _pdf_pages(path: Path, target_dpi: int) -> list[Page]:
    layer_words = _text_layer_words(path, target_dpi)
    document = pypdfium2.PdfDocument(path)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=target_dpi / 72, grayscale=True).to_pil().convert("L")
            words = layer_words[index] if index < len(layer_words) else []
            has_layer = len(words) >= MIN_TEXT_LAYER_WORDS
            pages.append(
                Page(
                    number=index + 1,
                    width=image.width,
                    height=image.height,
                    image=image,
                    words=words if has_layer else [],
                    text_layer=has_layer,
                )
            )
        return pages
    finally:
        document.close()


def _text_layer_words(path: Path, target_dpi: int) -> list[list[Word]]:
    """Each page's text-layer words, in pixels of the page rendered at `target_dpi`. A change of font or
    size ends a word: a bold caption and the value printed right after it ('Secondary Dx' 'M17.11')
    are two words even with no gap between them."""
    scale = target_dpi / 72
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"])
            out.append(
                [
                    Word(
                        text=w["text"],
                        conf=100.0,
                        left=round(w["x0"] * scale),
                        top=round(w["top"] * scale),
                        width=round((w["x1"] - w["x0"]) * scale),
                        height=round((w["bottom"] - w["top"]) * scale),
                    )
                    for w in words
                ]
            )
    return out
