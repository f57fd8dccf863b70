import type { YearlyReport, YearlyReportQuery } from "../../../shared/api/yearly-report.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { currentReplicaAsOf } from "../../access/data-as-of.ts";
import { withActor, withReporting } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { suppressSmall } from "../statistics/partner-contact.ts";
import type { YearScope } from "./figures.ts";
import { readYearly, type YearlyFigures } from "./read.ts";
import { type ReportScope, reportScope } from "./scope.ts";
import {
  childTrackSection,
  decisionsSection,
  investigationsSection,
  koladaSection,
  riskSection,
} from "./sections-cases.ts";
import { conferencesTable, disclosuresTable } from "./sections-collaboration.ts";
import { actionPlanSection, openComparisonsSection } from "./sections-follow-up.ts";
import { consultationsTable, stayCostsTable } from "./sections-units.ts";
import {
  collaborationSection,
  competenceSection,
  crisisCentreSection,
  partnerContactSection,
  staysSection,
} from "./sections-work.ts";
import { summarySentences } from "./summary.ts";

/**
 * GET /api/reports/yearly: the committee's yearly report. Every count is read in ONE
 * reporting transaction (withReporting: frid_report's policies let through only the units the
 * actor reports on, and the organisation's own records — agreements, routines — of the
 * caller's organisation, 0092); the actor's transaction writes the report's one audit event.
 */

/** Connections besides its own a report reads on (PostgreSQL; PGlite has one). */
const reportLanes = 2;

export async function yearlyReport(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  query: YearlyReportQuery,
  // The files (output/routes-output.ts) read the same report; their event names the format.
  format: "json" | "pdf" | "xlsx" | "csv" = "json",
): Promise<YearlyReport> {
  const scope = await reportScope(database, actor, meta, query.unitId, query.year);
  const s: YearScope = { orgId: scope.orgId, units: scope.unitIds, year: query.year };
  const raw = await withReporting(
    database.db,
    actor,
    (trx, lanes) => readYearly([trx, ...lanes], s, stockholmDate(new Date())),
    reportLanes,
  );
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        resourceType: "unit",
        resourceId: scope.units.length === 1 ? (scope.units[0]?.id ?? null) : null,
        data: {
          report: "yearly",
          from: `${query.year}-01-01`,
          to: `${query.year}-12-31`,
          units: scope.units.map((u) => u.id),
          ...(format === "json" ? {} : { format }),
        },
      },
    ]),
  );
  return assemble(scope, query.year, raw);
}

function assemble(scope: ReportScope, year: number, raw: YearlyFigures): YearlyReport {
  // Links only inside the unit: outside it the caller could not open the cases anyway.
  const ctx = { suppressed: scope.suppressed, links: !scope.suppressed };
  const n = (v: number) => suppressSmall(scope.suppressed, v);
  const summary = summarySentences({
    investigated: n(raw.investigated.persons),
    children: n(raw.investigated.children),
    emergencyFlat: n(raw.stays.personsGranted.emergency_flat),
    shelteredHousing: n(raw.stays.personsGranted.sheltered_housing),
    otherHousing: n(raw.stays.personsGranted.other_housing),
  });
  return {
    year,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    units: scope.units,
    scope: scope.kind,
    suppressed: scope.suppressed,
    generatedAt: new Date().toISOString(),
    dataAsOf: currentReplicaAsOf(),
    summary,
    sections: [
      actionPlanSection(raw.plan, ctx),
      investigationsSection(raw.investigated, ctx, summary),
      decisionsSection(raw.decisions, raw.stays.personsGranted, ctx),
      childTrackSection(raw.childTrack, ctx),
      riskSection(raw.risk, ctx),
      partnerContactSection(raw.partner, ctx),
      staysSection(raw.stays, ctx, [stayCostsTable(raw.stayCosts, ctx)]),
      crisisCentreSection(raw.crisis, ctx, [
        consultationsTable(scope.units, raw.consultations, ctx),
      ]),
      competenceSection(raw.competence, ctx),
      collaborationSection(raw.agreements, ctx, [
        disclosuresTable(raw.disclosures, ctx),
        conferencesTable(raw.conferences, ctx),
      ]),
      koladaSection(
        {
          ...raw.kolada,
          closed: raw.outcomes.adultVictimClosed,
          goalReached: raw.outcomes.adultVictimGoalReached,
        },
        raw.adults,
        ctx,
      ),
      openComparisonsSection(raw.answers, ctx),
    ],
    omitted: [],
  };
}
