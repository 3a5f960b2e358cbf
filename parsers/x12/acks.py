"""Acknowledgements: a 999 (005010X231A1) per functional group and a TA1 for envelope errors.

Built from pyx12's error tree, but written here: IK3 carries the loop id (pyx12 puts the LS
id there), CTX names the claim (CLM01) an error sits in, segment counts are right, and the
control numbers come from the caller (`Acknowledgement.render(n)`), never from the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from parsers.base import Acknowledgement
from parsers.x12.engine import Envelope

ACK_VERSION = "005010X231A1"
VALID_IK3 = {"1", "2", "3", "4", "5", "6", "7", "8", "I4", "I6", "I7", "I8", "I9"}
VALID_IK4 = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "13", "I10", "I11", "I12", "I13", "I6", "I9"}
CLAIM_LOOPS = ("2300", "2310", "2320", "2330", "2400", "2410", "2420", "2430", "2440")


@dataclass(frozen=True)
class ElementError:
    position: int
    component: int | None
    reference: str | None
    code: str
    bad_value: str | None


@dataclass(frozen=True)
class SegmentError:
    segment_id: str
    ordinal: int
    loop_id: str | None
    codes: tuple[str, ...]
    elements: tuple[ElementError, ...]
    claim_id: str | None


@dataclass(frozen=True)
class TransactionResult:
    st_id: str
    st_control: str
    version: str
    ack_code: str
    codes: tuple[str, ...]
    segments: tuple[SegmentError, ...]


@dataclass(frozen=True)
class GroupResult:
    fic: str
    gs_control: str
    version: str
    sender: str  # GS02 of the original
    receiver: str  # GS03 of the original
    isa: tuple[str, str, str, str, str]  # sender qual, sender id, receiver qual, receiver id, usage
    ack_code: str
    included: int
    received: int
    accepted: int
    transactions: tuple[TransactionResult, ...]


@dataclass(frozen=True)
class InterchangeResult:
    isa: tuple[str, str, str, str, str]
    isa_control: str
    isa_date: str
    isa_time: str
    note: str
    ack_code: str


def functional_group_acks(errh: Any, envelope: Envelope) -> Iterator[Acknowledgement]:
    """One 999 per functional group the walk opened (not for a 999 group itself)."""
    for err_isa in errh.children:
        isa = _isa_parties(err_isa)
        for err_gs in err_isa.children:
            if getattr(err_gs, "fic", None) in (None, "FA"):
                continue
            group = _group_result(err_gs, isa)
            yield Acknowledgement("999", group.gs_control, group)


def interchange_ack(problem: Any) -> Iterator[Acknowledgement]:
    """A TA1 rejecting the interchange, when the ISA could be split into its elements."""
    isa = problem.isa
    if not isa or len(isa) < 17:
        return
    result = InterchangeResult(
        (isa[5], isa[6].strip(), isa[7], isa[8].strip(), isa[15]), isa[13], isa[9], isa[10], problem.ta1_note, "R"
    )
    yield Acknowledgement("TA1", None, result)


def _isa_parties(err_isa: Any) -> tuple[str, str, str, str, str]:
    seg = err_isa.seg_data
    return (
        seg.get_value("ISA05") or "ZZ",
        (seg.get_value("ISA06") or "").strip(),
        seg.get_value("ISA07") or "ZZ",
        (seg.get_value("ISA08") or "").strip(),
        seg.get_value("ISA15") or "P",
    )


def _group_result(err_gs: Any, isa: tuple[str, str, str, str, str]) -> GroupResult:
    transactions = tuple(_transaction_result(st) for st in err_gs.children)
    failed = sum(1 for t in transactions if t.ack_code == "R")
    received = err_gs.st_count_recv or len(transactions)
    ack_code = err_gs.ack_code or ("R" if failed == received and received else "A")
    seg = err_gs.seg_data
    return GroupResult(
        fic=err_gs.fic or "",
        gs_control=(err_gs.gs_control_num or "").strip(),
        version=err_gs.vriic or "",
        sender=(seg.get_value("GS02") or "").strip(),
        receiver=(seg.get_value("GS03") or "").strip(),
        isa=isa,
        ack_code=ack_code,
        included=err_gs.st_count_orig or received,
        received=received,
        accepted=max(received - failed, 0),
        transactions=transactions,
    )


def _transaction_result(err_st: Any) -> TransactionResult:
    segments = tuple(_segment_error(seg) for seg in err_st.children)
    codes = {str(err[0]) for err in err_st.errors if str(err[0]).isdigit()}
    if any(s.codes or s.elements for s in segments):
        codes.add("5")
    return TransactionResult(
        err_st.trn_set_id or "",
        (err_st.trn_set_control_num or "").strip(),
        err_st.vriic or "",
        err_st.ack_code or ("R" if codes else "A"),
        tuple(sorted(codes)),
        segments,
    )


def _segment_error(err_seg: Any) -> SegmentError:
    codes = [str(e[0]) for e in err_seg.errors]
    codes = ["8" if c == "SEG1" else c for c in codes]
    elements = tuple(
        ElementError(ele.ele_pos, ele.subele_pos, ele.ele_ref_num, str(code), bad)
        for ele in err_seg.elements
        for code, _text, bad in ele.errors
        if str(code) in VALID_IK4
    )
    if elements and "8" not in codes:
        codes.append("8")
    return SegmentError(
        err_seg.seg_id or "",
        err_seg.seg_count,
        getattr(err_seg, "loop_id", None),
        tuple(sorted({c for c in codes if c in VALID_IK3})),
        elements,
        getattr(err_seg, "business_unit", None),
    )


def render_acknowledgement(ack: Acknowledgement, control_number: int) -> str:
    now = dt.datetime.now(dt.UTC)
    if isinstance(ack.payload, GroupResult):
        return "".join(s + "~\n" for s in _render_999(ack.payload, control_number, now))
    if isinstance(ack.payload, InterchangeResult):
        return "".join(s + "~\n" for s in _render_ta1(ack.payload, control_number, now))
    raise TypeError("unknown acknowledgement payload")


def _isa_segment(parties: tuple[str, str, str, str, str], number: int, now: dt.datetime) -> str:
    sq, sid, rq, rid, usage = parties
    return "*".join(
        [
            "ISA",
            "00",
            " " * 10,
            "00",
            " " * 10,
            rq,
            rid.ljust(15),
            sq,
            sid.ljust(15),
            now.strftime("%y%m%d"),
            now.strftime("%H%M"),
            "^",
            "00501",
            f"{number:09d}",
            "0",
            usage,
            ":",
        ]
    )


def _render_999(group: GroupResult, number: int, now: dt.datetime) -> list[str]:
    body = [f"ST*999*0001*{ACK_VERSION}", f"AK1*{group.fic}*{group.gs_control}*{group.version}"]
    for txn in group.transactions:
        body.extend(_render_transaction(txn))
    body.append("*".join(["AK9", group.ack_code, str(group.included), str(group.received), str(group.accepted)]))
    body.append(f"SE*{len(body) + 1}*0001")
    return [
        _isa_segment(group.isa, number, now),
        f"GS*FA*{group.receiver}*{group.sender}*{now:%Y%m%d}*{now:%H%M}*{number}*X*{ACK_VERSION}",
        *body,
        f"GE*1*{number}",
        f"IEA*1*{number:09d}",
    ]


def _render_transaction(txn: TransactionResult) -> list[str]:
    out = [f"AK2*{txn.st_id}*{txn.st_control}*{txn.version}"]
    for seg in txn.segments:
        for code in seg.codes or ("8",):
            out.append("*".join(["IK3", seg.segment_id, str(seg.ordinal), seg.loop_id or "", code]))
            if seg.claim_id and (seg.loop_id or "").startswith(CLAIM_LOOPS):
                out.append(f"CTX*CLM01:{_x12_safe(seg.claim_id)}")
            if code == "8":
                out.extend(_render_element(e) for e in seg.elements)
    out.append("*".join(["IK5", txn.ack_code, *txn.codes[:5]]).rstrip("*"))
    return out


def _render_element(err: ElementError) -> str:
    position = str(err.position) + (f":{err.component}" if err.component else "")
    fields = ["IK4", position, err.reference or "", err.code]
    if err.bad_value:
        fields.append(_x12_safe(err.bad_value)[:99])
    return "*".join(fields)


def _render_ta1(result: InterchangeResult, number: int, now: dt.datetime) -> list[str]:
    return [
        _isa_segment(result.isa, number, now),
        f"TA1*{result.isa_control}*{result.isa_date}*{result.isa_time}*{result.ack_code}*{result.note}",
        f"IEA*0*{number:09d}",
    ]


def _x12_safe(value: str) -> str:
    """A value with no character that would break the 999's delimiters or its ASCII encoding."""
    return "".join(c if c not in "~*:^\r\n" and " " <= c <= "~" else "?" for c in value)


