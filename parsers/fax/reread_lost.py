"""Diagnosis codes the page read garbled past any code shape ('I10' read as 'Ho'), read again.

A word on the line of a diagnosis code the page read found that is no code, letters and digits of
a code's length, and no known English word or one read unsurely ('Ho' at 55, between 'Dx codes:'
and 'N18.4') may be a code OCR garbled. Its crop is re-read as a code cell is (reread.py: code
characters only, the fast model's two reads, then the standard model's), and a billable ICD-10-CM
code is added only when the pooled re-reads agree on it (reread_pool.pooled: two clean reads, one
as printed, none contradicting), or, for an I code every read showed with a leading '1', when the
word's first glyph is a plain bar (as reread.py takes a failed cell's I). A word whose re-reads give
no code is left as it was, with no finding: it was never taken for a code.
"""

from __future__ import annotations

import dataclasses

from parsers.fax import codecheck, glyph, lexicon
from parsers.fax.model import Word
from parsers.fax.reading import FaxRead
from parsers.fax.reread import BAR_LIKE, MODELS, VARIANTS, billable, billable_in, code_shaped, first_glyph_is, reads_of
from parsers.fax.reread_pool import MIN_AGREEING, Reread, pooled, undoubted_texts
from parsers.fax.services import DIAGNOSIS_HEAD, CodeRead

SHORTEST, LONGEST = 2, 8  # letters a garbled code may have come back as
# A garbled word far taller than the code on its line took in a mark crossing it (a fax's vertical
# streak, a box's rule): its crop is cut to the code's line, or the mark's length swamps the glyphs.
TALL = 1.5
UNSURE = 70  # a known word read below this confidence may be a garbled code too


def reread_lost_codes(state: FaxRead) -> None:
    """Add the codes the pooled re-reads of garbled words on diagnosis lines agree on."""
    found = []
    taken = {id(d.word) for d in state.diagnoses}
    for word, page in _suspects(state, taken):
        code = _code(state, page, word)
        if code is not None:
            found.append(CodeRead(word.text, word, page, codecheck.Correction(code, True, (code,), in_code_set=True)))
    known = {d.correction.value for d in state.diagnoses}
    for read in found:
        if read.correction.value not in known:
            state.diagnoses.insert(_place(state.diagnoses, read), read)
            state.confirmed_codes.add(id(read))
            known.add(read.correction.value)


def _place(reads: list[CodeRead], new: CodeRead) -> int:
    """Where `new` stands in page order: before the first code on its line right of it, else after its line's."""
    line = [i for i, d in enumerate(reads) if d.page == new.page and _on_line(new.word, d.word)]
    right = [i for i in line if reads[i].word.left > new.word.left]
    return right[0] if right else (line[-1] + 1 if line else len(reads))


def _suspects(state: FaxRead, taken: set[int]) -> list[tuple[Word, int]]:
    """Words on a diagnosis code's line (its page's words whose middle lies within the code's height)
    that are no code read, no known word, and of a code's length."""
    out: dict[int, tuple[Word, int]] = {}
    pages = {p.number: p for p in state.pages if not p.text_layer}
    for read in state.diagnoses:
        page = pages.get(read.page)
        if page is None or read.correction.value is None:
            continue
        for word in page.words:
            if id(word) in taken or _within_read(word, state.diagnoses):
                continue  # read already, as a code or within one (a category with its rest apart: 'G47 $4')
            if _on_line(word, read.word) and _garbled_code(word):
                out[id(word)] = (_to_line(word, read.word), read.page)
    return list(out.values())


def _within_read(word: Word, reads: list[CodeRead]) -> bool:
    """The word lies inside the box of a code read spanning several words (diagnosis_codes._cut_category)."""
    return any(
        r.word.left <= word.left
        and word.right <= r.word.right
        and r.word.top <= word.top
        and word.bottom <= r.word.bottom
        for r in reads
        if " " in r.word.text
    )


def _on_line(word: Word, code: Word) -> bool:
    middle = word.top + word.height / 2
    return code.top <= middle <= code.bottom


def _to_line(word: Word, code: Word) -> Word:
    """The word cut to the code's top and height when it is far taller (TALL) than the code."""
    if word.height <= TALL * code.height:
        return word
    return dataclasses.replace(word, top=code.top, height=code.height)


def _garbled_code(word: Word) -> bool:
    """Of a code's length, letters and digits only, not the section's caption ('Dx'), and no known
    word or one read unsurely ('Ho' at 55)."""
    core = word.text.strip(",.;:()")
    shaped = SHORTEST <= len(core) <= LONGEST and core.isalnum() and not DIAGNOSIS_HEAD.fullmatch(core)
    return shaped and (not lexicon.known(core) or word.conf < UNSURE)


def _code(state: FaxRead, page: int, word: Word) -> str | None:
    found_in = billable_in(state.ctx.code_sets)
    pool: list[Reread] = []
    for model in MODELS:
        reads = reads_of(state, page, word, "icd10", VARIANTS, model=model)
        if reads is None or not any(code_shaped(r.text or "", 3, 8) for r in pool + reads):
            return None  # no read looks like a code at all (a caption, a word): no more reads
        pool += reads
        found = pooled(pool, found_in)
        if found is not None:
            return found
    return _bar_first(state, page, word, pool)


def _bar_first(state: FaxRead, page: int, word: Word, pool: list[Reread]) -> str | None:
    """'I10' that every read showed as '110': the one I code the reads give only through the
    look-alike change of a leading bar (undoubted, at least two of them, none giving another code),
    when the word's first glyph is a plain bar on both the grey and the cleaned page (glyph.py: no
    flag or base as a 1 has), as for a failed code cell's first glyph (reread._by_first_glyph)."""
    sets = state.ctx.code_sets
    texts = undoubted_texts(pool, billable_in(sets))
    found = [(t, billable(t, sets)) for t in texts or []]
    values = {f[0] for _, f in found if f is not None}
    agreeing = [t for t, f in found if f is not None]
    if texts is None or len(values) != 1 or len(agreeing) < MIN_AGREEING:
        return None
    value = values.pop()
    if not value.startswith("I") or any(t[:1] not in BAR_LIKE for t in agreeing):
        return None
    return value if first_glyph_is(glyph.first_is_bar, state, page, word) else None
