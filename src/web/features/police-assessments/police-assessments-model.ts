import type { PoliceAssessment, RecordPoliceAssessmentInput } from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, isDay } from "../../ui/form-checks";

/*
 * Pure rules for the police's risk assessment (polisens riskbedömning), recorded beside
 * Frid's own when the client has consented to social services obtaining it (HSLF-FS
 * 2022:39): what the form holds, what can be told before sending, and which record is the
 * new one. The server checks everything again (e.g. that no date lies in the future).
 */

export type ConsentFormCode = RecordPoliceAssessmentInput["consentForm"];

export const consentForms: readonly ConsentFormCode[] = ["written", "oral"];

/** What the form holds: the inputs' values, as typed. */
export interface PoliceAssessmentDraft {
  assessedOn: string;
  level: string;
  summary: string;
  consentGivenOn: string;
  consentForm: ConsentFormCode | "";
  consentReference: string;
}

/** Both dates are left empty: the police's assessment is seldom made the day it is recorded. */
export const emptyPoliceAssessmentDraft: PoliceAssessmentDraft = {
  assessedOn: "",
  level: "",
  summary: "",
  consentGivenOn: "",
  consentForm: "",
  consentReference: "",
};

/** Every field a message may be about (the server's keys), so each shows by its control. */
export const policeAssessmentFields = [
  "assessedOn",
  "level",
  "summary",
  "consentGivenOn",
  "consentForm",
  "consentReference",
] as const;
export type PoliceAssessmentField = (typeof policeAssessmentFields)[number];

/**
 * What can be told before sending: both dates are dates, a level is written, the consent's
 * form is chosen and where it is found is said. Texts are sent trimmed.
 */
export function checkPoliceAssessment(
  draft: PoliceAssessmentDraft,
): Checked<RecordPoliceAssessmentInput, PoliceAssessmentField> {
  const fields: Partial<Record<PoliceAssessmentField, PlainMessageKey>> = {};
  if (!isDay(draft.assessedOn)) fields.assessedOn = "police.errorAssessedOn";
  if (draft.level.trim() === "") fields.level = "police.errorLevel";
  if (!isDay(draft.consentGivenOn)) fields.consentGivenOn = "police.errorConsentGivenOn";
  if (draft.consentForm === "") fields.consentForm = "police.errorConsentForm";
  if (draft.consentReference.trim() === "") fields.consentReference = "police.errorReference";
  if (draft.consentForm === "" || Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: {
      assessedOn: draft.assessedOn,
      level: draft.level.trim(),
      summary: draft.summary.trim(),
      consentGivenOn: draft.consentGivenOn,
      consentForm: draft.consentForm,
      consentReference: draft.consentReference.trim(),
    },
  };
}

/**
 * The record a successful save added: the one in `after` that was not in `before` (the
 * server answers with the whole list). Null when none can be told (e.g. nothing was new).
 */
export function addedRecord(
  before: readonly PoliceAssessment[],
  after: readonly PoliceAssessment[],
): PoliceAssessment | null {
  const known = new Set(before.map((a) => a.id));
  return after.find((a) => !known.has(a.id)) ?? null;
}

/** Id of the element that shows a record, for moving focus to it. */
export const policeAssessmentElementId = (id: string) => `police-assessment-${id}`;
