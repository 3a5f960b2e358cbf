"""The NPI in a party's titled block whose 'NPI' caption OCR lost ('21 NPI' read as 'ae').

An NPI shows what it is by itself: ten digits that start with a 1 and end with their Luhn check digit
(CMS has issued none starting otherwise yet, and no US phone number's area code starts with a 1, so
no phone typed without punctuation is one). Under a party's section title ('C. SERVICING PROVIDER /
VENDOR'), down to the next section title, the one such number no caption of ours claims is that
party's NPI, when no caption on the page gave that party an NPI already. Two such numbers in the block
give none (whose is which would be a guess). Like any field, it still needs its second read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parsers.fax.extract import PageText
from parsers.fax.headed_name import section_title
from parsers.fax.model import Candidate, Segment, Word
from parsers.fax.synonyms import PROVIDER, SUPPLIER, LabelHit
from referrals.codes import npi_checks_out

NPI_PATHS = {SUPPLIER: "servicing_provider.npi", PROVIDER: "ordering_provider.npi"}
NEXT_TITLE = re.compile(r"^\s*(?:[A-Z]|[IVX]{1,4}|\d{1,2})[.)]\s+[A-Z][A-Z &/()\-]{3,}$")  # 'D. CLINICAL AND SERVICES'
MAX_BLOCK = 0.25  # of the page's height: a block reaches no further under its title


def block_npis(text: PageText, hits: list[LabelHit], found: list[Candidate]) -> Iterator[Candidate]:
    """The lone self-evident NPI of each party's titled block whose NPI no caption gave (see the doc)."""
    taken = {c.path for c in found}
    for title in (h for h in hits if section_title(h) and h.label.role in NPI_PATHS):
        path = NPI_PATHS[title.label.role or ""]
        if path in taken:
            continue
        claimed = {id(h.segment) for h in hits}
        # another section's title, or any caption naming another party, ends the block
        titles = [h.segment for h in hits if section_title(h) or h.label.role not in (None, title.label.role)]
        titles = [s for s in titles if s is not title.segment]
        block = _block(text, title.segment, titles)
        numbers = [w for s in block if id(s) not in claimed for w in s.words if _npi(w)]
        if len(numbers) == 1:
            word = numbers[0]
            box = (word.left, word.top, word.right, word.bottom)
            conf = word.conf / 100.0
            yield Candidate(path, word.text, text.page.number, box, conf, "pattern", word.text, words=(word,))


def _npi(word: Word) -> bool:
    return word.text.startswith("1") and npi_checks_out(word.text)


def _block(text: PageText, title: Segment, titles: list[Segment]) -> list[Segment]:
    """The segments under the title down to the next section title, another party's or any printed one
    (or the block's reach)."""
    top = title.bbox[3]
    below = sorted((s for s in text.segments if s.bbox[1] >= top), key=lambda s: s.bbox[1])
    end = next((s.bbox[1] for s in below if s is not title and (s in titles or NEXT_TITLE.match(s.text))), None)
    limit = min(end if end is not None else text.page.height, top + MAX_BLOCK * text.page.height)
    return [s for s in below if s.bbox[1] < limit]
