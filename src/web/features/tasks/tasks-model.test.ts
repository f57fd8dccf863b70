import { describe, expect, it } from "vitest";
import { CompleteTaskBody } from "../../../shared/api/tasks";
import type { CaseTask } from "../../api/endpoints";
import { addedTask, checkCompletion, emptyCompleteDraft, needsReport } from "./tasks-model";

const filled = {
  note: " Anmälan gjord per telefon. ",
  reportOn: "2026-11-20",
  reportTo: " Barn och unga, Frids kommun ",
  reportReference: " BoU 2026-311 ",
};

describe("checkCompletion", () => {
  it("asks only for a note when the task is no report of concern", () => {
    expect(checkCompletion("partner_follow_up", emptyCompleteDraft)).toEqual({
      ok: false,
      fields: { note: "tasks.errorNote" },
    });
    expect(
      checkCompletion("partner_follow_up", { ...emptyCompleteDraft, note: " Klart " }),
    ).toEqual({ ok: true, body: { note: "Klart", report: null } });
  });

  it("asks for the report as made for a report of concern", () => {
    const checked = checkCompletion("report_child_concern", emptyCompleteDraft);
    expect(checked).toEqual({
      ok: false,
      fields: {
        note: "tasks.errorNote",
        "report.on": "tasks.errorReportOn",
        "report.to": "tasks.errorReportTo",
        "report.reference": "tasks.errorReportReference",
      },
    });
  });

  it("sends the report trimmed, in the server's shape", () => {
    const checked = checkCompletion("report_child_concern", filled);
    expect(checked).toEqual({
      ok: true,
      body: {
        note: "Anmälan gjord per telefon.",
        report: { on: "2026-11-20", to: "Barn och unga, Frids kommun", reference: "BoU 2026-311" },
      },
    });
    if (checked.ok) expect(CompleteTaskBody.safeParse(checked.body).success).toBe(true);
    expect(needsReport("assess_children_witnessed_violence")).toBe(false);
  });
});

describe("addedTask", () => {
  it("finds the task a concern added", () => {
    const task = (id: string) => ({ id }) as CaseTask;
    const a = task("a");
    const b = task("b");
    expect(addedTask([a], [b, a])).toBe(b);
    expect(addedTask([a], [a])).toBeNull();
  });
});
