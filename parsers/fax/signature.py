"""Signature: ink on the signature line (a signature is a scribble, not text) and the date beside it."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from PIL import Image

from parsers.fax import lexicon
from parsers.fax.extract import PageText
from parsers.fax.fuzzy import letters_of, one_edit
from parsers.fax.ink import has_ink
from parsers.fax.model import Segment, Word, bbox_of, boxes_overlap
from parsers.fax.ocr_distance import ocr_distance
from parsers.fax.values import read_date, read_name

SIGNATURE_LABEL = re.compile(r"signature|signed", re.IGNORECASE)
# 'signed' or 'signature' after an article is a word of a sentence ('plans require a signed order',
# 'return the signed copy'), not a caption: no signature line there.
IN_PROSE = re.compile(r"\b(?:a|an|the|this|that|your|our)\s+$", re.IGNORECASE)
# Under an attestation ('I certify ...'), a signer's caption with a date after it on its line is the
# signature line ('Discharging physician: ______  Date/Time: ...'), though it never says "signature".
ATTESTATION = re.compile(r"\b(?:certify|attest)\b", re.IGNORECASE)
SIGNER = re.compile(
    r"^\s*(?:(?:attending|discharging|ordering|referring|certifying|treating)\s+)?"
    r"(?:physician|practitioner|prescriber|provider|clinician)['’]?s?\b\s*[:=;]?",
    re.IGNORECASE,
)
ATTESTATION_REACH = 3  # lines under the attestation where its signer's line may be
TYPED_NAME_CONF = 85  # a name read this surely on the line is typed, not signed
OVER_REACH = 4.0  # a signature or date over its caption lies within this many caption heights above it


@dataclass(frozen=True)
class SignatureRead:
    present: bool | None  # None: no signature line found, or no image to look at
    page: int
    bbox: tuple[int, int, int, int]
    date: object | None = None
    date_bbox: tuple[int, int, int, int] | None = None
    date_conf: float = 0.0
    date_raw: str = ""  # the date as printed ('11/17/26': its century is resolved with the receipt date)
    method: str = "ink"  # ink: strokes on the signature line; statement: an electronic signature statement


# ... also with its 'D' lost to the scribble beside it or misread ('ate signed', 'Oate signed'): one glyph at
# most before 'ate', never a longer word ending so ('Certificate signed')
SIGNED_DATE_CAPTION = re.compile(r"(?:^|\s)\S?ate\s+signed\b", re.IGNORECASE)
DATE_WORD = re.compile(r"^(?:date|\S?ate\b)", re.IGNORECASE)


def find_signature(text: PageText, image: Image.Image | None, dpi: float) -> SignatureRead | None:
    """The order's signature (see _signature); signed with no date found by its line, the date of the
    page's one 'Date signed' caption, read from its own segment (a line of the page may have lost the
    caption's 'Date' to the line over it: a word OCR boxed taller on a standard-resolution fax)."""
    read = _signature(text, image, dpi)
    if read is None or not read.present or read.date is not None:
        return read
    captions = [s for s in text.segments if SIGNED_DATE_CAPTION.search(s.text)]
    if len(captions) != 1:
        return read
    caption = captions[0]
    date_word = next(w for w in reversed(caption.words) if DATE_WORD.match(w.text))
    signed_word = next((w for w in caption.words if w.left > date_word.left), date_word)
    when = _date_after(caption, signed_word.right + 1) or _date_below(text, caption, date_word.left)
    return replace(read, date=when[0], date_bbox=when[1], date_conf=when[2], date_raw=when[3]) if when else read


