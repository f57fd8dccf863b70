import { RecordPoliceAssessmentBody } from "../../../shared/api/police-assessments";
import type { PoliceAssessment, RecordPoliceAssessmentInput } from "../../api/endpoints";
import { type Checked, formIssues } from "../../ui/form-issues";

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
export const checkPoliceAssessment = (
  draft: PoliceAssessmentDraft,
): Checked<RecordPoliceAssessmentInput, PoliceAssessmentField> =>
  formIssues(RecordPoliceAssessmentBody, draft, {
    assessedOn: "police.errorAssessedOn",
    level: "police.errorLevel",
    consentGivenOn: "police.errorConsentGivenOn",
    consentForm: "police.errorConsentForm",
    consentReference: "police.errorReference",
  });

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
