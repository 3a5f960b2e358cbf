"""A caption OCR garbled at the start of a segment with its value after it ('Otice phone 860/555-2385',
'Supplrer Northside DME Supply', 'Prescrher Jane Doe, MD', 'Member / palicy # X656303606').

fuzzy.py finds a garbled caption only when it is the whole segment (the value under it or across a gap);
on a standard-resolution page the caption and its value are often one segment, and a caption misread in
two glyphs is no synonym. Here the segment's first words up to its value (a word with digits, or after a
caption's ':', ';', '=' or '#') are compared with the captions forms print, by ocr_distance (a look-alike
glyph costing half a letter), within a budget growing with the caption's length (LEAD_BUDGET a letter)
and clearly nearer one caption than any other field's. Never when a word of them is an English word that
no caption has ('Supplies', 'Prescribed', 'Officer'): a sentence's or a value's words are no caption.
"""

from __future__ import annotations

import functools
import re

from parsers.fax import lexicon
from parsers.fax.fuzzy import FUZZY_CAPTIONS, SHORT_CAPTIONS, fold_accents, letters_of
from parsers.fax.model import Segment
from parsers.fax.ocr_distance import ocr_distance
from parsers.fax.synonyms import PATIENT, PROVIDER, SUPPLIER, LabelHit, label_for
from parsers.fax.values import read_date

Field = tuple[str, str | None]
# The captions compared, as forms print them: fuzzy.py's, and the short ones a segment opens with
# Parties' captions, and an order's dates' only before a date (an address has rules of its own: address_*.py)
OWN_RULES = {"address", "order_date", "start_date", "discharge_date"}
DATE_KINDS = {"order_date", "start_date", "discharge_date"}
LEAD_CAPTIONS: dict[str, Field] = {
    **{caption: field for caption, field in FUZZY_CAPTIONS.items() if field[0] not in OWN_RULES},
    **{caption: field for caption, field in SHORT_CAPTIONS.items() if caption not in ("callback", "telephone")},
    "office phone": ("phone", PROVIDER),
    "office telephone": ("phone", PROVIDER),
    "office fax": ("fax", PROVIDER),
    "ordering physician": ("name", PROVIDER),
    "ordering provider": ("name", PROVIDER),
    "attending physician": ("name", PROVIDER),
    "supplier npi": ("npi", SUPPLIER),
    "physician npi": ("npi", PROVIDER),
    "member policy": ("member_id", PATIENT),
    "insured id": ("member_id", PATIENT),
    "subscriber id": ("member_id", PATIENT),
}
# The order's dates' captions, compared only when a date follows them ('Dischérge date: 11/18/2026')
DATE_LEAD_CAPTIONS: dict[str, Field] = {
    **LEAD_CAPTIONS,
    **{caption: field for caption, field in FUZZY_CAPTIONS.items() if field[0] in DATE_KINDS},
    "order date": ("order_date", None),
    "start date": ("start_date", None),
}
LEAD_MIN_LETTERS = 8  # fewer letters leave a misread too near other words
LEAD_BUDGET = 0.2  # misread letters per letter of the caption (a look-alike glyph half a letter)
LEAD_MARGIN = 1.0  # a caption of another field must be a letter further off than the nearest
MAX_WORDS = 4
# A glyph OCR reads an I as inside a caption's word ('1D', '{D', '|D'): compared as the i it stands for
I_GLYPHS = str.maketrans("1|{!", "iiii")
CAPTION_END = re.compile(r"[:;=#]$")  # the mark a caption ends with ('Tel;', 'ID =')
CAPTION_WORD = re.compile(
    r"^(?:[A-Za-z1|{!/][A-Za-z1|{!/.'’]*[:;=#)]?|[#/])$"
)  # letters (and I-glyphs) and a caption's end mark
VALUE_START = re.compile(r"\d")
# 'ID' as OCR garbles a small caption's two capitals: its I as i, 1, |, [, {, (, or a t before a capital
# O or a zero, its D as o, O or 0, its colon as '>' ('Member i0', 'Member io', 'Member tO'); compared as
# 'ID' (never 'to', 'To', 'TO': a word)
ID_GLYPHS = re.compile(r"^(?:[iI1l|\[{(][DoO0]|t[DO0]|T[D0])[:;=#>]?$")


