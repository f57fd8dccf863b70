import type { disclosureChannels, disclosureGrounds } from "../../../shared/api/collaboration";
import type { CaseView, DisclosureInput } from "../../api/endpoints";

/** The disclosure form's draft, and the body the API takes from it. */
export type Ground = (typeof disclosureGrounds)[number];
export type Channel = (typeof disclosureChannels)[number];

export interface DisclosureDraft {
  personId: string;
  information: string;
  recipientAgencyId: string;
  recipientUnitId: string;
  recipientName: string;
  channel: Channel | "";
  ground: Ground | "";
  consentId: string;
  secrecyRule: string;
  courtReference: string;
  reviewedBy: string;
  reviewedOn: string;
  conclusion: string;
  disclosedOn: string;
  includeIdentityNumber: boolean;
  includeContactDetails: boolean;
  protectionConsidered: boolean;
}

/** The review's moment: now when made today, else midday of the day it was made. */
function reviewMoment(day: string, today: string): string {
  return day === today ? new Date().toISOString() : new Date(`${day}T12:00:00`).toISOString();
}

/** Only the chosen ground's own field is sent; an empty choice goes as "" for the server to name. */
/** What each group of the disclosure form's fields gets from the form. */
export interface DisclosureFieldsProps {
  record: CaseView;
  draft: DisclosureDraft;
  set: (changes: Partial<DisclosureDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

export function disclosureInput(draft: DisclosureDraft, today: string): DisclosureInput {
  return {
    personId: draft.personId,
    information: draft.information,
    recipientAgencyId: draft.recipientAgencyId || null,
    recipientUnitId: draft.recipientUnitId || null,
    recipientName: draft.recipientName || null,
    channel: draft.channel as Channel,
    ground: draft.ground as Ground,
    consentId: draft.ground === "consent" ? draft.consentId || null : null,
    secrecyRule: draft.ground === "secrecy_rule" ? draft.secrecyRule || null : null,
    courtReference: draft.ground === "court_request" ? draft.courtReference || null : null,
    review: {
      reviewedBy: draft.reviewedBy || null,
      reviewedAt: reviewMoment(draft.reviewedOn, today),
      conclusion: draft.conclusion,
    },
    disclosedOn: draft.disclosedOn,
    includeIdentityNumber: draft.includeIdentityNumber,
    includeContactDetails: draft.includeContactDetails,
    protectionConsidered: draft.protectionConsidered,
  };
}

/** A fresh draft: about the case's person, reviewed by the first of the case's users, today. */
export function emptyDisclosure(personId: string, reviewedBy: string, today: string) {
  const draft: DisclosureDraft = {
    personId,
    information: "",
    recipientAgencyId: "",
    recipientUnitId: "",
    recipientName: "",
    channel: "",
    ground: "",
    consentId: "",
    secrecyRule: "",
    courtReference: "",
    reviewedBy,
    reviewedOn: today,
    conclusion: "",
    disclosedOn: today,
    includeIdentityNumber: false,
    includeContactDetails: false,
    protectionConsidered: false,
  };
  return draft;
}
