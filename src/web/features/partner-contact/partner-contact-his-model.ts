import type { partnerExceptionKinds, partnerRelationships } from "../../../shared/api/treatment";
import type { AddPartnerInput, PartnerRefusalInput, Treatment } from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, isDay } from "../../ui/form-checks";
import { textOrNull as orNull } from "../cases/casework-model";

/*
 * Pure rules for partner contact seen from his side (seed 004, Rikskriscentrum): he is
 * informed; per partner he consents (written or oral) — her details then go to her own case
 * behind the information barrier — or an exception applies and she is not contacted; or he
 * says no, and the team decides whether treatment goes on. The server checks it all again.
 */

export type Relationship = (typeof partnerRelationships)[number];
export type ExceptionKind = (typeof partnerExceptionKinds)[number];
export type ConsentFormCode = "written" | "oral";
export type Partner = Treatment["partnerContact"]["partners"][number];

export const relationshipOptions: readonly Relationship[] = ["current", "former"];
export const consentFormOptions: readonly ConsentFormCode[] = ["written", "oral"];
export const exceptionKindOptions: readonly ExceptionKind[] = [
  "sheltered_housing",
  "abroad",
  "long_ended",
  "controlling_pattern",
];

export const relationshipLabels: Readonly<Record<Relationship, PlainMessageKey>> = {
  current: "partnerHis.relationship.current",
  former: "partnerHis.relationship.former",
};

export const consentFormLabels: Readonly<Record<ConsentFormCode, PlainMessageKey>> = {
  written: "partnerHis.consentForm.written",
  oral: "partnerHis.consentForm.oral",
};

export const exceptionKindLabels: Readonly<Record<ExceptionKind, PlainMessageKey>> = {
  sheltered_housing: "partnerHis.exception.sheltered_housing",
  abroad: "partnerHis.exception.abroad",
  long_ended: "partnerHis.exception.long_ended",
  controlling_pattern: "partnerHis.exception.controlling_pattern",
};

/** A text as sent: trimmed, and null when nothing is written. */

/* ---- Information about partner contact ---- */

export const informationFields = ["informedOn"] as const;

export function checkInformation(
  informedOn: string,
): Checked<{ informedOn: string }, "informedOn"> {
  if (!isDay(informedOn))
    return { ok: false, fields: { informedOn: "partnerHis.errorInformedOn" } };
  return { ok: true, body: { informedOn } };
}

/* ---- A partner: his consent with her details, or an exception ---- */

export type PartnerChoice = "consent" | "exception";

export interface AddPartnerDraft {
  relationship: Relationship | "";
  choice: PartnerChoice | "";
  consentForm: ConsentFormCode | "";
  givenOn: string;
  givenName: string;
  familyName: string;
  identityNumber: string;
  phone: string;
  postalAddress: string;
  email: string;
  exceptionKind: ExceptionKind | "";
  reason: string;
  teamDecidedOn: string;
}

export const emptyAddPartnerDraft: AddPartnerDraft = {
  relationship: "",
  choice: "",
  consentForm: "",
  givenOn: "",
  givenName: "",
  familyName: "",
  identityNumber: "",
  phone: "",
  postalAddress: "",
  email: "",
  exceptionKind: "",
  reason: "",
  teamDecidedOn: "",
};

/**
 * Every key a message may come under (the server's, dotted for nested fields): "consent"
 * and "exception" are about the choice itself, "partner" about her details as a whole.
 */
export const addPartnerFields = [
  "relationship",
  "consent",
  "consent.form",
  "consent.givenOn",
  "partner",
  "partner.givenName",
  "partner.familyName",
  "partner.identityNumber",
  "partner.phone",
  "partner.postalAddress",
  "partner.email",
  "exception",
  "exception.kind",
  "exception.reason",
  "exception.teamDecidedOn",
] as const;
export type AddPartnerField = (typeof addPartnerFields)[number];

/**
 * What can be told before sending: who she is to him, and either his consent (form, date,
 * her name and at least one way to reach her) or the exception (kind, reason, and the team's
 * decision date when the pattern is strongly controlling). Only the chosen part is sent.
 */
