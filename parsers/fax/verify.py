"""Confirmation of critical fields: a check digit, a code-set hit, the same value twice, or a second read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from parsers.fax import codecheck, lexicon, values, zipcodes
from parsers.fax.asides import code_in_aside
from parsers.fax.bar_code import bar_settled
from parsers.fax.confirm import Images, Region, agrees, paired_confidences, second_reads, text_of, value_of
from parsers.fax.edge_noise import trimmed
from parsers.fax.extract import DATE_PATHS, NAME_PART, NAME_PART_FIELDS, PATHS, READERS
from parsers.fax.far_dates import ORDER_DATE_PATHS, ORDER_YEARS_AROUND_RECEIPT
from parsers.fax.header import HEADER_BAND, header_from_words
from parsers.fax.model import Candidate, Word, conf_of
from parsers.fax.ocr import REREAD_MODEL
from parsers.fax.reading import FaxRead, header_time_ignored
from parsers.fax.reread_outvoted import doubted, outvoted
from parsers.fax.row_marks import needs_standard_read

# Every field read from an image needs a second, independent reading (or a check digit, or the
# same value elsewhere) before a record may be ready: names and phones are misread as often as
# dates ('Walter' as 'Waiter'), and a plausible wrong value is the failure that matters.
from parsers.fax.verify_codes import (
    agreed_row,
    borne_out,
    code_agrees,
    code_needs_read,
    code_region,
    crop_values,
    row_regions,
)

PATH_KIND = {path: kind for (kind, _), path in PATHS.items()} | {path: kind for kind, path in DATE_PATHS.items()}
PATH_KIND["ordering_provider.name"] = "name"
PATH_KIND["signature.date"] = "order_date"  # any date reader will do
# a name asked for in parts: each part read and confirmed as a name is
NAME_PART_PATHS = {f"{party}{field}" for party in ("member", "ordering_provider") for field in NAME_PART_FIELDS}
PATH_KIND |= dict.fromkeys(NAME_PART_PATHS, NAME_PART)
UNCHECKED = {"member.sex"}  # one letter: a crop of it alone reads too unreliably to be a check
CRITICAL = set(PATH_KIND) - UNCHECKED
LINE_SEP = {"member.address": ", "}  # a street line and a city line read as one value
CASELESS = {"member.name", "ordering_provider.name", "servicing_provider.name", "payer.name", *NAME_PART_PATHS}
THIRD_SCALE = 1.5  # the third read: the cleaned page, enlarged (the second read took the grey page as it is)
# Values a third read may confirm: digits in a fixed shape with a range or check of their own. Not
# ids or a birth date (the plausible misread that matters most): a doubtful character there is settled
# only by the standard model's read of the cleaned crop (verify_model.py), else it stays a finding.
THIRD_READ_KINDS = {"npi", "phone", "fax", "order_date", "start_date", "discharge_date"}
# Names, organisations and addresses too, unless the doubtful character was a near tie (Word.tied):
# three reads agreed on 'Waiter' for 'Walter', where 'i' and 'l' were 86 and 81; a rival at half
# the first choice's confidence ('Health', 'l' 91 against 'i' 47) is settled by an agreeing third read.
TEXT_THIRD_READ_KINDS = {"name", NAME_PART, "org", "address"}
# A name or organisation whose third read (the fast model again) kept its doubt is read by the standard
# model (grey page, 2x): another network, not the same misgiving twice ('Doe' whose e rivalled g in the
# second and third reads); its read with no doubtful character confirms the value, nothing else does.
DOUBTED_TWICE_KINDS = {"name", NAME_PART, "org"}
# Organisation and address words are checked against a word list: a rival letter that turns a known
# word into none ('Health' whose 'l' rivals 'i') is no doubt (lexicon.py). Not names: 'Wiison' or
# 'Hejen' are no words, yet a person's name may be any spelling.
WORD_LIST_KINDS = {"org", "address"}
# A second read that gave no value at all ('2026}11-20', '914-555/9399') neither agrees nor
# contradicts: these kinds then get another read from the grey page, enlarged (other preprocessing
# than the page read's), and an agreeing read with no doubtful character confirms the value. Not
# names, ids or a birth date (as for the third read above).
UNREAD_KINDS = {"npi", "phone", "fax", "order_date", "start_date", "discharge_date", "org", "address"}
UNREAD_SCALE = 2.0
# A second read that gives the page read's value but that tesseract scored below this (0: it kept the
# characters with no belief in them; 'H585828770' read as '4585828770' twice, the second time at 0) is a
# weak confirmation: the standard model (another network) reads the crop (grey page, enlarged), and when
# it gives another value of the kind (and no rival of its characters gives the page read's) the value is
# unconfirmed. Its giving the same value, nothing, or no value of the kind changes nothing.
UNSCORED = 0.01
RUN = re.compile(r"[^\W\d_]+|\d+")  # a run of letters or of digits


def second_read(state: FaxRead) -> None:
    """Re-read every unconfirmed critical value and service row once more, all in one OCR pass; a
    value whose second read agreed but had a doubtful character is read a third time (grey page)."""
    wanted = [c for c in state.candidates if _needs_second_read(state, c)]
    on_layer = state.text_layer_pages
    rows = [s for s in state.services if s.row.page not in on_layer]
    regions = [Region(f"c{i}", c.page, c.bbox) for i, c in enumerate(wanted)]
    for i, s in enumerate(rows):
        regions += row_regions(f"s{i}", s)
    codes = [d for d in state.diagnoses if code_needs_read(state, d) and d.page not in on_layer]
    regions += [code_region(f"d{i}", d) for i, d in enumerate(codes)]
    regions += _header_region(state)
    images = state.page_images("straight", "clean")
    reads = second_reads(regions, images, state.engine) if regions else {}
    agreed = {id(c): _agreement_less_noise(c, reads.get(f"c{i}", [])) for i, c in enumerate(wanted)}
    confirmed = {key: conf for key, conf in agreed.items() if conf is not None}
    unscored = [c for c in wanted if (conf := agreed[id(c)]) is not None and conf < UNSCORED]
    wanted_left = [c for c in wanted if id(c) not in confirmed]
    joint = {id(c): paired_confidences(c.words, reads.get(f"c{i}", [])) for i, c in enumerate(wanted)}
    confirmed |= _same_characters(wanted_left, reads, wanted)
    third, contested = _third_reads(
        [c for c in wanted_left if id(c) not in confirmed], reads, wanted, images, state, unscored
    )
    confirmed = {key: conf for key, conf in (confirmed | third).items() if key not in contested}
    state.candidates = [_confirmed(c, confirmed.get(id(c)), *joint.get(id(c), (None, None))) for c in state.candidates]
    state.second_words = {id(c): reads.get(f"c{i}", []) for i, c in enumerate(wanted) if id(c) not in confirmed}
    for i, s in enumerate(rows):
        aside = code_in_aside(s.row.words, s.code.word)
        shown = state.row_crops[id(s)] = crop_values(reads, f"s{i}", state.ctx.code_sets, aside)
        row = agreed_row(s, *shown, state.reread_parts.get(id(s), set()))
        if row is not None and not needs_standard_read(row[1]):
            state.confirmed_rows[id(s)] = row
        elif row is not None:
            continue  # left open for the standard model (verify_rows.model_rows)
        elif (against := outvoted(state, s, *shown) or doubted(s, *shown)) is not None:
            state.outvoted[id(s)] = against
    agreed_codes = {
        id(d)
        for i, d in enumerate(codes)
        if code_agrees(d, reads.get(f"d{i}", []), state.ctx.code_sets) or borne_out(d, reads.get(f"d{i}", []))
    }
    state.fast_codes |= agreed_codes  # read by the fast model twice: verify_fast.contest_fast_codes
    state.confirmed_codes |= agreed_codes | {
        id(d) for i, d in enumerate(codes) if bar_settled(state, d, reads.get(f"d{i}", []))
    }
    _header_again(state, reads.get("header", []))


def _agreement_less_noise(cand: Candidate, words: list[Word]) -> float | None:
    """The read's agreement (agreement), or else its agreement once the specks or rule glued to its words'
    edges the page read lacks are taken off ('H238102671°', 'Evergreen.': edge_noise.py)."""
    agreed = agreement(cand, words)
    if agreed is not None:
        return agreed
    less = trimmed(cand.words, words)
    return agreement(cand, less) if less is not None else None


def _needs_second_read(state: FaxRead, cand: Candidate) -> bool:
    """Unconfirmed critical values; and NPIs whose check digit holds but whose read was unsure (one
    misread in ten still passes a check digit), so an agreeing read can lift their confidence."""
    if cand.path not in CRITICAL:
        return False
    if cand.confirmed_by == "check_digit":
        return cand.conf < state.ctx.ocr_confidence_threshold
    return cand.confirmed_by is None


def _confirmed(
    cand: Candidate, second_conf: float | None, joint_conf: float | None = None, surer_conf: float | None = None
) -> Candidate:
    if second_conf is None:
        return cand
    by = cand.confirmed_by or "second_read"
    return dataclasses.replace(
        cand, confirmed_by=by, second_conf=second_conf, joint_conf=joint_conf, surer_conf=surer_conf
    )


def agreement(cand: Candidate, words: list[Word], doubt_allowed: bool = False) -> float | None:
    """The agreeing read's lowest word confidence (0..1), or None when it does not agree."""
    sep = LINE_SEP.get(cand.path, " ")
    known = lexicon.known_or_compound if PATH_KIND[cand.path] in WORD_LIST_KINDS else None
    agreed = agrees(_key(cand), words, _reader(cand), sep, doubt_allowed, known)
    if agreed and known is not None and any(lexicon.near_miss(w.text) for w in words):
        return None  # 'Springtield' read twice is still a misread of Springfield
    return conf_of(words) if agreed else None


