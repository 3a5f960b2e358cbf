"""The segments of the 278 (005010X217), written as the guide describes them.

Each function returns one segment as a loop of the guide uses it; arguments carry what
differs between loops (the qualifier codes a loop allows, request or response).
Code lists are the guide's where we know them; where a list is external to the guide
(decision reason codes, NUBC codes, taxonomy) the element takes any value of its type.
"""

from __future__ import annotations

from parsers.x12.x217_model import Composite, Element, N, R, S, Segment, comp, el, seg, unused

ENTITY_TYPE = "1 2"
PROVIDER_ID_QUALIFIERS = "24 34 46 PI XV XX"
CONTACT_QUALIFIERS = "EM FX TE"
SERVICE_TYPES = (
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 30 32 33 34 35 36 37 38 "
    "39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 "
    "72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 A0 A1 A2 A3 A4 "
    "A5 A6 A7 A8 A9 AA AB AC AD AE AF AG AH AI AJ AK AL AM AN AO AQ AR B1 B2 B3 BA BB BC BD BE BF BG BH "
    "BI BJ BK BL BM BN BP BQ BR BS BT BU BV BW BX BY BZ C1 CA CB CC CD CE CF CG CH CI CJ CK CL CM CN CO "
    "CP CQ DG DM DS GF GN GY IC MH NI ON PT PU RN RT TC TN UC"
)
DIAGNOSIS_QUALIFIERS = "ABF ABJ ABK APR BF BJ BK PR DR LOI"
REPORT_TYPES = (
    "03 04 05 06 07 08 09 10 11 13 15 21 48 55 59 77 99 A3 A4 AM AS AT B2 B3 BR BS BT CB CK CT D2 DA DB "
    "DG DJ DS EB HC HR I5 IR LA M1 MT NN OB OC OD OE OX OZ P4 P5 PE PN PO PQ PY PZ RB RR RT RX SG V5 XP"
)
REJECT_REASONS = (
    "04 15 33 35 41 42 43 44 45 46 47 49 51 52 56 57 58 60 61 62 64 65 66 67 68 71 72 73 74 75 76 77 78 "
    "79 80 95 97 AA AE AF AG AO CI E8 IA MA T4 T5"
)


def hl(level_code: str, child_codes: str, parent: str = R) -> Segment:
    return seg(
        "HL",
        "Hierarchical Level",
        R,
        1,
        el(628, R),
        el(734, parent),
        el(735, R, level_code),
        el(736, R, child_codes),
    )


def trn(name: str, rsp: bool) -> Segment:
    """Trace numbers: the requester's (1); a response echoes them (2) and may add its own (1)."""
    return seg(
        "TRN",
        name,
        S,
        3 if rsp else 2,
        el(481, R, "1 2" if rsp else "1"),
        el(127, R, name="Trace Number"),
        el(509, R, name="Trace Assigning Entity Identifier"),
        el(127, S, name="Trace Assigning Entity Additional Identifier"),
    )


def aaa(name: str) -> Segment:
    return seg(
        "AAA",
        name,
        S,
        9,
        el(1073, R, "N Y", name="Valid Request Indicator"),
        el(559, N),
        el(901, R, REJECT_REASONS),
        el(889, R, "C N P R S W X Y"),
    )


def nm1(
    name: str,
    entity_codes: str,
    id_usage: str,
    id_codes: str = PROVIDER_ID_QUALIFIERS,
    entity_type: str = ENTITY_TYPE,
    person_names: str = S,
) -> Segment:
    return seg(
        "NM1",
        name,
        R,
        1,
        el(98, R, entity_codes),
        el(1065, R, entity_type),
        el(1035, S),
        el(1036, person_names),
        el(1037, person_names),
        el(1038, N),
        el(1039, person_names),
        el(66, id_usage, id_codes),
        el(67, id_usage),
        *unused(706, 98, 1035),
        syntax="P0809",
    )


def ref(name: str, qualifiers: str, max_use: int = 1) -> Segment:
    return seg(
        "REF",
        name,
        S,
        max_use,
        el(128, R, qualifiers),
        el(127, R),
        el(352, N),
    )


def n3(name: str, usage: str = S) -> Segment:
    return seg("N3", name, usage, 1, el(166, R, name="Address Line 1"), el(166, S, name="Address Line 2"))


def n4(name: str, usage: str = S) -> Segment:
    return seg(
        "N4",
        name,
        usage,
        1,
        el(19, R),
        el(156, S),
        el(116, S),
        el(26, S),
        el(309, N),
        el(310, N),
        el(1715, S),
        syntax="E0207 C0605 C0704",
    )


def per(name: str, max_use: int = 1) -> Segment:
    return seg(
        "PER",
        name,
        S,
        max_use,
        el(366, R, "IC"),
        el(93, S),
        el(365, S, CONTACT_QUALIFIERS),
        el(364, S),
        el(365, S, "EM EX FX TE"),
        el(364, S),
        el(365, S, "EM EX FX TE"),
        el(364, S),
        el(443, N),
        syntax="P0304 P0506 P0708",
    )


