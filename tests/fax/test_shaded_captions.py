"""Captions of a ruled table's shaded header cells as OCR reads them in a narrow face: a mark the
shading left before the caption, a comma for a full stop, letters run together ('ti' as 'n')."""

from __future__ import annotations

import pytest

from parsers.fax.labels import PATIENT, PROVIDER
from tests.fax.test_text_fields import _hits


@pytest.mark.parametrize(
    ("caption", "kind", "role"),
    [
        ("‘Gender", "sex", PATIENT),  # a mark the cell's shading left before a weak caption
        ("“Phone", "phone", None),
        ("Medicare! Ins, ID #", "member_id", PATIENT),  # 'Ins.' with its full stop read as a comma
        ("Panent name", "name", PATIENT),  # 'ti' run together into an 'n'
        ("Practivoner name", "name", PROVIDER),
        ("Practioner name", "name", PROVIDER),
    ],
)
def test_a_shaded_cells_caption_as_read_is_its_fields_label(caption: str, kind: str, role: str | None) -> None:
    assert [(k, r) for k, r, _ in _hits(caption)] == [(kind, role)]


@pytest.mark.parametrize("text", ["Parent name", "Kinsman ID", "Color ‘Gender"])
def test_a_word_that_only_looks_like_a_caption_is_none(text: str) -> None:
    assert [k for k, _, _ in _hits(text) if k in ("name", "sex", "member_id")] == []


@pytest.mark.parametrize("caption", ["OIC date", "Inpatient DIC date", "D/C date"])
def test_a_discharge_date_caption_with_its_slash_read_as_an_i(caption: str) -> None:
    assert [k for k, _, _ in _hits(caption)] == ["discharge_date"]
