"""A diagnosis code printed with its ICD-10-CM title, as an EHR prints them ('Principal : I50.9  Heart
failure, unspecified').

A code OCR garbled into several look-alike readings ('1509': I50.9 or L50.9) is one of them for sure
when the line prints that reading's whole title (each of its words, a letter of a long word garbled
at most) and no other reading's. The title is read apart from the code's characters, so it confirms
the code as a second read would; a title printed only in part names nothing (I50.9's 'Heart failure,
unspecified' is not printed by 'Other heart failure').
"""

from __future__ import annotations

import re

from parsers.fax.codecheck import Correction
from parsers.fax.fuzzy import one_edit
from parsers.fax.model import PageText
from parsers.fax.reading import FaxRead
from parsers.fax.services import CodeRead
from referrals.codes import CodeSets

WORD = re.compile(r"[a-z]+")
GARBLE_LENGTH = 5  # a word this long may come with one letter garbled


def name_by_title(state: FaxRead) -> None:
    """Each open or unconfirmed diagnosis whose line prints one reading's title: that reading, confirmed."""
    texts = {text.page.number: text for text in state.texts}
    for index, read in enumerate(state.diagnoses):
        text = texts.get(read.page)
        if text is None or id(read) in state.confirmed_codes or read.as_read(state.ctx.ocr_confidence_threshold):
            continue
        code = titled_reading(read, text, state.ctx.code_sets)
        if code is not None:
            fixed = CodeRead(read.raw, read.word, read.page, Correction(code, True, (code,), True))
            state.diagnoses[index] = fixed
            state.confirmed_codes.add(id(fixed))


def titled_reading(read: CodeRead, text: PageText, sets: CodeSets) -> str | None:
    """The one reading of the code whose title the code's line prints in full."""
    readings = read.correction.readings or ((read.correction.value,) if read.correction.value else ())
    line = next((ln for ln in text.lines if any(w is read.word for w in ln.words)), None)
    if line is None or not readings:
        return None
    printed = WORD.findall(" ".join(w.text for w in line.words if w.left > read.word.left).lower())
    named = [code for code in readings if _prints(sets.icd10_title(code), printed)]
    return named[0] if len(named) == 1 else None


def _prints(title: str | None, printed: list[str]) -> bool:
    words = WORD.findall((title or "").lower())
    return bool(words) and all(any(_same(word, seen) for seen in printed) for word in words)


def _same(word: str, seen: str) -> bool:
    return word == seen or (len(word) >= GARBLE_LENGTH and one_edit(word, seen))