def _same_characters(
    doubtful: list[Candidate], reads: dict[str, list[Word]], wanted: list[Candidate]
) -> dict[int, float]:
    """Values whose second read gave no value only for its punctuation ('2026}11-20' for 2026-11-20,
    '914-555/9399', 'November, 24, 2026.'): its runs of letters and of digits are the page read's,
    run for run, and no character was doubtful. Every letter and digit then agrees, which is what
    two agreeing reads are; a run split or joined differently ('202611-20') is no agreement."""
    keys = {id(c): f"c{i}" for i, c in enumerate(wanted)}
    out = {}
    for cand in doubtful:
        words = reads.get(keys[id(cand)], [])
        if _unread(cand, words) and only_punctuation_differs(cand, words):
            out[id(cand)] = conf_of(words)
    return out


def only_punctuation_differs(cand: Candidate, words: list[Word]) -> bool:
    """No character of the read was doubtful, and its runs of letters and digits are the page read's."""
    return not any(w.ambiguous for w in words) and _runs(text_of(words)) == _runs(first_text(cand))


def _runs(text: str) -> list[str]:
    return RUN.findall(text)


def first_text(cand: Candidate) -> str:
    """The page read's text of the value: its words, or (with none kept) the raw text the value came from."""
    return " ".join(w.text for w in cand.words) or cand.raw