def _signature(text: PageText, image: Image.Image | None, dpi: float) -> SignatureRead | None:
    titled: SignatureRead | None = None
    dated: SignatureRead | None = None
    for line in text.lines:
        statement = signing_statement(line)
        if statement is not None:
            return statement
        if E_SIGNED.search(line.text):  # a statement not read whole (no signer or date): its typed words are no ink
            return SignatureRead(None, line.page, bbox_of(line.words), method="statement")
        if NOT_SIGNED.search(line.text):
            continue  # 'Order pended, not signed.': no signature line, whatever is printed after it
        match = caption_match(line.text)
        garbled = garbled_signature(line)
        label_end = match.end() if match else garbled
        if match and garbled is not None and garbled <= match.start():
            label_end = garbled  # 'Physician siguature ... Date signed': the signer's caption comes first
        if label_end is not None:
            read = _caption_read(text, line, label_end, (image, dpi))
            if read.present is False and SECTION_TITLE.match(line.text):
                titled = titled or read  # the section's title: its signature line is further down
                continue
            if read.present is False and DATE_SIGNED.search(line.text[:label_end]):
                dated = dated or replace(read, present=None)  # the date's caption: the signature's is elsewhere
                continue
            return read
    return titled or _attested_signer(text, image, dpi) or _said_unsigned(text) or dated


# A section's title ('SECTION VI - PHYSICIAN ATTESTATION AND SIGNATURE', 'Part 5: Signature') names the
# signature without being its line: with no ink by it, the signature line is a caption under it.
# 'Date signed' captions the date of signing: with no ink by it, the signature's own caption is another
# (perhaps one OCR lost), so whether the order is signed is unknown (None), not no (False).
DATE_SIGNED = re.compile(r"\bdate\s+signed\b", re.IGNORECASE)
# A roman numeral's I read as a one or an l on a fax ('SECTION V1', 'SECTION Il') is still the section's number.
SECTION_TITLE = re.compile(r"^\s*(?:section|part|step)\s+(?:[ivx][ivx1l|]*|\d{1,2}|[a-z])\b", re.IGNORECASE)


def _caption_read(
    text: PageText, line: Segment, label_end: int, ink: tuple[Image.Image | None, float]
) -> SignatureRead:
    """The signature by its caption on `line`: right of it, else over it, else under it."""
    read = _read_line(text, line, label_end, *ink)
    if read.present is False:
        read = _over_caption(text, line, label_end, read, ink)
    elif read.present and read.date is None and (over := _date_over(text, line, read.bbox[0])) is not None:
        read = replace(read, date=over[0], date_bbox=over[1], date_conf=over[2], date_raw=over[3])
    read = _under_caption(text, line, label_end, read, ink) if read.present is False else read
    return _own_date(text, line, label_end, read)


DATE_SIGNED = re.compile(r"\bdate\s+signed\W*$", re.IGNORECASE)


def _own_date(text: PageText, line: Segment, label_end: int, read: SignatureRead) -> SignatureRead:
    """A 'Date Signed' caption read as the signature's (its own caption lost): the date after it on its
    line, else the one segment right under it in its box, is the date signed."""
    if read.date is not None or not DATE_SIGNED.search(line.text[:label_end]):
        return read
    label = line.words_in_span(0, label_end)
    date_word = next(w for w in reversed(label) if w.text.lower().startswith("date"))
    when = _date_after(line, label[-1].right + 1) or _date_below(text, line, date_word.left)
    if when is None:
        return read
    return replace(read, date=when[0], date_bbox=when[1], date_conf=when[2], date_raw=when[3])


def caption_match(text: str) -> re.Match[str] | None:
    """The first 'signature'/'signed' in `text` that is no word of a sentence (see IN_PROSE)."""
    return next((m for m in SIGNATURE_LABEL.finditer(text) if not IN_PROSE.search(text[: m.start()])), None)


# A line saying the order is not signed ('Order pended, not signed.', 'UNSIGNED'): never the signature
# line (the typed words after 'signed' there are no ink); with no signature line elsewhere, the
# order says it is unsigned: no signature (present False, with its finding).
NOT_SIGNED = re.compile(r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:electronically\s+)?signed\b|\bunsigned\b", re.I)


def _said_unsigned(text: PageText) -> SignatureRead | None:
    line = next((line for line in text.lines if NOT_SIGNED.search(line.text)), None)
    return SignatureRead(False, line.page, bbox_of(line.words), method="statement") if line is not None else None


