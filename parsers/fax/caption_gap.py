"""A fill-in form's garbled caption with its value typed on the underline after it, on one segment.

A form printed as 'Caption ______' with the value typed on the line after the caption sets caption and
value apart by the underline's lead-in: a gap several times the gaps between the caption's words
('Primary surance     Blue Harbor Medicare'). When OCR garbled the caption past every synonym, the
words before that gap are the caption, and are matched as a segment holding nothing but a caption is
(fuzzy.fuzzy_caption), with the same nearness and margin.
"""

from __future__ import annotations

import dataclasses

from parsers.fax.fuzzy import NAME_ORDER_HINT, fuzzy_caption
from parsers.fax.model import Segment, Word
from parsers.fax.synonyms import LabelHit, label_for

MAX_CAPTION_WORDS = 4
GAP_RATIO = 2.0  # the gap after the caption, against every gap between its words
HINTED_WORDS = 2  # words a caption may have before its name-order hint ('Patient name (Last, First)')
DIGIT_AS_LETTER = str.maketrans({"1": "l", "0": "o", "5": "s", "8": "b", "6": "g"})


def caption_before_gap(segment: Segment) -> LabelHit | None:
    """The garbled caption ending at the segment's first wide gap, as the label it is nearest to."""
    words = segment.words
    gaps = [words[i].left - words[i - 1].right for i in range(1, len(words))]
    for count in range(1, min(MAX_CAPTION_WORDS, len(words) - 1) + 1):
        inside, after = gaps[: count - 1], gaps[count - 1]
        height = max(w.height for w in words[:count])
        if after < 0.8 * height or after < GAP_RATIO * max(inside, default=0):
            continue
        head = Segment(segment.page, segment.index, tuple(_as_letters(w) for w in words[:count]))
        hit = fuzzy_caption(head) or _name_by_hint(head)
        return LabelHit(hit.label, segment, hit.start, hit.end) if hit is not None else None
    return None


def _as_letters(word: Word) -> Word:
    """A caption word with the digits OCR put for its letters read as those letters ('1eferral'), one
    character for one (a word of digits alone, or a '#', stays as it is)."""
    if not any(ch.isalpha() for ch in word.text):
        return word
    return dataclasses.replace(word, text=word.text.translate(DIGIT_AS_LETTER))


def _name_by_hint(head: Segment) -> LabelHit | None:
    """'Naine (Last, ust)': a word or two before a name-order hint ask for a person's name, whatever
    OCR made of them; whose name it is, the hit's block says (roles.py)."""
    hint = NAME_ORDER_HINT.search(head.text)
    caption = head.text[: hint.start()] if hint else ""
    if hint is None or not 1 <= len(caption.split()) <= HINTED_WORDS or not any(ch.isalpha() for ch in caption):
        return None
    start = len(caption) - len(caption.lstrip())
    return LabelHit(label_for(("name", None)), head, start, len(caption.rstrip()))