def _unread(cand: Candidate, words: list[Word]) -> bool:
    """The second read gave no value of this kind at all (see UNREAD_KINDS)."""
    return PATH_KIND[cand.path] in UNREAD_KINDS and value_of(words, _reader(cand), LINE_SEP.get(cand.path, " ")) is None


def _garbled(cand: Candidate, words: list[Word]) -> bool:
    """An organisation's or address's second read that is a misread of the page read's words
    (lexicon.misread: a known word come back as no word, or with an accent on a plain letter)."""
    kind = PATH_KIND[cand.path]
    return kind in WORD_LIST_KINDS and lexicon.misread(first_text(cand), text_of(words))


def _settle_by_model(cand: Candidate, words: list[Word]) -> bool:
    """A second read the standard model should settle: a garbled one (_garbled), or one that leans
    to the page read (leans_to)."""
    return _garbled(cand, words) or leans_to(cand, words)


EDGE_LOSS_KINDS = {"order_date", "start_date", "discharge_date"}


def _lost_at_edge(cand: Candidate, words: list[Word]) -> bool:
    """A date's second read that is the page read's characters less one at an end ('1/21/2026' for
    11/21/2026: the first 1, a fax streak crossing it on the grey page, lost at the crop's edge), with
    no doubtful character: another date only by the lost character, so it neither agrees nor
    contradicts; the standard model reads the crop from the cleaned page (the streak removed)."""
    if PATH_KIND[cand.path] not in EDGE_LOSS_KINDS or not words or any(w.ambiguous for w in words):
        return False
    first, second = first_text(cand).strip(), text_of(words).strip()
    return len(second) == len(first) - 1 > 0 and second in (first[1:], first[:-1])


