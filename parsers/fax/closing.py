"""A letter signed under its closing: 'Sincerely,' then the physician's hand, then the typed name
('Jane Doe, MD'). A letter has no 'Signature:' caption; the signature is the ink between the closing
and the typed name under it. It settles only what no caption did: a signature line found with no
ink stays unsigned, and a letter whose closing has no ink under it stays unknown.
"""

from __future__ import annotations

import dataclasses
import re

from PIL import Image

from parsers.fax.fuzzy import letters_of, one_edit
from parsers.fax.ink import has_ink
from parsers.fax.model import PageText, Segment, Word
from parsers.fax.signature import TYPED_NAME_CONF, SignatureRead, printed_boxes
from parsers.fax.values import read_name

CLOSING = re.compile(
    r"^\s*(?:sincerely(?: yours)?|respectfully(?: yours)?|(?:best |kind |warm )?regards|yours (?:truly|sincerely)"
    r"|cordially|with thanks|thank you)\s*[,.]?\s*$",
    re.IGNORECASE,
)
SIGN_REACH_INCHES = 1.2  # the typed name stands within this far under the closing
CLOSING_WORDS = ("sincerely", "respectfully", "regards", "cordially")  # also one letter misread ('Suncerely,')
BAND_INCHES = 3.5  # how far right of the closing's left edge the hand may reach
CREDENTIALED_CONF = 60  # a credentialed name's words read at least this surely
CREDENTIAL = re.compile(r",?\s+(?:MD|M\.D\.|DO|D\.O\.|NP|FNP|APRN|PA-?C|DPM)\.?\s*$")


def signed_letter(
    read: SignatureRead | None, text: PageText, image: Image.Image | None, dpi: float
) -> SignatureRead | None:
    """The read, or, where it left the signature unknown (or found no signature line), the ink under a
    letter's closing over its typed name: present."""
    if (read is not None and read.present is not None) or image is None:
        return read
    band = next((b for line in text.lines if _closing(line.text) and (b := _band(text, line, dpi))), None)
    if band is None or not has_ink(image, band, dpi, printed_boxes(text, band)):
        return read
    if read is None:
        return SignatureRead(True, text.page.number, band)
    return dataclasses.replace(read, present=True, bbox=band)


def _closing(line: str) -> bool:
    letters = letters_of(line)
    return bool(CLOSING.match(line)) or (
        line.rstrip().endswith(",") and any(one_edit(letters, w) for w in CLOSING_WORDS)
    )


def _band(text: PageText, closing: Segment, dpi: float) -> tuple[int, int, int, int] | None:
    """Between the closing and the typed name under it (a name, perhaps credentialed, read surely),
    from the closing's left edge across BAND_INCHES; None without such a name."""
    x0, _, _, bottom = closing.bbox
    height = max(1, bottom - closing.bbox[1])
    reach = bottom + SIGN_REACH_INCHES * dpi
    under = [s for s in text.segments if bottom < s.bbox[1] <= reach and _typed_name(s)]
    name = min((s for s in under if abs(s.bbox[0] - x0) <= height * 2), key=lambda s: s.bbox[1], default=None)
    if name is None:
        return None
    return (x0 - int(0.05 * dpi), bottom + 2, x0 + int(BAND_INCHES * dpi), name.bbox[1] - 2)


def _typed_name(segment: Segment) -> bool:
    """A name typed under the signature: read surely, or with a clinician's credential after it."""
    words: tuple[Word, ...] = segment.words
    name = CREDENTIAL.sub("", segment.text)
    sure = min(w.conf for w in words) >= (CREDENTIALED_CONF if name != segment.text else TYPED_NAME_CONF)
    return sure and read_name(name) is not None
