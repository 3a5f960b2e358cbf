"""Every finding code the validators can emit: one registry, the source of docs/findings.md.

Each entry has a stable snake_case code, a severity, a message template (one sentence an intake
clerk can act on; `{names}` are filled from the finding's parameters) and the X12 278 AAA03
reject reason code (with the loop its AAA segment belongs in) that a 278 response would carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from referrals.domain import Finding, Severity

E = Severity.ERROR
W = Severity.WARNING

# The 278 loops an AAA segment can sit in.
SUBSCRIBER = "2010C"
REQUESTER = "2010B"
EVENT = "2000E"
SERVICE = "2000F"


@dataclass(frozen=True)
class FindingSpec:
    code: str
    severity: Severity
    template: str
    aaa03: str
    loop: str

    def render(self, field: str | None, /, **params: object) -> Finding:
        message = self.template.format(**params)
        return Finding.model_construct(field=field, code=self.code, severity=self.severity, message=message)


_SPECS: tuple[FindingSpec, ...] = (
    # Member and payer
    FindingSpec(
        "member_name_missing",
        E,
        "The member's name is incomplete (no {part}); ask the ordering office "
        "for the member's full name as on the insurance card.",
        "73",
        SUBSCRIBER,
    ),
    FindingSpec(
        "dob_missing",
        E,
        "The member's date of birth is missing; ask the ordering office for it.",
        "58",
        SUBSCRIBER,
    ),
    FindingSpec(
        "dob_in_future",
        E,
        "The member's date of birth {dob} is in the future; ask the ordering office to confirm it.",
        "58",
        SUBSCRIBER,
    ),
    FindingSpec(
        "dob_implausible",
        E,
        "The member's date of birth {dob} gives an age of {age} years; ask the "
        "ordering office to confirm it.",
        "58",
        SUBSCRIBER,
    ),
    FindingSpec(
        "dob_after_service",
        E,
        "The member's date of birth {dob} is after the date of service "
        "{service_date}; ask the ordering office to confirm both dates.",
        "60",
        EVENT,
    ),
    FindingSpec(
        "member_id_missing",
        E,
        "The member ID is missing; ask the ordering office for the ID on the member's insurance card.",
        "72",
        SUBSCRIBER,
    ),
    FindingSpec(
        "payer_missing",
        E,
        "The payer (health plan) is not named; ask the ordering office which plan covers the member.",
        "15",
        SUBSCRIBER,
    ),
    FindingSpec(
        "member_address_missing",
        E,
        "The delivery address is {what}; ask the ordering office for "
        "the member's street, city, state and ZIP.",
        "15",
        SUBSCRIBER,
    ),
    FindingSpec(
        "member_phone_missing",
        E,
        "The member's phone number is missing; ask the ordering office for it so delivery can be arranged.",
        "15",
        SUBSCRIBER,
    ),
    # Ordering clinician
    FindingSpec(
        "ordering_provider_name_missing",
        E,
        "The ordering clinician's name is missing; ask the ordering office who signed the order.",
        "44",
        REQUESTER,
    ),
    FindingSpec("npi_missing", E, "The {who}'s NPI is missing; ask the sender for it.", "43", REQUESTER),
    FindingSpec(
        "npi_character",
        E,
        "The {who}'s NPI {npi} contains {char_name}; an NPI is 10 digits (0-9) "
        "only, so ask the sender to confirm it.",
        "43",
        REQUESTER,
    ),
    FindingSpec(
        "npi_format",
        E,
        "The {who}'s NPI {npi} {problem}; ask the sender to confirm the NPI.",
        "43",
        REQUESTER,
    ),
    FindingSpec(
        "npi_checksum",
        E,
        "The {who}'s NPI {npi} fails its check digit (expected {expected} as "
        "the last digit); ask the sender to confirm the NPI.",
        "43",
        REQUESTER,
    ),
    FindingSpec(
        "signature_missing",
        E,
        "The order is not signed; ask the ordering clinician to sign and date it and fax it back.",
        "15",
        EVENT,
    ),
    FindingSpec(
        "signature_date_in_future",
        E,
        "The signature date {date} is in the future; ask the ordering office to confirm it.",
        "56",
        EVENT,
    ),
    # Diagnoses
    FindingSpec(
        "diagnosis_missing",
        E,
        "No ICD-10-CM diagnosis code is given; ask the ordering office for one.",
        "AF",
        EVENT,
    ),
    FindingSpec(
        "diagnosis_duplicate", W, "Diagnosis {code} is listed twice; remove the duplicate.", "AF", EVENT
    ),
    FindingSpec(
        "icd10_format",
        E,
        "Diagnosis code {code} is not written as an ICD-10-CM code; ask the "
        "ordering office for the ICD-10-CM code.",
        "AF",
        EVENT,
    ),
    FindingSpec(
        "icd10_unknown",
        E,
        "Diagnosis code {code} does not exist in ICD-10-CM; ask the ordering office for the correct code.",
        "AF",
        EVENT,
    ),
    FindingSpec(
        "icd10_not_billable",
        E,
        "Diagnosis {code} is a heading, not a billable code{on_date}; use "
        "{suggestion} or a more specific code under {code}.",
        "AF",
        EVENT,
    ),
    FindingSpec(
        "icd10_seventh_character_missing",
        E,
        "Diagnosis {code} needs a 7th character ({choices}); ask the ordering office which one applies.",
        "AF",
        EVENT,
    ),
    FindingSpec(
        "icd10_placeholder_missing",
        E,
        "Diagnosis {code} is missing its X placeholder; the code "
        "is probably {suggestion}, so ask the ordering office to confirm it.",
        "AF",
        EVENT,
    ),
    FindingSpec(
        "icd10_not_valid_on_date",
        E,
        "Diagnosis {code} is not valid for a date of service of "
        "{service_date} ({validity}); ask the ordering office for the code in effect on that date.",
        "AF",
        EVENT,
    ),
    FindingSpec(
        "icd10_excludes1",
        W,
        "Diagnoses {code} and {other} are an Excludes1 pair that ICD-10-CM "
        "says are not coded together; ask the ordering office to confirm both.",
        "AF",
        EVENT,
    ),
    FindingSpec(
        "icd10_age_conflict",
        W,
        "Diagnosis {code} is meant for {group} patients ({ages}) but the "
        "member is {age}; ask the ordering office to confirm the code and the date of birth.",
        "69",
        EVENT,
    ),
    FindingSpec(
        "icd10_sex_conflict",
        W,
        "Diagnosis {code} applies to {sex} patients only but the member's "
        "sex is {member_sex}; ask the ordering office to confirm the code.",
        "70",
        EVENT,
    ),
    FindingSpec(
        "icd10_manifestation_first",
        W,
        "Diagnosis {code} is a manifestation code and cannot be "
        "listed first; list the underlying condition first.",
        "AF",
        EVENT,
    ),
    # Services
    FindingSpec(
        "service_missing",
        E,
        "No service or item (HCPCS/CPT code) is given; ask the ordering office what is ordered.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "procedure_code_format",
        E,
        "Service code {code} is neither a CPT nor a HCPCS code; ask for the correct code.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "procedure_system_mismatch",
        E,
        "Service code {code} is labelled {given} but has the form "
        "of a {actual} code; check the code and its code system.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "hcpcs_unknown",
        E,
        "HCPCS code {code} is not in the CMS HCPCS file ({version}); ask the "
        "ordering office for the correct code.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "hcpcs_terminated",
        E,
        "HCPCS code {code} was discontinued on {term_date}, before the date "
        "of service {service_date}; ask for the replacement code.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "hcpcs_not_yet_effective",
        E,
        "HCPCS code {code} takes effect on {effective}, after the "
        "date of service {service_date}; ask for the code in effect on that date.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "cpt_unknown",
        E,
        "CPT code {code} is not in the imported CPT list ({version}); ask the "
        "ordering office for the correct code.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "too_many_modifiers",
        E,
        "{count} modifiers are given for {code}; at most 4 are allowed, so ask which ones apply.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "modifier_format",
        E,
        "Modifier {modifier} on {code} is not two letters or digits; ask for the correct modifier.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "dme_rental_modifier_missing",
        W,
        "{code} is DME that is rented or bought but has no RR, NU or UE "
        "modifier; ask whether it is a rental (RR), a new purchase (NU) or a used purchase (UE).",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "quantity_missing",
        E,
        "No quantity is given for {code}; ask the ordering office how many are ordered.",
        "15",
        SERVICE,
    ),
    FindingSpec(
        "quantity_invalid",
        E,
        "The quantity {quantity} for {code} is not a positive number; ask "
        "the ordering office for the quantity.",
        "15",
        SERVICE,
    ),
    FindingSpec(
        "infusion_drug_missing",
        E,
        "The infusion order names no drug (a J-code or the drug's name); "
        "ask the ordering office for the drug.",
        "15",
        SERVICE,
    ),
    FindingSpec(
        "infusion_dose_missing",
        E,
        "The infusion order gives no dose or quantity for {code}; ask the ordering office for it.",
        "15",
        SERVICE,
    ),
    FindingSpec(
        "service_type_missing",
        W,
        "The order does not say whether it is DME, home health or home "
        "infusion; set the service type so the right checks apply.",
        "15",
        EVENT,
    ),
    # Dates
    FindingSpec(
        "order_date_missing",
        E,
        "The order date is missing; ask the ordering office for the date the order was written.",
        "15",
        EVENT,
    ),
    FindingSpec(
        "order_date_in_future",
        E,
        "The order date {date} is in the future; ask the ordering office to confirm it.",
        "56",
        EVENT,
    ),
    FindingSpec(
        "start_date_missing",
        E,
        "The requested start date (date of service) is missing; ask the "
        "ordering office when the service should start.",
        "57",
        EVENT,
    ),
    FindingSpec(
        "start_before_order",
        E,
        "The requested start {start} is before the order date {order}; ask "
        "the ordering office to confirm both dates.",
        "56",
        EVENT,
    ),
    FindingSpec(
        "service_outside_authorization",
        E,
        "The date of service {date} is outside the authorized "
        "period {start} to {end}; ask the payer to extend the authorization or correct the date.",
        "57",
        EVENT,
    ),
    FindingSpec(
        "service_date_missing",
        E,
        "Service line {line} has no date of service; ask the billing office for it.",
        "57",
        SERVICE,
    ),
    # Claims
    FindingSpec(
        "claim_no_lines",
        E,
        "The claim has no service lines; ask the billing office to resend it.",
        "AG",
        SERVICE,
    ),
    FindingSpec(
        "claim_charge_unbalanced",
        E,
        "The claim's total charge {total} is not the sum of its line "
        "charges {line_sum}; ask the billing office to correct and resend the claim.",
        "33",
        EVENT,
    ),
)

REGISTRY: dict[str, FindingSpec] = {spec.code: spec for spec in _SPECS}


def finding(kind: str, field: str | None, /, **params: object) -> Finding:
    """The finding with code `kind` about `field`, its message filled from `params`."""
    return REGISTRY[kind].render(field, **params)
