import { sql } from "kysely";
import type { AssessmentSnapshot } from "../../../shared/api/risk-conferences.ts";
import { addMonths } from "../../../shared/calendar.ts";
import { outcomeMeasureIds } from "../../../shared/instruments/builtin/outcome-measures.ts";
import {
  type Answers,
  computeScores,
  mainLevel,
  type ScoreResult,
} from "../../../shared/instruments/engine.ts";
import {
  type AssessmentLevels,
  conferenceCriteria,
  countedLevel,
} from "../../../shared/risk-conference-criteria.ts";
import type { Trx } from "../../access/transaction.ts";
import { storedVersion } from "../assessments/registry.ts";

/**
 * The facts a case's conference criteria are computed from, read in the caller's transaction
 * after the case check: the latest completed risk assessment (as a snapshot the referral
 * keeps), the police-reported incidents of the last 12 months, and the person's latest
 * conference in any case (a date only: frid_last_risk_conference, 0068).
 */

/** The latest completed assessment of the case, copied as the referral keeps it. */
export async function latestAssessmentSnapshot(
  trx: Trx,
  orgId: string,
  caseId: string,
): Promise<{ snapshot: AssessmentSnapshot; levels: AssessmentLevels } | null> {
  const a = await trx
    .selectFrom("assessment")
    .select([
      "id",
      "instrument_id",
      "instrument_version",
      "assessed_on",
      "answers",
      "result",
      "judgements",
      "reasons",
    ])
    .where("case_id", "=", caseId)
    .where("completed_at", "is not", null)
    // An outcome measure follows change; it says nothing of the risk.
    .where("instrument_id", "not in", outcomeMeasureIds)
    .orderBy("completed_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!a) return null;
  const d = await storedVersion(trx, orgId, a.instrument_id, a.instrument_version);
  if (!d) return null;
  const answers = a.answers as Answers;
  const result = (a.result as ScoreResult | null) ?? computeScores(d, answers);
  const judgements = (a.judgements ?? {}) as Record<string, string>;
  const order = d.judgement.levels.map((l) => l.value);
  const judged = mainLevel(d, judgements) ?? null;
  const levels = { order, suggestedLevel: result.suggestedLevel, judgedLevel: judged };
  const snapshot: AssessmentSnapshot = {
    assessmentId: a.id,
    instrument: { id: d.id, version: d.version, name: d.name },
    assessedOn: a.assessed_on,
    suggestedLevel: result.suggestedLevel,
    judgements,
    countedLevel: countedLevel(levels),
    reasons: a.reasons ?? "",
    scores: result.scores.map((s) => ({ label: s.label, value: s.value })),
    flags: result.flags.map((f) => ({ label: f.label, raised: f.raised })),
    yesAnswers: d.sections
      .flatMap((s) => s.items)
      .filter((i) => answers[i.id] === "yes")
      .map((i) => i.label),
  };
  return { snapshot, levels };
}

/** The person's latest conference day in any case of the organisation, or null. */
export async function lastConferenceOn(trx: Trx, personId: string, except: string | null = null) {
  const { rows } = await sql<{ day: string | null }>`
    select frid_last_risk_conference(${personId}::uuid, ${except}::uuid)::text as day`.execute(trx);
  return rows[0]?.day ?? null;
}

/** The criteria of a case on `today`, with the snapshot they were computed from. */
export async function criteriaOf(
  trx: Trx,
  c: { orgId: string; caseId: string; personId: string },
  today: string,
) {
  const latest = await latestAssessmentSnapshot(trx, c.orgId, c.caseId);
  const incidents = await trx
    .selectFrom("police_incident")
    .select("occurred_on")
    .where("case_id", "=", c.caseId)
    .where("occurred_on", ">", addMonths(today, -12))
    .execute();
  const criteria = conferenceCriteria({
    today,
    assessment: latest
      ? {
          ...latest.levels,
          assessedOn: latest.snapshot.assessedOn,
          instrumentName: latest.snapshot.instrument.name,
        }
      : null,
    incidentDates: incidents.map((i) => i.occurred_on),
    lastConferenceOn: await lastConferenceOn(trx, c.personId),
  });
  return { criteria, snapshot: latest?.snapshot ?? null };
}
