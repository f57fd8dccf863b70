import type { z } from "zod";
import type { CrisisCentreStatistics } from "../../../shared/api/child-work.ts";
import { addDays, addMonths } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor, withReporting } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { crisisCentreFigures } from "./crisis-centre.ts";
import { scopeOf } from "./partner-contact.ts";

/**
 * GET /api/statistics/crisis-centre: the children's crisis centre's figures of a period for
 * a unit manager (her units, exact) or an analyst (the organisation, whole months, 1–4
 * suppressed), read as the reporting role like the other figures (the same scope rule,
 * scopeOf). Counts only, never a child.
 */
export async function crisisCentreStatistics(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: { from: string; to: string; unitId?: string },
): Promise<z.infer<typeof CrisisCentreStatistics>> {
  if (input.to < input.from)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      to: "Periodens sista dag kan inte ligga före den första.",
    });
  const s = await scopeOf(database, actor, meta, input.unitId);
  // Outside the unit, whole months only: two periods a day apart would otherwise give, by
  // subtraction, the exact count of a single day (as for partner contact's figures).
  const { from, to } =
    s.kind === "organisation"
      ? {
          from: `${input.from.slice(0, 7)}-01`,
          to: addDays(addMonths(`${input.to.slice(0, 7)}-01`, 1), -1),
        }
      : input;
  const raw = await withReporting(database.db, actor, (trx) =>
    crisisCentreFigures(trx, { orgId: s.orgId, units: s.units, from, to }),
  );
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        resourceType: "unit",
        resourceId: input.unitId ?? null,
        data: { report: "crisis_centre", from, to },
      },
    ]),
  );
  const n = (count: number) => (s.suppressed && count > 0 && count < 5 ? null : count);
  return {
    from,
    to,
    scope: s.kind,
    suppressed: s.suppressed,
    currentChildren: n(raw.currentChildren),
    policeReports: n(raw.policeReports),
    medicalExams: n(raw.medicalExams),
    childrenInCrisisTalks: n(raw.childrenInCrisisTalks),
    consultations: n(raw.consultations),
    crisisTalks: n(raw.crisisTalks),
    seriesStarted: n(raw.seriesStarted),
    seriesEnded: n(raw.seriesEnded),
  };
}
