import { CompleteTaskBody } from "../../../shared/api/tasks";
import type { CaseTask } from "../../api/endpoints";
import { type Checked, formIssues } from "../../ui/form-issues";

/*
 * Pure rules for completing a task: a note of what was done, and for a report of concern
 * about a child also the report as made (its date, the unit that received it, its
 * reference). And the concern for a child that puts such a task on the case.
 */

export interface CompleteDraft {
  note: string;
  reportOn: string;
  reportTo: string;
  reportReference: string;
}

export const emptyCompleteDraft: CompleteDraft = {
  note: "",
  reportOn: "",
  reportTo: "",
  reportReference: "",
};

/** The server names the report's fields `report.on` etc. */
export const completeFields = ["note", "report.on", "report.to", "report.reference"] as const;
export type CompleteField = (typeof completeFields)[number];

export type CompleteBody = {
  note: string;
  report: { on: string; to: string; reference: string } | null;
};

/** Whether completing this kind of task asks for the report of concern as made. */
export const needsReport = (kind: CaseTask["kind"]) => kind === "report_child_concern";

export const checkCompletion = (
  kind: CaseTask["kind"],
  draft: CompleteDraft,
): Checked<CompleteBody, CompleteField> =>
  formIssues(
    CompleteTaskBody,
    {
      note: draft.note,
      report: needsReport(kind)
        ? { on: draft.reportOn, to: draft.reportTo, reference: draft.reportReference }
        : null,
    },
    {
      note: "tasks.errorNote",
      "report.on": "tasks.errorReportOn",
      "report.to": "tasks.errorReportTo",
      "report.reference": "tasks.errorReportReference",
    },
  ) as Checked<CompleteBody, CompleteField>;

/** The task a concern added: the one in `after` that was not in `before`. */
export function addedTask(before: readonly CaseTask[], after: readonly CaseTask[]) {
  const known = new Set(before.map((t) => t.id));
  return after.find((t) => !known.has(t.id)) ?? null;
}
