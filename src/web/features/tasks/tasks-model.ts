import type { CaseTask } from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { type Checked, isDay } from "../../ui/form-checks";

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

export function checkCompletion(
  kind: CaseTask["kind"],
  draft: CompleteDraft,
): Checked<CompleteBody, CompleteField> {
  const fields: Partial<Record<CompleteField, PlainMessageKey>> = {};
  if (draft.note.trim() === "") fields.note = "tasks.errorNote";
  const report = needsReport(kind);
  if (report) {
    if (!isDay(draft.reportOn)) fields["report.on"] = "tasks.errorReportOn";
    if (draft.reportTo.trim() === "") fields["report.to"] = "tasks.errorReportTo";
    if (draft.reportReference.trim() === "")
      fields["report.reference"] = "tasks.errorReportReference";
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: {
      note: draft.note.trim(),
      report: report
        ? {
            on: draft.reportOn,
            to: draft.reportTo.trim(),
            reference: draft.reportReference.trim(),
          }
        : null,
    },
  };
}

/** The task a concern added: the one in `after` that was not in `before`. */
export function addedTask(before: readonly CaseTask[], after: readonly CaseTask[]) {
  const known = new Set(before.map((t) => t.id));
  return after.find((t) => !known.has(t.id)) ?? null;
}
