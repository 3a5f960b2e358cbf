"""Tesseract in this process (tesserocr): the same OCR as the command line without a new process
and a model load for every image (about 0.2 s CPU each; a page costs 0.55 s instead of 0.9 s here).

Takes the same config strings as the command line (`--psm N`, `-c name=value`), so recordings made
with either engine replay for both. One API (one model load) per engine, loaded on first use; each
call sets its variables and puts back the defaults of those it does not name (checked: the same
output as a fresh API per set of variables). A config naming another model (models.py) is read by
an API of its own for that model. A lock keeps one image at a time in it (the service's
parallelism is worker processes).
"""

from __future__ import annotations

import itertools
import os
import threading
from pathlib import Path
from typing import Any

from PIL import Image

from parsers.fax import models
from parsers.fax.ocr import DATA_KEYS, RawData

TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
TSV_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height")


def tessdata_dir() -> str | None:
    """The folder holding eng.traineddata: $TESSDATA_PREFIX, else the usual system places."""
    given = os.environ.get("TESSDATA_PREFIX")
    places = ([given, str(Path(given) / "tessdata")] if given else []) + list(TESSDATA_DIRS)
    return next((p for p in places if (Path(p) / "eng.traineddata").is_file()), None)


def available() -> bool:
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return False
    return tessdata_dir() is not None


def parse_config(config: str) -> tuple[int, tuple[tuple[str, str], ...]]:
    """('--oem 1 --psm 6 -c a=b') -> (6, (('a', 'b'),)); only the LSTM engine (oem 1) is used."""
    parts = config.split()
    psm, variables = 3, []
    for flag, value in itertools.pairwise(parts):
        if flag == "--psm":
            psm = int(value)
        elif flag == "-c":
            name, _, setting = value.partition("=")
            variables.append((name, setting))
    return psm, tuple(sorted(variables))


class _Api:
    """One tesserocr API (one model load) whose variables are set per call over its defaults."""

    def __init__(self, tessdata: str) -> None:
        import tesserocr

        self.base: Any = tesserocr.PyTessBaseAPI(path=tessdata, lang="eng", oem=tesserocr.OEM.LSTM_ONLY)
        self._set: dict[str, str] = {}  # variables set now, and the defaults they replaced
        self._defaults: dict[str, str] = {}

    def with_variables(self, variables: tuple[tuple[str, str], ...]) -> Any:
        """The API with exactly `variables` set over its defaults."""
        wanted = dict(variables)
        for name in [n for n in self._set if n not in wanted]:
            self.base.SetVariable(name, self._defaults[name])
            del self._set[name]
        for name, value in wanted.items():
            if self._set.get(name) != value:
                self._defaults.setdefault(name, self.base.GetVariableAsString(name))
                self.base.SetVariable(name, value)
                self._set[name] = value
        return self.base


class InProcessEngine:
    name = "tesserocr"

    def __init__(self, tessdata: str | None = None) -> None:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        self._tessdata = tessdata or tessdata_dir() or ""
        self._apis: dict[str, _Api] = {}  # one per model folder, loaded on first use
        self._lock = threading.Lock()

    def _api(self, tessdata: str, variables: tuple[tuple[str, str], ...]) -> Any:
        if tessdata not in self._apis:
            self._apis[tessdata] = _Api(tessdata)
        return self._apis[tessdata].with_variables(variables)

    def _run(self, image: Image.Image, config: str, output: str) -> str:
        config, tessdata = models.model_of(config, self._tessdata)
        psm, variables = parse_config(config)
        with self._lock:
            api = self._api(tessdata or "", variables)
            api.SetPageSegMode(psm)
            api.SetImage(image)
            text: str = api.GetTSVText(0) if output == "tsv" else api.GetHOCRText(0)
            api.Clear()
        return text

    def data(self, image: Image.Image, config: str) -> RawData:
        return tsv_data(self._run(image, config, "tsv"))

    def hocr(self, image: Image.Image, config: str) -> str:
        return self._run(image, config, "hocr")


def tsv_data(tsv: str) -> RawData:
    """tesseract's TSV rows as image_to_data's columns (text and conf as strings and floats)."""
    out: RawData = {key: [] for key in DATA_KEYS}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        values = dict(zip(TSV_COLUMNS, cells, strict=False))
        for key in ("block_num", "par_num", "line_num", "left", "top", "width", "height"):
            out[key].append(int(values[key]))
        out["conf"].append(float(cells[10]))
        out["text"].append(cells[11])
    return out
