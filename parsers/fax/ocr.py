"""OCR engines: tesseract through pytesseract, and a recorder/replayer of its output for fast tests.

Debian's tesseract uses every core for one page unless OMP_THREAD_LIMIT=1 (then it is 3-4x
faster per page on this kind of machine); parallelism comes from worker processes instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Protocol

import pytesseract
from PIL import Image

from parsers.fax.model import Word

PAGE_CONFIG = "--oem 1 --psm 3"
BLOCK_CONFIG = "--oem 1 --psm 6"
DATA_KEYS = ("text", "conf", "left", "top", "width", "height", "block_num", "par_num", "line_num")
RawData = dict[str, list[object]]


class OcrEngine(Protocol):
    name: str

    def data(self, image: Image.Image, config: str) -> RawData:
        """tesseract's image_to_data for `image` (columns in DATA_KEYS)."""
        ...


class TesseractEngine:
    name = "tesseract"

    def data(self, image: Image.Image, config: str) -> RawData:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        raw = pytesseract.image_to_data(image, config=config, output_type=pytesseract.Output.DICT)
        return {key: list(raw[key]) for key in DATA_KEYS}


class ReplayMiss(LookupError):
    """The recording has no output for this image: re-record (see tests/fax/conftest.py)."""


class RecordedEngine:
    """Replays recorded tesseract output keyed by image hash; records new output when `record`."""

    name = "recorded"

    def __init__(self, path: Path, record: bool = False, inner: OcrEngine | None = None) -> None:
        self.path = path
        self.record = record
        self.inner = inner or TesseractEngine()
        self.store: dict[str, RawData] = json.loads(path.read_text()) if path.is_file() else {}
        self.lock = threading.Lock()

    def data(self, image: Image.Image, config: str) -> RawData:
        key = image_key(image, config)
        if key in self.store:
            return self.store[key]
        if not self.record:
            raise ReplayMiss(f"no recorded OCR for image {key[:12]}")
        result = self.inner.data(image, config)
        with self.lock:
            self.store[key] = result
        return result

    def save(self) -> None:
        self.path.write_text(json.dumps(self.store, separators=(",", ":"), sort_keys=True))


def image_key(image: Image.Image, config: str) -> str:
    digest = hashlib.sha256(f"{image.mode}:{image.size}:{config}:".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def words_of(raw: RawData, scale: float = 1.0, dx: int = 0, dy: int = 0) -> list[Word]:
    """Non-empty words, boxes mapped back through `scale` and offset to page pixels."""
    words = []
    for i, text in enumerate(raw["text"]):
        value = str(text).strip()
        if not value or float(str(raw["conf"][i])) < 0:
            continue
        words.append(Word(
            text=value, conf=float(str(raw["conf"][i])),
            left=dx + round(_int(raw["left"][i]) / scale), top=dy + round(_int(raw["top"][i]) / scale),
            width=round(_int(raw["width"][i]) / scale), height=round(_int(raw["height"][i]) / scale),
            line_key=(_int(raw["block_num"][i]), _int(raw["par_num"][i]), _int(raw["line_num"][i])),
        ))
    return words


def _int(value: object) -> int:
    return int(str(value))
