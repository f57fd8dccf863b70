import type { MessagesOf } from "../../i18n/messages";
import type { policeAssessmentsSv } from "./messages.sv";

// English texts of features/police-assessments: exactly the keys and placeholders of messages.sv.ts.
export const policeAssessmentsEn: MessagesOf<typeof policeAssessmentsSv> = {
  // The police's risk assessment, obtained with the client's consent (HSLF-FS 2022:39).
  "police.title": "Police risk assessment",
  "police.listCaption": "Police risk assessments, newest first",
  "police.empty": "No risk assessment from the police is recorded in the case.",
  "police.itemTitle": "Police assessment {date}",
  "police.level": "Level assessed by the police",
  "police.levelHint": "In the police's own words, e.g. “Elevated risk”.",
  "police.summary": "Summary",
  "police.summaryOptional": "Summary (optional)",
  "police.consent": "Consent",
  "police.consentLine": "{form}, given {date}",
  "police.recordedBy": "Recorded by",
  "police.byAt": "{name}, {time}",
  "police.newTitle": "Record the police's assessment",
  "police.intro":
    "With the client's consent, social services may obtain the police's risk assessment. Record that it was obtained and the consent it rests on. The details cannot be changed afterwards.",
  "police.assessedOn": "Date of the police's assessment",
  "police.consentGivenOn": "Consent given (date)",
  "police.consentForm": "Form of consent",
  "police.consentReference": "Where the consent is recorded",
  "police.consentReferenceHint": "E.g. the journal entry's date or the form's number.",
  "police.submit": "Record the assessment",
  "police.recorded": "The police's assessment is recorded.",
  "police.errorAssessedOn": "Enter the date of the police's assessment.",
  "police.errorLevel": "Write the level the police assessed.",
  "police.errorConsentGivenOn": "Enter the day the client gave consent.",
  "police.errorConsentForm": "Choose whether the consent is written or oral.",
  "police.errorReference":
    "Enter where the consent is recorded, e.g. the journal entry's date or the form's number.",
};
