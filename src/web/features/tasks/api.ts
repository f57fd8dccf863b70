import type { z } from "zod";
import { CaseTaskList, CaseTaskView } from "../../../shared/api/tasks";
import type { Transport } from "../../api/transport";

export type CaseTask = z.infer<typeof CaseTaskView>;

/** The tasks calls of the Api (api/endpoints.ts assembles every feature's). */
export function tasksApi({ get, post, id }: Transport) {
  return {
    // Tasks a rule put on the case, e.g. children who witnessed violence to report.
    tasks: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/tasks`, CaseTaskList, signal),
    /** report is required for a report of concern: when, to which unit, its reference. */
    completeTask: (
      caseId: string,
      taskId: string,
      note: string,
      report: { on: string; to: string; reference: string } | null = null,
    ) =>
      post(`/api/cases/${id(caseId)}/tasks/${id(taskId)}/complete`, { note, report }, CaseTaskView),
    /** Concern for a child: a task to make a report of concern today. */
    raiseChildConcern: (caseId: string, concern: string) =>
      post(`/api/cases/${id(caseId)}/child-concerns`, { concern }, CaseTaskList),
  };
}
