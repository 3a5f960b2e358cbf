"""Captions misread glyph by glyph at fax resolution ('Date of turth', 'Antielpated D/C'): an edit distance
where OCR's look-alike glyphs cost less than other letters (ocr_distance.py), and what it must not match."""

from __future__ import annotations

import pytest

from parsers.fax.caption_gap import caption_before_gap
from parsers.fax.fuzzy import fuzzy_caption
from parsers.fax.model import Segment, Word
from parsers.fax.ocr_distance import CHEAP, ocr_distance
from parsers.fax.table_head import SERVICE_HEAD


def _segment(*texts: str, gap: int = 8) -> Segment:
    """Words in a row, `gap` pixels apart but for a '|' in `texts`, which stands for a wide gap."""
    words, left = [], 100
    for text in texts:
        if text == "|":
            left += 120
            continue
        words.append(Word(text, 80.0, left, 300, 12 * len(text), 20, (1, 1, 1)))
        left += 12 * len(text) + gap
    return Segment(1, 0, tuple(words))


def _field(*texts: str) -> tuple[str, str | None] | None:
    hit = fuzzy_caption(_segment(*texts))
    return (hit.kind, hit.label.role) if hit else None


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("antielpated", "anticipated"),  # 'ci' as 'el'
        ("hgpcs", "hcpcs"),  # 'C' as 'G'
        ("turth", "birth"),  # 'bi' as 'tu'
        ("efenal", "eferral"),  # 'rr' run together as 'n'
        ("narne", "name"),  # 'm' split as 'rn'
        ("dale", "date"),  # not a look-alike: a plain letter
    ],
)
def test_a_look_alike_glyph_costs_less_than_a_plain_letter(read: str, printed: str) -> None:
    assert ocr_distance(read, printed) == (1.0 if read == "dale" else CHEAP)


@pytest.mark.parametrize(("read", "printed"), [("fax", "tax"), ("prone", "phone"), ("death", "birth")])
def test_letters_of_other_shapes_cost_a_full_letter_each(read: str, printed: str) -> None:
    assert ocr_distance(read, printed) >= 1.0


@pytest.mark.parametrize(
    ("words", "field"),
    [
        (("Date", "of", "turth"), ("dob", "patient")),
        (("Antielpated", "D/C"), ("discharge_date", None)),
        (("Date", "of", "lefenal"), ("order_date", None)),  # a plain letter and 'rr' as 'n' in a long caption
        (("Suppher",), ("org", "supplier")),  # 'li' as 'h' in a one-word caption
        (("Gate", "of", "birth"), ("dob", "patient")),
        (
            ("Date", "of", "bith"),
            ("dob", "patient"),
        ),  # a letter short of an 11-letter caption  # an English word, but not the one naming the field
    ],
)
def test_a_caption_misread_glyph_by_glyph_is_its_field(words: tuple[str, ...], field: tuple[str, str]) -> None:
    assert _field(*words) == field


@pytest.mark.parametrize(
    "words",
    [
        ("Date", "of", "death"),
        ("Date", "of", "service"),
        ("Date", "of", "berth"),  # an English word where the caption has another as long: another caption
        ("Physician", "tax"),
        ("Patient", "prone"),
        ("Date", "of", "onset"),
        ("Referral", "source"),
        ("Member", "num"),
        ("Patient", "age"),
        ("Patient", "home"),
        ("Prone",),
        ("Supplies",),
    ],
)
def test_another_caption_or_a_word_is_no_misread_caption(words: tuple[str, ...]) -> None:
    assert _field(*words) is None


def test_a_misread_caption_before_its_value_on_a_fill_in_line_is_its_field() -> None:
    hit = caption_before_gap(_segment("Date", "of", "1efenal", "|", "November", "16,", "2026"))
    assert hit is not None and hit.kind == "order_date"


@pytest.mark.parametrize("head", ["Medication / Service HGPCS Dose Route Frequency", "HGPCS Code"])
def test_a_service_tables_hcpcs_caption_with_its_c_read_as_g_heads_it(head: str) -> None:
    assert SERVICE_HEAD.search(head)