# An EHR's electronic signature statement: 'Electronically signed by Priya Patel, MD on 11/20/2026 08:51'
# ('Digitally signed by', 'E-signed by', 'Signed electronically by'). It is the clinician's signature in
# practice (an EHR prints it only once the clinician has authenticated the order, and payers accept it
# as the order's signature): present, its date the signature's date. It counts only as the whole
# statement, a signer's name and then 'on' and a date, with no negation before it ('not', 'pending',
# 'to be'): 'Order pended, not signed.' and a bare 'Electronically signed' are no signature.
E_SIGNED = re.compile(
    r"(?:\belectronic\w*\s+|\bdigital\w*\s+|\be-?)signed\s+by\s+|\bsigned\s+(?:electronically|digitally)\s+by\s+",
    re.IGNORECASE,
)
# ... its two words OCR misread in a glyph or two ('Electranicaily sigmed by'): their letters within
# GARBLED_BUDGET look-alike edits of the statement's (ocr_distance), 'by' as printed
GARBLED_E_SIGNED = re.compile(r"\b([A-Za-z]{8,})\s+([A-Za-z]{5,7})\s+by\s+")
E_SIGNED_WORDS = ("electronicallysigned", "digitallysigned")
GARBLED_BUDGET = 3.0
NOT_YET = re.compile(r"\b(?:not|pending|to be|will be|awaiting)\b", re.IGNORECASE)
SIGNED_ON = re.compile(r"(?:\s+|\s*\|\s*)on\s+", re.IGNORECASE)  # 'MD|on': a streak read as a bar


def signing_statement(line: Segment) -> SignatureRead | None:
    """An electronic signature statement on `line` (see E_SIGNED): present, with its date; else None."""
    match = E_SIGNED.search(line.text) or _garbled_statement(line.text)
    if match is None or NOT_YET.search(line.text[: match.start()]):
        return None
    on = SIGNED_ON.search(line.text, match.end())
    if on is None or read_name(line.text[match.end() : on.start()]) is None:
        return None
    after = line.words_in_span(on.end(), len(line.text))
    when = _date_after(line, after[0].left) if after else None
    if when is None:
        return None
    return SignatureRead(True, line.page, bbox_of(line.words), *when, method="statement")


def _garbled_statement(text: str) -> re.Match[str] | None:
    """The statement's 'Electronically signed by' misread in a glyph or two, not another word ('assigned')."""
    for match in GARBLED_E_SIGNED.finditer(text):
        letters = letters_of(match.group(1) + match.group(2))
        if lexicon.known(match.group(2)) and letters_of(match.group(2)) != "signed":
            continue  # another word of its own ('assigned', 'ordered')
        if any(ocr_distance(letters, words, limit=GARBLED_BUDGET) <= GARBLED_BUDGET for words in E_SIGNED_WORDS):
            return match
    return None


def garbled_signature(line: Segment) -> int | None:
    """Where a 'Signature' caption OCR put one letter off ('Signzture', 'Signatnre') ends on its line."""
    at = 0
    for word in line.words:
        at += len(word.text) + 1
        if one_edit(letters_of(word.text), "signature"):
            return at - 1
    return None


def _over_caption(
    text: PageText, line: Segment, label_end: int, read: SignatureRead, ink: tuple[Image.Image | None, float]
) -> SignatureRead:
    """A caption printed under its signature line ('Prescriber Signature' small under the line, the date
    likewise under its own): no ink right of it, so the signature is the ink over it, where no text
    was read, and the date the one over its date caption."""
    label = line.words_in_span(0, label_end)
    x0, top, _, _ = bbox_of(label)
    height = max(w.height for w in label)
    band = (x0, int(top - OVER_REACH * height), read.bbox[2], top - 2)
    if not _signed_band(text, band, ink):
        return read
    when = _date_over(text, line, read.bbox[2])
    return SignatureRead(True, line.page, band, *(when or (read.date, read.date_bbox, read.date_conf, read.date_raw)))


