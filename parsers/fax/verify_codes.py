"""Second reads of codes and service rows: the crops a diagnosis code or a service line is read from
again, what each crop shows, and when a row's crops agree with the page read (verify.second_read)."""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.fax import codecheck
from parsers.fax.asides import without_closing
from parsers.fax.confirm import Region, value_of
from parsers.fax.model import Word, bbox_of
from parsers.fax.reading import FaxRead
from parsers.fax.reread_outvoted import Crops
from parsers.fax.row_marks import QUOTES, count_in, quantity_shown
from parsers.fax.services import CodeRead, ServiceRead
from referrals.codes import CodeSets

# Every field read from an image needs a second, independent reading (or a check digit, or the
# same value elsewhere) before a record may be ready: names and phones are misread as often as
# dates ('Walter' as 'Waiter'), and a plausible wrong value is the failure that matters.
LEAD = re.compile(r"^[-\u2013\u2014'`\"\u2018\u2019\u201c\u201d(\[{\s]+")  # a bracket or a speck before a code


def code_needs_read(state: FaxRead, read: CodeRead) -> bool:
    """A diagnosis code needs a second read unless the table knows it exactly as read (a look-alike
    correction, or no table to ask, is one reading's word only) or two re-reads already agreed."""
    fix = read.correction
    sure = read.as_read(state.ctx.ocr_confidence_threshold)
    return fix.value is not None and not sure and id(read) not in state.confirmed_codes


def code_region(key: str, read: CodeRead) -> Region:
    return Region(key, read.page, bbox_of((read.word,)), 1.5, "straight", "code")


def code_agrees(read: CodeRead, words: list[Word], sets: CodeSets) -> bool:
    """The crop, read with only code characters, gives the same single valid code (two reads that
    agree, each resolved by the code set to one reading) and no character of it was doubtful: had a
    close rival giving another code (a rival that makes no code, 'I10' whose I rivals T, is no doubt)."""
    target = read.correction.value
    if not words or any(w.ambiguous and codecheck.rival_code(w.text, w.rivals, target, sets) for w in words):
        return False
    fixes = [codecheck.correct_icd10(w.text.strip(",;:()"), sets) for w in words]
    return any(f.value == target for f in fixes)


LOST_AT_ENDS = 2  # characters a second read of a code's crop may lose at its ends ('89.154' for L89.154)


def borne_out(read: CodeRead, words: list[Word]) -> bool:
    """A code the code set holds as read, read unsurely (CodeRead.as_read), whose second read is the same
    characters but for a few lost at its ends (the L of 'L89.154' at the crop's edge): no character was
    read two ways ('96.11' under 'J96.12' says its last digit was: the code set holds both codes)."""
    fix = read.correction
    page, second = _code_core(read.raw), _code_core("".join(w.text for w in words))
    return fix.in_code_set and not fix.corrected and len(second) >= len(page) - LOST_AT_ENDS and second in page


def _code_core(text: str) -> str:
    return text.strip(" ,;:().").upper()


def row_regions(key: str, row: ServiceRead) -> list[Region]:
    """The code cell and the quantity cell of a service line, each cut twice (grey, and cleaned larger)."""
    words = {"code": row.code.word, "qty": row.quantity_word}
    return [
        Region(f"{key}{name}{variant}", row.row.page, bbox_of((w,)), scale, source)
        for name, w in words.items()
        if w is not None
        for variant, scale, source in (("a", 1.0, "straight"), ("b", 1.5, "clean"))
    ]


def crop_values(reads: dict[str, list[Word]], key: str, sets: CodeSets, aside: bool = False) -> tuple[Crops, Crops]:
    """The code and the quantity each crop of a service line shows (None: none, or a doubtful one);
    with `aside`, the code's crop ends with the bracket closing an aside ('(HCPCS G0152):')."""
    codes = [_crop_value(reads.get(f"{key}code{v}", []), lambda t: _code_of(t, sets, aside)) for v in "ab"]
    quantities = [_crop_value(reads.get(f"{key}qty{v}", []), _quantity_of) for v in "ab"]
    return codes, quantities


def agreed_row(row: ServiceRead, codes: Crops, quantities: Crops, reread: set[str]) -> tuple[str, int] | None:
    """(code, quantity) when both crops of each agree with the page read and no character was doubtful;
    a part two re-reads agreed on (reread.py) needs no crop to agree, but none may contradict it."""
    code, quantity = row.code.correction.value, row.quantity
    if code is None or quantity is None:
        return None
    if any(c is not None and c != code for c in codes) or any(q is not None and q != quantity for q in quantities):
        return None
    if ("code" in reread or code in codes) and ("qty" in reread or quantity in quantities):
        return code, quantity
    return None


def _crop_value(words: list[Word], read: Callable[[str], object | None]) -> object | None:
    if not words or any(w.ambiguous for w in words):
        return None
    return value_of(words, read)


def _code_of(text: str, sets: CodeSets, aside: bool = False) -> str | None:
    """The code a crop shows; one that shows none as read may be a code printed in brackets after its
    description ('(G0151)'), with a speck before it ('‘(G0151)', '-(G0152)'): read without them."""
    text = without_closing(text.strip()) if aside else text.strip()
    lead = LEAD.match(text)
    return _code_head(text, sets) or (_code_head(text[lead.end() :].rstrip(")]}.,;:"), sets) if lead else None)


def _code_head(text: str, sets: CodeSets) -> str | None:
    head = text.split("-")[0].strip(" .,;")
    return codecheck.correct_procedure(head, sets).value if len(head) == 5 else None


def _quantity_of(text: str) -> int | None:
    """The quantity a crop shows; a '|' at its edge may be the cell's rule or a 1, so it shows none."""
    core = text.strip(" .,;").lstrip(QUOTES)  # a speck OCR takes for a quote ('“x12')
    if core.startswith("|") or core.endswith("|"):
        return None
    return count_in(quantity_shown(core))  # 'x2' -> 2: the crop of a marked quantity
