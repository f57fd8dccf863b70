import type { MessagesOf } from "../../i18n/messages";
import type { investigationSv } from "./messages.sv";

// English texts of features/investigation: exactly the keys and placeholders of messages.sv.ts.
export const investigationEn: MessagesOf<typeof investigationSv> = {
  "investigation.title": "Investigation",
  "investigation.formLabel": "Write the investigation",
  "investigation.section.acute_needs": "Acute needs",
  "investigation.section.short_and_long_term_needs": "Needs in the short and long term",
  "investigation.section.nature_and_extent_of_violence": "Nature and extent of the violence",
  "investigation.section.risk_of_further_violence": "Risk of further violence",
  "investigation.section.network": "Network",
  "investigation.section.children_in_household": "Children in the household",
  "investigation.section.support_as_parent": "Support as a parent",
  "investigation.section.childs_account": "The child's own account",
  "investigation.section.safety": "The child's safety",
  "investigation.section.needs": "The child's needs",
  "investigation.section.parents_capacity": "The parents' capacity",
  "investigation.childrenWitnessed": "Have the children witnessed violence?",
  "investigation.childrenWitnessedHint":
    "If the children have witnessed violence, their need of protection and support must be assessed.",
  "investigation.notAnswered": "Not answered",
  "investigation.summary": "Summary",
  "investigation.assessment": "Assessment",
  "investigation.save": "Save",
  "investigation.saved": "The investigation has been saved.",
  "investigation.lastSaved": "Last saved {time}.",
  "investigation.complete": "Complete the investigation",
  "investigation.completeHint":
    "A summary and an assessment are needed. What is in the form is saved first.",
  "investigation.completeConfirm":
    "A completed investigation cannot be changed. Save and complete the investigation now?",
  "investigation.completed": "The investigation has been completed.",
  "investigation.completedInfo": "The investigation was completed on {date} by {name}.",
  "investigation.notWritable":
    "The investigation can be written while the case is in Investigation.",
  "investigation.noText": "Nothing written.",
  "investigation.errorSummary": "Write a summary before completing the investigation.",
  "investigation.errorAssessment": "Write an assessment before completing the investigation.",
  "investigation.print": "Print the investigation (PDF)",
};