def leans_to(cand: Candidate, words: list[Word]) -> bool:
    """A second read that gives the page read's value once a doubtful character is put as its rival
    ('559-5084' whose 9 rivals 5, for 555-5084): it neither agrees nor contradicts. Not for names,
    ids and the birth date, which get no third read."""
    if PATH_KIND[cand.path] not in THIRD_READ_KINDS | WORD_LIST_KINDS or not words:
        return False
    text, reader, first = text_of(words, LINE_SEP.get(cand.path, " ")), _reader(cand), _key(cand)
    pairs = {pair for w in words for pair in w.rivals}
    return any(
        reader(text[:at] + rival + text[at + 1 :]) == first
        for chosen, rival in pairs
        for at in (i for i, ch in enumerate(text) if ch == chosen)
    )


def _third_reads(
    doubtful: list[Candidate],
    reads: dict[str, list[Word]],
    wanted: list[Candidate],
    images: Images,
    state: FaxRead,
    unscored: list[Candidate] = [],  # noqa: B006 (never changed)
) -> tuple[dict[int, float], set[int]]:
    """Values whose second read gave the same value but with a close rival for some character: their
    crops from the cleaned page, enlarged, read once more; three reads that agree, the last with no
    doubtful character, confirm the value (at the lower confidence of the last two). Values whose
    second read gave no value (UNREAD_KINDS), or only a garbled one (_garbled, read this time by the
    standard model): their crops from the grey page, enlarged, read once more; an agreeing read with
    no doubtful character confirms the value (at its confidence), as it does a name or organisation
    whose third read kept its doubt (_doubted_twice). With these, the set of the `unscored`
    values (UNSCORED) whose crop the standard model read as another value (_contradicts)."""
    keys = {id(c): f"c{i}" for i, c in enumerate(wanted)}
    second = {id(c): agreement(c, reads.get(keys[id(c)], []), True) for c in doubtful}
    again = [c for c in doubtful if second[id(c)] is not None and _third_read_may(c, reads.get(keys[id(c)], []))]
    unread = [c for c in doubtful if second[id(c)] is None and _unread(c, reads.get(keys[id(c)], []))]
    garbled = [c for c in doubtful if second[id(c)] is None and _settle_by_model(c, reads.get(keys[id(c)], []))]
    edged = [c for c in doubtful if second[id(c)] is None and _lost_at_edge(c, reads.get(keys[id(c)], []))]
    regions = [Region(f"t{i}", c.page, c.bbox, THIRD_SCALE, "clean") for i, c in enumerate(again)]
    regions += [Region(f"u{i}", c.page, c.bbox, UNREAD_SCALE, "straight") for i, c in enumerate(unread)]
    third = second_reads(regions, images, state.engine) if regions else {}
    garbled += [c for i, c in enumerate(unread) if _kept_doubt(c, third.get(f"u{i}", []))]
    garbled += [c for i, c in enumerate(again) if _doubted_twice(c, third.get(f"t{i}", []))]
    if garbled or edged:  # the fast model garbled these words once: the standard model reads them
        regions = [Region(f"g{i}", c.page, c.bbox, UNREAD_SCALE, "straight") for i, c in enumerate(garbled)]
        regions += [Region(f"e{i}", c.page, c.bbox, THIRD_SCALE, "clean") for i, c in enumerate(edged)]
        third |= second_reads(regions, images, state.engine, REREAD_MODEL)
    if unscored:  # a stack of their own: the crops above read as they did without them
        regions = [Region(f"z{i}", c.page, c.bbox, UNREAD_SCALE, "straight") for i, c in enumerate(unscored)]
        third |= second_reads(regions, images, state.engine, REREAD_MODEL)
    out = {}
    for i, c in enumerate(again):
        conf = agreement(c, third.get(f"t{i}", []))
        if conf is not None:
            out[id(c)] = min(conf, second[id(c)] or 0.0)
    for key, group in (("u", unread), ("g", garbled), ("e", edged)):
        found = {id(c): agreement(c, third.get(f"{key}{i}", [])) for i, c in enumerate(group)}
        out |= {ident: conf for ident, conf in found.items() if conf is not None}
    return out, {id(c) for i, c in enumerate(unscored) if _contradicts(c, third.get(f"z{i}", []))}


