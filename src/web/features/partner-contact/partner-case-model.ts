import { OfferSupportBody, RecordAttemptBody } from "../../../shared/api/partner-contact";
import type { OfferSupportInput, PartnerCase, RecordAttemptInput } from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, formIssues } from "../../ui/form-issues";

/*
 * Pure rules for her side of partner contact (seed 004): which ways of reaching her are open
 * and why the others are not, which outcomes an attempt can have, and what the two forms
 * hold and can tell before sending. The server checks everything again (e.g. it refuses a
 * way her safe-contact instructions rule out, and a day in the future).
 */

export type ContactMethod = RecordAttemptInput["method"];
export type AttemptOutcome = RecordAttemptInput["outcome"];
export type SupportKind = OfferSupportInput["kind"];
export type ContactOption = PartnerCase["contactOptions"][number];
export type Refusal = NonNullable<ContactOption["refusal"]>;
export type Standing = PartnerCase["standing"];

export const contactMethods: readonly ContactMethod[] = ["letter", "sms", "phone"];
export const supportKinds: readonly SupportKind[] = ["in_house", "referral", "declined"];

export const methodLabels: Readonly<Record<ContactMethod, PlainMessageKey>> = {
  letter: "partnerCase.method.letter",
  sms: "partnerCase.method.sms",
  phone: "partnerCase.method.phone",
};

export const outcomeLabels: Readonly<Record<AttemptOutcome, PlainMessageKey>> = {
  sent: "partnerCase.outcome.sent",
  accepted: "partnerCase.outcome.accepted",
  declined: "partnerCase.outcome.declined",
  not_reachable: "partnerCase.outcome.not_reachable",
  later_accepted: "partnerCase.outcome.later_accepted",
};

export const standingLabels: Readonly<Record<Standing, PlainMessageKey>> = {
  not_contacted: "partnerCase.standing.not_contacted",
  waiting: "partnerCase.standing.waiting",
  accepted: "partnerCase.standing.accepted",
  declined: "partnerCase.standing.declined",
  not_reachable: "partnerCase.standing.not_reachable",
};

export const supportLabels: Readonly<Record<SupportKind, PlainMessageKey>> = {
  in_house: "partnerCase.support.in_house",
  referral: "partnerCase.support.referral",
  declined: "partnerCase.support.declined",
};

const refusalLabels: Readonly<Record<Refusal, PlainMessageKey>> = {
  letters_not_allowed: "partnerCase.refusal.letters_not_allowed",
  protected_identity: "partnerCase.refusal.protected_identity",
  no_address: "partnerCase.refusal.no_address",
  calls_not_allowed: "partnerCase.refusal.calls_not_allowed",
  sms_not_allowed: "partnerCase.refusal.sms_not_allowed",
  no_phone: "partnerCase.refusal.no_phone",
};

/** A way of reaching her, in words: allowed or not, and why (never by colour alone). */
export function optionVerdict(option: ContactOption): {
  allowed: boolean;
  why: PlainMessageKey;
} {
  if (!option.allowed || option.refusal)
    return {
      allowed: false,
      why: option.refusal ? refusalLabels[option.refusal] : "partnerCase.refusal.unknown",
    };
  return {
    allowed: true,
    why: option.notAsked ? "partnerCase.notAsked" : "partnerCase.allowedByHer",
  };
}

/** The ways the attempt form offers: those her instructions leave open, in a fixed order. */
export function allowedMethods(options: readonly ContactOption[]): ContactMethod[] {
  return contactMethods.filter((m) =>
    options.some((o) => o.method === m && o.allowed && !o.refusal),
  );
}

/** "Skickat" is for a letter or a text; a call is answered or not. */
export function outcomesFor(method: ContactMethod | ""): AttemptOutcome[] {
  const answered: AttemptOutcome[] = ["accepted", "declined", "not_reachable", "later_accepted"];
  return method === "phone" ? answered : ["sent", ...answered];
}

export interface AttemptDraft {
  method: ContactMethod | "";
  attemptedOn: string;
  outcome: AttemptOutcome | "";
}

export const attemptDraftFor = (today: string): AttemptDraft => ({
  method: "",
  attemptedOn: today,
  outcome: "",
});

export const attemptFields = ["method", "attemptedOn", "outcome"] as const;
export type AttemptField = (typeof attemptFields)[number];

/** What can be told before sending: a way, a date, and an outcome that fits the way. */
export const checkAttempt = (draft: AttemptDraft): Checked<RecordAttemptInput, AttemptField> =>
  formIssues(RecordAttemptBody, draft, {
    method: "partnerCase.errorMethod",
    attemptedOn: "partnerCase.errorAttemptedOn",
    outcome: { default: "partnerCase.errorOutcome", phoneNotSent: "partnerCase.errorOutcomeSent" },
  });

/** Changing the way keeps the outcome only if the new way can have it. */
export function withMethod(draft: AttemptDraft, method: ContactMethod): AttemptDraft {
  const outcome = draft.outcome !== "" && outcomesFor(method).includes(draft.outcome);
  return { ...draft, method, outcome: outcome ? draft.outcome : "" };
}

export interface SupportDraft {
  kind: SupportKind | "";
  note: string;
  offeredOn: string;
}

export const supportDraftFor = (today: string): SupportDraft => ({
  kind: "",
  note: "",
  offeredOn: today,
});

export const supportFields = ["kind", "note", "offeredOn"] as const;
export type SupportField = (typeof supportFields)[number];

/** A kind and a date; a referral says where to. The note is sent trimmed. */
export const checkSupport = (draft: SupportDraft): Checked<OfferSupportInput, SupportField> =>
  formIssues(OfferSupportBody, draft, {
    kind: "partnerCase.errorSupportKind",
    note: { referralNeedsWhere: "partnerCase.errorReferralTo" },
    offeredOn: "partnerCase.errorOfferedOn",
  });

/** What he said about reaching her, as items to show; empty when he said nothing. */
export function givenDetails(
  given: PartnerCase["given"],
): { label: PlainMessageKey; value: string }[] {
  const items: { label: PlainMessageKey; value: string | null }[] = [
    { label: "partnerCase.givenPhone", value: given.phone },
    { label: "partnerCase.givenAddress", value: given.postalAddress },
    { label: "partnerCase.givenEmail", value: given.email },
  ];
  return items.flatMap((i) => (i.value?.trim() ? [{ label: i.label, value: i.value.trim() }] : []));
}
