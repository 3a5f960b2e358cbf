"""Labels in a segment: the synonyms' matches (synonyms.py), a garbled caption or phrase (fuzzy.py), longest
first where they overlap; weak ones only where a caption stands (a segment's start, before ':' or '#')."""

from __future__ import annotations

import dataclasses
import functools
import re

from parsers.fax import lexicon
from parsers.fax.caption_gap import caption_before_gap
from parsers.fax.caption_tail import with_garbled_tail
from parsers.fax.fuzzy import fold_accents, fuzzy_caption, fuzzy_phrases, one_edit
from parsers.fax.garbled_lead import garbled_lead
from parsers.fax.lookalike_caption import lookalike_caption
from parsers.fax.model import Segment, Word
from parsers.fax.plan_id import member_id_after_plan
from parsers.fax.synonyms import (
    ADDRESS_IN_TAIL,
    ANCHOR_KINDS,
    BARE_PROVIDER,
    BLOCK_PROVIDER,
    LABELS,
    PATIENT,
    PAYER,
    PROVIDER,
    PROVIDER_ANCHOR,
    SUPPLIER,
    Label,
    LabelHit,
    label_for,
)

__all__ = [
    "ADDRESS_IN_TAIL",
    "ANCHOR_KINDS",
    "BARE_PROVIDER",
    "BLOCK_PROVIDER",
    "LABELS",
    "PATIENT",
    "PAYER",
    "PROVIDER",
    "PROVIDER_ANCHOR",
    "SUPPLIER",
    "Label",
    "LabelHit",
    "fold_accents",
    "fuzzy_caption",
    "hits_in",
    "party_heading",
]


@functools.lru_cache(maxsize=8192)  # the stages read a page's segments again and again: the same texts
def _label_spans(folded: str) -> tuple[tuple[Label, int, int], ...]:
    """Every known label's matches in the text (folded of accents): label, start, end."""
    return tuple((label, m.start(), m.end()) for label in LABELS for m in label.pattern.finditer(folded))


HITS_KEPT = 16_384  # segments whose hits are kept (the stages build the same segments anew, page after page)
_hits_of: dict[tuple[int, int, tuple[Word, ...]], tuple[Segment, list[LabelHit]]] = {}


def hits_in(segment: Segment) -> list[LabelHit]:
    """Label occurrences in one segment, longest first where they overlap, in text order. The stages
    build a page's segments anew many times over (the same page, index and words): the hits found in one
    are kept, and given again as the hits of an equal segment (on it)."""
    key = (segment.page, segment.index, segment.words)
    kept = _hits_of.get(key)
    if kept is None:
        if len(_hits_of) >= HITS_KEPT:
            _hits_of.clear()
        kept = _hits_of[key] = (segment, _hits_in(segment))
    first, hits = kept
    return [dataclasses.replace(h, segment=segment) if h.segment is first and first is not segment else h for h in hits]


def _hits_in(segment: Segment) -> list[LabelHit]:
    text = segment.text
    folded = fold_accents(text)
    found = [LabelHit(label, segment, start, end) for label, start, end in _label_spans(folded)]
    found = [h for h in found if (h.label.strong or _weak_ok(text, h)) and not _signer(text, h)]
    found = found or lookalike_caption(segment, folded)  # 'Pian: Blue Harbor' for 'Plan:'
    found = _with_garbled_lead(segment, found)  # 'Otice phone 860/555-2385'
    fuzzy = fuzzy_caption(segment) if not any(h.label.strong for h in found) else None
    strong = any(h.label.strong for h in found)
    fuzzy = fuzzy or (caption_before_gap(segment) if not strong else None)  # 'Primary surance   Blue Harbor'
    if fuzzy is not None:  # the whole segment is one garbled caption ('Patient Talephone', not 'Patient')
        return [fuzzy]
    found += [h for h in fuzzy_phrases(segment) if all(h.end <= f.start or h.start >= f.end for f in found)]
    kept: list[LabelHit] = []
    for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    hits = [_garbled_party(h) for h in _without_qualifiers(sorted(kept, key=lambda h: h.start), text)]
    hits = sorted(hits + member_id_after_plan(hits), key=lambda h: h.start)  # 'Insurance: Summit Advantage ID:'
    return [with_garbled_tail(h) for h in hits]


