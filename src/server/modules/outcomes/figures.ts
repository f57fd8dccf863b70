import { sql } from "kysely";
import { type GoalReached, goalReachedValues } from "../../../shared/api/outcomes.ts";
import { startOfDay } from "../../../shared/calendar.ts";
import { outcomeMeasures } from "../../../shared/instruments/builtin/outcome-measures.ts";
import type { Trx } from "../../access/transaction.ts";
import type { CaseTypeName } from "../../db/types.ts";
import { caseInUnits, type FigureScope } from "../statistics/figures.ts";

/**
 * The outcome figures of a year for the committee's report and Kolada (issue 20, items 3–4).
 * Run in a reporting transaction (withReporting): frid_report's policies (0042, 0089) let
 * through only cases of the units the actor reports on; `units` narrows further. Exact
 * figures: suppressing small counts is the caller's choice.
 *
 * - closed: cases whose closing time is in the year (Stockholm time), by case type and goal
 *   reached; "none" for a case closed without an outcome (closed at intake, partner contact,
 *   a treatment's end before its outcome is recorded). A case reopened has no closing time.
 *   The goal is the case's own outcome_goal, kept from its outcome (0099).
 * - measures: per outcome instrument, the persons with at least two completed measures taken
 *   up to the end of the year, one of them in the year, and their mean change: the latest
 *   total up to the end of the year minus the first (baseline), two decimals.
 */
export interface OutcomeFigures {
  year: number;
  closed: { caseType: CaseTypeName; goalReached: GoalReached | "none"; count: number }[];
  /** Kolada: adult victims' cases closed in the year, and those with the goal wholly or partly reached. */
  adultVictimClosed: number;
  adultVictimGoalReached: number;
  measures: { instrumentId: string; name: string; persons: number; meanChange: number | null }[];
}

export async function outcomeFigures(
  trx: Trx,
  scope: FigureScope,
  year: number,
): Promise<OutcomeFigures> {
  const start = startOfDay(`${year}-01-01`);
  const end = startOfDay(`${year + 1}-01-01`);
  const units = caseInUnits("c", scope, "unit_id");
  const closed = await sql<{ case_type: CaseTypeName; goal: string | null; n: number }>`
    select c.case_type, c.outcome_goal as goal, count(*)::integer as n
      from "case" c
     where c.org_id = ${scope.orgId} and ${units}
       and c.closed_at >= ${start} and c.closed_at < ${end}
     group by c.case_type, c.outcome_goal`.execute(trx);
  const rows = closed.rows.map((r) => ({
    caseType: r.case_type,
    goalReached: (r.goal ?? "none") as GoalReached | "none",
    count: r.n,
  }));
  rows.sort((a, b) => order(a).localeCompare(order(b)));
  const adult = rows.filter((r) => r.caseType === "adult_victim");
  return {
    year,
    closed: rows,
    adultVictimClosed: sum(adult),
    adultVictimGoalReached: sum(
      adult.filter((r) => r.goalReached === "wholly" || r.goalReached === "partly"),
    ),
    measures: await measureChange(trx, scope, year, units),
  };
}

const order = (r: { caseType: string; goalReached: string }) =>
  `${r.caseType}:${[...goalReachedValues, "none"].indexOf(r.goalReached as GoalReached)}`;
const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);

/** Each person's first and latest total per instrument, and the mean of their differences. */
async function measureChange(
  trx: Trx,
  scope: FigureScope,
  year: number,
  units: ReturnType<typeof sql>,
): Promise<OutcomeFigures["measures"]> {
  const ids = outcomeMeasures.map((m) => m.id);
  const { rows } = await sql<{ instrument_id: string; persons: number; mean: string | null }>`
    with m as (
      select a.instrument_id, c.person_id, a.assessed_on,
             (select (s ->> 'value')::numeric from jsonb_array_elements(a.result -> 'scores') s
               where s ->> 'id' = 'total') as total,
             row_number() over (partition by a.instrument_id, c.person_id
                                order by a.assessed_on, a.completed_at, a.id) as first_rank,
             row_number() over (partition by a.instrument_id, c.person_id
                                order by a.assessed_on desc, a.completed_at desc, a.id desc) as last_rank,
             count(*) over (partition by a.instrument_id, c.person_id) as taken,
             max(a.assessed_on) over (partition by a.instrument_id, c.person_id) as latest_on
        from assessment a join "case" c on c.id = a.case_id
       where a.org_id = ${scope.orgId} and ${units}
         and a.instrument_id = any(${ids}::text[]) and a.completed_at is not null
         and a.assessed_on <= ${`${year}-12-31`}::date
    ),
    p as (
      select instrument_id, person_id,
             max(total) filter (where last_rank = 1) - max(total) filter (where first_rank = 1) as change
        from m
       where taken >= 2 and latest_on >= ${`${year}-01-01`}::date
       group by instrument_id, person_id
    )
    select instrument_id, count(*)::integer as persons, round(avg(change), 2)::text as mean
      from p group by instrument_id`.execute(trx);
  const found = new Map(rows.map((r) => [r.instrument_id, r]));
  return outcomeMeasures.map((m) => {
    const r = found.get(m.id);
    return {
      instrumentId: m.id,
      name: m.name,
      persons: r?.persons ?? 0,
      meanChange: r?.mean == null ? null : Number(r.mean),
    };
  });
}
