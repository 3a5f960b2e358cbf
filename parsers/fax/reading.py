"""The state one fax read passes through its stages, and the stages up to field candidates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from parsers.context import ParseContext
from parsers.fax import header as fax_header
from parsers.fax.block_npi import block_npis
from parsers.fax.boxes import box_ids, box_phones
from parsers.fax.cells import blank_cells, find_cells, read_cells
from parsers.fax.checkbox import (
    Ticked,
    captioned_service_type,
    ticked_service_type,
    ticked_sex,
    titled_service_type,
)
from parsers.fax.closing import signed_letter
from parsers.fax.code_sweep import loose_diagnoses, loose_services
from parsers.fax.codes_in_values import outside_values
from parsers.fax.codes_over import diagnoses_over_captions
from parsers.fax.colon_column import colons_in_column
from parsers.fax.dateline import dateline
from parsers.fax.diagnosis_codes import diagnosis_reads
from parsers.fax.extract import PageText, candidates, labelled_hits, path_of, runs_into_caption
from parsers.fax.labels import LabelHit
from parsers.fax.layout import page_segments
from parsers.fax.letterhead import supplier_heading
from parsers.fax.model import Candidate, Page, Word
from parsers.fax.nearby import under_style
from parsers.fax.ocr import PAGE_CONFIG, OcrEngine, one_bit, words_of
from parsers.fax.pages import read_pages
from parsers.fax.preprocess import DEFAULT_STEPS, Prepared, Steps, binarized, cleaned, prepare
from parsers.fax.prose import payer_in_prose, plan_over_title, provider_by_credentials, sex_in_prose
from parsers.fax.ranked_boxes import diagnoses_in_ranked_boxes
from parsers.fax.service_dates import start_from_table
from parsers.fax.services import CodeRead, ServiceRead, service_reads
from parsers.fax.signature import SignatureRead, find_signature
from parsers.fax.synonyms import NOT_A_FIELD
from parsers.fax.ticked_rows import ticked_only
from referrals.domain import Finding, Severity

COVER_WORDS = re.compile(r"fax cover|cover sheet|transmittal", re.IGNORECASE)
COVER_PAGES = re.compile(r"\bpages?\s*[:#]?\s*(\d{1,3})\b", re.IGNORECASE)
CONTINUED = re.compile(r"\bcontinued\b|\bcont'?d\b", re.IGNORECASE)  # 'Referral (continued)', 'continued on page 2'
MIN_ORDER_LABELS = 3
INK_STEPS = Steps(deskew=False, binarize=True, despeckle=True, remove_lines=True)  # target_dpi unused here


@dataclass
class FaxRead:
    ctx: ParseContext
    engine: OcrEngine
    kind: str
    steps: Steps = DEFAULT_STEPS
    pages: list[Page] = field(default_factory=list)
    prepared: dict[int, Prepared] = field(default_factory=dict)
    texts: list[PageText] = field(default_factory=list)
    hits: dict[int, list[LabelHit]] = field(default_factory=dict)
    headers: list[fax_header.FaxHeader] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    diagnoses: list[CodeRead] = field(default_factory=list)
    services: list[ServiceRead] = field(default_factory=list)
    signature: SignatureRead | None = None
    ticked: Ticked | None = None
    confirmed_rows: dict[int, tuple[str, int]] = field(default_factory=dict)  # id(ServiceRead) -> agreed
    confirmed_codes: set[int] = field(default_factory=set)  # id(CodeRead) of diagnoses a second read agreed with
    fast_codes: set[int] = field(default_factory=set)  # ... of those, the ones only the fast model's reads confirmed
    reread_parts: dict[int, set[str]] = field(default_factory=dict)  # id(ServiceRead) -> parts two re-reads agreed on
    outvoted: dict[int, tuple[str, int]] = field(default_factory=dict)  # id(ServiceRead) -> both crops' row
    row_crops: dict[int, tuple[list[object | None], list[object | None]]] = field(default_factory=dict)  # codes, qtys
    second_words: dict[int, list[Word]] = field(default_factory=dict)  # id(Candidate) -> its second read, unconfirmed
    contested_modifiers: set[int] = field(default_factory=set)  # id(ServiceRead) whose modifier a re-read saw otherwise
    screened: dict[int, list[tuple[int, int, int, int]]] = field(default_factory=dict)  # page -> screened bands' boxes

    def finding(
        self,
        path: str | None,
        code: str,
        message: str,
        page: int | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.findings.append(Finding(field=path, code=code, severity=severity, message=message, page=page))

    @property
    def text_layer_pages(self) -> set[int]:
        """The pages read from a text layer (e-fax): their characters are the sender's own."""
        return {p.number for p in self.pages if p.text_layer}

    @property
    def header_sure(self) -> float:
        """How surely (0-100) the fax header's time must be read to be the receipt time: as any field."""
        return 100 * self.ctx.ocr_confidence_threshold

    @property
    def received_at(self) -> dt.datetime:
        """The fax's own transmission time (its header line) is the receipt time; else the file's."""
        return next((h.sent_at for h in self.headers if h.sent_at is not None), self.ctx.received_at)

    def page_images(self, *kinds: str) -> dict[tuple[int, str], Image.Image]:
        """Each prepared page's image of each kind, keyed as confirm.Region names them: 'straight' (the
        grey page, straightened) and 'clean' (the cleaned page the page read took)."""
        of_kind = {"straight": lambda page: page.straight, "clean": lambda page: page.ocr_image}
        return {(number, kind): of_kind[kind](page) for kind in kinds for number, page in self.prepared.items()}

    @property
    def order_texts(self) -> list[PageText]:
        return [t for t in self.texts if t.page.kind == "order"]