def prv(name: str) -> Segment:
    return seg(
        "PRV",
        name,
        S,
        1,
        el(1221, R, "AD AS AT CO CV OP OR OT PC PE RF"),
        el(128, R, "PXC"),
        el(127, R, name="Provider Taxonomy Code"),
    )


def dmg(name: str) -> Segment:
    return seg(
        "DMG",
        name,
        S,
        1,
        el(1250, R, "D8"),
        el(1251, R, name="Birth Date"),
        el(1068, S, "F M U"),
        syntax="P0102",
    )


def ins() -> Segment:
    return seg(
        "INS",
        "Dependent Relationship",
        S,
        1,
        el(1073, R, "N", name="Insured Indicator"),
        el(1069, R, "01 19 20 21 39 40 53 G8"),
        *unused(875, 1203, 1216),
        comp("C052", "Medicare Status Code", N, el(1218, N)),
        *unused(1219, 584, 1220, 1073, 1250, 1251, 1165, 19, 156, 26),
        el(1470, S, name="Birth Sequence Number"),
    )


def dtp(name: str, qualifier: str, formats: str = "D8") -> Segment:
    return seg("DTP", name, S, 1, el(374, R, qualifier), el(1250, R, formats), el(1251, R))


def um(name: str, categories: str, usage: str, location: str) -> Segment:
    return seg(
        "UM",
        name,
        usage,
        1,
        el(1525, R, categories),
        el(1322, R, "1 2 3 4 I R S"),
        el(1365, S, SERVICE_TYPES),
        comp(
            "C023",
            "Health Care Service Location Information",
            location,
            el(1331, R, name="Facility Type Code"),
            el(1332, R, "A B"),
            el(1325, N),
        ),
        comp(
            "C024",
            "Related Causes Information",
            S,
            el(1362, R, "AA AP EM OA"),
            el(1362, S, "AA AP EM OA"),
            el(1362, S, "AA AP EM OA"),
            el(156, S),
            el(26, S),
        ),
        el(1338, S, "03 E U"),
        el(1213, N),
        el(923, S, "1 2 3 4 5 6 7 8"),
        el(1363, S, "A I M N O Y"),
        el(1352, S, "1 2 3 4 5 6 7 8 9 10 11 15 16 17"),
    )


def hcr(name: str, usage: str = R) -> Segment:
    """The review outcome: A1 certified in total, A2 certified partial, A3 not certified, A4 pended,
    A6 modified, C cancelled, CT contact payer, NA no action required."""
    return seg(
        "HCR",
        name,
        usage,
        1,
        el(306, R, "A1 A2 A3 A4 A6 C CT NA"),
        el(127, S, name="Certification Number"),
        el(901, S, name="Review Decision Reason Code"),
        el(1073, S, "N Y", name="Second Surgical Opinion"),
    )


def diagnosis(code: Element) -> tuple[Element, ...]:
    return (
        code,
        el(1271, R, name="Diagnosis Code"),
        el(1250, S, "D8"),
        el(1251, S),
        *unused(782, 380, 799, 1271, 1073),
    )


def hi() -> Segment:
    def one(usage: str) -> Composite:
        return comp(
            "C022",
            "Health Care Code Information",
            usage,
            *diagnosis(el(1270, R, DIAGNOSIS_QUALIFIERS, name="Diagnosis Type Code")),
        )

    return seg("HI", "Patient Diagnosis", S, 1, one(R), *(one(S) for _ in range(11)))


def hsd() -> Segment:
    return seg(
        "HSD",
        "Health Care Services Delivery",
        S,
        1,
        el(673, S, "DY FL HS MN VS"),
        el(380, S),
        el(355, S, "DA HO MO WK YR"),
        el(1167, S),
        el(615, S, "6 7 21 26 27 29 34 35"),
        el(616, S),
        el(
            678,
            S,
            "1 2 3 4 5 6 7 8 9 A B C D E F G H J K L N O P Q R S SA SB SC SD SG SL SP SX SY SZ T TC TW U V W X Y",
        ),
        el(679, S, "A B C D E F G Y"),
        syntax="P0102 C0605",
    )


def crc(name: str, category: str) -> Segment:
    return seg(
        "CRC",
        name,
        S,
        3 if category == "07" else 1,
        el(1136, R, category),
        el(1073, R, "N Y", name="Certification Condition Indicator"),
        el(1321, R),
        el(1321, S),
        el(1321, S),
        el(1321, S),
        el(1321, S),
    )


def cl1() -> Segment:
    return seg(
        "CL1", "Institutional Claim Code", S, 1, el(1315, S, "1 2 3 4 5 9"), el(1314, S), el(1352, S), el(1345, N)
    )


