"""The 005010 interchange and functional group envelope (ISA/GS..GE/IEA, TA1) as a spec.

The transaction maps wrap their ST loop in it; `control()` is the envelope alone, which pyx12
reads as `x12.control.00501.xml` from the map directory when it is given one (x12n_document).
"""

from __future__ import annotations

from parsers.x12.x217_model import Loop, R, S, Segment, el, loop, seg

ID_QUALIFIERS = "01 14 20 27 28 29 30 33 ZZ"


def interchange_header() -> Segment:
    return seg(
        "ISA",
        "Interchange Control Header",
        R,
        1,
        el("I01", R, "00 03"),
        el("I02", R),
        el("I03", R, "00 01"),
        el("I04", R),
        el("I05", R, ID_QUALIFIERS),
        el("I06", R),
        el("I05", R, ID_QUALIFIERS),
        el("I07", R),
        el("I08", R),
        el("I09", R),
        el("I65", R),
        el("I11", R, "00501"),
        el("I12", R),
        el("I13", R, "0 1"),
        el("I14", R, "P T"),
        el("I15", R),
        pos=10,
    )


def group_header(functional_id: str, version: str) -> Segment:
    return seg(
        "GS",
        "Functional Group Header",
        R,
        1,
        el(479, R, functional_id),
        el(142, R),
        el(124, R),
        el(373, R),
        el(337, R),
        el(28, R),
        el(455, R, "X"),
        el(480, R, version),
        pos=10,
    )


def interchange_ack() -> Segment:
    notes = " ".join(f"{n:03d}" for n in range(32))
    return seg(
        "TA1",
        "Interchange Acknowledgment",
        S,
        1,
        el("I12", R),
        el("I08", R),
        el("I09", R),
        el("I17", R, "A E R"),
        el("I18", R, notes),
        pos=20,
    )


def interchange(group_body: tuple[Loop, ...], functional_id: str, version: str) -> Loop:
    group = loop(
        "GS_LOOP",
        "Functional Group Header",
        R,
        ">1",
        group_header(functional_id, version),
        *group_body,
        seg("GE", "Functional Group Trailer", R, 1, el(97, R), el(28, R), pos=30),
        pos=20,
        kind="explicit",
    )
    return loop(
        "ISA_LOOP",
        "Interchange Control Header",
        R,
        ">1",
        interchange_header(),
        group,
        interchange_ack(),
        seg("IEA", "Interchange Control Trailer", R, 1, el("I16", R), el("I12", R), pos=30),
        pos=10,
        kind="explicit",
    )


def control() -> Loop:
    """The envelope with no transaction set: any functional group, any version."""
    return interchange((), "HN HR HS HB HI RA BE HP HC FA", "")
