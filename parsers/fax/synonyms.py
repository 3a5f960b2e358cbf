"""Label synonyms: how order forms name each field, and whose field it is (patient, provider, ...).

A label is `strong` when it is distinctive enough to count anywhere on a line ("date of birth",
"NPI"); a weak one ("Name", "To", "Plan") counts only at the start of a segment or before a colon.
A label without a role takes the role of the nearest name label above it in the same column (roles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.fax.model import Segment

PATIENT, PROVIDER, SUPPLIER, PAYER = "patient", "provider", "supplier", "payer"
OTHER = "other"  # a person none of whose fields is the record's (an emergency contact, a caregiver)
NOT_A_FIELD = "none"  # a caption of something the record does not hold ('Group #', 'MRN', 'Place of Service')


@dataclass(frozen=True)
class Label:
    kind: str  # name org npi phone fax dob sex member_id address order_date start_date discharge_date
    role: str | None
    strong: bool
    pattern: re.Pattern[str]
    # A weak label that counts only where its segment starts: after a word it names someone else's
    # ('Facility Name:', 'Contact Name:', 'Bill To:').
    alone: bool = False


def _label(kind: str, role: str | None, strong: bool, *synonyms: str, alone: bool = False) -> list[Label]:
    return [
        Label(kind, role, strong, re.compile(rf"(?<![A-Za-z]){_as_read(s)}(?![A-Za-z])", re.IGNORECASE), alone)
        for s in synonyms
    ]


def _as_read(synonym: str) -> str:
    """A caption also as OCR reads it: 'date' with its D as an O ('Order Oate') or its E as an L ('DATL
    OF REQUEST': small capitals), 'ID' with its I as
    '(', '{', '|', '[', '!', 'l' or '1' ('Member (D:', 'Medicare {D:'), and 'of' run into the word after it
    ('Date oforder')."""
    spaced = synonym.replace("date", "[do]at[el]").replace(" of ", " of ?")
    return re.sub(r"(?<![a-z])id(?![a-z])", r"[i({|[!l1]d", spaced)


# a phone number right after a caption: '(860) 555-7573', '860-555-8725'
PHONE_AHEAD = r"\s*[:#]?\s*\(?[0-9]{3}\)?[\s.\-]*[0-9]{3}[\s.\-]*[0-9]{4}(?![0-9])"
# A possessive as printed and as OCR returns it ("Patient's", "Patients", "Patient s", "Patient’s").
POSS = r"(?:['’`]?s|\s['’`]?s)?"
# a slash between a caption's alternatives ('Servicing Provider / Vendor'), also as OCR reads a thin one in
# small print: a bar, a brace or a bracket, a J, an l or an I
SLASH = r"[/{\[|JlI]"
# What a name label goes on to name in the same box ("Patient's Name and Address", "Provider's Name,
# Address and Telephone", "Name and NPI"): part of the label, never of the value under it.
# A certificate of medical necessity asks for the supplier's "NSC or NPI #" and the physician's "UPIN or NPI #".
TAIL_ID = r"(?:(?:nsc|upin|ptan)\s*(?:or|/)\s*)?npi(?:\s*#)?"
# (its D read as O in small capitals: 'NAME, ADORESS, TELEPHONE')
TAIL = rf"(?:\s*(?:,|and|&|/)\s*(?:ad[do]ress|addr\.?|{TAIL_ID}|telephone|phone|tel\.?|title|credentials|id))*"
# The unit an address caption asks for in its box too ('Street address / apt', as OCR reads its slash
# 'STREET ADDRESS | APT'): part of the caption, never of the value under it.
UNIT = rf"(?:\s*{SLASH}\s*(?:apt|apartment|unit|suite|ste)\.?(?:\s*(?:#|no\.?))?)?"
# The clinician who orders: 'Ordering', 'Referring', 'Treating', 'Prescribing' ... Physician.
SIGNING_WORD = r"(?:ordering|referring|certifying|treating|prescribing|requesting)"
# ... also with a second such word in brackets or after a slash ('Requesting (Ordering) Provider', 'Referring/Ordering')
SIGNING = rf"{SIGNING_WORD}(?:\s*(?:[(\[{{]\s*{SIGNING_WORD}\s*[)\]}}]|/\s*{SIGNING_WORD}))?"
# A party's 'NAME' after its party's word, also with its capital N read as M ('PATIENT MAME, ADDRESS'):
# only there, never a bare 'Mame'
PARTY_NAME = r"[nm]ame"
# '... of Facility' ('Name and Address of Facility if applicable'): someone else's name, not the patient's.
NOT_OURS = rf"(?!{TAIL}\s*of\b)"
# A name label that also announces the address in its box: the lines under the name are the address.
ADDRESS_IN_TAIL = re.compile(r"(?:,|and|&|/)\s*(?:ad[do]ress|addr\b)", re.IGNORECASE)


# A name asked for in parts: 'Last Name', 'Surname', 'First Name', 'Given Name', 'Middle Name', 'M.I.'.
PART_CAPTION = re.compile(
    r"(?:(?P<last>(?:last|family)\s+name|sur ?name)|(?P<first>(?:first|given)\s+name)"
    r"|middle\s+(?:name|initial)|m\.\s?i\.)$",
    re.IGNORECASE,
)


# 'To: ABC Home Medical', 'Send to: Northside DME': whom the order goes to (weak: at its segment's start only)
TO_LABELS = _label("org", SUPPLIER, False, r"to", r"sen[dt] t[oa]", alone=True)  # "Send ta:": o read as a
LABELS: list[Label] = [
    *_label(
        "name",
        PATIENT,
        True,
        rf"(?:patient|pt\.?){POSS} (?:full )?{PARTY_NAME}{TAIL}",  # 'PT NAME', 'Pt. Name': a chart's abbreviation
        r"patent name",  # 'Patient name' with its thin i lost in a narrow face ('patent' is a word: no fuzzy match)
        # a Medicaid form's 'Recipient Name', a Medicare plan's 'Enrollee Name'
        rf"(?:member|client|resident|beneficiary|recipient|enrollee){POSS} {PARTY_NAME}{TAIL}",
        r"name of patient",
        # a payer form's party heading: the name, id and birth date under it are the member's
        r"(?:member|recipient|beneficiary|enrollee) (?:information|info|demographics)",
    ),
    # 'MEMBER NAME (FIRST, LAST)' with its NAME garbled ('MEMBER WAM (FIRS LAST)'): the party's word and the
    # name-order hint after it ask for the name all the same
    Label(
        "name",
        PATIENT,
        True,
        re.compile(
            r"(?<![A-Za-z])(?:member|patient)\s+(?!(?:id|since|phone|sign)\b)[‘’'\"`]?[a-z]{3,5}\s*[(\[{]\s*"
            r"(?:firs?t?|last)[\s,]+(?:firs?t?|last)(?![A-Za-z])\s*[)\]}]?",
            re.IGNORECASE,
        ),
    ),
    # a letter's 'Re:' only with its colon: a bare 're' is as often two specks OCR read as letters
    # ('BENEFICIARY' alone, Medicare's word for the patient: a CMS form's heading over the patient's block)
    *_label("name", PATIENT, False, r"patient", r"beneficiary(?=\s*$)", r"re(?=\s*[:;])"),
    *_label("name", PATIENT, False, rf"name{NOT_OURS}{TAIL}", alone=True),
    # a name asked for in parts ('Last Name | First Name | M.I.'): whose it is comes from its column or
    # row; its middle initial ('M.I.', with its dots: a bare 'MI' is as often Michigan) fills no field
    # but ends the first name's cell
    *_label(
        "name",
        None,
        False,
        r"(?:last|first|middle|family|given) name",
        r"sur ?name",
        r"middle initial",
        r"m\.\s?i\.",
        alone=True,
    ),
    *_label(
        "name",
        PROVIDER,
        True,
        # an order's 'Treating Practitioner's Printed Name and NPI': the printed name beside the signature
        rf"{SIGNING} (?:physician|provider|clinician|practitioner|md|doctor){POSS}(?: printed)?(?: name)?{TAIL}",
        # CMS's word, since 2020, for a non-physician who may certify and order home health
        rf"allowed (?:practitioner|provider){POSS}(?: printed)?(?: name)?{TAIL}",
        r"attending (?:md|doctor)",
        r"ordered by",  # an EHR's printed order: 'Ordered by: Priya Patel, MD'
        rf"(?:attending )?physician{POSS} name{TAIL}",
    ),
    *_label(
        "name",
        PROVIDER,
        False,
        r"physician",
        r"attending(?: physician)?",
        r"prescriber",
        r"doctor",
        # 'Practitioner Name:' where its segment starts, never a bare 'Practitioner' ('Nurse Practitioner:')
        rf"practitioner{POSS} (?:printed )?name{TAIL}",
        r"dr\.?",
    ),
    *_label(
        "org",
        SUPPLIER,
        True,
        r"refer(?:red)? t[oq]",  # its O read as Q in a header's capitals ('-- REFERRED TQ ---')
        r"dme supplier",
        r"(?:dme|home health|infusion|home infusion) (?:provider|company|vendor|pharmacy)",
        r"home health agency",
        # 'Servicing Provider/Vendor': the other party nouns a form names the same box by (its slash as
        # OCR may read it in small print: 'SERVICING PROVIDER { VENDOR')
        rf"(?:servicing|rendering) provider(?:\s*{SLASH}\s*(?:vendor|supplier|agency)){{0,2}}{POSS}(?: name)?{TAIL}",
        rf"(?:agency|supplier|vendor){POSS} name{TAIL}",
        r"(?:accepting|receiving|selected) (?:agency|provider|supplier|vendor)",
        r"dispensing (?:pharmacy|provider|supplier)",  # a prescription form's: who fills the order
        r"(?:specialty |infusion )?pharmacy name",
        r"specialty pharmacy",
        r"hha name",  # a home health agency's abbreviation
        # a prescription's 'Dispense through: Northside DME': who fills the order ('Dispensed by', 'Dispense via')
        r"dispensed? (?:through|thru|via|by)",
    ),
    *_label("org", SUPPLIER, False, r"supplier", r"agency", r"vendor"),
    *TO_LABELS,
    # Anchors of a block about someone else: the name, phone and address under them are not the patient's.
    # ... 'Emergency' alone too: OCR garbles the word after it ('Emergency Contec Phone'), and a phone
    # under it taken for the patient's would be a silent error
    *_label("name", OTHER, True, r"emergency(?: contact)?(?: name| person| phone)?", r"next of kin"),
    # a primary care physician is not the one ordering, nor are their NPI and phone the orderer's
    *_label("name", OTHER, True, r"primary care (?:physician|provider)(?: name)?", r"pcp(?: name)?"),
    *_label(
        "name",
        OTHER,
        False,
        rf"(?:caregiver|guardian|guarantor|spouse|contact person|responsible party){POSS}(?: name)?",
        # who sends a referral: the hospital and its staff, whose phone is not the patient's
        r"(?:referring|discharging|sending) (?:facility|hospital)(?: name)?",
        r"(?:facility|hospital) name",  # not a bare 'Hospital' ('Hospital bed', '88 Hospital Drive')
        r"(?:case manager|discharge planner|social worker|care coordinator|referral coordinator)(?: name)?",
        # who makes the referral (a case manager as often as the physician), and the insured, who may be
        # a spouse or parent: neither's name or phone is the patient's or the ordering physician's
        r"referr(?:er|al source)(?: full)?(?: name)?",
        rf"(?:insured|subscriber|policy ?holder){POSS} name",
    ),
    *_label(
        "org",
        PAYER,
        True,
        r"primary (?:insurance|payer|payor|ins\.?)(?: name)?",  # not a secondary one: the referral's payer is the first
        r"primary [a-z0-9|]ns(?= ?:)",  # 'Primary tns :', 'Primary 2ns :': its 'ins' garbled, before its colon
        r"insurance (?:company|carrier|plan)(?: name)?",
        r"pay[eo]r name",
        r"primary insurer",
        r"insurer name",
    ),
    # weak: 'Acme Health Plan' is a payer's name, not a caption in it
    *_label("org", PAYER, False, r"insurance", r"insurer", r"pay[eo]r", r"health ?plan(?: name)?", r"plan"),
    # 'INS' (a chart's abbreviation of insurance) only where its segment starts: inside a name it is a word
    *_label("org", PAYER, False, r"ins\.?(?: co\.?| company| plan)?", alone=True),
    *_label("npi", PROVIDER, True, r"(?:physician|attending|ordering|prescriber) ?np[il1!|\]]"),
    # an infusion pharmacy dispenses what is ordered: its NPI is the supplier's; a servicing/rendering
    # provider or vendor is the supplier by another noun
    *_label(
        "npi", SUPPLIER, True, r"(?:supplier|agency|dme|(?:infusion )?pharmacy|servicing|rendering|vendor) ?np[il1!|\]]"
    ),
    *_label("npi", None, True, r"np[il1!|?\]}](?: ?#| number| no\.?)?"),  # ?, ] and } a thin I as OCR may read it
    *_label("npi", None, True, r"npt(?= ?[:#])"),  # its I read as T ('NPT: 1160133397'): only before its colon
    # 'NPI' with its P read as F: a caption only before ':' or '#' or at a segment's start
    *_label("npi", None, False, r"nf[il1!|](?: ?#)?"),
    *_label(
        "phone",
        PATIENT,
        True,
        rf"(?:patient|pt\.?|home|member){POSS} ?(?:phone|telephone|tel\.?)(?: no\.?| number| #)?",
    ),
    # 'Office #' beside 'Fax #' under the physician: the office's telephone number
    *_label("phone", PROVIDER, True, r"(?:physician|office) ?(?:phone|telephone|tel)", r"office ?(?:#|no\.|number)"),
    # a supplier's intake desk ('Intake phone', 'Intake fax', 'Referral intake tel'): where the order is sent,
    # never the orderer's number (the record holds no supplier phone: it fills nothing)
    *_label("phone", SUPPLIER, True, r"intake ?(?:phone|telephone|tel\.?|line)"),
    *_label("fax", SUPPLIER, True, r"intake ?fax(?: ?#| no\.?)?"),
    *_label("phone", None, True, r"telephone", r"phone", r"tel\.?", r"ph", r"call ?back(?: number| no\.?| #)?"),
    *_label("phone", None, False, r"te[t1I]"),  # 'Tel' with its l misread, a caption only before ':'/at the start
    *_label("fax", PROVIDER, True, r"(?:physician|office) ?fax", r"fax(?: ?#| no\.?)?"),
    *_label("fax", PROVIDER, False, r"fux", alone=True),  # 'Fax' with its a read as u: only where a caption stands
    # a letterhead's 'Tel' and 'Fax' in small print with one glyph misread ('Te)', 'Tax'): a caption only
    # right before a phone number ('Tax (860) 555-7573'), never a word of a tax id or of a sentence
    *_label("phone", None, True, rf"(?-i:T)e[)\]}}|!](?={PHONE_AHEAD})"),
    *_label("fax", PROVIDER, True, rf"(?-i:T)ax(?={PHONE_AHEAD})"),
    *_label(
        "address",
        PATIENT,
        True,
        r"(?:patient|pt\.?|member|client)'?s? (?:home |delivery |mailing )?address",
        r"(?:home|delivery|residential|shipping|mailing|discharge|current|permanent) address",
        r"ship(?:ping)? to",
        r"deliver to",
    ),
    # ('ADORESS': small capitals' D read as an O; 'Steet', 'Stret': 'Street' with a letter OCR lost in a narrow face)
    *_label("address", None, False, rf"ad[do]ress{UNIT}", rf"st(?:r?eet|ret)(?: ad[do]ress)?{UNIT}", r"addr\.?"),
    # ('Date of rth': birth's thin 'bi' lost in a narrow face)
    *_label("dob", PATIENT, True, r"date of (?:b[il1]?)?rth", r"d\.?o\.?b\.?", r"birth ?date", r"born"),
    # a small box caption 'DATE OF BIRTH' with its first word garbled ('OAFE OF BIRTH', 'SATE OF BIRTH',
    # 'SDATE UF BIRTH'): 'of birth' after a short word that names no other thing of a birth
    Label(
        "dob",
        PATIENT,
        False,
        re.compile(
            r"(?<![A-Za-z])(?!(?:place|city|town|state|year|proof|site|order|time)\b)"
            r"[a-z]{2,5} [ou0]f birth(?![A-Za-z])",
            re.I,
        ),
    ),
    *_label("sex", PATIENT, True, rf"(?:patient|member){POSS} (?:sex|gender)"),
    *_label("sex", PATIENT, False, r"sex", r"gender"),
    *_label(
        "member_id",
        PATIENT,
        True,
        r"(?:medicare|medicaid) ?/ ?member (?:no\.?|number|id|#)",
        # 'Member/Subscriber Number', 'Subscriber/Policy #': one id a form names by two nouns
        r"(?:member|subscriber)(?:\s*/\s*(?:member|subscriber|po(?:li|h)[ce]y))? (?:id|no\.?|number|#)",  # 'li' as 'h'
        # a Medicaid form's 'Recipient ID', a Medicare plan's 'Enrollee ID', a claim form's "Insured's ID Number"
        rf"(?:recipient|enrollee|insured){POSS} (?:id(?: ?#| no\.?| number)?|no\.?|number|#)",
        r"(?:medicare|medicaid) (?:id|no\.?|#|number)",
        # a serif 'li' OCR reads as one 'h' ('pohcy #'), its c also as e ('pohey')
        r"po(?:li|h)[ce]y(?:\s*/\s*id)? (?:id|no\.?|number|#)",
        r"ins(?:urance|[.,])? id",  # 'Ins, ID #': a comma is a misread full stop
        rf"(?:patient{POSS} )?(?:hi |health insurance )?claim (?:no\.?|number|#)",
        r"beneficiary (?:id|no\.?|number|#)",
        r"hicn",
        r"hic (?:no\.?|number|#)",  # CMS-484's 'Patient Name, Address, Telephone and HIC Number'
        r"mbi",
        r"medicare beneficiary identifier",
    ),
    # a bare 'ID #' is the patient's only where its segment starts: 'Order ID #', 'Case ID #' are not
    *_label("member_id", PATIENT, False, r"id ?#", r"id no\.?", r"identification (?:#|no\.?|number)", alone=True),
    *_label(
        "order_date",
        None,
        True,
        r"order date",
        r"date ordered",
        r"date of (?:the )?order",
        r"referral date",
        r"date of referral",
        r"ordered on",
        r"(?:prescription|rx) date",
        r"date of (?:prescription|request)",
        r"request date",
    ),
    *_label(
        "start_date",
        None,
        True,
        r"start date",
        r"start of (?:care|therapy|services?|infusion)",  # an infusion pharmacy's 'Start of Therapy'
        r"soc date",
        r"(?:anticipated|expected|projected|planned|requested) soc(?: date)?",
        r"services to begin",
        r"requested start",
        r"please start on",
        # a letter's sentence: 'Please begin home health care on November 20, 2026', 'start services on'
        r"(?:begin|start|resume)(?: (?:home health|home care|skilled|nursing|therapy))? (?:care|services|visits) on",
        r"begin(?:ning)? date",
        r"date needed",
        r"needed by",
        r"(?:start\s*/\s*)?set-?\s?up date",  # a DME supplier's 'Start / set-up date': when it is set up at home
        # 'Set-up on or after', 'Deliver on or after': the earliest day the order starts ('after' as OCR
        # garbles its small print: 'aher', 'alter'; the words run together: 'Set upon or after', 'onoraher')
        r"(?:set[- ]?\s?up|deliver(?:y)?|start|begin) ?on ?or ?a(?:fter|[a-z]{2,4}(?![A-Za-z]))",
        r"start",
    ),
    *_label(
        "discharge_date",
        None,
        True,
        r"discharge date",
        r"hosp(?:ital|\.|,)? discharge(?: date)?",
        r"date of discharge",
        r"discharged from (?:the )?hospital on",
        r"discharged on",
        r"discharged (?:to )?home on",  # a letter's 'will be discharged home on November 19, 2026'
        # ... and as an EHR abbreviates them ('Anticip. D/C', 'Exp. D/C', 'Proj. discharge')
        r"(?:anticipated|expected|planned|projected|anticip\.?|antic\.|exp\.|est\.|proj\.)"
        r" (?:discharge|d/ ?c)(?: date)?",
        r"d/ ?c date",
        r"[do] ?[i|l1] ?c date",  # 'D/C date' with its slash read as an I ('DIC', 'OIC date')
    ),
]
# Captions of what the record does not hold: no value is ever taken across or from under them (a
# 'Member ID' with nothing after it never takes the 'Group # 12345' under it).
LABELS += _label(
    NOT_A_FIELD,
    None,
    True,
    r"group (?:no\.?|number|#|id)",
    r"mrn",
    r"medical record (?:no\.?|number|#)",
    r"(?:account|acct\.?) (?:no\.?|number|#)",
    r"place of service",
    r"(?:est(?:imated|\.)? )?length of need",
    r"certification period",
    r"relationship(?: to (?:patient|insured|subscriber))?",
    r"social security (?:no\.?|number|#)",
    r"ssn",
    # ids of a provider or supplier, not the patient's member id
    r"(?:federal )?tax id(?:entification)?(?: ?#| no\.?| number)?",
    r"(?:tin|ein|upin|ptan|dea)(?: ?#| no\.?| number)?",
    r"(?:state )?license (?:no\.?|number|#)",
    r"(?:provider|supplier|agency|facility|physician|employer) id(?: ?#| no\.?| number)?",
    r"patient id(?: ?#| no\.?| number)?",  # a hospital's own number for the patient (an MRN), not the plan's
    r"pay[eo]r id(?: ?#| no\.?| number)?",  # the payer's electronic-claims number, not the member's
    # a hospital stay's admission date: neither the discharge nor the start of care
    r"(?:hospital )?(?:admit|admission) date",
    r"date of (?:hospital )?admission",
    # a face-to-face encounter's date is neither the order's nor the start of care
    r"(?:date of (?:the )?)?(?:face[- ]to[- ]face|f2f)(?: encounter| visit)? date",
    r"date of (?:the )?(?:face[- ]to[- ]face|f2f)(?: encounter| visit)?",
)
# A bare "Provider's Name" is the agency on a form that names the physician in a box of its own
# (CMS-485), but may be the physician on another: it counts only on a page with a physician label.
BARE_PROVIDER = Label("org", SUPPLIER, False, re.compile(rf"(?<![A-Za-z])provider{POSS} name{TAIL}(?![A-Za-z])", re.I))
LABELS.append(BARE_PROVIDER)
ANCHOR_KINDS = {"name", "org"}
# a bare 'Provider :' where its segment starts: the supplier's name only in a block a supplier's caption heads
# ('-- REFERRED TO --' over 'Provider : CarePoint Infusion'; roles.py), else nobody's
BLOCK_PROVIDER = Label("org", None, False, re.compile(r"(?<![A-Za-z])provider(?![A-Za-z'’])", re.I), alone=True)
LABELS.append(BLOCK_PROVIDER)
PROVIDER_ANCHOR = Label("name", PROVIDER, True, re.compile(r"(?!)"))  # stands for a credentialed name line


@dataclass(frozen=True)
class LabelHit:
    label: Label
    segment: Segment
    start: int
    end: int
    role: str | None = None

    @property
    def kind(self) -> str:
        return self.label.kind


def label_for(field: tuple[str, str | None]) -> Label:
    """The first label of a (kind, role): the one a fuzzy caption or phrase stands for."""
    return next(lab for lab in LABELS if (lab.kind, lab.role) == field)


# Words of a health plan's name ("Blue Harbor Medicare", "Acme Health Plan").
PLAN_WORDS = {
    *("health", "healthcare", "plan", "medicare", "medicaid", "insurance", "advantage", "mutual"),
    *("assurance", "benefits", "hmo", "ppo", "blue", "shield", "cross", "care", "community"),
}