def load(state: FaxRead) -> None:
    state.pages = read_pages(state.ctx.path, state.kind, state.steps.target_dpi)


def ocr(state: FaxRead) -> None:
    for page in state.pages:
        if not page.text_layer and page.image is not None:
            state.prepared[page.number], page.words = _read_page(state, page, page.image)


TURNS = (180, 90, 270)  # tried in this order on a page that reads as gibberish: upside down, then sideways
SIDEWAYS_TURNS = (90, 270, 180)  # ... first a quarter turn when its words stand taller than wide


def _read_page(state: FaxRead, page: Page, image: Image.Image) -> tuple[Prepared, list[Word]]:
    """The page's words; a page that reads as gibberish is tried again turned (upside down, then a
    quarter either way), and the turn that reads best is kept if it reads better."""
    prepared = prepare(image, state.steps)
    words = _words(state, prepared)
    if _reads_well(words):
        return prepared, words
    best: tuple[int, Prepared, list[Word]] = (0, prepared, words)
    for turn in SIDEWAYS_TURNS if _stand_up(words) else TURNS:
        turned = prepare(image.rotate(turn, expand=True), state.steps)
        turned_words = _words(state, turned)
        if _well_read(turned_words) > _well_read(best[2]):
            best = (turn, turned, turned_words)
        if _reads_well(turned_words):
            break
    turn, prepared, best_words = best
    if turn == 0:
        return prepared, words
    return prepared, best_words + _turned_page(state, page, image, turn, words)


def _turned_page(state: FaxRead, page: Page, image: Image.Image, turn: int, words: list[Word]) -> list[Word]:
    """Keep the page turned (with a warning); the fax machine's header line stays on top the right
    way up: its first reading is kept (only when the turn keeps the page's width: a quarter turn
    moves every word, so the header read turned with the page is all there is)."""
    page.image = image.rotate(turn, expand=True)
    page.width, page.height = page.image.size
    code, side = ("page_upside_down", "upside down") if turn == 180 else ("page_sideways", "sideways")
    message = f"Page {page.number} came {side} and was turned."
    state.finding(None, code, message, page=page.number, severity=Severity.WARNING)
    if turn != 180:
        return []
    return [w for w in words if w.top + w.height / 2 < fax_header.HEADER_BAND * page.height]


def _words(state: FaxRead, prepared: Prepared) -> list[Word]:
    """The page read around its ruled cells, and every cell read on its own (see cells.py)."""
    clean = np.asarray(prepared.ocr_image)
    binary = state.steps.binarize  # the cleaned page is black and white: read as 1-bit (ocr.one_bit)
    if not state.steps.cells:
        return words_of(state.engine.data(_as_read(prepared.ocr_image, binary), PAGE_CONFIG))
    bits = prepared.bits if prepared.bits is not None else binarized(np.asarray(prepared.straight))
    found = find_cells(bits, state.steps.target_dpi, prepared.angle)
    around = Image.fromarray(blank_cells(clean, found)) if found else prepared.ocr_image
    page_words = words_of(state.engine.data(_as_read(around, binary), PAGE_CONFIG))
    return page_words + read_cells(clean, found, state.engine, binary)


def _as_read(image: Image.Image, binary: bool) -> Image.Image:
    return one_bit(image) if binary else image


MIN_WELL_READ = 20


