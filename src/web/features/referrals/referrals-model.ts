import {
  AnswerReferralBody,
  CreateReferralBody,
  IncomingReferralBody,
  SendReferralBody,
} from "../../../shared/api/referrals";
import type {
  AnswerReferralInput,
  CreateReferralInput,
  IncomingReferralInput,
  Referral,
  ReferralRecipient,
  SendReferralInput,
} from "../../api/endpoints";
import { localDateTimeIso } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, formIssues } from "../../ui/form-issues";

/*
 * Pure rules of the referrals panel and the incoming-referral form (issue 18, item 5): what
 * the forms hold, what can be told before sending (the shared schemas; the server checks
 * again, e.g. that a referral sharing information has its disclosure before it is sent), and
 * where a referral stands.
 */

export type ReferralStanding =
  | { kind: "draft" }
  | { kind: "awaiting"; sent: string; due: string }
  | { kind: "received"; received: string; due: string }
  | { kind: "answered"; date: string; answer: NonNullable<Referral["answer"]> };

/** Where the referral stands: a draft, waiting for the agency's answer or ours, or answered. */
export function standingOf(r: Referral): ReferralStanding {
  if (r.answeredOn && r.answer) return { kind: "answered", date: r.answeredOn, answer: r.answer };
  if (r.direction === "in")
    return { kind: "received", received: r.receivedOn ?? "", due: r.answerDueOn ?? "" };
  if (r.sentOn) return { kind: "awaiting", sent: r.sentOn, due: r.answerDueOn ?? "" };
  return { kind: "draft" };
}

/** A draft that shares information and has nothing disclosed for it yet cannot be sent. */
export const needsDisclosure = (r: Referral) =>
  r.direction === "out" && r.sentOn === null && r.sharesInformation && r.disclosures.length === 0;

export interface CreateDraft {
  agencyId: string;
  agencyUnitId: string;
  agencyContactId: string;
  reason: string;
  sharesInformation: boolean;
}

export const emptyCreateDraft: CreateDraft = {
  agencyId: "",
  agencyUnitId: "",
  agencyContactId: "",
  reason: "",
  sharesInformation: true,
};

export const createFields = ["agencyId", "agencyUnitId", "agencyContactId", "reason"] as const;

export const checkCreate = (draft: CreateDraft) =>
  formIssues(
    CreateReferralBody,
    { ...draft, agencyContactId: draft.agencyContactId || null },
    {
      agencyId: "referrals.errorAgency",
      agencyUnitId: "referrals.errorUnit",
      agencyContactId: "referrals.errorUnit",
      reason: "referrals.errorReason",
    },
  ) as Checked<CreateReferralInput, (typeof createFields)[number]>;

/** Choosing another agency clears its unit and contact; an agency with one unit gets it. */
export function withAgency(
  draft: CreateDraft,
  agencyId: string,
  recipients: readonly ReferralRecipient[],
): CreateDraft {
  const units = recipients.find((a) => a.id === agencyId)?.units ?? [];
  return {
    ...draft,
    agencyId,
    agencyUnitId: units.length === 1 ? (units[0]?.id ?? "") : "",
    agencyContactId: "",
  };
}

export const sendFields = ["sentOn", "channel"] as const;

export const checkSend = (draft: { sentOn: string; channel: string }) =>
  formIssues(SendReferralBody, draft, {
    sentOn: "referrals.errorDate",
    channel: "referrals.errorChannel",
  }) as Checked<SendReferralInput, (typeof sendFields)[number]>;

export const answerFields = ["answer", "text", "answeredOn"] as const;

export const checkAnswer = (draft: { answer: string; text: string; answeredOn: string }) =>
  formIssues(AnswerReferralBody, draft, {
    answer: "referrals.errorAnswer",
    text: "referrals.errorAnswer",
    answeredOn: "referrals.errorDate",
  }) as Checked<AnswerReferralInput, (typeof answerFields)[number]>;

export interface IncomingDraft {
  unitId: string;
  kind: "application" | "report_of_concern";
  /** An agency's id, "other" for a named sender, "" before a choice. */
  sender: string;
  senderName: string;
  senderSource: string;
  senderContact: string;
  senderReference: string;
  sentOn: string;
  receivedDate: string;
  receivedTime: string;
  channel: string;
  reason: string;
  askedAboutViolence: "" | "yes" | "no";
}

export const incomingFields = [
  "unitId",
  "kind",
  "agencyId",
  "senderName",
  "senderSource",
  "senderContact",
  "senderReference",
  "sentOn",
  "receivedAt",
  "channel",
  "reason",
  "askedAboutViolence",
] as const;

const orNull = (text: string) => (text.trim() === "" ? null : text);

/** The incoming form's values as the body; the sender a choice of the directory or a name. */
export function checkIncoming(personId: string, d: IncomingDraft) {
  const named = d.sender === "other";
  const fields: Partial<Record<(typeof incomingFields)[number], PlainMessageKey>> = {};
  if (d.sender === "") fields.agencyId = "referrals.errorSender";
  if (named && d.senderName.trim() === "") fields.senderName = "referrals.errorSender";
  if (named && d.senderSource === "") fields.senderSource = "referrals.errorSenderSource";
  const asked = d.kind === "application";
  if (asked && d.askedAboutViolence === "") fields.askedAboutViolence = "referrals.errorAsked";
  const checked = formIssues(
    IncomingReferralBody,
    {
      personId,
      unitId: d.unitId,
      kind: d.kind,
      agencyId: named || d.sender === "" ? null : d.sender,
      senderName: named ? orNull(d.senderName) : null,
      senderSource: named ? orNull(d.senderSource) : null,
      senderContact: orNull(d.senderContact),
      senderReference: orNull(d.senderReference),
      sentOn: orNull(d.sentOn),
      receivedAt: localDateTimeIso(d.receivedDate, d.receivedTime) ?? "",
      channel: d.channel,
      reason: d.reason,
      askedAboutViolence: asked ? d.askedAboutViolence === "yes" : null,
    },
    {
      unitId: "referrals.errorUnitIn",
      kind: "referrals.errorUnitIn",
      agencyId: "referrals.errorSender",
      senderName: "referrals.errorSender",
      senderSource: "referrals.errorSenderSource",
      senderContact: "referrals.errorSender",
      senderReference: "referrals.errorSender",
      sentOn: "referrals.errorDate",
      receivedAt: "referrals.errorReceivedAt",
      channel: "referrals.errorInChannel",
      reason: "referrals.errorReason",
      askedAboutViolence: "referrals.errorAsked",
    },
  ) as Checked<IncomingReferralInput, (typeof incomingFields)[number]>;
  if (Object.keys(fields).length === 0) return checked;
  return { ok: false as const, fields: { ...fields, ...(checked.ok ? {} : checked.fields) } };
}
