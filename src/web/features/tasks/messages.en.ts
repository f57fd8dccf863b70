import type { MessagesOf } from "../../i18n/messages";
import type { tasksSv } from "./messages.sv";

// English texts of features/tasks: exactly the keys and placeholders of messages.sv.ts.
export const tasksEn: MessagesOf<typeof tasksSv> = {
  "tasks.title": "Tasks to do",
  "tasks.listCaption": "Tasks in the case",
  "tasks.kind.assess_children_witnessed_violence":
    "The children witnessed violence – report a concern to Children and young people or assess the children's situation",
  "tasks.kind.partner_closing_conversation":
    "The other party's treatment has ended – offer a closing conversation",
  "tasks.kind.partner_follow_up": "Follow-up contact with the partner after the treatment ended",
  "tasks.kind.report_child_concern":
    "Concern for a child – make a report of concern to social services",
  "tasks.byRule": "Automatically, {time}",
  "tasks.due": "Due",
  "tasks.overdue": "Overdue",
  "tasks.created": "Created",
  "tasks.byAt": "{name}, {time}",
  "tasks.done": "Done",
  "tasks.doneNote": "What was done",
  "tasks.completeTitle": "Mark as done",
  "tasks.note": "What was done?",
  "tasks.noteHint": "E.g. that a report of concern was made, when and to whom.",
  "tasks.submit": "Mark as done",
  "tasks.completed": "The task is marked as done.",
  "tasks.errorNote": "Write what was done.",
  "tasks.empty": "No tasks in the case right now.",
  "tasks.concern": "The concern",
  "tasks.reportOn": "Date of the report of concern",
  "tasks.reportTo": "Unit that received the report",
  "tasks.reportToHint": "E.g. Children and young people, intake team in the child's municipality.",
  "tasks.reportReference": "Report reference",
  "tasks.reportReferenceHint": "Registration number or other reference from the receiving unit.",
  "tasks.noteHintReport": "E.g. how the report was made and what was said.",
  "tasks.reportMade": "Report of concern",
  "tasks.reportLine": "Made {date} to {to}",
  "tasks.errorReportOn": "Enter the date the report of concern was made.",
  "tasks.errorReportTo": "Write which unit received the report.",
  "tasks.errorReportReference": "Write the report's reference or registration number.",
  "tasks.concernTitle": "Concern for a child",
  "tasks.concernIntro":
    "If something gives concern that a child is at risk, a task is added to make a report of concern to social services today.",
  "tasks.concernText": "What gives concern?",
  "tasks.concernHint": "Write briefly what happened or was said, and which child it concerns.",
  "tasks.concernSubmit": "Add task to report a concern",
  "tasks.concernRaised": "The task to make a report of concern is added.",
  "tasks.errorConcern": "Write briefly what gives concern for the child.",
};
