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
    aaa03: str  # X12 278 AAA03 reject reason code
    loop: str  # the 278 loop whose AAA segment carries it
    template: str

    def render(self, field: str | None, /, **params: object) -> Finding:
        message = self.template.format(**params)
        return Finding(field=field, code=self.code, severity=self.severity, message=message)


# fmt: off
_SPECS: tuple[FindingSpec, ...] = (
    # Member and payer
    FindingSpec("member_name_missing", E, "73", SUBSCRIBER,
                "The member's name is incomplete (no {part}); ask the ordering office for the member's "
                "full name as on the insurance card."),
    FindingSpec("dob_missing", E, "58", SUBSCRIBER,
                "The member's date of birth is missing; ask the ordering office for it."),
    FindingSpec("dob_in_future", E, "58", SUBSCRIBER,
                "The member's date of birth {dob} is in the future; ask the ordering office to confirm "
                "it."),
    FindingSpec("dob_implausible", E, "58", SUBSCRIBER,
                "The member's date of birth {dob} gives an age of {age} years; ask the ordering office to"
                " confirm it."),
    FindingSpec("dob_after_service", E, "60", EVENT,
                "The member's date of birth {dob} is after the date of service {service_date}; ask the "
                "ordering office to confirm both dates."),
    FindingSpec("member_id_missing", E, "72", SUBSCRIBER,
                "The member ID is missing; ask the ordering office for the ID on the member's insurance "
                "card."),
    FindingSpec("payer_missing", E, "15", SUBSCRIBER,
                "The payer (health plan) is not named; ask the ordering office which plan covers the "
                "member."),
    FindingSpec("member_address_missing", E, "15", SUBSCRIBER,
                "The delivery address is {what}; ask the ordering office for the member's street, city, "
                "state and ZIP."),
    FindingSpec("member_phone_missing", E, "15", SUBSCRIBER,
                "The member's phone number is missing; ask the ordering office for it so delivery can be "
                "arranged."),
    # Ordering clinician and signature
    FindingSpec("ordering_provider_name_missing", E, "44", REQUESTER,
                "The ordering clinician's name is missing; ask the ordering office who signed the order."),
    FindingSpec("npi_missing", E, "43", REQUESTER,
                "The {who}'s NPI is missing; ask the sender for it."),
    FindingSpec("npi_character", E, "43", REQUESTER,
                "The {who}'s NPI {npi} contains {char_name}; an NPI is 10 digits (0-9) only, so ask the "
                "sender to confirm it."),
    FindingSpec("npi_format", E, "43", REQUESTER,
                "The {who}'s NPI {npi} {problem}; ask the sender to confirm the NPI."),
    FindingSpec("npi_checksum", E, "43", REQUESTER,
                "The {who}'s NPI {npi} fails its check digit (expected {expected} as the last digit); ask"
                " the sender to confirm the NPI."),
    FindingSpec("signature_missing", E, "15", EVENT,
                "The order is not signed; ask the ordering clinician to sign and date it and fax it back."),
    FindingSpec("signature_date_in_future", E, "56", EVENT,
                "The signature date {date} is in the future; ask the ordering office to confirm it."),
    # Diagnoses
    FindingSpec("diagnosis_missing", E, "AF", EVENT,
                "No ICD-10-CM diagnosis code is given; ask the ordering office for one."),
    FindingSpec("diagnosis_duplicate", W, "AF", EVENT,
                "Diagnosis {code} is listed twice; remove the duplicate."),
    FindingSpec("icd10_format", E, "AF", EVENT,
                "Diagnosis code {code} is not written as an ICD-10-CM code; ask the ordering office for "
                "the ICD-10-CM code."),
    FindingSpec("icd10_unknown", E, "AF", EVENT,
                "Diagnosis code {code} does not exist in ICD-10-CM; ask the ordering office for the "
                "correct code."),
    FindingSpec("icd10_not_billable", E, "AF", EVENT,
                "Diagnosis {code} is a heading, not a billable code{on_date}; use {suggestion} or a more "
                "specific code under {code}."),
    FindingSpec("icd10_seventh_character_missing", E, "AF", EVENT,
                "Diagnosis {code} needs a 7th character ({choices}); ask the ordering office which one "
                "applies."),
    FindingSpec("icd10_placeholder_missing", E, "AF", EVENT,
                "Diagnosis {code} is missing its X placeholder; the code is probably {suggestion}, so ask"
                " the ordering office to confirm it."),
    FindingSpec("icd10_not_valid_on_date", E, "AF", EVENT,
                "Diagnosis {code} is not valid for a date of service of {service_date} ({validity}); ask "
                "the ordering office for the code in effect on that date."),
    FindingSpec("icd10_excludes1", W, "AF", EVENT,
                "Diagnoses {code} and {other} are an Excludes1 pair that ICD-10-CM says are not coded "
                "together; ask the ordering office to confirm both."),
    FindingSpec("icd10_age_conflict", W, "69", EVENT,
                "Diagnosis {code} is meant for {group} patients ({ages}) but the member is {age}; ask the"
                " ordering office to confirm the code and the date of birth."),
    FindingSpec("icd10_sex_conflict", W, "70", EVENT,
                "Diagnosis {code} applies to {sex} patients only but the member's sex is {member_sex}; "
                "ask the ordering office to confirm the code."),
    FindingSpec("icd10_manifestation_first", W, "AF", EVENT,
                "Diagnosis {code} is a manifestation code and cannot be listed first; list the underlying"
                " condition first."),
    # Services
    FindingSpec("service_missing", E, "AG", SERVICE,
                "No service or item (HCPCS/CPT code) is given; ask the ordering office what is ordered."),
    FindingSpec("procedure_code_format", E, "AG", SERVICE,
                "Service code {code} is neither a CPT nor a HCPCS code; ask for the correct code."),
    FindingSpec("procedure_system_mismatch", E, "AG", SERVICE,
                "Service code {code} is labelled {given} but has the form of a {actual} code; check the "
                "code and its code system."),
    FindingSpec("hcpcs_unknown", E, "AG", SERVICE,
                "HCPCS code {code} is not in the CMS HCPCS file ({version}); ask the ordering office for "
                "the correct code."),
    FindingSpec("hcpcs_terminated", E, "AG", SERVICE,
                "HCPCS code {code} was discontinued on {term_date}, before the date of service "
                "{service_date}; ask for the replacement code."),
    FindingSpec("hcpcs_not_yet_effective", E, "AG", SERVICE,
                "HCPCS code {code} takes effect on {effective}, after the date of service {service_date};"
                " ask for the code in effect on that date."),
    FindingSpec("cpt_unknown", E, "AG", SERVICE,
                "CPT code {code} is not in the imported CPT list ({version}); ask the ordering office for"
                " the correct code."),
    FindingSpec("too_many_modifiers", E, "AG", SERVICE,
                "{count} modifiers are given for {code}; at most 4 are allowed, so ask which ones apply."),
    FindingSpec("modifier_format", E, "AG", SERVICE,
                "Modifier {modifier} on {code} is not two letters or digits; ask for the correct "
                "modifier."),
    FindingSpec("dme_rental_modifier_missing", W, "AG", SERVICE,
                "{code} is DME that is rented or bought but has no RR, NU or UE modifier; ask whether it "
                "is a rental (RR), a new purchase (NU) or a used purchase (UE)."),
    FindingSpec("quantity_missing", E, "15", SERVICE,
                "No quantity is given for {code}; ask the ordering office how many are ordered."),
    FindingSpec("quantity_invalid", E, "15", SERVICE,
                "The quantity {quantity} for {code} is not a positive number; ask the ordering office for"
                " the quantity."),
    FindingSpec("infusion_drug_missing", E, "15", SERVICE,
                "The infusion order names no drug (a J-code or the drug's name); ask the ordering office "
                "for the drug."),
    FindingSpec("infusion_dose_missing", E, "15", SERVICE,
                "The infusion order gives no dose or quantity for {code}; ask the ordering office for it."),
    FindingSpec("service_type_missing", W, "15", EVENT,
                "The order does not say whether it is DME, home health or home infusion; set the service "
                "type so the right checks apply."),
    # Dates
    FindingSpec("order_date_missing", E, "15", EVENT,
                "The order date is missing; ask the ordering office for the date the order was written."),
    FindingSpec("order_date_in_future", E, "56", EVENT,
                "The order date {date} is in the future; ask the ordering office to confirm it."),
    FindingSpec("start_date_missing", E, "57", EVENT,
                "The requested start date (date of service) is missing; ask the ordering office when the "
                "service should start."),
    FindingSpec("start_before_order", E, "56", EVENT,
                "The requested start {start} is before the order date {order}; ask the ordering office to"
                " confirm both dates."),
    FindingSpec("service_outside_authorization", E, "57", EVENT,
                "The date of service {date} is outside the authorized period {start} to {end}; ask the "
                "payer to extend the authorization or correct the date."),
    FindingSpec("service_date_missing", E, "57", SERVICE,
                "Service line {line} has no date of service; ask the billing office for it."),
    # Claims
    FindingSpec("claim_no_lines", E, "AG", SERVICE,
                "The claim has no service lines; ask the billing office to resend it."),
    FindingSpec("claim_charge_unbalanced", E, "33", EVENT,
                "The claim's total charge {total} is not the sum of its line charges {line_sum}; ask the "
                "billing office to correct and resend the claim."),
)
# fmt: on

REGISTRY: dict[str, FindingSpec] = {spec.code: spec for spec in _SPECS}


def finding(kind: str, field: str | None, /, **params: object) -> Finding:
    """The finding with code `kind` about `field`, its message filled from `params`."""
    return REGISTRY[kind].render(field, **params)
