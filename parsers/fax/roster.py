"""A letterhead's roster of the practice's clinicians: credentialed names stacked down a column
('PHYSICIANS' over 'Jane Doe, MD' / 'Omar Haddad, DO' / 'Gregory T. Lund, MD' ...). Each of them
belongs to the practice, none of them is the one who signed this order: a name in such a list is
never taken for the ordering clinician (the signer's printed name under the signature is).
"""

from __future__ import annotations

import re
import statistics

from parsers.fax.model import Segment

# A person's name closed by a clinician's credential, as a roster prints it and OCR reads it
# ('Jane Doe, MD', 'Gregory T Lund MD', 'Kevin Walsh, PA-C', 'Dana Ruiz PAC').
CREDENTIALED = re.compile(
    r"^(?:dr\.?\s+)?[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){1,3},?\s+"
    r"(?:MD|M\.D\.|DO|D\.O\.|NP|FNP|APRN|PA-?C|PAC|DPM|PT|DPT)\.?$"
)
MIN_ROSTER = 3  # this many credentialed names stacked down one column make a roster
ALIGN = 0.02  # of the page's width: the names start this near each other
# ... and each stands within this many line heights under the one over it: a line between them (a name
# OCR misread past the pattern) does not break the list
LINE_GAP = 5.0


def credentialed(segment: Segment) -> bool:
    return bool(CREDENTIALED.match(segment.text.strip()))


def roster_names(segments: list[Segment], page_width: int) -> set[int]:
    """The id()s of the credentialed-name segments that stand in a roster (see the module's doc)."""
    names = sorted((s for s in segments if credentialed(s)), key=lambda s: s.bbox[1])
    found: set[int] = set()
    for first in names:
        run = [first]
        for name in names:
            last = run[-1]
            height = max(1, statistics.median_low(w.height for w in last.words))
            aligned = abs(name.bbox[0] - first.bbox[0]) <= ALIGN * page_width
            if aligned and 0 < name.bbox[1] - last.bbox[1] <= LINE_GAP * height:
                run.append(name)
        if len(run) >= MIN_ROSTER:
            found.update(id(s) for s in run)
    return found