def _with_garbled_lead(segment: Segment, found: list[LabelHit]) -> list[LabelHit]:
    """The hits with the caption OCR garbled at the segment's start (garbled_lead.py) in place of a
    role-less one of its kind inside it ('phone' of 'Otice phone'); never over a caption of its own."""
    lead = garbled_lead(segment)
    if lead is None or fuzzy_caption(segment) is not None:
        return found  # nothing garbled, or the whole segment is one garbled caption ('Antielpated D/C')
    inside = [h for h in found if h.start < lead.end and h.end > lead.start]
    if any(h.kind != lead.kind or h.label.role is not None for h in inside):
        return found  # the synonyms found a caption there: theirs, whatever the misread's nearness
    return [h for h in found if h.end <= lead.start or h.start >= lead.end] + [lead]


def _without_qualifiers(hits: list[LabelHit], text: str) -> list[LabelHit]:
    """The hits less a weak label run straight into the next one ('Plan Member #' is the member
    number, not the plan): a word qualifying the caption after it, with no value of its own."""
    out = []
    for hit, after in zip(hits, [*hits[1:], None], strict=False):
        if hit.label.strong or after is None or text[hit.end : after.start].strip():
            out.append(hit)
    return out


# A party's heading over its block of unlabelled lines ('PATIENT', 'PATIENT INFORMATION', 'ORDERING
# PHYSICIAN'): the name, address and phone under it are that party's, as under 'Name, Address, Telephone'.
HEADING_WORDS = {"", "information", "info", "demographics", "details"}


def party_heading(hit: LabelHit) -> bool:
    """The hit is a party's heading: a name caption that is not the word 'name', alone on its segment
    but for a word such as 'Information'."""
    text = hit.segment.text
    caption = text[hit.start : hit.end].lower()
    rest = text[hit.end :].strip(" :").lower()
    return (
        hit.kind == "name"
        and "name" not in caption
        and not SECTION_NUMBER.sub("", BOX_NUMBER.sub("", text[: hit.start]))
        and rest in HEADING_WORDS
    )


# Whose an 'NPI', 'Phone' or 'Fax' is, from the word before it when OCR garbled that word by one letter
# ('8 Physiciin NPI', 'Pacient phone'): party words of 6+ letters, and only a garbling that is no English word.
PARTY_WORDS = {
    **dict.fromkeys(("physician", "attending", "prescriber", "ordering", "office"), PROVIDER),
    **dict.fromkeys(("patient", "member"), PATIENT),
    "supplier": SUPPLIER,
}
PARTY_KINDS = {"npi", "phone", "fax"}
LABEL_FIELDS = {(label.kind, label.role) for label in LABELS}


def _garbled_party(hit: LabelHit) -> LabelHit:
    """A role-less NPI/phone/fax caption with the role its garbled qualifier word names, when ours has such a label."""
    words = hit.segment.text[: hit.start].split()
    if hit.label.role is not None or hit.kind not in PARTY_KINDS or not words:
        return hit
    word = fold_accents(words[-1]).lower()
    fields = {(hit.kind, role) for party, role in PARTY_WORDS.items() if one_edit(word, party)}
    if len(fields) != 1 or not fields <= LABEL_FIELDS or lexicon.known(word):
        return hit
    return LabelHit(label_for(fields.pop()), hit.segment, hit.start, hit.end)


