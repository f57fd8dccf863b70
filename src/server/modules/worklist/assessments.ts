import { addMonths, endOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { safetyPlanReviewDue } from "../../../shared/deadlines.ts";
import { outcomeMeasureIds } from "../../../shared/instruments/builtin/outcome-measures.ts";
import { InstrumentDefinition } from "../../../shared/instruments/definition.ts";
import { mainLevel, reassessMonths } from "../../../shared/instruments/engine.ts";
import {
  type Candidate,
  caseColumns,
  type JsonLine,
  type Line,
  rowOf,
  type Scoped,
} from "./rows.ts";

/** Levels at which a case needs a current safety plan. */
const highRiskLevels = new Set(["high", "very_high"]);

/**
 * The latest completed risk assessment of each open case in scope, naming its instrument's
 * version (its definition is read once per version: instrumentDefinitions).
 */
export function latestAssessments(db: Scoped) {
  return (
    db
      .selectFrom("sc as c")
      .innerJoin("assessment as a", "a.case_id", "c.id")
      .innerJoin("instrument_version as iv", (j) =>
        j
          .onRef("iv.org_id", "=", "a.org_id")
          .onRef("iv.instrument_id", "=", "a.instrument_id")
          .onRef("iv.version", "=", "a.instrument_version"),
      )
      .select((eb) => [
        "a.judgements",
        "a.assessed_on",
        "a.completed_at",
        "a.instrument_id",
        "a.instrument_version",
        "c.case_type",
        ...caseColumns,
        eb
          .selectFrom("safety_plan_version as sp")
          .select((e) => e.fn.max("sp.saved_at").as("last"))
          .whereRef("sp.case_id", "=", "c.id")
          .as("plan_saved_at"),
      ])
      .where("a.completed_at", "is not", null)
      // Outcome measures follow change, not risk: neither the latest nor a later one here.
      .where("a.instrument_id", "not in", outcomeMeasureIds)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("assessment as b")
              .select("b.id")
              .whereRef("b.case_id", "=", "a.case_id")
              .whereRef("b.completed_at", ">", "a.completed_at")
              .where("b.instrument_id", "not in", outcomeMeasureIds),
          ),
        ),
      )
      .where("c.status", "<>", "closed")
  );
}

/** The organisation's instrument versions, each definition once (not once per assessment). */
export function instrumentDefinitions(db: Scoped, orgId: string) {
  return db
    .selectFrom("instrument_version as iv")
    .select(["iv.instrument_id", "iv.version", "iv.definition"])
    .where("iv.org_id", "=", orgId);
}

type VersionRow = JsonLine<ReturnType<typeof instrumentDefinitions>>;

/** Parses each version's definition once, when an assessment first asks for it. */
export function definitionsOf(rows: VersionRow[]) {
  const raw = new Map(rows.map((r) => [`${r.instrument_id}:${r.version}`, r.definition]));
  const parsed = new Map<string, InstrumentDefinition>();
  return (instrumentId: string, version: number): InstrumentDefinition => {
    const key = `${instrumentId}:${version}`;
    let definition = parsed.get(key);
    if (!definition) {
      definition = InstrumentDefinition.parse(raw.get(key));
      parsed.set(key, definition);
    }
    return definition;
  };
}

type AssessmentRow = Line<ReturnType<typeof latestAssessments>, "completed_at">;

/** A risk assessment's reassessment, and for high risk the safety plan's review. */
export function assessmentCandidates(
  a: AssessmentRow,
  definitionOf: ReturnType<typeof definitionsOf>,
): Candidate[] {
  const definition = definitionOf(a.instrument_id, a.instrument_version);
  const level = mainLevel(definition, a.judgements);
  if (!level) return [];
  const months = reassessMonths(definition, level);
  const out: Candidate[] = [
    {
      kind: "reassessment",
      ...rowOf(a),
      dueAt: endOfDay(addMonths(a.assessed_on, months)),
    },
  ];
  // High risk wants a safety plan reviewed within the last 30 days — for the person at
  // risk: a person in treatment's high risk is acted on through a risk alert to her side.
  if (highRiskLevels.has(level) && a.case_type !== "perpetrator") {
    const since = a.plan_saved_at ? new Date(a.plan_saved_at) : null;
    out.push({
      kind: "safety_plan",
      ...rowOf(a),
      dueAt: since ? safetyPlanReviewDue(since) : endOfDay(stockholmDate(a.completed_at as Date)),
    });
  }
  return out;
}