def cr1() -> Segment:
    return seg(
        "CR1",
        "Ambulance Transport Information",
        S,
        1,
        el(355, S, "LB"),
        el(81, S, name="Patient Weight"),
        el(1316, S, "I R T X"),
        el(1317, S, "A B C D E"),
        el(355, S, "DH"),
        el(380, S, name="Transport Distance"),
        el(166, N),
        el(166, N),
        el(352, S, name="Round Trip Purpose Description"),
        el(352, S, name="Stretcher Purpose Description"),
        syntax="P0102 P0506",
    )


def cr2() -> Segment:
    levels = "C1 C2 C3 C4 C5 C6 C7 CO IL L1 L2 L3 L4 L5 OC SA T1 T2 T3 T4 T5 T6 T7 T8 T9 T10 T11 T12"
    return seg(
        "CR2",
        "Spinal Manipulation Service Information",
        S,
        1,
        el(609, S, name="Treatment Series Number"),
        el(380, S, name="Treatment Count"),
        el(1367, S, levels),
        el(1367, S, levels),
        el(355, S, "DA MO WK YR"),
        el(380, S),
        el(380, S),
        el(1342, S, "A C D E F G M"),
        el(1073, S, "N Y"),
        el(352, S),
        el(352, S),
        el(1073, S, "N Y"),
        syntax="P0102 C0403 P0506",
    )


def cr5() -> Segment:
    return seg(
        "CR5",
        "Home Oxygen Therapy Information",
        S,
        1,
        el(1322, S, "I R S"),
        el(380, S),
        el(1348, S, "A B C D E O"),
        el(1348, S, "A B C D E O"),
        el(352, S),
        el(380, S, name="Oxygen Flow Rate"),
        el(380, S),
        el(380, S),
        el(352, S),
        el(380, S),
        el(380, S),
        el(1349, S, "E O R S W X"),
        el(1350, S, "1 2 3"),
        el(1350, S, "1 2 3"),
        el(1350, S, "1 2 3"),
        el(380, S),
        el(1382, S, "A B C D E"),
        el(1348, S, "A B C D E O"),
    )


def cr6() -> Segment:
    return seg(
        "CR6",
        "Home Health Care Information",
        S,
        1,
        el(923, R, "1 2 3 4 5 6 7 8"),
        el(373, R, name="Certification Start Date"),
        el(1250, S, "RD8"),
        el(1251, S, name="Certification Period"),
        el(373, S),
        el(1073, S, "N U Y W"),
        el(1073, R, "N U W Y", name="Medicare Coverage Indicator"),
        el(1322, R, "I R S"),
        el(1073, S),
        el(1384, S),
        el(373, S),
        el(373, S),
        el(373, S),
        el(373, S),
        el(1250, S, "RD8"),
        el(1251, S),
        el(1384, S),
        syntax="P0304",
    )


def pwk() -> Segment:
    return seg(
        "PWK",
        "Additional Patient Information",
        S,
        10,
        el(755, R, REPORT_TYPES),
        el(756, R, "AA BM EL EM FT FX VO"),
        el(757, N),
        el(98, N),
        el(66, S, "AC"),
        el(67, S, name="Attachment Control Number"),
        el(352, S),
        syntax="P0506",
    )


def msg() -> Segment:
    return seg("MSG", "Message Text", S, 1, el(933, R), el(934, N), el(1470, N))


def procedure(qualifiers: str, usage: str = R) -> Composite:
    return comp(
        "C003",
        "Composite Medical Procedure Identifier",
        usage,
        el(235, R, qualifiers),
        el(234, R, name="Procedure Code"),
        el(1339, S),
        el(1339, S),
        el(1339, S),
        el(1339, S),
        el(352, S),
        el(234, N),
    )


def sv1() -> Segment:
    return seg(
        "SV1",
        "Professional Service",
        S,
        1,
        procedure("ER HC IV N4 WK ZZ"),
        el(782, S),
        el(355, S, "MJ UN"),
        el(380, S),
        el(1331, S),
        el(1365, N),
        comp("C004", "Composite Diagnosis Code Pointer", N, el(1328, N)),
        syntax="P0304",
    )


def sv2() -> Segment:
    return seg(
        "SV2",
        "Institutional Service Line",
        S,
        1,
        el(234, S, name="Service Line Revenue Code"),
        procedure("HC HP IV N4 WK ZZ", S),
        el(782, S),
        el(355, S, "DA UN"),
        el(380, S),
        el(1371, S),
        el(782, S),
        el(1073, S),
        el(1345, S),
        el(1337, S),
        syntax="R0102 P0405",
    )


def sv3() -> Segment:
    cavity = comp("C006", "Oral Cavity Designation", S, *(el(1361, R if i == 0 else S) for i in range(5)))
    return seg(
        "SV3",
        "Dental Service",
        S,
        1,
        procedure("AD"),
        el(782, S),
        el(1331, N),
        cavity,
        el(1358, S, "I R"),
        el(380, S),
    )


def too() -> Segment:
    surfaces = comp("C005", "Tooth Surface", S, *(el(1369, R if i == 0 else S) for i in range(5)))
    return seg("TOO", "Tooth Information", S, 32, el(1270, R, "JP"), el(1271, R), surfaces)
