import {
  AddPartnerBody,
  PartnerInformationBody,
  PartnerRefusalBody,
  type partnerExceptionKinds,
  type partnerRelationships,
  WithdrawConsentBody,
} from "../../../shared/api/treatment";
import type { AddPartnerInput, PartnerRefusalInput, Treatment } from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, type FieldMessages, formIssues } from "../../ui/form-issues";
import { textOrNull as orNull } from "../cases/casework-model";
import { type OutcomeDraft, withOutcome } from "../outcomes/outcome-model";

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

/* ---- Information about partner contact ---- */

export const informationFields = ["informedOn"] as const;

export const checkInformation = (
  informedOn: string,
): Checked<{ informedOn: string }, "informedOn"> =>
  formIssues(PartnerInformationBody, { informedOn }, { informedOn: "partnerHis.errorInformedOn" });

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

/** The fields the form words itself; the rest (her e-mail, personnummer) the server words. */
type AddPartnerChecked = Exclude<
  AddPartnerField,
  "partner" | "exception" | "partner.identityNumber" | "partner.postalAddress" | "partner.email"
>;

const addPartnerMessages: FieldMessages<AddPartnerChecked> = {
  relationship: "partnerHis.errorRelationship",
  consent: "partnerHis.errorChoice",
  "consent.form": "partnerHis.errorConsentForm",
  "consent.givenOn": "partnerHis.errorGivenOn",
  "partner.givenName": "partnerHis.errorGivenName",
  "partner.familyName": "partnerHis.errorFamilyName",
  "partner.phone": "partnerHis.errorReach",
  "exception.kind": "partnerHis.errorExceptionKind",
  "exception.reason": "partnerHis.errorExceptionReason",
  "exception.teamDecidedOn": {
    default: "partnerHis.errorTeamDecidedOn",
    controllingNeedsTeamDecision: "partnerHis.errorTeamDecidedOnControlling",
  },
};

/**
 * The draft as the body: only the chosen part (his consent with her details, or the
 * exception) is sent; an empty optional text is null, an empty team date is none.
 */
function addPartnerBody(draft: AddPartnerDraft) {
  const consent = draft.choice === "consent";
  const exception = draft.choice === "exception";
  return {
    relationship: draft.relationship,
    consent: consent ? { form: draft.consentForm, givenOn: draft.givenOn } : null,
    partner: consent
      ? {
          givenName: draft.givenName,
          familyName: draft.familyName,
          identityNumber: orNull(draft.identityNumber),
          phone: orNull(draft.phone),
          postalAddress: orNull(draft.postalAddress),
          email: orNull(draft.email),
        }
      : null,
    exception: exception
      ? {
          kind: draft.exceptionKind,
          reason: draft.reason,
          teamDecidedOn: draft.teamDecidedOn === "" ? null : draft.teamDecidedOn,
        }
      : null,
  };
}

/**
 * What can be told before sending, by the shared schema: who she is to him, and either his
 * consent (form, date, her name and at least one way to reach her) or the exception (kind,
 * reason, and the team's decision date when the pattern is strongly controlling).
 */
export const checkAddPartner = (
  draft: AddPartnerDraft,
): Checked<AddPartnerInput, AddPartnerField> =>
  formIssues(AddPartnerBody, addPartnerBody(draft), addPartnerMessages);

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
  "outcome",
] as const;
type RefusalField = (typeof refusalFields)[number] | "outcome.notAssessedReason";

/**
 * The team's decision. Not going on ends the treatment and closes the case, so it asks the
 * outcome then, as the treatment's end does (issue 20); going on asks none.
 */
export const checkRefusal = (
  draft: RefusalDraft,
  outcome: OutcomeDraft,
): Checked<PartnerRefusalInput, RefusalField> =>
  withOutcome(
    formIssues(
      PartnerRefusalBody,
      {
        ...draft,
        continueTreatment: draft.continueTreatment === "" ? "" : draft.continueTreatment === "yes",
      },
      {
        refusedOn: "partnerHis.errorRefusedOn",
        teamDecidedOn: "partnerHis.errorRefusalTeamDecidedOn",
        continueTreatment: "partnerHis.errorContinue",
        reasoning: "partnerHis.errorReasoning",
      },
    ),
    draft.continueTreatment === "no" ? outcome : null,
  );

/* ---- Withdrawn consent ---- */

export const withdrawFields = ["withdrawnOn"] as const;

export const checkWithdraw = (
  withdrawnOn: string,
): Checked<{ withdrawnOn: string }, "withdrawnOn"> =>
  formIssues(WithdrawConsentBody, { withdrawnOn }, { withdrawnOn: "partnerHis.errorWithdrawnOn" });

/* ---- What the panel offers ---- */

/** A consent he has given and not taken back: the partner he may still withdraw it for. */
export const hasActiveConsent = (p: Partner) =>
  p.consent !== null && p.consent.withdrawnOn === null;

/**
 * Which forms the partner contact's state calls for. None once the treatment has ended (the
 * server refuses changes then). He answers (a consent, or a refusal) only once he has been
 * informed, as the server requires; an exception needs no answer of his. A refusal is his
 * answer once, and not while he consents for someone: that consent is withdrawn instead.
 */
export function partnerForms(treatment: Treatment, canWrite: boolean) {
  const open = canWrite && treatment.phase !== "ended";
  const pc = treatment.partnerContact;
  const informed = pc.informedOn !== null;
  return {
    information: open && !informed,
    addPartner: open,
    /** The add-partner form offers his consent as a choice (else only an exception). */
    consent: open && informed,
    refusal: open && informed && pc.refusal === null && !pc.partners.some(hasActiveConsent),
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
