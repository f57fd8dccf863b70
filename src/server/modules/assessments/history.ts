import { type RiskHistory, riskHistoryMaxPoints } from "../../../shared/api/assessments.ts";
import { InstrumentDefinition } from "../../../shared/instruments/definition.ts";
import { mainLevel, type ScoreResult } from "../../../shared/instruments/engine.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";
import {
  auditPersonRead,
  type PersonAssessments,
  personAssessments,
  withDefinitions,
} from "./person-assessments.ts";

/**
 * Risk over time for a person: the professional's level (and the main score) of the
 * completed assessments in the person's cases the actor may see, oldest first, each worded by
 * its own instrument version. Assessments in cases the actor may not see are left out.
 *
 * Bounded, not paged: a chart is read as a whole (a trend shown 20 points at a time would
 * mislead), and 100 points — reassessed every few months — are decades of one person. The
 * newest 100 are drawn and the answer says how many older ones are not; every assessment
 * stays readable, paged, in its case's list.
 */
export async function riskHistory(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
): Promise<RiskHistory> {
  // A read of a person, not of one case (it spans the person's cases): it stays in the
  // actor's own transaction and a refusal is a person's (denyPerson), not runCaseCommand's.
  const found = await withActor(database.db, actor, async (trx) => {
    if (!(await findVisiblePerson(trx, actor, personId))) return null;
    // Outcome measures have their own chart (modules/outcomes/measures.ts): not a risk.
    const completed = personAssessments(trx, actor, personId, "risk");
    const rows = await newestPoints(completed);
    await auditPersonRead(trx, actor, meta, "assessment.read", personId, rows);
    const olderLeftOut =
      rows.length < riskHistoryMaxPoints ? 0 : (await countAll(completed)) - rows.length;
    return { points: rows.flatMap(toPoint), olderLeftOut };
  });
  return found ?? denyPerson(database, actor, meta, personId);
}

/** The newest riskHistoryMaxPoints of them with their instrument version, oldest first. */
async function newestPoints(completed: PersonAssessments) {
  const rows = await withDefinitions(completed)
    .select(["a.judgements", "a.reasons"])
    .orderBy("a.assessed_on", "desc")
    .orderBy("a.completed_at", "desc")
    .limit(riskHistoryMaxPoints)
    .execute();
  return rows.reverse();
}

async function countAll(completed: PersonAssessments): Promise<number> {
  const all = await completed.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst();
  return Number(all?.n ?? 0);
}

/** One point, worded by the assessment's own instrument version; none without a level. */
function toPoint(r: Awaited<ReturnType<typeof newestPoints>>[number]): RiskHistory["points"] {
  const d = InstrumentDefinition.parse(r.definition);
  const level = mainLevel(d, r.judgements);
  if (!level) return [];
  const result = r.result as ScoreResult | null;
  const main = result?.scores[0];
  return [
    {
      assessmentId: r.id,
      caseId: r.case_id,
      caseReference: r.reference,
      instrumentId: d.id,
      instrumentName: d.name,
      version: d.version,
      assessedOn: r.assessed_on,
      level,
      levelLabel: d.judgement.levels.find((l) => l.value === level)?.label ?? level,
      levelRank: d.judgement.levels.findIndex((l) => l.value === level),
      levelCount: d.judgement.levels.length,
      suggestedLevel: result?.suggestedLevel ?? null,
      mainScore: main ? { label: main.label, value: main.value } : null,
      reasons: r.reasons ?? "",
    },
  ];
}
