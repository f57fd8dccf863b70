import type { CrisisCentreYear } from "../../../shared/api/statistics.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor, withReporting } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { competenceFigures } from "./competence.ts";
import { crisisCentreFigures } from "./crisis-centre.ts";
import type { FigureScope } from "./figures.ts";
import { scopeOf, suppressSmall } from "./partner-contact.ts";

/**
 * Seed 001's table, "Statistik Kriscentrum för barn", for a calendar year: the seven rows as
 * the yearly report calls them. Nothing is counted here: the children's rows are
 * crisisCentreFigures', the last two competenceFigures' (the register's), both for the same
 * year, 1 January to 31 December.
 *
 * What each row counts, and for whom:
 * - current children, police reports, medical examinations, children in crisis talks,
 *   consultations (samråd): the work of the units in `units` (the unit that did it,
 *   child_work.unit_id), or of every unit of the organisation when `units` is null;
 * - study visits and trainings (one row, as the seed counts them together): study visits
 *   received in the year plus trainings that start in it; supervision sessions for staff
 *   groups: held in the year. The competence register has no unit (0059: the organisation's
 *   own, kept by its managers and consultants), so these two rows are the organisation's
 *   whichever units are asked for; the answer says so (`register: "organisation"`).
 *
 * Run in a reporting transaction (withReporting): frid_report's policies (0058 for the
 * children's work, 0062 for the register) let through what the actor reports on.
 */
export interface CrisisCentreYearFigures {
  year: number;
  currentChildren: number;
  policeReports: number;
  medicalExams: number;
  childrenInCrisisTalks: number;
  consultations: number;
  studyVisitsAndTrainings: number;
  supervisionSessions: number;
}

export async function crisisCentreYear(
  trx: Trx,
  s: FigureScope & { year: number },
): Promise<CrisisCentreYearFigures> {
  const children = await crisisCentreFigures(trx, {
    orgId: s.orgId,
    units: s.units,
    from: `${s.year}-01-01`,
    to: `${s.year}-12-31`,
  });
  const register = await competenceFigures(trx, { orgId: s.orgId, year: s.year });
  return {
    year: s.year,
    currentChildren: children.currentChildren,
    policeReports: children.policeReports,
    medicalExams: children.medicalExams,
    childrenInCrisisTalks: children.childrenInCrisisTalks,
    consultations: children.consultations,
    studyVisitsAndTrainings: register.studyVisits + register.trainings,
    supervisionSessions: register.supervisionSessions,
  };
}

/**
 * GET /api/statistics/crisis-centre-year: seed 001's table for a unit manager (her units,
 * exact) or an analyst (the organisation, 1–4 suppressed), by the scope rule of the other
 * figures (scopeOf). Counts only, never a child.
 */
export async function crisisCentreYearStatistics(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: { year: number; unitId?: string },
): Promise<CrisisCentreYear> {
  const s = await scopeOf(database, actor, meta, input.unitId);
  const raw = await withReporting(database.db, actor, (trx) =>
    crisisCentreYear(trx, { orgId: s.orgId, units: s.units, year: input.year }),
  );
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        resourceType: "unit",
        resourceId: input.unitId ?? null,
        data: {
          report: "crisis_centre_year",
          from: `${input.year}-01-01`,
          to: `${input.year}-12-31`,
        },
      },
    ]),
  );
  const n = (count: number) => suppressSmall(s.suppressed, count);
  return {
    year: raw.year,
    scope: s.kind,
    suppressed: s.suppressed,
    currentChildren: n(raw.currentChildren),
    policeReports: n(raw.policeReports),
    medicalExams: n(raw.medicalExams),
    childrenInCrisisTalks: n(raw.childrenInCrisisTalks),
    consultations: n(raw.consultations),
    studyVisitsAndTrainings: n(raw.studyVisitsAndTrainings),
    supervisionSessions: n(raw.supervisionSessions),
    register: "organisation",
  };
}