def _well_read(words: list[Word]) -> int:
    """Words OCR is sure of, lying along the line: a right-way-up page of text has many, an upside-down
    one almost none. A word standing taller than wide was read down a sideways page (tesseract reads
    vertical lines too): it does not count, or a page read sideways would pass for read."""
    return sum(1 for w in words if w.conf >= 80 and len(w.text) >= 3 and w.text.isalpha() and w.width > w.height)


def _stand_up(words: list[Word]) -> bool:
    """The page's text runs downwards: most words of three or more characters stand taller than wide
    (whether tesseract made sense of them or not), as a page turned a quarter gives them."""
    long = [w for w in words if len(w.text) >= 3]
    tall = sum(1 for w in long if w.height > w.width)
    return tall >= MIN_WELL_READ and tall > len(long) / 2


def _reads_well(words: list[Word]) -> bool:
    return _well_read(words) >= MIN_WELL_READ


# How far a fax header's time may stand from the file's own arrival and still be its receipt time:
# sent up to two months before the file's time (a file copied or re-run later), not a day after it
# (a fax machine's clock a time zone off is no later than that).
HEADER_BEFORE, HEADER_AFTER = dt.timedelta(days=60), dt.timedelta(days=1)


def read_headers(state: FaxRead) -> None:
    tz = state.ctx.received_at.tzinfo
    for page in state.pages:
        found = fax_header.read_header(page, tz, state.header_sure) if tz is not None else None
        if found is not None:
            state.headers.append(_plausible(state, found))
        page.words = fax_header.body_words(page)
    if state.headers and not any(h.sent_at for h in state.headers) and any(h.unsure_at for h in state.headers):
        header_time_ignored(state, "could not be read surely")


def header_time_ignored(state: FaxRead, why: str) -> None:
    """A warning (once) that the fax header's time is not the receipt time: the file's arrival is."""
    if not any(f.code == "fax_header_time_ignored" for f in state.findings):
        message = f"The fax header's date and time {why}; the file's arrival time is used."
        state.finding(None, "fax_header_time_ignored", message, severity=Severity.WARNING)


def _plausible(state: FaxRead, header: fax_header.FaxHeader) -> fax_header.FaxHeader:
    """The header, less a time far from the file's arrival: a misread year ('2626') or a fax machine
    whose clock was never set would make every date on the order look urgent or long overdue."""
    sent, arrived = header.sent_at, state.ctx.received_at
    if sent is None or arrived - HEADER_BEFORE <= sent <= arrived + HEADER_AFTER:
        return header
    header_time_ignored(state, "are far from when the file arrived")
    return dataclasses.replace(header, sent_at=None)


def layout(state: FaxRead) -> None:
    for page in state.pages:
        page.words = colons_in_column(page.words)  # 'Name  i Wilson, Walter': the 'i' is the colon
        lines, segments = page_segments(page) if page.words else ([], [])
        text = PageText(page, lines, segments)
        state.texts.append(text)
        state.hits[page.number] = labelled_hits(text)


def classify(state: FaxRead) -> None:
    """Cover sheet, order, or other, by what is written on each page; a page an order continues onto
    (either page says so: 'continued on page 2', 'Referral (continued)') is part of the order."""
    before: PageText | None = None
    for text in state.texts:
        body = _body(text)
        fields = {hit.kind for hit in state.hits[text.page.number]} - {NOT_A_FIELD}
        if COVER_WORDS.search(body) and len(fields) < MIN_ORDER_LABELS + 2:
            text.page.kind = "cover"
        elif len(fields) >= MIN_ORDER_LABELS or (before is not None and _continues(before, text)):
            text.page.kind = "order"
        else:
            text.page.kind = "other"
        before = text


def _body(text: PageText) -> str:
    return " ".join(line.text for line in text.lines)


def _continues(before: PageText, text: PageText) -> bool:
    """`text` is the next page of the order on `before`: the order says it goes on, or the page says it
    continues one."""
    return before.page.kind == "order" and bool(CONTINUED.search(_body(before)) or CONTINUED.search(_body(text)))


def check_page_count(state: FaxRead) -> None:
    """A cover sheet's (or fax header's) page count against the pages received."""
    expected = [
        int(m.group(1))
        for t in state.texts
        if t.page.kind == "cover"
        for m in [COVER_PAGES.search(" ".join(line.text for line in t.lines))]
        if m
    ]
    expected += [h.page_of[1] for h in state.headers if h.page_of]
    received = len(state.pages)
    if expected and max(expected) > received:
        state.finding(
            None,
            "pages_missing",
            f"The fax announces {max(expected)} pages but {received} arrived; "
            "ask the sender to send the missing pages again.",
        )