def _under_caption(
    text: PageText, line: Segment, label_end: int, read: SignatureRead, ink: tuple[Image.Image | None, float]
) -> SignatureRead:
    """A caption printed over its signature line ('Ordering provider signature', the line and its ink
    under it, the date under the line): no ink right of it or over it, so the signature is the ink under
    the caption's own segment (not the column beside it), down to the next printed words under it."""
    caption = _caption_words(text, line, label_end)
    x0, _, _, bottom = bbox_of(caption)
    height = max(w.height for w in caption)
    x1, reach = read.bbox[2], int(bottom + OVER_REACH * height)
    below = [
        w.top
        for s in text.segments
        for w in s.words
        if _printed(w) and bottom < w.top < reach and x0 < w.right and w.left < x1
    ]
    band = (x0, bottom + 2, x1, min(below, default=reach) - 2)
    if band[3] <= band[1] or not _signed_band(text, band, ink):
        return read
    when = (_date_under(text, band, height) or _date_below(text, line, band[2])) if read.date is None else None
    found = replace(read, present=True, bbox=band)
    return SignatureRead(True, read.page, band, *when) if when else found


def _date_under(
    text: PageText, band: tuple[int, int, int, int], height: int
) -> tuple[object, tuple[int, int, int, int], float, str] | None:
    """The date on the one line right under a signature band that opens with 'Date' ('Date: Nov 21,
    2026' printed under the signature line)."""
    under = [
        s
        for s in text.segments
        if band[3] <= s.bbox[1] <= band[3] + OVER_REACH * height
        and s.bbox[0] < band[2]
        and s.bbox[2] > band[0]
        and s.words[0].text.lower().startswith("date")
    ]
    return _date_after(under[0], under[0].words[0].left) if len(under) == 1 else None


def _signed_band(text: PageText, band: tuple[int, int, int, int], ink: tuple[Image.Image | None, float]) -> bool:
    """The band by a caption holds ink and no printed text: a hand's signature."""
    image, dpi = ink
    return image is not None and not _text_in(text, band) and has_ink(image, band, dpi)


def _caption_words(text: PageText, line: Segment, label_end: int) -> list[Word]:
    """The signature caption's words on `line`: those of its segment up to the caption's end (a column
    left of it on the same line, 'Fax', is no part of it)."""
    label = line.words_in_span(0, label_end)
    last = label[-1]
    segment = next((s for s in text.segments if any(w is last for w in s.words)), None)
    own = {id(w) for w in segment.words} if segment is not None else {id(w) for w in label}
    return [w for w in label if id(w) in own]


def _printed(word: Word) -> bool:
    """Printed words, read surely (a scribble reads as a few unsure marks): three letters or more, or a
    number of four digits or more (a date typed by the signature: '11/19/2026')."""
    digits = sum(c.isdigit() for c in word.text)
    return _lettered(word) or (word.conf >= TYPED_NAME_CONF and digits >= 4)


def _lettered(word: Word) -> bool:
    """Printed words of three letters or more, read surely."""
    return word.conf >= TYPED_NAME_CONF and sum(c.isalpha() for c in word.text) >= 3


def _text_in(text: PageText, band: tuple[int, int, int, int]) -> bool:
    """Words read surely in the band: printed text, not a scribble (tesseract reads a scribble as a few
    unsure marks). A word whose middle lies over or under the band (the caption over it, its descenders
    reaching in) is the line beside the band, not text in it."""
    return any(
        _lettered(w) and band[1] <= (w.top + w.bottom) / 2 <= band[3]
        for s in text.segments
        for w in s.words
        if boxes_overlap(bbox_of([w]), band)
    )


DatedRead = tuple[object, tuple[int, int, int, int], float, str]


def _date_over(text: PageText, line: Segment, left: int) -> DatedRead | None:
    """The date over the date caption right of the signature caption ('Date (mm-dd-yyyy)' under its line)."""
    return _date_by_caption(text, line, left, over=True)