export function checkAddPartner(draft: AddPartnerDraft): Checked<AddPartnerInput, AddPartnerField> {
  const fields: Partial<Record<AddPartnerField, PlainMessageKey>> = {};
  if (draft.relationship === "") fields.relationship = "partnerHis.errorRelationship";
  if (draft.choice === "") fields.consent = "partnerHis.errorChoice";
  if (draft.choice === "consent") {
    if (draft.consentForm === "") fields["consent.form"] = "partnerHis.errorConsentForm";
    if (!isDay(draft.givenOn)) fields["consent.givenOn"] = "partnerHis.errorGivenOn";
    if (draft.givenName.trim() === "") fields["partner.givenName"] = "partnerHis.errorGivenName";
    if (draft.familyName.trim() === "") fields["partner.familyName"] = "partnerHis.errorFamilyName";
    if (!orNull(draft.phone) && !orNull(draft.postalAddress) && !orNull(draft.email))
      fields["partner.phone"] = "partnerHis.errorReach";
  }
  if (draft.choice === "exception") {
    if (draft.exceptionKind === "") fields["exception.kind"] = "partnerHis.errorExceptionKind";
    if (draft.reason.trim() === "") fields["exception.reason"] = "partnerHis.errorExceptionReason";
    if (draft.exceptionKind === "controlling_pattern" && !isDay(draft.teamDecidedOn))
      fields["exception.teamDecidedOn"] = "partnerHis.errorTeamDecidedOnControlling";
    else if (draft.teamDecidedOn !== "" && !isDay(draft.teamDecidedOn))
      fields["exception.teamDecidedOn"] = "partnerHis.errorTeamDecidedOn";
  }
  if (Object.keys(fields).length > 0 || draft.relationship === "") return { ok: false, fields };
  if (draft.choice === "consent" && draft.consentForm !== "")
    return {
      ok: true,
      body: {
        relationship: draft.relationship,
        consent: { form: draft.consentForm, givenOn: draft.givenOn },
        partner: {
          givenName: draft.givenName.trim(),
          familyName: draft.familyName.trim(),
          identityNumber: orNull(draft.identityNumber),
          phone: orNull(draft.phone),
          postalAddress: orNull(draft.postalAddress),
          email: orNull(draft.email),
        },
        exception: null,
      },
    };
  if (draft.choice === "exception" && draft.exceptionKind !== "")
    return {
      ok: true,
      body: {
        relationship: draft.relationship,
        consent: null,
        partner: null,
        exception: {
          kind: draft.exceptionKind,
          reason: draft.reason.trim(),
          teamDecidedOn: draft.teamDecidedOn === "" ? null : draft.teamDecidedOn,
        },
      },
    };
  return { ok: false, fields };
}

/* ---- His refusal, and the team's decision ---- */

export interface RefusalDraft {
  refusedOn: string;
  teamDecidedOn: string;
  continueTreatment: "yes" | "no" | "";
  reasoning: string;
}

export const emptyRefusalDraft: RefusalDraft = {
  refusedOn: "",
  teamDecidedOn: "",
  continueTreatment: "",
  reasoning: "",
};

export const refusalFields = [
  "refusedOn",
  "teamDecidedOn",
  "continueTreatment",
  "reasoning",
] as const;
export type RefusalField = (typeof refusalFields)[number];

export function checkRefusal(draft: RefusalDraft): Checked<PartnerRefusalInput, RefusalField> {
  const fields: Partial<Record<RefusalField, PlainMessageKey>> = {};
  if (!isDay(draft.refusedOn)) fields.refusedOn = "partnerHis.errorRefusedOn";
  if (!isDay(draft.teamDecidedOn)) fields.teamDecidedOn = "partnerHis.errorRefusalTeamDecidedOn";
  if (draft.continueTreatment === "") fields.continueTreatment = "partnerHis.errorContinue";
  if (draft.reasoning.trim() === "") fields.reasoning = "partnerHis.errorReasoning";
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: {
      refusedOn: draft.refusedOn,
      teamDecidedOn: draft.teamDecidedOn,
      continueTreatment: draft.continueTreatment === "yes",
      reasoning: draft.reasoning.trim(),
    },
  };
}

/* ---- Withdrawn consent ---- */

export const withdrawFields = ["withdrawnOn"] as const;

export function checkWithdraw(
  withdrawnOn: string,
): Checked<{ withdrawnOn: string }, "withdrawnOn"> {
  if (!isDay(withdrawnOn))
    return { ok: false, fields: { withdrawnOn: "partnerHis.errorWithdrawnOn" } };
  return { ok: true, body: { withdrawnOn } };
}

/* ---- What the panel offers ---- */

/** A consent he has given and not taken back: the partner he may still withdraw it for. */
export const hasActiveConsent = (p: Partner) =>
  p.consent !== null && p.consent.withdrawnOn === null;

/**
 * Which forms the partner contact's state calls for. None once the treatment has ended (the
 * server refuses changes then). A refusal is his answer once, and not while he consents for
 * someone: that consent is withdrawn instead.
 */
export function partnerForms(treatment: Treatment, canWrite: boolean) {
  const open = canWrite && treatment.phase !== "ended";
  const pc = treatment.partnerContact;
  return {
    information: open && pc.informedOn === null,
    addPartner: open,
    refusal: open && pc.refusal === null && !pc.partners.some(hasActiveConsent),
    withdraw: open,
  };
}

/** The partner a successful save added (the server answers with the whole list), or null. */
export function addedPartner(before: readonly Partner[], after: readonly Partner[]) {
  const known = new Set(before.map((p) => p.id));
  return after.find((p) => !known.has(p.id)) ?? null;
}

/** Id of the element that shows a partner, for moving focus to it. */
export const partnerElementId = (id: string) => `partner-his-${id}`;