def _contradicts(cand: Candidate, words: list[Word]) -> bool:
    """The read gives another value of the candidate's kind from other glyphs in the same places (its
    letters and digits as many as the page read's, some of them others: 'H585828770' for '4585828770'; not
    another parse of the crop, a line or word lost or joined), and no rival of its characters gives the
    candidate's value (a doubt bars a read from confirming a value, not from contesting one)."""
    if not words:
        return False
    text, reader, first = text_of(words, LINE_SEP.get(cand.path, " ")), _reader(cand), _key(cand)
    if reader(text) in (None, first) or not _same_places(first_text(cand), text):
        return False
    pairs = {pair for w in words for pair in w.rivals}
    return not any(
        reader(text[:at] + rival + text[at + 1 :]) == first
        for chosen, rival in pairs
        for at in (i for i, ch in enumerate(text) if ch == chosen)
    )


def _same_places(first: str, second: str) -> bool:
    """As many letters and digits in both texts, some of them others (case aside)."""
    a, b = [ch.casefold() for ch in first if ch.isalnum()], [ch.casefold() for ch in second if ch.isalnum()]
    return len(a) == len(b) and a != b


def _kept_doubt(cand: Candidate, words: list[Word]) -> bool:
    """The fast model's grey read gives the value only with a doubtful character ('06901' whose 0
    rivals 9): the standard model reads the crop too (as a garbled read's)."""
    return agreement(cand, words) is None and agreement(cand, words, doubt_allowed=True) is not None


def _doubted_twice(cand: Candidate, third: list[Word]) -> bool:
    """A name or organisation (DOUBTED_TWICE_KINDS) whose third read gives it again only with a doubtful
    character: the standard model reads its crop."""
    return PATH_KIND[cand.path] in DOUBTED_TWICE_KINDS and _kept_doubt(cand, third)


def _third_read_may(cand: Candidate, second: list[Word]) -> bool:
    """Whether a third read may settle this value's doubtful second read (see TEXT_THIRD_READ_KINDS)."""
    kind = PATH_KIND[cand.path]
    return kind in THIRD_READ_KINDS or (kind in TEXT_THIRD_READ_KINDS and not any(w.tied for w in second))


def _header_region(state: FaxRead) -> list[Region]:
    """Page 1's header band, enlarged, when the page read gave no transmission time."""
    if any(h.sent_at or h.unsure_at for h in state.headers) or 1 not in state.prepared:
        return []  # (a time read unsurely is not read again: the file's arrival time stands, at no OCR cost)
    page = state.pages[0]
    return [Region("header", 1, (0, 0, page.width, int(HEADER_BAND * page.height)), 1.0)]


def _header_again(state: FaxRead, words: list[Word]) -> None:
    tz = state.ctx.received_at.tzinfo
    found = header_from_words(words, tz, state.header_sure) if words and tz is not None else None
    if found is not None and found.sent_at is not None:
        state.headers.insert(0, found)
    elif found is not None and found.unsure_at is not None:
        header_time_ignored(state, "could not be read surely")


def _key(cand: Candidate) -> object:
    return _caseless(cand.value) if cand.path in CASELESS else cand.value


def reader_of(cand: Candidate) -> Callable[[str], object | None]:
    """The reader a read of the candidate's crop is given to: its value, as the candidate's is kept."""
    return _reader(cand)


def _reader(cand: Candidate) -> Callable[[str], object | None]:
    if cand.path.endswith(".npi"):
        return lambda text: _npi_value(text)
    read = READERS[PATH_KIND[cand.path]]
    if PATH_KIND[cand.path] == "address":
        return lambda text: found.value if (found := read(text)) is not None and zipcodes.fits(found.value) else None
    if PATH_KIND[cand.path] in ("name", NAME_PART):  # the re-read's letters, whatever marks or case it added
        return lambda text: _caseless(found.value) if (found := read(values.plain_name_text(text))) else None
    if cand.path in CASELESS:
        return lambda text: _caseless(found.value) if (found := read(text)) is not None else None
    if cand.path in ORDER_DATE_PATHS and isinstance(cand.value, dt.date):
        return lambda text: found.value if (found := read(text)) is not None and _same_era(found.value, cand) else None
    return lambda text: found.value if (found := read(text)) is not None else None


def _same_era(value: object, cand: Candidate) -> bool:
    """An order's date read otherwise ('2626' for '2026': a 0 whose rival is 6) years further from the
    first read than an order's dates may lie from each other around its receipt (far_dates.py) is a date
    the order cannot hold, no other reading of it: such a rival is no doubt."""
    first = cand.value
    assert isinstance(first, dt.date)
    return not isinstance(value, dt.date) or abs(value.year - first.year) <= 2 * ORDER_YEARS_AROUND_RECEIPT


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
