import type { MessagesOf } from "../../i18n/messages";
import type { caseConsultationsSv } from "./messages.sv";

// English texts of features/case-consultations: exactly the keys and placeholders of messages.sv.ts.
export const caseConsultationsEn: MessagesOf<typeof caseConsultationsSv> = {
  "caseConsult.title": "Anonymised consultations",
  "caseConsult.intro":
    "A consultation about the child or the adult without consent. Never write a name or an identity number: the consultation is linked to the case only here, and is never disclosed.",
  "caseConsult.empty": "No anonymised consultation is recorded.",
  "caseConsult.listCaption": "Anonymised consultations, newest first",
  "caseConsult.itemTitle": "{with}, {date}",
  "caseConsult.about": "About",
  "caseConsult.about.child": "A child",
  "caseConsult.about.adult": "An adult",
  "caseConsult.agency": "Agency in the directory",
  "caseConsult.withWhom": "With whom (if not in the directory)",
  "caseConsult.withWhomHint": "E.g. the resource function – never a person's name.",
  "caseConsult.heldOn": "Date",
  "caseConsult.question": "The question",
  "caseConsult.advice": "The advice",
  "caseConsult.newTitle": "Record an anonymised consultation",
  "caseConsult.save": "Save the consultation",
  "caseConsult.saveAnyway": "Save anyway",
  "caseConsult.saved": "The consultation is saved.",
  "caseConsult.namesTitle": "The text seems to contain a name",
  "caseConsult.namesText":
    "The consultation must not point out the individual. Remove the name, or confirm that it is not a person's name.",
  "caseConsult.confirmNames": "I have checked: it is not the individual's or anyone else's name",
  "caseConsult.recordedBy": "Recorded by {name}",
  "caseConsult.choose": "Choose",
};
