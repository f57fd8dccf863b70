import { sql } from "kysely";
import { startOfDay } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";
import { caseInUnits } from "../statistics/figures.ts";
import type { YearScope } from "./figures.ts";

/**
 * The yearly report's risk conferences (Samverkan) and consultations per unit (the crisis
 * centre's section), read in the report's reporting transaction (withReporting): frid_report's
 * policies let through only the units the actor reports on (0094 for the conferences, 0087 for
 * the consultation log); `units` narrows further. Exact counts — suppression is the report's.
 */

export interface ConferenceFigures {
  /** Risk conferences whose meeting was held in the year (a referral without a meeting is not one). */
  held: number;
  /** Actions agreed in the year: recorded then, whichever conference they belong to. */
  actionsAgreed: number;
  /** Of those, the ones done by the year's last day. */
  actionsDone: number;
}

/**
 * Conferences held and actions agreed and done. An action counts in the year it was recorded
 * (created_at, Swedish time), since that is when the conference agreed it; "done" is done_on
 * on or before 31 December, so the figure is the same whenever the report is run later.
 */
export async function conferenceFigures(trx: Trx, s: YearScope): Promise<ConferenceFigures> {
  const first = `${s.year}-01-01`;
  const last = `${s.year}-12-31`;
  const { rows } = await sql<{ held: number; agreed: number; done: number }>`
    select
      (select count(*) from risk_conference r
        where r.org_id = ${s.orgId} and r.meeting_on between ${first}::date and ${last}::date
          and ${caseInUnits("r", s)})::integer as held,
      (select count(*) from risk_conference_action a
        where a.org_id = ${s.orgId} and a.created_at >= ${startOfDay(first)}
          and a.created_at < ${startOfDay(`${s.year + 1}-01-01`)} and ${caseInUnits("a", s)})::integer as agreed,
      (select count(*) from risk_conference_action a
        where a.org_id = ${s.orgId} and a.created_at >= ${startOfDay(first)}
          and a.created_at < ${startOfDay(`${s.year + 1}-01-01`)} and a.done_on <= ${last}::date
          and ${caseInUnits("a", s)})::integer as done`.execute(trx);
  const row = rows[0];
  return {
    held: Number(row?.held ?? 0),
    actionsAgreed: Number(row?.agreed ?? 0),
    actionsDone: Number(row?.done ?? 0),
  };
}

/**
 * Consultations to professionals (the consultation log of the crisis centre or resource
 * function, issue 17) held in the year, per unit that gave them.
 */
export async function consultationsPerUnit(trx: Trx, s: YearScope): Promise<Map<string, number>> {
  const { rows } = await sql<{ unit_id: string; n: number }>`
    select k.unit_id, count(*)::integer as n from consultation k
    where k.org_id = ${s.orgId} and k.occurred_at >= ${startOfDay(`${s.year}-01-01`)}
      and k.occurred_at < ${startOfDay(`${s.year + 1}-01-01`)}
      ${s.units === null ? sql`` : sql`and k.unit_id = any(${s.units}::uuid[])`}
    group by k.unit_id`.execute(trx);
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
