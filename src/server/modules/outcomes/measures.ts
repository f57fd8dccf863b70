import type { OutcomeMeasureSeries } from "../../../shared/api/outcomes.ts";
import { maxTotal } from "../../../shared/instruments/builtin/outcome-measures.ts";
import { InstrumentDefinition } from "../../../shared/instruments/definition.ts";
import type { ScoreResult } from "../../../shared/instruments/engine.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import {
  auditPersonRead,
  personAssessments,
  withDefinitions,
} from "../assessments/person-assessments.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";

/** More points than anyone is measured in a lifetime of follow-ups; the chart reads them all. */
const maxPoints = 200;

/**
 * A person's repeated outcome measures over time (issue 20): per instrument, the total of each
 * completed measure, oldest first, from the person's cases the actor may see (need-to-know:
 * the others are left out). A read of the person, audited as one event naming every case
 * shown; a person the actor may not see answers 404, the attempt audited (denyPerson).
 */
export async function outcomeMeasureSeries(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
): Promise<OutcomeMeasureSeries> {
  const found = await withActor(database.db, actor, async (trx) => {
    if (!(await findVisiblePerson(trx, actor, personId))) return null;
    const rows = await withDefinitions(personAssessments(trx, actor, personId, "outcome_measures"))
      .orderBy("a.assessed_on")
      .orderBy("a.completed_at")
      .limit(maxPoints)
      .execute();
    await auditPersonRead(trx, actor, meta, "outcome_measures.read", personId, rows);
    return { series: toSeries(rows) };
  });
  return found ?? denyPerson(database, actor, meta, personId, "outcome_measures.read");
}

type Row = {
  id: string;
  case_id: string;
  reference: string;
  assessed_on: string;
  result: unknown;
  definition: unknown;
};

/** Groups the points by instrument, each worded by the newest version it was measured with. */
function toSeries(rows: Row[]): OutcomeMeasureSeries["series"] {
  const byInstrument = new Map<string, OutcomeMeasureSeries["series"][number]>();
  for (const r of rows) {
    const d = InstrumentDefinition.parse(r.definition);
    const total = (r.result as ScoreResult | null)?.scores.find((s) => s.id === "total");
    if (!total) continue;
    const series = byInstrument.get(d.id) ?? {
      instrumentId: d.id,
      name: d.name,
      maxTotal: maxTotal(d),
      points: [],
    };
    series.name = d.name;
    series.maxTotal = maxTotal(d);
    series.points.push({
      assessmentId: r.id,
      caseId: r.case_id,
      caseReference: r.reference,
      assessedOn: r.assessed_on.slice(0, 10),
      total: total.value,
    });
    byInstrument.set(d.id, series);
  }
  return [...byInstrument.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
