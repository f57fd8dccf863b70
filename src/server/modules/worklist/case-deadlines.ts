import type { CaseDeadline } from "../../../shared/api/worklist.ts";
import { dueStatus } from "../../../shared/deadlines.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { asItem, gatherCandidates } from "./service.ts";

/**
 * What is due in one case, for its workspace's header and overview: the same lines Att göra
 * computes (one deadline module), for this case only and without the 7-day window, so the
 * header can say when the next thing is due even when that is weeks away. Whoever may see
 * the case may read them; a case they may not see answers 404 and the attempt is audited.
 */
export function caseDeadlines(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  now: Date = new Date(),
): Promise<CaseDeadline[]> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "worklist.read",
    run: async ({ trx }) => {
      const candidates = await gatherCandidates(trx, actor, { caseId }, now);
      // Every line here is the case's own (lines about no case join only Att göra).
      return candidates
        .flatMap(({ caseId, reference, personName, subject: _s, responsible: _r, ...c }) =>
          caseId === null || reference === null || personName === null
            ? []
            : [asItem({ ...c, caseId, reference, personName, status: dueStatus(c.dueAt, now) })],
        )
        .sort((a, b) => a.due.localeCompare(b.due));
    },
  });
}
