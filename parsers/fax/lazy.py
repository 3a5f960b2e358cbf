"""The fax parser as the registry holds it: it knows a fax by its magic bytes and loads the OCR
stack (numpy, OpenCV, tesseract, pdfplumber, pypdfium2: about 50 MB) only when a fax arrives, so
a worker that reads only X12 never pays for it."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from parsers.base import ParsedItem
from parsers.context import ParseContext
from parsers.fax.magic import kind_of

if TYPE_CHECKING:
    from parsers.fax.parser import FaxParser


class LazyFaxParser:
    name = "fax"

    def accepts(self, head: bytes) -> bool:
        return kind_of(head) is not None

    def parse(self, ctx: ParseContext) -> Iterator[ParsedItem]:
        yield from self._parser.parse(ctx)

    @cached_property
    def _parser(self) -> FaxParser:
        from parsers.fax.parser import FaxParser

        return FaxParser()
