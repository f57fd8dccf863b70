import { sql } from "kysely";
import {
  type DeadlineFilter,
  type WorklistItem,
  type WorklistQuery,
  type WorklistSort,
  worklistKinds,
} from "../../../shared/api/worklist.ts";
import { addDays, endOfDay, stockholmDate } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Att göra filtered and sorted as the reader asked (issue 15). Its lines are computed whole
 * for every request (the deadline module counts each one from its facts: service.ts), so
 * they are chosen here, before the audit event names the lines shown.
 */

type Responsible = WorklistItem["responsible"];

/** What a line needs here: its day due, what it is about and who works its case. */
export interface ChoosableLine {
  kind: WorklistItem["kind"];
  caseId: string | null;
  reference: string | null;
  personName: string | null;
  subject?: WorklistItem["subject"];
  dueAt: Date;
  status: "overdue" | "due_soon";
  responsible: Responsible;
}

/** Who works each case now, first assigned first (read for the cases with lines only). */
export async function responsibleFor(
  trx: Trx,
  caseIds: readonly string[],
): Promise<(caseId: string) => Responsible> {
  const ids = [...new Set(caseIds)];
  const rows =
    ids.length === 0
      ? []
      : await trx
          .selectFrom("case_assignment as a")
          .innerJoin("app_user as u", "u.id", "a.user_id")
          .select(["a.case_id", "a.user_id as userId", "u.display_name as displayName"])
          .where(sql<boolean>`a.case_id = any(${ids}::uuid[])`)
          .where("a.unassigned_at", "is", null)
          .orderBy("a.assigned_at")
          .orderBy("a.user_id")
          .execute();
  const byCase = new Map<string, Responsible>();
  for (const { case_id, ...who } of rows)
    byCase.set(case_id, [...(byCase.get(case_id) ?? []), who]);
  return (caseId) => byCase.get(caseId) ?? [];
}

/** Whether a line's day is as near as the filter asks (within3: overdue or within 3 days). */
function nearEnough(line: ChoosableLine, deadline: DeadlineFilter | undefined, now: Date): boolean {
  if (deadline === "overdue") return line.status === "overdue";
  if (deadline === "within3") return line.dueAt <= endOfDay(addDays(stockholmDate(now), 3));
  return true;
}

const referenceOf = (l: ChoosableLine) => l.reference ?? l.subject?.title ?? "";

const kindRank = new Map<string, number>(worklistKinds.map((k, i) => [k, i]));
const swedish = new Intl.Collator("sv");

const compareBy: Record<WorklistSort, (a: ChoosableLine, b: ChoosableLine) => number> = {
  due: (a, b) => a.dueAt.getTime() - b.dueAt.getTime(),
  kind: (a, b) => (kindRank.get(a.kind) ?? 0) - (kindRank.get(b.kind) ?? 0),
  // A line about no case sorts by its subject's title among the references.
  reference: (a, b) => swedish.compare(referenceOf(a), referenceOf(b)),
  person: (a, b) => swedish.compare(a.personName ?? "", b.personName ?? ""),
};

/**
 * The lines the filters let through, in the order asked. A worker filter matches a line about
 * no case by whom the line is for (its responsible), as a case's line by who works the case.
 * Ties in the day due (soonest first), then the case's reference, so the order is the same
 * on every request.
 */
export function chooseLines<L extends ChoosableLine>(
  lines: readonly L[],
  query: Pick<WorklistQuery, "kind" | "worker" | "deadline" | "sort" | "order">,
  now: Date,
): L[] {
  const { kind, worker, deadline, sort, order } = query;
  const sign = order === "desc" ? -1 : 1;
  return lines
    .filter((l) => kind === undefined || l.kind === kind)
    .filter((l) =>
      worker === undefined
        ? true
        : worker === "none"
          ? l.responsible.length === 0
          : l.responsible.some((r) => r.userId === worker),
    )
    .filter((l) => nearEnough(l, deadline, now))
    .sort(
      (a, b) =>
        sign * compareBy[sort](a, b) ||
        compareBy.due(a, b) ||
        compareBy.reference(a, b) ||
        compareBy.kind(a, b),
    );
}
