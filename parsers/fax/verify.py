"""Confirmation of critical fields: a check digit, a code-set hit, the same value twice, or a second read."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from parsers.fax import codecheck, values
from parsers.fax.confirm import Images, Region, agrees, doubtful, joint_confidence, second_reads
from parsers.fax.extract import DATE_PATHS, PATHS, READERS, path_of
from parsers.fax.header import HEADER_BAND, header_from_words
from parsers.fax.model import Candidate, Word
from parsers.fax.reading import FaxRead
from parsers.fax.services import CodeRead, ServiceRead
from referrals.codes import CodeSets

# Every field read from an image needs a second, independent reading (or a check digit, or the
# same value elsewhere) before a record may be ready: names and phones are misread as often as
# dates ('Walter' as 'Waiter'), and a plausible wrong value is the failure that matters.
PATH_KIND = {path: kind for (kind, _), path in PATHS.items()} | {path: kind for kind, path in DATE_PATHS.items()}
PATH_KIND["ordering_provider.name"] = "name"
PATH_KIND["signature.date"] = "order_date"  # any date reader will do
UNCHECKED = {"member.sex"}  # one letter: a crop of it alone reads too unreliably to be a check
CRITICAL = set(PATH_KIND) - UNCHECKED
LINE_SEP = {"member.address": ", "}  # a street line and a city line read as one value
CASELESS = {"member.name", "ordering_provider.name", "servicing_provider.name", "payer.name"}
THIRD_SCALE, THIRD_SOURCE = 1.5, "clean"  # the third read of a value its second read was unsure of


def normalise_npis(state: FaxRead) -> None:
    """NPIs with look-alike letters read as digits; a valid check digit confirms the reading."""
    out = []
    for cand in state.candidates:
        if cand.path.endswith(".npi"):
            fixed = codecheck.correct_npi(str(cand.value))
            if fixed.value is not None:
                cand = dataclasses.replace(
                    cand, value=fixed.value, corrected=fixed.corrected, confirmed_by="check_digit"
                )
            elif not str(cand.value).isdigit():
                state.finding(
                    cand.path,
                    "npi_unreadable",
                    "The NPI on the order could not be read as 10 digits; check the page and enter it.",
                    page=cand.page,
                )
                continue
        out.append(cand)
    state.candidates = out


def flag_unread_address(state: FaxRead) -> None:
    """An address label whose value is not a whole street, city, state and ZIP: say so, with its page."""
    if any(c.path == "member.address" for c in state.candidates):
        return
    pages = [
        t.page.number for t in state.order_texts for h in state.hits[t.page.number] if path_of(h) == "member.address"
    ]
    if pages:
        state.finding(
            "member.address",
            "address_unreadable",
            "The patient's address on the order could not be read as street, city, state and ZIP; "
            "check the page and enter it.",
            page=pages[0],
        )


def mark_repeated(state: FaxRead) -> None:
    """A value read in two places on the document confirms itself."""
    out = []
    for cand in state.candidates:
        same = [
            c
            for c in state.candidates
            if c.path == cand.path and c.value == cand.value and not _overlap(c.bbox, cand.bbox)
        ]
        if cand.confirmed_by is None and (same or cand.method == "text_layer"):
            cand = dataclasses.replace(cand, confirmed_by="text_layer" if cand.method == "text_layer" else "repeated")
        out.append(cand)
    state.candidates = out


def mark_text_layer(state: FaxRead) -> None:
    layer_pages = {p.number for p in state.pages if p.text_layer}
    state.candidates = [
        dataclasses.replace(c, confirmed_by=c.confirmed_by or "text_layer") if c.page in layer_pages else c
        for c in state.candidates
    ]


def second_read(state: FaxRead) -> None:
    """Re-read every unconfirmed critical value and service row once more, all in one OCR pass."""
    wanted = [c for c in state.candidates if c.path in CRITICAL and c.confirmed_by is None]
    rows = [s for s in state.services if s.row.page not in _layer_pages(state)]
    regions = [Region(f"c{i}", c.page, c.bbox) for i, c in enumerate(wanted)]
    for i, s in enumerate(rows):
        regions += _row_regions(f"s{i}", s)
    codes = [d for d in state.diagnoses if _code_needs_read(state, d) and d.page not in _layer_pages(state)]
    regions += [_code_region(f"d{i}", d) for i, d in enumerate(codes)]
    regions += _header_region(state)
    images = {(number, "straight"): p.straight for number, p in state.prepared.items()}
    images.update({(number, "clean"): p.ocr_image for number, p in state.prepared.items()})
    reads = second_reads(regions, images, state.engine) if regions else {}
    confirmed = {
        id(c): min(w.conf for w in reads[f"c{i}"]) / 100.0
        for i, c in enumerate(wanted)
        if agrees(_key(c), reads.get(f"c{i}", []), _reader(c), LINE_SEP.get(c.path, " "))
    }
    undecided = [
        c
        for i, c in enumerate(wanted)
        if doubtful(_key(c), reads.get(f"c{i}", []), _reader(c), LINE_SEP.get(c.path, " "))
    ]
    confirmed |= _third_read(undecided, images, state)
    by_key = {f"c{i}": c for i, c in enumerate(wanted) if id(c) in confirmed}
    joint = {id(c): joint_confidence(c.words, reads.get(key, [])) for key, c in by_key.items()}
    state.candidates = [
        dataclasses.replace(c, confirmed_by="second_read", second_conf=confirmed[id(c)], joint_conf=joint.get(id(c)))
        if id(c) in confirmed
        else c
        for c in state.candidates
    ]
    for i, s in enumerate(rows):
        agreed = _agreed_row(s, reads, f"s{i}", state.ctx.code_sets, state.reread_parts.get(id(s), set()))
        if agreed is not None:
            state.confirmed_rows[id(s)] = agreed
    state.confirmed_codes |= {
        id(d) for i, d in enumerate(codes) if _code_agrees(d, reads.get(f"d{i}", []), state.ctx.code_sets)
    }
    _header_again(state, reads.get("header", []))


def _third_read(undecided: list[Candidate], images: Images, state: FaxRead) -> dict[int, float]:
    """Values whose second read agreed but with a doubtful character, read once more from the
    cleaned page enlarged: confirmed when that read agrees with no doubtful character (two reads
    through different preprocessing vouch for the value, and none contradicts it)."""
    if not undecided:
        return {}
    regions = [Region(f"t{i}", c.page, c.bbox, THIRD_SCALE, THIRD_SOURCE) for i, c in enumerate(undecided)]
    reads = second_reads(regions, images, state.engine)
    return {
        id(c): min(w.conf for w in reads[f"t{i}"]) / 100.0
        for i, c in enumerate(undecided)
        if agrees(_key(c), reads.get(f"t{i}", []), _reader(c), LINE_SEP.get(c.path, " "))
    }


def _code_needs_read(state: FaxRead, read: CodeRead) -> bool:
    """A diagnosis code needs a second read unless the table knows it exactly as read (a look-alike
    correction, or no table to ask, is one reading's word only) or two re-reads already agreed."""
    fix = read.correction
    return fix.value is not None and (fix.corrected or not fix.in_code_set) and id(read) not in state.confirmed_codes


def _code_region(key: str, read: CodeRead) -> Region:
    w = read.word
    return Region(key, read.page, (w.left, w.top, w.right, w.bottom), 1.5, "straight", "code")


def _code_agrees(read: CodeRead, words: list[Word], sets: CodeSets) -> bool:
    """The crop, read with only code characters, gives the same single valid code (two reads that
    agree, each resolved by the code set to one reading) and no character of it was doubtful."""
    if not words or any(w.ambiguous for w in words):
        return False
    fixes = [codecheck.correct_icd10(w.text.strip(",;:()"), sets) for w in words]
    return any(f.value == read.correction.value for f in fixes)


def _header_region(state: FaxRead) -> list[Region]:
    """Page 1's header band, enlarged, when the page read gave no transmission time."""
    if any(h.sent_at for h in state.headers) or 1 not in state.prepared:
        return []
    page = state.pages[0]
    return [Region("header", 1, (0, 0, page.width, int(HEADER_BAND * page.height)), 1.0)]


def _header_again(state: FaxRead, words: list[Word]) -> None:
    tz = state.ctx.received_at.tzinfo
    found = header_from_words(words, tz) if words and tz is not None else None
    if found is not None and found.sent_at is not None:
        state.headers.insert(0, found)


def _row_regions(key: str, row: ServiceRead) -> list[Region]:
    """The code cell and the quantity cell of a service line, each cut twice (grey, and cleaned larger)."""
    words = {"code": row.code.word, "qty": row.quantity_word}
    return [
        Region(f"{key}{name}{variant}", row.row.page, (w.left, w.top, w.right, w.bottom), scale, source)
        for name, w in words.items()
        if w is not None
        for variant, scale, source in (("a", 1.0, "straight"), ("b", 1.5, "clean"))
    ]


def _agreed_row(
    row: ServiceRead, reads: dict[str, list[Word]], key: str, sets: CodeSets, reread: set[str]
) -> tuple[str, int] | None:
    """(code, quantity) when both crops of each agree with the page read and no character was doubtful;
    a part two re-reads agreed on (reread.py) needs no crop to agree, but none may contradict it."""
    code, quantity = row.code.correction.value, row.quantity
    if code is None or quantity is None:
        return None
    codes = [_crop_value(reads.get(f"{key}code{v}", []), lambda t: _code_of(t, sets)) for v in "ab"]
    quantities = [_crop_value(reads.get(f"{key}qty{v}", []), _quantity_of) for v in "ab"]
    if any(c is not None and c != code for c in codes) or any(q is not None and q != quantity for q in quantities):
        return None
    if ("code" in reread or code in codes) and ("qty" in reread or quantity in quantities):
        return code, quantity
    return None


def _crop_value(words: list[Word], read: Callable[[str], object | None]) -> object | None:
    if not words or any(w.ambiguous for w in words):
        return None
    return read(" ".join(w.text for w in words))


def _code_of(text: str, sets: CodeSets) -> str | None:
    head = text.strip().split("-")[0].strip(" .,;")
    return codecheck.correct_procedure(head, sets).value if len(head) == 5 else None


def _quantity_of(text: str) -> int | None:
    found = values.read_quantity(text.strip(" .,;"))
    return int(str(found.value)) if found is not None else None


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Two boxes share pixels: two readings of them are one reading, not the value written twice."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _layer_pages(state: FaxRead) -> set[int]:
    return {p.number for p in state.pages if p.text_layer}


def _key(cand: Candidate) -> object:
    return _caseless(cand.value) if cand.path in CASELESS else cand.value


def _reader(cand: Candidate) -> Callable[[str], object | None]:
    if cand.path.endswith(".npi"):
        return lambda text: _npi_value(text)
    read = READERS[PATH_KIND[cand.path]]
    if cand.path in CASELESS:
        return lambda text: _caseless(found.value) if (found := read(text)) is not None else None
    return lambda text: found.value if (found := read(text)) is not None else None


def _caseless(value: object) -> object:
    """A name compared letter for letter whatever the case ('summit' is a read of 'Summit': the
    same pixels scaled, where 'Walter' and 'Waiter' are different letters)."""
    if isinstance(value, tuple):
        return tuple(str(part).casefold() for part in value)
    return str(value).casefold()


def _npi_value(text: str) -> str | None:
    found = values.read_npi_text(text)
    if found is None:
        return None
    fixed = codecheck.correct_npi(str(found.value))
    return fixed.value or (str(found.value) if str(found.value).isdigit() else None)