def garbled_lead(segment: Segment) -> LabelHit | None:
    """The caption the segment's first words are a misread of, as a label hit over them, when a value
    follows them in the segment."""
    text = fold_accents(segment.text)
    words = list(re.finditer(r"\S+", text))
    for count in range(min(MAX_WORDS, len(words) - 1), 0, -1):
        lead, rest = words[:count], words[count:]
        if not all(CAPTION_WORD.match(w.group()) or ID_GLYPHS.match(w.group()) for w in lead) or not rest:
            continue
        if not (lead[-1].group()[0].isalnum() or ID_GLYPHS.match(lead[-1].group())) or _signature(rest[0].group()):
            continue  # a caption's last word is a word ('Street address |'); 'Prescniber Signature' is the signer's
        if any(CAPTION_END.search(w.group()) for w in lead[:-1]):
            continue  # a caption's end mark inside: two captions, or a caption and its value
        value_ahead = VALUE_START.search(rest[0].group()) or CAPTION_END.search(lead[-1].group())
        if not (value_ahead or count > 1 or rest[0].group()[:1].isupper()):
            continue  # one word before a word of a sentence: no caption and value
        read = tuple(w.group() for w in lead)
        folded = tuple(map(_as_id, read))
        field = _lead_field(folded, _date_at(text[rest[0].start() :]), folded != read)
        if field is not None:
            return LabelHit(label_for(field), segment, lead[0].start(), lead[-1].end())
    return None


def _as_id(word: str) -> str:
    """The word as the caption's 'ID' when it is that word's two glyphs garbled (ID_GLYPHS), else as read."""
    return "ID" if ID_GLYPHS.match(word) else word


def _signature(word: str) -> bool:
    """The word is 'signature' or 'sign', also as OCR garbles it ('siqnature'): a signer's caption."""
    letters = letters_of(word)
    return letters.startswith("sign") or (len(letters) >= 7 and ocr_distance(letters, "signature", limit=2.0) <= 2.0)


def _date_at(text: str) -> bool:
    """The text opens with a date (after a caption's mark OCR left, '= 11/18/2026')."""
    read = read_date(text)
    return read is not None and not text[: read.start].strip(" :;=#.,")


@functools.lru_cache(maxsize=8192)
def _lead_field(words: tuple[str, ...], dated: bool = False, id_folded: bool = False) -> Field | None:
    """The field of the caption `words` misread, among the parties' captions, and the dates' when `dated`
    (`id_folded`: a garbled 'ID' was read as 'ID', a misread even when the rest is as printed)."""
    captions = DATE_LEAD_CAPTIONS if dated else LEAD_CAPTIONS
    letters = letters_of(" ".join(w.translate(I_GLYPHS) for w in words))
    if len(letters) < LEAD_MIN_LETTERS or lexicon.known(letters):
        return None
    vocabulary = {word for caption in captions for word in caption.split()}
    if any(lexicon.known(w.strip(":;=#).")) and letters_of(w) not in vocabulary for w in words):
        return None
    scored = sorted(
        (ocr_distance(letters, caption.replace(" ", ""), limit=LEAD_BUDGET * len(caption) + LEAD_MARGIN), caption)
        for caption in captions
    )
    best, caption = scored[0]
    if (best == 0 and not id_folded) or best > LEAD_BUDGET * len(caption.replace(" ", "")):
        return None  # no misread (the synonyms' own), or too far off
    rivals = [cost for cost, other in scored[1:] if captions[other] != captions[caption]]
    if rivals and rivals[0] - best < LEAD_MARGIN:
        return None
    return captions[caption]