def find_fields(state: FaxRead) -> None:
    under = any(under_style(t, state.hits[t.page.number]) for t in state.order_texts)
    state.texts = [dataclasses.replace(t, captions_under=under) for t in state.texts]  # one sender's form
    for text in state.order_texts:
        hits = state.hits[text.page.number]
        state.candidates.extend(candidates(text, hits))
        state.candidates.extend(start_from_table(text, state.candidates))
        _unsure_payer(state, hits)
        state.candidates.extend(provider_by_credentials(text))
        state.candidates.extend(supplier_heading(text, hits))
        state.candidates.extend(sex_in_prose(text))
        state.candidates.extend(payer_in_prose(text.lines))
        state.candidates.extend(plan_over_title(text, hits, state.candidates))
        state.candidates.extend(box_phones(text, hits))
        state.candidates.extend(box_ids(text, hits))
        state.candidates.extend(block_npis(text, hits, state.candidates))
        over = list(diagnoses_over_captions(text, state.ctx.code_sets)) if under_style(text, hits) else []
        reads = over or list(diagnosis_reads(text, state.ctx.code_sets))
        reads = reads or list(diagnoses_in_ranked_boxes(text, hits, state.ctx.code_sets))
        state.diagnoses.extend(outside_values(reads, state.candidates))
        ink = functools.cache(functools.partial(ink_image, state, text.page))  # cleaned once, if asked for
        rows = service_reads(text, state.ctx.code_sets)
        state.services.extend(ticked_only(rows, ink(), state.steps.target_dpi))
        _loose_codes(state, text, ink)
        if state.signature is None:
            found = find_signature(text, ink(), state.steps.target_dpi)
            state.signature = signed_letter(found, text, ink(), state.steps.target_dpi)
            state.candidates.extend(_signature_date(state.signature))
        if state.ticked is None:
            state.ticked = (
                ticked_service_type(text, ink(), state.steps.target_dpi)
                or captioned_service_type(text)
                or titled_service_type(text, ink(), state.steps.target_dpi)
            )
        if any(hit.kind == "sex" for hit in hits):
            state.candidates.extend(ticked_sex(text, hits, ink(), state.steps.target_dpi))
    for text in state.order_texts:  # a date line counts only when no page labels the order date
        state.candidates.extend(dateline(text, state.candidates, state.received_at.date()))


def _loose_codes(state: FaxRead, text: PageText, ink: Callable[[], Image.Image | None]) -> None:
    """Codes on the page no section reader took, found by their shape (code_sweep.py)."""
    sets, dpi = state.ctx.code_sets, state.steps.target_dpi
    state.diagnoses.extend(list(loose_diagnoses(text, sets, state.diagnoses, ink, dpi)))
    state.services.extend(list(loose_services(text, sets, state.services, ink, dpi)))


def _unsure_payer(state: FaxRead, hits: list[LabelHit]) -> None:
    """A finding for a payer's name whose end is unsure (extract.runs_into_caption), left null."""
    for hit, after in itertools.pairwise(hits):
        if after.segment is hit.segment and runs_into_caption(hit, after, path_of(hit)):
            state.finding(
                "payer.name",
                "unconfirmed_value",
                "The payer's name runs into another caption on its line, so where it ends is unsure; "
                "check the page and enter it.",
                page=hit.segment.page,
            )


def _signature_date(read: SignatureRead | None) -> list[Candidate]:
    """The date beside the signature, a field like any other (it needs its second read too)."""
    if read is None or read.date is None or read.date_bbox is None:
        return []
    return [
        Candidate(
            path="signature.date",
            value=read.date,
            page=read.page,
            bbox=read.date_bbox,
            conf=read.date_conf,
            method="label",
            raw=read.date_raw,
        )
    ]


def ink_image(state: FaxRead, page: Page) -> Image.Image | None:
    """The page without form lines and specks, where only strokes like a signature are left."""
    prepared = state.prepared.get(page.number)
    if prepared is not None and _cleaned_for_ink(state.steps):
        return prepared.ocr_image  # the same clean-up of the same straightened page, done once
    source = prepared.straight if prepared is not None else page.image
    if source is None:
        return None
    bits = prepared.bits if prepared is not None else None
    return Image.fromarray(cleaned(np.asarray(source), INK_STEPS, bits))


def _cleaned_for_ink(steps: Steps) -> bool:
    """True when the page OCR read was cleaned exactly as the ink checks need it."""
    return (steps.binarize, steps.despeckle, steps.remove_lines) == (True, True, True)
