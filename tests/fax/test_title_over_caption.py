"""On a form whose captions stand under their values, a section's title right over a caption ('A. MEMBER'
over 'MEMBER NAME (FIRST LAST)') is no value of it: when what stands over the caption reads as no value of
its kind, the value under the caption, nearest it of the bare captions, is its value."""

from __future__ import annotations

from parsers.fax.extract import candidates, labelled_hits
from parsers.fax.layout import page_segments
from parsers.fax.model import Page, PageText, Word


def _run(text: str, left: int, top: int, height: int = 22) -> list[Word]:
    out = []
    for token in text.split():
        out.append(Word(token, 95.0, left, top, 13 * len(token), height, line_key=(top,)))
        left += 13 * len(token) + 10
    return out


def _names(title: str) -> list[object]:
    words = _run(title, 110, 340) + _run("MEMBER NAME (FIRST LAST)", 110, 374, 16)
    words += _run("Ada Lovell", 118, 423)
    # two captions printed under their fill-in lines elsewhere on the page: the form's style
    words += _run("01/02/1950", 120, 900) + _run("Date of Birth", 120, 930, 16)
    words += _run("(860) 555-0142", 700, 900) + _run("Home Phone", 700, 930, 16)
    page = Page(number=1, width=1700, height=2200, words=words)
    lines, segments = page_segments(page)
    text = PageText(page, lines, segments)
    return [c.value for c in candidates(text, labelled_hits(text)) if c.path == "member.name"]


def test_a_section_title_over_the_caption_leaves_the_value_under_it() -> None:
    assert _names("A. MEMBER") == [("Ada", "Lovell")]