def _date_below(text: PageText, line: Segment, x: int) -> DatedRead | None:
    """The date under the date caption right of the signature caption, in the caption's own box ('29 DATE
    SIGNED' atop a box beside the signature's, the date typed under it): the one segment right under it."""
    return _date_by_caption(text, line, x, over=False)


def _date_by_caption(text: PageText, line: Segment, x: int, over: bool) -> DatedRead | None:
    """The date of the one segment over (or under) the first 'Date' caption right of `x` on the line."""
    caption = next((w for w in line.words if w.left >= x and w.text.lower().startswith("date")), None)
    if caption is None:
        return None
    reach = OVER_REACH * caption.height
    near = [
        s
        for s in text.segments
        if (caption.top - reach < s.bbox[3] <= caption.top if over else 0 <= s.bbox[1] - caption.bottom < reach)
        and s.bbox[0] < caption.right + caption.height * 4
        and s.bbox[2] > caption.left
    ]
    return _date_after(near[0], near[0].bbox[0]) if len(near) == 1 else None


def _attested_signer(text: PageText, image: Image.Image | None, dpi: float) -> SignatureRead | None:
    """The signer's line under an attestation: ink on it is a signature unless it reads as a typed
    name (then whether it was signed is unknown: None)."""
    for index, line in enumerate(text.lines):
        if not ATTESTATION.search(line.text):
            continue
        for under in text.lines[index + 1 : index + 1 + ATTESTATION_REACH]:
            match = SIGNER.match(under.text)
            if match and re.search(r"\bdate", under.text[match.end() :], re.IGNORECASE):
                read = _read_line(text, under, match.end(), image, dpi)
                return replace(read, present=None) if read.present and _typed_name(under, read.bbox) else read
    return None


def _typed_name(line: Segment, box: tuple[int, int, int, int]) -> bool:
    words = [w for w in line.words if w.left >= box[0] and w.right <= box[2]]
    read = read_name(" ".join(w.text for w in words)) if words else None
    return read is not None and min(w.conf for w in words) >= TYPED_NAME_CONF


def _read_line(text: PageText, line: Segment, label_end: int, image: Image.Image | None, dpi: float) -> SignatureRead:
    """Ink right of the caption on its line, up to a 'Date' on it: the box reaches the caption's height
    (its median word's: one word read taller is no measure) over and under its centre; printed words
    read in the box (a sentence above, a typed name) are no ink."""
    label_words = line.words_in_span(0, label_end)
    x0 = max(w.right for w in label_words) + int(0.08 * dpi)
    date_words = [w for w in line.words if w.left > x0 and w.text.lower().startswith("date")]
    x1 = date_words[0].left - int(0.08 * dpi) if date_words else x0 + int(3.5 * dpi)
    height = statistics.median_low(w.height for w in label_words)
    centre = sum(w.top + w.height / 2 for w in label_words) / len(label_words)
    box = (x0, int(centre - 1.6 * height), x1, int(centre + 1.3 * height))
    present = None if image is None else has_ink(image, box, dpi, printed_boxes(text, box))
    when = _date_after(line, date_words[0].left) if date_words else None
    return SignatureRead(present, line.page, box, *(when or (None, None, 0.0, "")))


def printed_boxes(text: PageText, box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    return [b for s in text.segments for w in s.words if _printed(w) and boxes_overlap(b := bbox_of([w]), box)]


def _date_after(line: Segment, left: int) -> tuple[object, tuple[int, int, int, int], float, str] | None:
    words = [w for w in line.words if w.left >= left]
    text = " ".join(w.text for w in words)
    read = read_date(text)
    if read is None:
        return None
    span = Segment(line.page, 0, tuple(words)).words_in_span(read.start, read.end) or tuple(words)
    return read.value, bbox_of(span), min(w.conf for w in span) / 100.0, text[read.start : read.end]
