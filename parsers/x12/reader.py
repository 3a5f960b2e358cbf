"""A text stream over an X12 file that pyx12 can read whatever the file's bytes look like.

pyx12 crashes on a UTF-8 BOM or stray non-ASCII bytes when given a path, and treats the
indentation some senders put before segments as part of the segment id. This stream:
- decodes bytes as Latin-1 (every byte is a character; pyx12 then flags odd characters),
- drops a leading UTF-8 BOM and whitespace before the ISA,
- drops CR, LF and indentation between segments (not inside them),
and reads lazily, so large files stream.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

UTF8_BOM = b"\xef\xbb\xbf"
ISA_LENGTH = 106
_CHUNK = 64 * 1024


class NormalizedX12Stream(io.TextIOBase):
    """`read(n)` returns normalized text; pyx12's RawX12File only ever calls `read`."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._buffer = ""
        self._eof = False
        self._segment_terminator: str | None = None
        self._at_segment_start = True
        self._skip_leading_junk()

    @classmethod
    def open(cls, path: Path) -> NormalizedX12Stream:
        return cls(path.open("rb"))

    def _skip_leading_junk(self) -> None:
        head = self._raw.read(_CHUNK)
        head = head.removeprefix(UTF8_BOM).lstrip(b" \t\r\n\x00")
        text = head.decode("latin-1")
        if len(text) >= ISA_LENGTH and text.startswith("ISA"):
            self._segment_terminator = text[ISA_LENGTH - 1]
            self._buffer = text[:ISA_LENGTH]
            self._pending = text[ISA_LENGTH:]
        else:
            self._buffer = text
            self._pending = ""
            self._eof = True

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        want = size if size is not None and size >= 0 else None
        while not self._eof and (want is None or len(self._buffer) < want):
            self._fill()
        if want is None:
            out, self._buffer = self._buffer, ""
        else:
            out, self._buffer = self._buffer[:want], self._buffer[want:]
        return out

    def _fill(self) -> None:
        chunk = self._pending or self._raw.read(_CHUNK).decode("latin-1")
        self._pending = ""
        if not chunk:
            self._eof = True
            return
        self._buffer += self._strip_between_segments(chunk)

    def _strip_between_segments(self, chunk: str) -> str:
        term = self._segment_terminator
        if term is None or term in " \t\r\n":
            return chunk
        parts = chunk.split(term)
        out: list[str] = []
        for index, part in enumerate(parts):
            if self._at_segment_start:
                part = part.lstrip(" \t\r\n")
            out.append(part)
            if index < len(parts) - 1:
                self._at_segment_start = True
            elif part:
                self._at_segment_start = False
        return term.join(out)

    def close(self) -> None:
        self._raw.close()
        super().close()


def looks_like_x12(head: bytes) -> bool:
    """True when the file starts (after a BOM and whitespace) with an ISA segment."""
    return head.removeprefix(UTF8_BOM).lstrip(b" \t\r\n\x00")[:3] == b"ISA"