# A box's number before its caption: '3.', '12)', '6a.', '(4)', 'Box 7', 'Item 21:'.
# a box's number before its caption ('6 GENDER', '27a FROM'), its small bold figures also as OCR misreads
# them, in capitals ('G GENDER' for 6, 'IS NPI' for 15, '§' for 5), or a letter before a digit ('A4' for 14)
BOX_NUMBER = re.compile(
    r"^\s*(?:(?:box|item)\s*)?\(?(?:\d{1,2}[a-z]?(?:[.):]|\s)?|(?-i:[0-9OISBZG|§]{1,2}|[A-Z][0-9])(?:[.):]|\s))\s*",
    re.IGNORECASE,
)
# A numbered section's number before the party it names ('SECTION II - ', 'Part 3:'), its roman numeral
# as OCR reads it ('SECTION Il', 'SECTION HI', 'SECTION |'): a heading only when nothing but the party
# follows ('SECTION III SUPPLIER', not 'Section 4 Supplier Attestation').
SECTION_NUMBER = re.compile(r"^\s*(?:section|part)\s+[IVXLHTfl1|!\[\]\d]{1,4}\s*[-–—:.]?\s+$", re.I)


# A signature line ("Patient's Signature", 'Physician Sign Here'): no caption of the name before it.
SIGNATURE_AFTER = re.compile(r"(?:['’`]?s\s*|\s['’`]?s\s*)?sign", re.IGNORECASE)
SECONDARY = re.compile(r"(?:secondary|sec\.?|tertiary|2nd|3rd|other)\s*$", re.IGNORECASE)  # not the record's own


def _signer(text: str, hit: LabelHit) -> bool:
    """A name caption run into 'signature' ('Ordering provider signature'): it captions the signature,
    whose scribble is no name."""
    return hit.kind == "name" and bool(SIGNATURE_AFTER.match(text[hit.end :].lstrip()))


# Marks OCR reads out of a cell's shading or rule at the start of a caption ('‘Gender', '“Phone'), and the
# rule a printout's section header opens with ('-- CASE MANAGER -----', '== PATIENT ==', as OCR reads
# its dashes: '+»', '=>'): no word.
LEAD_NOISE = " '‘’\"“”`~|*_-=+»«>"


# A party's word with its possessive 's' and a word after it ('Patient s HI Claim Ne'): a caption of what of
# the party's it asks for, which the synonyms did not know as OCR read it; no caption of the party's name.
POSSESSED = re.compile(r"^\s?['’`]?s\s+[A-Za-z]", re.IGNORECASE)


def _weak_ok(text: str, hit: LabelHit) -> bool:
    before = BOX_NUMBER.sub("", text[: hit.start].lstrip(LEAD_NOISE))
    after = text[hit.end :].lstrip()
    if hit.kind == "name" and POSSESSED.match(text[hit.end :]):
        return False
    if SECTION_NUMBER.match(before):
        return after.strip(" :-").lower() in HEADING_WORDS  # a numbered section's heading naming the party
    if SIGNATURE_AFTER.match(after) or SECONDARY.search(before):
        return False
    if hit.label.alone and (before.strip() or _guessed(hit, after)):
        return False
    if _sentence_word(text[hit.start : hit.end], after) or _runs_into_title(hit, after):
        return False
    if hit.kind == "sex" and SEX_ALONE_AFTER.match(after):
        return True  # 'DOB 12/08/1956  Sex F': the caption's colon lost, its one-letter answer ends the segment
    return after.startswith((":", "#")) or not before.strip() or (not after and garbled_qualifier(before))


SHORT_CAPTION = 3  # letters: as many as a box's outline and a speck are read as
GUESSED_CONF = 30  # OCR's confidence in a word below which it was guessing at a shape (a box, a mark)


