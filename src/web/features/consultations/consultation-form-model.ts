import {
  type AskerOrganisationKind,
  ConsultationBody,
  type ConsultationStage,
  type ConsultationTopic,
  type FollowUp,
} from "../../../shared/api/consultations";
import { localDateTimeIso } from "../../i18n/dates";
import { type FieldMessages, formIssues } from "../../ui/form-issues";

/**
 * Ny konsultation: what the form holds, and the body it sends. The schema is the server's
 * (shared/api/consultations.ts): an identity number in a text is refused before sending too.
 * A name is the server's to notice (422 names_to_confirm); the form then asks the worker to
 * confirm, and sends `confirmNames: true` only after that.
 */
export interface ConsultationDraft {
  unitId: string;
  date: string;
  time: string;
  askerOrganisationKind: AskerOrganisationKind | "";
  askerOrganisationName: string;
  municipality: string;
  askerRole: string;
  topics: ConsultationTopic[];
  stage: ConsultationStage | "";
  minutes: string;
  question: string;
  advice: string;
  followUp: FollowUp;
  followUpOn: string;
}

export const consultationFields = [
  "unitId",
  "occurredAt",
  "askerOrganisationKind",
  "askerOrganisationName",
  "municipality",
  "askerRole",
  "topics",
  "stage",
  "minutes",
  "question",
  "advice",
  "followUp",
  "followUpOn",
  "followUpNote",
] as const;
type Field = (typeof consultationFields)[number];

export function emptyConsultation(unitId: string, now: { date: string; time: string }) {
  return {
    unitId,
    date: now.date,
    time: now.time,
    askerOrganisationKind: "",
    askerOrganisationName: "",
    municipality: "",
    askerRole: "",
    topics: [],
    stage: "",
    minutes: "",
    question: "",
    advice: "",
    followUp: "none",
    followUpOn: "",
  } satisfies ConsultationDraft;
}

const messages: FieldMessages<Field> = {
  unitId: "consultations.form.unitRequired",
  occurredAt: "consultations.form.whenRequired",
  askerOrganisationKind: "consultations.form.kindRequired",
  askerOrganisationName: { default: "consultations.form.noIdentityNumber" },
  municipality: "consultations.form.municipalityRequired",
  askerRole: "consultations.form.roleRequired",
  topics: "consultations.form.topicsRequired",
  stage: "consultations.form.stageRequired",
  minutes: "consultations.form.minutesRequired",
  question: "consultations.form.questionRequired",
  advice: { default: "consultations.form.noIdentityNumber" },
  followUp: "consultations.form.followUpRequired",
  followUpOn: {
    default: "consultations.form.followUpOnInvalid",
    followUpNeedsDay: "consultations.form.followUpOnRequired",
  },
  followUpNote: { default: "consultations.form.noIdentityNumber" },
};

/** The body to send (checked by the shared schema), or the fields to correct. */
export function checkConsultation(draft: ConsultationDraft, confirmNames: boolean) {
  const minutes = draft.minutes.trim() === "" ? Number.NaN : Number(draft.minutes);
  return formIssues(
    ConsultationBody,
    {
      unitId: draft.unitId,
      occurredAt: localDateTimeIso(draft.date, draft.time) ?? "",
      askerOrganisationKind: draft.askerOrganisationKind,
      askerOrganisationName: draft.askerOrganisationName,
      municipality: draft.municipality,
      askerRole: draft.askerRole,
      topics: draft.topics,
      stage: draft.stage,
      minutes,
      question: draft.question,
      advice: draft.advice,
      followUp: draft.followUp,
      followUpOn: draft.followUp === "none" || draft.followUpOn === "" ? null : draft.followUpOn,
      confirmNames,
    },
    messages,
  );
}
