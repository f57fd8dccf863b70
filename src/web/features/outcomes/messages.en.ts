import type { MessagesOf } from "../../i18n/messages";
import type { outcomesSv } from "./messages.sv";

// English texts of features/outcomes: exactly the keys and placeholders of messages.sv.ts.
export const outcomesEn: MessagesOf<typeof outcomesSv> = {
  "outcome.goalReached": "Has the goal of the help been reached?",
  "outcome.goalReachedHint": "Assess it together with the person if you can.",
  "outcome.goal.wholly": "Wholly",
  "outcome.goal.partly": "Partly",
  "outcome.goal.not": "Not at all",
  "outcome.goal.not_assessed": "Not assessed",
  "outcome.ownView": "The person's own view",
  "outcome.ownViewHint":
    "Ask how the person sees the help and their situation now. Leave empty if they do not want to answer.",
  "outcome.notAssessedReason": "Why has goal attainment not been assessed?",
  "outcome.chooseGoal":
    "Choose whether the goal was reached wholly, partly, not at all, or not assessed.",
  "outcome.reasonRequired": "Write why goal attainment has not been assessed.",
  "caseOutcome.title": "Goal attainment at closing",
  "caseOutcome.none": "No goal attainment has been recorded for the case.",
  "caseOutcome.goal": "Goal attainment",
  "caseOutcome.ownView": "The person's own view",
  "caseOutcome.ownViewNone": "Not given",
  "caseOutcome.reason": "Why it was not assessed",
  "caseOutcome.recorded": "Recorded",
  "caseOutcome.recordedBy": "{time} by {name}",
  "caseOutcome.earlierTitle": "Earlier assessments",
  "caseOutcome.earlierItem": "{goal}, recorded {time} by {name}, replaced {replaced}",
  "caseOutcome.record": "Record goal attainment",
  "caseOutcome.change": "Change goal attainment",
  "caseOutcome.save": "Save goal attainment",
  "caseOutcome.saved": "The goal attainment has been saved.",
  "caseOutcome.keptNote": "The assessment it replaces is kept under Earlier assessments.",
  "outcomeMeasures.title": "Follow-up over time",
  "outcomeMeasures.intro":
    "Total score of each follow-up measure. A higher score means things are going better.",
  "outcomeMeasures.empty": "No follow-up measures yet.",
  "outcomeMeasures.chartDesc":
    "Line chart of the total score by date. The same figures are in the table below the chart.",
  "outcomeMeasures.showTable": "Show as a table: {name}",
  "outcomeMeasures.tableCaption": "{name}: total score by date",
  "outcomeMeasures.date": "Date",
  "outcomeMeasures.total": "Total score",
  "outcomeMeasures.totalValue": "{total} of {max}",
  "outcomeMeasures.change": "Change since the previous",
  "outcomeMeasures.case": "Case",
  "outcomeMeasures.baseline": "First measure",
};
