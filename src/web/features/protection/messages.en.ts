import type { MessagesOf } from "../../i18n/messages";
import type { protectionSv } from "./messages.sv";

// English texts of features/protection: the same keys as messages.sv.ts.
export const protectionEn: MessagesOf<typeof protectionSv> = {
  "protection.title": "Protected personal data",
  "protection.intro":
    "Persons with protected personal data in the units where you are protection officer, every reveal of their protected details and your consultations. A consultation is needed before a protection level is lowered and before data about the person is disclosed; it counts for 30 days.",
  "protection.forbidden": "This page is for the unit's protection officers.",
  "protection.empty": "There are no persons with protected personal data in your units.",
  "protection.cases": "Cases: {cases}",
  "protection.caseWithheld": "(case number not shown)",
  "protection.showReveals": "Reveals and consultations",
  "protection.revealsTitle": "Reveals of protected details",
  "protection.revealsEmpty": "Nobody has revealed her protected details.",
  "protection.revealedAt": "When",
  "protection.revealedBy": "Who",
  "protection.reason": "Reason",
  "protection.consultationsTitle": "Consultations",
  "protection.consultationsEmpty": "No consultations are recorded.",
  "protection.kind.lower_protection": "Lowered protection level",
  "protection.kind.disclosure": "Disclosure",
  "protection.outcome.agreed": "Agreed",
  "protection.outcome.advised_against": "Advised against",
  "protection.consultTitle": "Record a consultation",
  "protection.consultCase": "Case",
  "protection.consultKind": "The consultation concerns",
  "protection.consultOutcome": "Your assessment",
  "protection.consultNote": "What the consultation concluded",
  "protection.consultSubmit": "Save the consultation",
  "protection.consultSaved": "The consultation is saved.",
  "protectionChecklist.title": "Mail and payment routine",
  "protectionChecklist.intro":
    "The person has protected personal data. Tick each item off when it is arranged; Att göra reminds you until all are done.",
  "protectionChecklist.mail_via_skatteverket":
    "Mail goes through Skatteverket's forwarding, never to an address",
  "protectionChecklist.payments_without_address": "Payments are made without an address",
  "protectionChecklist.records_marked": "The file and the journal are marked as protected",
  "protectionChecklist.files_locked": "The paper file is kept locked",
  "protectionChecklist.contacts_informed":
    "Collaborating agencies are told that the data is protected",
  "protectionChecklist.done": "done {date}, {who}",
};
