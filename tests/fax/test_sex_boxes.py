"""A sex given by its ticked box: how sure OCR was of the option's letters is no doubt about the answer."""

from __future__ import annotations

import dataclasses

from parsers.fax.checkbox import BOX_CONF, ticked_sex
from parsers.fax.extract import labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import PageText
from tests.fax.test_certificate_forms import _sex_form


def _weakly_read(text: PageText, conf: float) -> PageText:
    """The page with its option words read at `conf`."""
    words = [dataclasses.replace(w, conf=conf) if w.text in ("Male", "Female") else w for w in text.page.words]
    page = dataclasses.replace(text.page, words=words)
    lines, segments = page_segments(page)
    return PageText(page, lines, segments)


def test_a_ticked_sex_read_weakly_is_as_sure_as_its_boxes() -> None:
    text, image = _sex_form({"Female"})
    weak = _weakly_read(text, 41.0)
    found = list(ticked_sex(weak, labelled_hits(weak), image, 300))
    assert [(c.value, c.conf) for c in found] == [("F", BOX_CONF)]


def test_a_sex_read_surely_keeps_its_words_confidence() -> None:
    text, image = _sex_form({"Male"})
    sure = _weakly_read(text, 97.0)
    assert [(c.value, c.conf) for c in ticked_sex(sure, labelled_hits(sure), image, 300)] == [("M", 0.97)]