def merge_group_results(results: list[GroupResult]) -> GroupResult:
    """One group's result from the results of its parts (a file split across processes)."""
    first = results[0]
    transactions = tuple(t for r in results for t in r.transactions)
    received = sum(r.received for r in results)
    accepted = sum(r.accepted for r in results)
    return GroupResult(
        fic=first.fic,
        gs_control=first.gs_control,
        version=first.version,
        sender=first.sender,
        receiver=first.receiver,
        isa=first.isa,
        ack_code=_merged_code(transactions),
        included=sum(r.included for r in results),
        received=received,
        accepted=accepted,
        transactions=transactions,
    )


def _merged_code(transactions: tuple[TransactionResult, ...]) -> str:
    codes = {t.ack_code for t in transactions}
    if codes <= {"A"}:
        return "A"
    if codes == {"R"}:
        return "R"
    return "P" if "R" in codes else "E"


def merge_acknowledgements(acks: list[Acknowledgement]) -> list[Acknowledgement]:
    """999s for the same functional group merged into one; other acks unchanged, order kept."""
    merged: dict[str, list[GroupResult]] = {}
    others: list[Acknowledgement] = []
    for ack in acks:
        if isinstance(ack.payload, GroupResult):
            merged.setdefault(ack.payload.gs_control, []).append(ack.payload)
        else:
            others.append(ack)
    groups = [Acknowledgement("999", key, merge_group_results(parts)) for key, parts in merged.items()]
    return [*groups, *others]
