"""An address read from fields of its own on one row (address_shapes.py, address_columns.py) that its
second read did not confirm, read again field by field.

The second read's crop runs across the row, with the gaps, rules and fax streaks between the fields, and
tesseract runs the fields together ('2121EImSt Apt204 Hartford =| cT'). Each field's crop is read on its own
instead, in one stack; the address the fields give together, when it is the same and no character of it
had a strong second choice, confirms it. When it is the same but a field's read had a doubtful character
(a standard-resolution page's ZIP '10701' with a 1 nearly read as 4), the doubtful fields are read once
more, enlarged, by the standard model (models.py): a model trained apart from the page's; its read, with
no doubt of its own, takes the doubtful read's place.
"""

from __future__ import annotations

import dataclasses

from parsers.fax import address_text, lexicon
from parsers.fax.address_text import AddressValue
from parsers.fax.confirm import Images, Region, agrees, second_reads
from parsers.fax.model import Candidate, Word, bbox_of, conf_of
from parsers.fax.nearby import same_row
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead

MIN_FIELDS = 3  # street, city, state and ZIP: at least three fields
MODEL_SCALE = 2.0  # a doubtful field's crop, enlarged for the standard model's read

PART_GAP = 3.0  # word heights: a wider gap between an address's words parts two of its fields
FIELD_SEP = " | "
EDGE_MARKS = " ‘’'`\"“”(|[{}]),.;:~-_"


def reread_address_parts(state: FaxRead) -> None:
    """An address read from fields of its own that its second read did not confirm: each field's crop is
    read on its own (a crop across the row holds the gaps, rules and streaks between them, and its read
    runs the fields together), and the address they give together, when it is the same with no doubtful
    character, confirms it."""
    wanted = [c for c in state.candidates if _in_fields(c)]
    regions = [
        Region(f"a{i}.{j}", c.page, bbox_of(part), 1.0, "straight")
        for i, c in enumerate(wanted)
        for j, part in enumerate(_fields(c.words))
    ]
    if not regions:
        return
    images = state.page_images("straight")
    reads = second_reads(regions, images, state.engine)
    reads |= _doubts_read_again(state, wanted, reads, images)
    agreed = {id(c): conf for i, c in enumerate(wanted) if (conf := _agreed(c, i, reads)) is not None}
    state.candidates = [
        dataclasses.replace(c, confirmed_by="second_read", second_conf=agreed[id(c)]) if id(c) in agreed else c
        for c in state.candidates
    ]


def _in_fields(cand: Candidate) -> bool:
    """An address from fields over or under their captions, or one after its caption put together from
    more than one row (the street's row, the city's under it with the state and ZIP across that row)."""
    pieced = cand.method in ("above", "below") or (cand.method == "label" and len(_rows(cand.words)) > 1)
    return (
        cand.path.endswith("address")
        and cand.confirmed_by is None
        and pieced
        and isinstance(cand.value, AddressValue)
        and len(_fields(cand.words)) >= MIN_FIELDS
    )


def _fields(words: tuple[Word, ...]) -> list[list[Word]]:
    """The words in runs split at wide gaps, row by row: one run a field."""
    runs: list[list[Word]] = []
    for row in _rows(tuple(w for w in words if any(ch.isalnum() for ch in w.text))):  # no speck's own field
        start = len(runs)
        for word in sorted(row, key=lambda w: w.left):
            last = runs[-1][-1] if len(runs) > start else None
            if last is not None and word.left - last.right <= PART_GAP * max(word.height, last.height):
                runs[-1].append(word)
            else:
                runs.append([word])
    return runs


def _rows(words: tuple[Word, ...]) -> list[list[Word]]:
    """The words by row, top to bottom: a word on the row of the first word of a row joins it."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.top + w.height / 2):
        if rows and same_row(bbox_of([rows[-1][0]]), bbox_of([word])):
            rows[-1].append(word)
        else:
            rows.append([word])
    return rows


def _doubts_read_again(
    state: FaxRead, wanted: list[Candidate], reads: dict[str, list[Word]], images: Images
) -> dict[str, list[Word]]:
    """The standard model's reads of the doubtful fields of each address the fields gave the same but for
    a doubtful character, and of the one field of an address read as nothing (a state code's small crop,
    'RI'); only its reads with no doubt of their own."""
    regions = [
        Region(f"a{i}.{j}", c.page, bbox_of(part), MODEL_SCALE, "straight")
        for i, c in enumerate(wanted)
        if _agreed(c, i, reads) is None and _agreed(c, i, reads, doubt_allowed=True) is not None
        for j, part in enumerate(_fields(c.words))
        if any(w.ambiguous for w in reads.get(f"a{i}.{j}", []))
    ]
    regions += [
        Region(f"a{i}.{j}", c.page, _in_band(_fields(c.words), j), MODEL_SCALE, "straight")
        for i, c in enumerate(wanted)
        if (j := _one_blank_field(c, i, reads)) is not None
    ]
    if not regions:
        return {}
    again = second_reads(regions, images, state.engine, REREAD_MODEL)
    return {key: words for key, words in again.items() if words and not any(w.ambiguous for w in words)}


def _in_band(fields: list[list[Word]], index: int) -> tuple[int, int, int, int]:
    """A field's box cut to the band its row's other fields share: a word box OCR stretched over the
    rule under it or the caption over it ('RI' 37 px tall among 24) holds more than the field's letters."""
    x0, y0, x1, y1 = bbox_of(fields[index])
    others = [
        bbox_of(part) for j, part in enumerate(fields) if j != index and same_row(bbox_of(part), (x0, y0, x1, y1))
    ]
    if not others:
        return x0, y0, x1, y1
    return x0, max(y0, min(b[1] for b in others)), x1, min(y1, max(b[3] for b in others))


def _one_blank_field(cand: Candidate, index: int, reads: dict[str, list[Word]]) -> int | None:
    """The address's one field the fields' read gave nothing for, every other field read; else None."""
    blank = [j for j in range(len(_fields(cand.words))) if not reads.get(f"a{index}.{j}")]
    return blank[0] if len(blank) == 1 else None


def _agreed(cand: Candidate, index: int, reads: dict[str, list[Word]], doubt_allowed: bool = False) -> float | None:
    parts = [reads.get(f"a{index}.{j}", []) for j in range(len(_fields(cand.words)))]
    if not all(parts):
        return None
    words = [w for part in parts for w in part]  # one line a field: text_of joins them with FIELD_SEP
    if not agrees(cand.value, words, _read, FIELD_SEP, doubt_allowed, lexicon.known_in_address):
        return None
    return min(conf_of(part) for part in parts)


def _read(text: str) -> object | None:
    """The address fields read one by one give, joined as one line ('2121 Elm St, Apt 204, Hartford, CT 06103')."""
    fields = [f.strip(EDGE_MARKS) for f in text.split(FIELD_SEP)]
    read = address_text.read_address(", ".join(fields[:-1]) + " " + fields[-1])
    return read.value if read is not None else None
