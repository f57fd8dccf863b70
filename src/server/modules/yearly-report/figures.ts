import { sql } from "kysely";
import { startOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { childInvestigationDue, preliminaryAssessmentDue } from "../../../shared/deadlines.ts";
import { outcomeMeasureIds } from "../../../shared/instruments/builtin/outcome-measures.ts";
import type { InstrumentDefinition } from "../../../shared/instruments/definition.ts";
import { mainLevel } from "../../../shared/instruments/engine.ts";
import type { Trx } from "../../access/transaction.ts";
import { storedVersion } from "../assessments/registry.ts";
import { caseInUnits, type FigureScope, stockholmDay, yearRows } from "../statistics/figures.ts";

/**
 * What the yearly report counts that no statistics function did before (issue 20): persons
 * under investigation, decisions by intervention and outcome, the children's track, risk
 * assessments and Kolada's adult cases. Read in a reporting transaction (withReporting):
 * frid_report's policies (0042, 0053, 0090) let through only cases of units the actor reports
 * on; `units` narrows further. Exact counts — suppression is the report's (suppression.ts).
 * A year is Swedish time: 1 January 00:00 to 1 January 00:00 (startOfDay).
 */

export interface YearScope extends FigureScope {
  year: number;
}

const bounds = (year: number) => ({
  from: startOfDay(`${year}-01-01`),
  to: startOfDay(`${year + 1}-01-01`),
});

/**
 * Adults who were victims (case type adult_victim) under investigation at some time in the
 * year — an investigation runs from a status change into 'investigation' to the next change
 * out of it (investigation_span, kept from the status changes, 0098) — and their accompanying
 * minor children: the children in the household as the case's latest intake before the
 * year's end says (a person with two such cases: the larger).
 *
 * Only the spans that can overlap the year are read (ended at or after its start, or not
 * ended: two index-only reads, 0102), so the read is bounded by the year however long the
 * organisation's history. Each span carries its case's latest intake (0102); only a case
 * whose latest intake came after the year's end has its intakes read.
 */
export async function investigatedPersons(trx: Trx, s: YearScope) {
  const { from, to } = bounds(s.year);
  const spans = (ended: ReturnType<typeof sql>) => sql`
    select x.case_id, x.case_person_id, x.children_in_household, x.children_as_of
    from investigation_span x
    where x.org_id = ${s.orgId} and ${ended} and x.began_at < ${to}
      and x.case_type = 'adult_victim' and ${caseInUnits("x", s)}`;
  const { rows } = await sql<{ persons: number; children: number }>`
    with investigated as materialized (
      select x.case_person_id as person_id,
        case when x.children_as_of is null or x.children_as_of < ${to}
          then coalesce(x.children_in_household, 0)
          else coalesce((select k.children_in_household from intake k
            where k.case_id = x.case_id and k.received_at < ${to}
            order by k.received_at desc, k.children_in_household desc nulls last limit 1), 0)
        end as children
      from (${spans(sql`x.ended_at is null`)}
            union all ${spans(sql`x.ended_at >= ${from}`)}) x),
    per_person as (
      select i.person_id, max(i.children) as children from investigated i group by i.person_id)
    select count(*)::integer as persons, coalesce(sum(children), 0)::integer as children
    from per_person`.execute(trx);
  return { persons: Number(rows[0]?.persons ?? 0), children: Number(rows[0]?.children ?? 0) };
}

/** Decisions made in the year, per intervention and outcome. */
export async function decisionsByIntervention(trx: Trx, s: YearScope) {
  const { from, to } = bounds(s.year);
  const { rows } = await sql<{ kind: string; outcome: string; n: number }>`
    with d as materialized (${yearRows("decision", ["intervention_kind", "outcome"], "decided_at", s, from, to)})
    select d.intervention_kind as kind, d.outcome, count(*)::integer as n
    from d
    group by 1, 2`.execute(trx);
  return rows.map((r) => ({ kind: r.kind, outcome: r.outcome, n: Number(r.n) }));
}

export interface ChildTrackFigures {
  reports: number;
  assessed: number;
  assessedOnTime: number;
  investigationsEnded: number;
  investigationsOnTime: number;
}

/**
 * The children's track of the year: reports of concern received (on children's cases), how
 * many got their preliminary assessment (the case's first decision on opening an
 * investigation after the report) and how many within 14 days (shared/deadlines.ts);
 * children's investigations finished in the year and how many within four months of their
 * start, extensions decided included.
 */
export async function childTrack(trx: Trx, s: YearScope): Promise<ChildTrackFigures> {
  const { from, to } = bounds(s.year);
  // Each report and investigation carries its case's type and the times that count (0098).
  // The deadlines count days in Swedish time: the rows are counted per day here and each
  // day's deadline is shared/deadlines.ts's — a day's count, not a row, crosses to Node.
  const reports = await sql<{ received_on: string; decided_on: string | null; n: number }>`
    select ${stockholmDay("x.received_at")} as received_on,
      ${stockholmDay("x.preliminary_decided_at")} as decided_on, count(*)::integer as n
    from intake x
    where x.org_id = ${s.orgId} and x.kind = 'report_of_concern' and x.case_type = 'child'
      and x.received_at >= ${from} and x.received_at < ${to} and ${caseInUnits("x", s)}
    group by 1, 2`.execute(trx);
  const investigations = await sql<{
    began_on: string | null;
    completed_on: string;
    extended: string | null;
    n: number;
  }>`
    select ${stockholmDay("x.began_at")} as began_on,
      ${stockholmDay("x.completed_at")} as completed_on,
      x.extended_until::text as extended, count(*)::integer as n
    from investigation x
    where x.org_id = ${s.orgId} and x.case_type = 'child' and x.completed_at is not null
      and x.completed_at >= ${from} and x.completed_at < ${to} and ${caseInUnits("x", s)}
    group by 1, 2, 3`.execute(trx);
  const count = <T extends { n: number }>(rows: T[], keep: (r: T) => boolean = () => true) =>
    rows.filter(keep).reduce((n, r) => n + Number(r.n), 0);
  // Done on or before the deadline's day (the deadline is that day's last moment). A day's
  // deadline is asked once: the rows are some 20,000 pairs of days in a country's year.
  const dueDays = new Map<string, string>();
  const byDay = (done: string, key: string, due: () => Date) => {
    let day = dueDays.get(key);
    if (day === undefined) {
      day = stockholmDate(due());
      dueDays.set(key, day);
    }
    return done <= day;
  };
  return {
    reports: count(reports.rows),
    assessed: count(reports.rows, (r) => r.decided_on !== null),
    assessedOnTime: count(
      reports.rows,
      (r) =>
        r.decided_on !== null &&
        byDay(r.decided_on, `p${r.received_on}`, () =>
          preliminaryAssessmentDue(startOfDay(r.received_on)),
        ),
    ),
    investigationsEnded: count(investigations.rows, (r) => r.began_on !== null),
    investigationsOnTime: count(
      investigations.rows,
      (r) =>
        r.began_on !== null &&
        byDay(r.completed_on, `i${r.began_on}:${r.extended}`, () =>
          childInvestigationDue(startOfDay(r.began_on as string), r.extended ? [r.extended] : []),
        ),
    ),
  };
}

export interface RiskAssessmentCount {
  instrument: string;
  /** The instrument's Swedish name, from the version the assessment was made with. */
  name: string;
  /** The instrument's levels in its own order (value and Swedish label). */
  levels: { value: string; label: string }[];
  /** Completed assessments per level judged on the main dimension ("" = none judged). */
  byLevel: Record<string, number>;
}

/**
 * Risk assessments completed in the year, per instrument and resulting level: the level the
 * professional judged on the instrument's main dimension (mainLevel, as the case header reads
 * it). Outcome measures follow change and say nothing of the risk: left out.
 */
export async function riskAssessments(trx: Trx, s: YearScope): Promise<RiskAssessmentCount[]> {
  // Counted per instrument, version and judgements: a country's year is some 40,000
  // assessments but few different judgements, and each is read in Node once.
  const { rows } = await sql<{
    instrument: string;
    version: number;
    judgements: unknown;
    n: number;
  }>`
    select a.instrument_id as instrument, a.instrument_version as version, a.judgements,
      count(*)::integer as n
    from assessment a
    where a.org_id = ${s.orgId} and ${caseInUnits("a", s)} and a.completed_at is not null
      and a.assessed_on >= ${`${s.year}-01-01`}::date and a.assessed_on < ${`${s.year + 1}-01-01`}::date
      and not (a.instrument_id = any(${[...outcomeMeasureIds]}::text[]))
    group by 1, 2, 3`.execute(trx);
  const counts = new Map<string, RiskAssessmentCount>();
  // A stored version never changes (registry.ts): one read per version.
  const definitions = new Map<string, InstrumentDefinition | null>();
  for (const r of rows) {
    const key = `${r.instrument}@${r.version}`;
    if (!definitions.has(key))
      definitions.set(key, await storedVersion(trx, s.orgId, r.instrument, Number(r.version)));
    const d = definitions.get(key) ?? null;
    const entry = counts.get(r.instrument) ?? {
      instrument: r.instrument,
      name: d?.name ?? r.instrument,
      levels: d?.judgement.levels.map((l) => ({ value: l.value, label: l.label })) ?? [],
      byLevel: {},
    };
    const level = (d ? mainLevel(d, r.judgements as Record<string, string> | null) : null) ?? "";
    entry.byLevel[level] = (entry.byLevel[level] ?? 0) + Number(r.n);
    counts.set(r.instrument, entry);
  }
  return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/**
 * Disclosures made in the year (disclosed_on), per ground and per the recipient's kind of
 * agency ("" = a recipient outside the agency register, e.g. a court named by hand).
 */
export async function disclosureFigures(trx: Trx, s: YearScope) {
  const { rows } = await sql<{ ground: string; kind: string | null; n: number }>`
    select d.ground, g.kind, count(*)::integer as n
    from disclosure d left join agency g on g.id = d.recipient_agency_id
    where d.org_id = ${s.orgId} and ${caseInUnits("d", s)}
      and d.disclosed_on >= ${`${s.year}-01-01`}::date and d.disclosed_on < ${`${s.year + 1}-01-01`}::date
    group by 1, 2`.execute(trx);
  return rows.map((r) => ({ ground: r.ground, kind: r.kind ?? "", n: Number(r.n) }));
}

/**
 * Kolada's adult cases: adult cases (victims, and people who use violence) opened in the
 * year — in Frid every case is about violence in a close relationship or honour-related
 * violence — and how many of them got at least one intervention granted (wholly or partly):
 * the case says so itself (granted_decision, kept from its decisions, 0099).
 */
export async function koladaCases(trx: Trx, s: YearScope) {
  const { from, to } = bounds(s.year);
  const { rows } = await sql<{ opened: number; with_intervention: number }>`
    select count(*)::integer as opened,
      count(*) filter (where c.granted_decision)::integer as with_intervention
    from "case" c
    where c.org_id = ${s.orgId} and c.case_type in ('adult_victim', 'perpetrator')
      and c.opened_at >= ${from} and c.opened_at < ${to} and ${caseInUnits("c", s, "unit_id")}`.execute(
    trx,
  );
  return {
    opened: Number(rows[0]?.opened ?? 0),
    withIntervention: Number(rows[0]?.with_intervention ?? 0),
  };
}

/** The organisation's adult population for the year, when an administrator has entered it. */
export async function adultsOf(trx: Trx, orgId: string, year: number): Promise<number | null> {
  const row = await trx
    .selectFrom("adult_population")
    .select("adults")
    .where("org_id", "=", orgId)
    .where("year", "=", year)
    .executeTakeFirst();
  return row ? row.adults : null;
}
