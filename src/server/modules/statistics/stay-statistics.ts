import type { StayStatistics } from "../../../shared/api/statistics.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor, withReporting } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { scopeOf } from "./partner-contact.ts";
import { type StayFigures, stayFigures } from "./stays.ts";

/**
 * GET /api/statistics/stays: the year's figures of stays for a unit manager (her units,
 * exact) or an analyst (the organisation, 1–4 suppressed), read as the reporting role like
 * partner contact's figures (the same scope rule, scopeOf). Counts only, never a person.
 */
export async function stayStatistics(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: { year: number; unitId?: string },
): Promise<StayStatistics> {
  const s = await scopeOf(database, actor, meta, input.unitId);
  const raw = await withReporting(database.db, actor, (trx) =>
    stayFigures(trx, { ...s, year: input.year, today: stockholmDate(new Date()) }),
  );
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        resourceType: "unit",
        resourceId: input.unitId ?? null,
        data: { report: "stays", from: `${input.year}-01-01`, to: `${input.year}-12-31` },
      },
    ]),
  );
  return shown(raw, s.suppressed, s.kind);
}

function shown(
  f: StayFigures,
  suppressed: boolean,
  scope: "unit" | "organisation",
): StayStatistics {
  const n = (count: number) => (suppressed && count > 0 && count < 5 ? null : count);
  const each = <K extends string>(r: Record<K, number>) =>
    Object.fromEntries(Object.entries<number>(r).map(([k, v]) => [k, n(v)])) as Record<
      K,
      number | null
    >;
  return {
    year: f.year,
    scope,
    suppressed,
    personsGranted: each(f.personsGranted),
    accompanyingChildren: n(f.accompanyingChildren),
    nights: each(f.nights),
    staysEnded: each(f.staysEnded),
    enquiries: each(f.enquiries),
    places: f.places.map((p) => {
      const householdNights = n(p.householdNights);
      return {
        ...p,
        personNights: n(p.personNights),
        householdNights,
        // A place with a handful of nights could point at the one household staying there.
        occupancy: householdNights === null ? null : p.occupancy,
      };
    }),
  };
}
