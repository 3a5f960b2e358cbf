"""The fax parser: one orchestration function, a list of stages passing one FaxRead along."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytesseract

from parsers.base import ParsedItem, rejected_document
from parsers.context import ParseContext
from parsers.fax import (
    century,
    code_titles,
    date_elsewhere,
    far_dates,
    first_checks,
    lost_qualifier,
    outvote_digits,
    patient_label,
    reading,
    reread,
    reread_address,
    reread_captions,
    reread_cell,
    reread_fields,
    reread_lost,
    reread_option,
    reread_outvoted,
    reread_under,
    settle_address,
    settle_id,
    shaded_bands,
    small_captions,
    verify,
    verify_empty,
    verify_fast,
    verify_lift,
    verify_model,
    verify_modifiers,
    verify_rows,
    verify_standard,
    vote,
)
from parsers.fax.assemble import build
from parsers.fax.ocr import OcrEngine, default_engine
from parsers.fax.pages import UnreadableFile, kind_of
from parsers.fax.preprocess import DEFAULT_STEPS, Steps
from referrals.domain import Record, SourceKind, status_from_findings

LOG = logging.getLogger(__name__)
STAGES: list[Callable[[reading.FaxRead], None]] = [
    reading.load,
    reading.ocr,
    reading.read_headers,
    lost_qualifier.reread_lost_qualifiers,
    small_captions.reread_small_captions,
    reading.layout,
    shaded_bands.reread_shaded_bands,
    reread_captions.reread_captions,
    reread_under.reread_captions_under,
    reading.classify,
    reading.check_page_count,
    reading.find_fields,
    shaded_bands.drop_mark_values,
    reread.reread_failing,
    reread_cell.reread_count_cells,
    reread_lost.reread_lost_codes,
    reread_fields.reread_failing_fields,
    first_checks.flag_unread_address,
    first_checks.mark_text_layer,
    first_checks.normalise_npis,
    first_checks.mark_repeated,
    verify.second_read,
    verify_empty.read_empty_names,
    reread_address.reread_address_parts,
    verify_model.model_read,
    reread_outvoted.reread_outvoted,
    verify_rows.model_rows,
    verify_modifiers.contest_modifiers,
    verify_standard.misread_page_read,
    settle_address.settle_by_standard,
    vote.three_reads,
    verify_lift.clean_garbled,
    outvote_digits.outvote_unsure,
    settle_id.settle_ids,
    patient_label.named_on_label,
    verify_fast.contest_fast_reads,
    verify_fast.contest_fast_codes,
    verify_standard.standard_read,
    verify_lift.clean_read,
    reread_option.reread_options,
    date_elsewhere.confirm_by_other_date,  # before century.py replaces a two-digit year's candidates
    century.resolve_centuries,
    far_dates.drop_far_dates,
    code_titles.name_by_title,
]
MESSAGES = {
    "unreadable_pdf": "The PDF cannot be opened (damaged, or not a PDF); ask the sender to fax it again.",
    "unreadable_image": "The image cannot be decoded (damaged or truncated); ask the sender to fax it again.",
}


class FaxParser:
    name = "fax"

    def __init__(self, engine: OcrEngine | None = None, steps: Steps = DEFAULT_STEPS) -> None:
        self.engine: OcrEngine = engine or default_engine()
        self.steps = steps

    def accepts(self, head: bytes) -> bool:
        return kind_of(head) is not None

    def parse(self, ctx: ParseContext) -> Iterator[ParsedItem]:
        with ctx.path.open("rb") as fh:
            kind = kind_of(fh.read(16)) or "tiff"
        try:
            yield read_fax(ctx, self.engine, kind, self.steps)
        except pytesseract.TesseractNotFoundError:
            raise  # the machine lacks tesseract: an installation problem, not a bad fax
        except Exception as exc:  # a bug must not lose the fax: it becomes a record for a person
            LOG.error("fax read failed: file %s, %s", ctx.sha256[:12], type(exc).__name__)  # no values: PHI
            yield rejected_document(
                ctx,
                SourceKind.FAX,
                "fax_read_failed",
                f"The fax could not be read (internal error {type(exc).__name__}); the "
                "original is kept: read it by hand and report the file id to support.",
            )


def read_fax(ctx: ParseContext, engine: OcrEngine, kind: str, steps: Steps = DEFAULT_STEPS) -> Record:
    """One fax file -> one referral (or a rejected document when no order is on it)."""
    state = reading.FaxRead(ctx=ctx, engine=engine, kind=kind, steps=steps)
    try:
        for stage in STAGES:
            stage(state)
    except UnreadableFile as exc:
        return rejected_document(ctx, SourceKind.FAX, exc.code, MESSAGES[exc.code])
    if not state.order_texts:
        return rejected_document(
            ctx,
            SourceKind.FAX,
            "not_an_order",
            "No order form, letter or referral was found in this fax (only a cover sheet or "
            "unreadable pages); check the fax and ask the sender for the order.",
        )
    referral = build(state)
    referral.status = status_from_findings(referral.findings)
    return referral
