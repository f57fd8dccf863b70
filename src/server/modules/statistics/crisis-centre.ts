import { sql } from "kysely";
import type { Trx } from "../../access/transaction.ts";
import type { FigureScope } from "./figures.ts";

/**
 * The children's crisis centre's figures of a period (issue 17, item 7; seed 001's table),
 * as counts the yearly report calls. Run in a reporting transaction (withReporting): a
 * child's work counts for the unit that did it (child_work.unit_id), whichever unit's case it
 * is in, and frid_report's policies (0058) let through the units the actor reports on;
 * `units` narrows further. Exact figures: suppression of small counts is the caller's choice.
 *
 * A child is the case's child (person) for work in a case, the course for work as a service:
 * a child with work in two cases counts once. The period is [from, to], both days included.
 *
 * Seed 001's table joins these with the competence register's counts (study visits and
 * trainings, supervision sessions) by the same period and units: the keys of
 * CrisisCentreFigures are the table's rows for the children's side.
 */
export interface CrisisCentreFigures {
  /** Children with work open at any time in the period ("aktuella barn"). */
  currentChildren: number;
  policeReports: number;
  medicalExams: number;
  /** Distinct children with a crisis talk held in the period. */
  childrenInCrisisTalks: number;
  /** Consultations (samråd) with other agencies. */
  consultations: number;
  crisisTalks: number;
  seriesStarted: number;
  seriesEnded: number;
}

export interface CrisisCentrePeriod extends FigureScope {
  from: string;
  to: string;
}

/** The works of the organisation, in the units when they are named. */
function works(s: FigureScope) {
  return s.units === null
    ? sql`select w.id, coalesce(w.person_id, w.course_id) as child, w.opened_on, w.closed_on
            from child_work w where w.org_id = ${s.orgId}`
    : sql`select w.id, coalesce(w.person_id, w.course_id) as child, w.opened_on, w.closed_on
            from child_work w where w.org_id = ${s.orgId} and w.unit_id = any(${s.units}::uuid[])`;
}

/** Every figure in one statement: each table counted by its own day within the period. */
export async function crisisCentreFigures(
  trx: Trx,
  p: CrisisCentrePeriod,
): Promise<CrisisCentreFigures> {
  const { from, to } = p;
  const { rows } = await sql<Record<keyof CrisisCentreFigures, number>>`
    with w as (${works(p)})
    select
      (select count(distinct child) from w
        where w.opened_on <= ${to}::date and (w.closed_on is null or w.closed_on >= ${from}::date))::integer
        as "currentChildren",
      (select count(*) from child_police_report r join w on w.id = r.child_work_id
        where r.org_id = ${p.orgId} and r.reported_on between ${from}::date and ${to}::date)::integer
        as "policeReports",
      (select count(*) from child_medical_exam e join w on w.id = e.child_work_id
        where e.org_id = ${p.orgId} and e.examined_on between ${from}::date and ${to}::date)::integer
        as "medicalExams",
      (select count(distinct w.child) from crisis_talk t
         join crisis_talk_series s on s.id = t.series_id join w on w.id = s.child_work_id
        where t.org_id = ${p.orgId} and t.held_on between ${from}::date and ${to}::date)::integer
        as "childrenInCrisisTalks",
      (select count(*) from child_consultation c join w on w.id = c.child_work_id
        where c.org_id = ${p.orgId} and c.held_on between ${from}::date and ${to}::date)::integer
        as "consultations",
      (select count(*) from crisis_talk t
         join crisis_talk_series s on s.id = t.series_id join w on w.id = s.child_work_id
        where t.org_id = ${p.orgId} and t.held_on between ${from}::date and ${to}::date)::integer
        as "crisisTalks",
      (select count(*) from crisis_talk_series s join w on w.id = s.child_work_id
        where s.org_id = ${p.orgId} and s.started_on between ${from}::date and ${to}::date)::integer
        as "seriesStarted",
      (select count(*) from crisis_talk_series s join w on w.id = s.child_work_id
        where s.org_id = ${p.orgId} and s.ended_on between ${from}::date and ${to}::date)::integer
        as "seriesEnded"`.execute(trx);
  const row = rows[0];
  return {
    currentChildren: Number(row?.currentChildren ?? 0),
    policeReports: Number(row?.policeReports ?? 0),
    medicalExams: Number(row?.medicalExams ?? 0),
    childrenInCrisisTalks: Number(row?.childrenInCrisisTalks ?? 0),
    consultations: Number(row?.consultations ?? 0),
    crisisTalks: Number(row?.crisisTalks ?? 0),
    seriesStarted: Number(row?.seriesStarted ?? 0),
    seriesEnded: Number(row?.seriesEnded ?? 0),
  };
}
