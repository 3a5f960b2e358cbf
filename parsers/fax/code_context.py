"""What around a code-shaped word says it is no ordered item.

A code is self-identifying by its shape and its code set, but an order page also prints codes that
are not ordered: a history ('History of CVA I69.30', 'Past medical history:' and the list under it,
'previous', 'prior', 'resolved', 'rule out'), a sample in a caption or instruction ('ICD-10 (e.g.
J44.9)', 'such as E0260'), and an id after its caption ('Form L1234', 'Claim # A1234').
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from parsers.fax.model import Segment, Word
from parsers.fax.values import read_date

# a word that puts the rest of its clause in the past: not what this order asks for
HISTORY_WORD = re.compile(
    r"^(?:history|hx|h/o|pmh|previous(?:ly)?|past|former(?:ly)?|resolved|discontinued|r/o|ruled?)[:.,;]?$",
    re.IGNORECASE,
)
# a heading whose list is a history: 'Past Medical History:', 'PMH', 'Previous diagnoses', 'History'
HISTORY_HEAD = re.compile(
    r"^\W*(?:(?:past|prior|previous)\s+(?:medical\s+|surgical\s+)?(?:history|diagnos[ie]s|dx|conditions|equipment|orders?)"
    r"|(?:medical\s+|surgical\s+|family\s+|social\s+)?history|pmh|hx)\b",
    re.IGNORECASE,
)
EXAMPLE_WORD = re.compile(r"^\(?(?:e\.?g\.?|i\.?e\.?|example:?|sample:?|ex:|such)[,:]?$", re.IGNORECASE)
# a caption whose value is an id, not a code: the word before an id-shaped token
ID_CAPTION = re.compile(
    r"^(?:form|rev|id|#|no\.?|mrn|acct|account|claim|auth|ref|reference|group|grp|policy|member|suite|ste"
    r"|apt|room|rm|box|batch|invoice|ticket|serial|sn|model|lot|fax|tel|phone)[.:#]?$",
    re.IGNORECASE,
)
# instruction text of a form: 'Enter the ICD-10 code ...', 'List each item ...', 'Refer to ...'; not an order's
# own verbs ('Use CPAP nightly', 'Include test strips')
INSTRUCTION = re.compile(
    r"^\W*(?:please\s+)?(?:enter|list|write|attach|indicate|refer\s+to|see)\b",
    re.IGNORECASE,
)
MAX_HISTORY_LINES = 8


def open_words(line: Segment) -> list[Word]:
    """The line's words outside a history clause ('history of CHF I50.9'), an example ('e.g. J44.9')
    and an id after its caption ('Form L1234'); the whole line is closed when it is instruction text."""
    if INSTRUCTION.match(line.text):
        return []
    words = line.words
    clause = {id(w) for w in clause_words(words)}
    return [w for i, w in enumerate(words) if id(w) in clause and not (i and ID_CAPTION.match(words[i - 1].text))]


def clause_words(words: Sequence[Word]) -> Iterator[Word]:
    """The words outside a history clause ('history of CHF I50.9') and an example ('(e.g. J44.9)')."""
    closed_by: str | None = None
    for word in words:
        text = word.text
        if closed_by is None and HISTORY_WORD.match(text):
            closed_by = "history"
        elif closed_by is None and EXAMPLE_WORD.match(text):
            closed_by = "example"
        if closed_by is None:
            yield word
        if (closed_by == "example" and text.rstrip(":,;.").endswith(")")) or (
            closed_by == "history" and _ends_clause(text)
        ):
            closed_by = None


def _ends_clause(text: str) -> bool:
    """A history clause ends at ';', a full stop or a new caption's colon ('... CVA I69.30; Dx: J44.9')."""
    return text.endswith((";", ".", ":"))


def history_lines(lines: Sequence[Segment], stops: re.Pattern[str]) -> set[int]:
    """The indexes of lines under a history heading ('Past Medical History:') up to the next line
    matching `stops` (another section's heading) or a line starting with a caption ('Orders:')."""
    return lines_under(
        lines,
        lambda line: bool(HISTORY_HEAD.match(line.text)),
        lambda line: _ends_history(line, stops),
        MAX_HISTORY_LINES,
    )


def lines_under(
    lines: Sequence[Segment], heads: Callable[[Segment], bool], ends: Callable[[Segment], bool], reach: int
) -> set[int]:
    """The indexes of each heading line and of the lines under it, up to `reach` of them or the
    first line that `ends` the block."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not heads(line):
            continue
        found.add(index)
        for after in range(index + 1, min(index + 1 + reach, len(lines))):
            if ends(lines[after]):
                break
            found.add(after)
    return found


def _ends_history(line: Segment, stops: re.Pattern[str]) -> bool:
    return bool(stops.search(line.text)) or (HISTORY_HEAD.match(line.text) is None and _caption(line))


def _caption(line: Segment) -> bool:
    """The line starts with a caption ('Orders:', 'Equipment:'), a new heading."""
    first = line.words[0].text if line.words else ""
    return first.endswith(":") and any(ch.isalpha() for ch in first)


def in_prose(text: str, match: re.Match[str]) -> bool:
    """The caption word `match` found is a word of a sentence ('..., qty 1; diagnosis as above.'): in
    lower case, spelled out, inside the line and not followed by a colon; no caption or heading."""
    word, before, after = match.group(0), text[: match.start()], text[match.end() :].lstrip()
    return word.isalpha() and word.islower() and len(word) > 3 and bool(before.strip()) and after[:1] not in ":#-"


def in_a_date(words: Sequence[Word], index: int) -> bool:
    """The word is a date, or the end of one written out ('November 19, 2026;'): no item's number."""
    head = " ".join(w.text for w in words[max(index - 2, 0) : index])
    joined = f"{head} {words[index].text}".strip()
    found = read_date(joined)
    return found is not None and found.end > len(joined) - len(words[index].text)