def _guessed(hit: LabelHit, after: str) -> bool:
    """A short caption standing alone ('TO') with no colon after it whose word OCR barely believed: the
    outline of an empty box or a mark read as letters ('INITIAL [ ] REVISED' as 'INITIAL TO REVISED';
    a longer word read poorly, 'Provider' at 22, is a real caption OCR garbled)."""
    short = hit.end - hit.start <= SHORT_CAPTION
    return short and not after.startswith(":") and read_below(hit, GUESSED_CONF)


def read_below(hit: LabelHit, limit: float) -> bool:
    """Every word of the caption was read less surely than `limit`: OCR guessed at specks or a shape."""
    words = hit.segment.words_in_span(hit.start, hit.end)
    return bool(words) and max(w.conf for w in words) < limit


# 'Sex. M', 'Sex’ F': its colon read as a dot or a quote
SEX_ALONE_AFTER = re.compile(r"^[.,;'’`]?\s*(?:m|f|male|female)\s*$", re.IGNORECASE)


def _sentence_word(caption: str, after: str) -> bool:
    """A party's word in lower case with two lower-case English words after it ('physician reviews
    them'): a sentence that wrapped there, no caption (a caption is capitalised, or has its colon or
    its value after it: 'patient cell 860-555-0142')."""
    following = [word.rstrip(",.;") for word in after.split()[:2]]
    if not caption.islower() or len(following) < 2:
        return False
    return all(word.islower() and word.isalpha() and lexicon.known(word) for word in following)


# A name set apart from a bare party word by its form alone: 'Patient Lopez, Maria', 'Patient MARIA LOPEZ'.
APART_NAME = re.compile(r"^(?:[A-Z][A-Za-z'\-]+,\s*[A-Z][A-Za-z'\-]+|[A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)+)\b")
# What ends a caption or qualifies it right after its word: a colon as OCR reads it, a '#', a bracket
CAPTION_ENDS = (":", "#", ".", ";", ",", "(")
WIDE_GAP = 0.8  # of the caption's height: the lead-in a form leaves before its blank


def _runs_into_title(hit: LabelHit, after: str) -> bool:
    """A bare party word captioning the patient's name ('Patient') run into more words with no caption's
    end (a colon, even garbled: 'Patient. Garcia', 'Patient Naroe: Garcia'), no bracketed name order
    and no blank's wide gap between: a section's title ('Patient Rights Notice', 'Patient Goals Met'),
    unless the words are a name by their form ('Lopez, Maria', 'MARIA LOPEZ' after 'Patient')."""
    caption = hit.segment.text[hit.start : hit.end]
    if hit.kind != "name" or hit.label.role != PATIENT or "name" in caption.lower() or not after:
        return False
    if after.strip(" :").lower() in HEADING_WORDS:
        return False  # 'PATIENT INFORMATION': the party's heading over its block
    if not after[:1].isupper() or any(ch.isdigit() for ch in after):
        return False  # 'patient cell 860-555-0142': a caption run into its value, no title
    if after.startswith(CAPTION_ENDS) or after.split()[0].endswith(":"):
        return False  # 'Patient. Garcia' (its colon read as '.'), 'Patient (Last, First)', 'Patient Naroe:'
    if APART_NAME.match(after) and not caption.isupper():
        return False
    return not _wide_gap_after(hit)


def _wide_gap_after(hit: LabelHit) -> bool:
    """The caption's last word is followed, on its segment, by a gap as wide as a blank's lead-in."""
    words = hit.segment.words
    last = hit.segment.words_in_span(hit.start, hit.end)[-1:]
    at = words.index(last[0]) if last else len(words)
    if at + 1 >= len(words):
        return False
    return words[at + 1].left - words[at].right >= WIDE_GAP * words[at].height


def garbled_qualifier(before: str) -> bool:
    """The text before a caption alone on its segment is one word OCR garbled past any English word
    ('Hathe address' for 'Home address'): it qualified the caption, it holds no value."""
    words = before.split()
    return len(words) == 1 and words[0].isalpha() and len(words[0]) >= 3 and not lexicon.known(words[0])
