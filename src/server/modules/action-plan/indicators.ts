import { sql } from "kysely";
import type { IndicatorCode } from "../../../shared/api/action-plan.ts";
import { startOfDay } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";
import { competenceFigures } from "../statistics/competence.ts";

/**
 * The computed indicators a goal may follow (issue 20, item 1): what Frid already counts for a
 * calendar year (Swedish time). Each is counted in a reporting transaction (withReporting:
 * frid_report's row-level security, 0042 and 0087), so a case outside the units the actor
 * reports on is not there to count; the organisation's own registers (trainings, agreements)
 * count for anyone who reports on a unit. The competence register's figures come from
 * statistics/competence.ts; the rest had no function, so they are the minimal SQL below.
 */
export const indicatorCatalogue: Record<IndicatorCode, { name: string; unit: string }> = {
  persons_investigated: {
    name: "Vuxna personer aktuella för utredning under året",
    unit: "personer",
  },
  accompanying_children: {
    name: "Medföljande minderåriga barn till personerna under utredning",
    unit: "barn",
  },
  risk_assessments_completed: { name: "Genomförda riskbedömningar", unit: "bedömningar" },
  trainings_held: { name: "Genomförda utbildningar (kompetensregistret)", unit: "utbildningar" },
  training_participants: { name: "Deltagare i utbildningar", unit: "deltagare" },
  agreements_followed_up: {
    name: "Samverkansöverenskommelser som följts upp under året",
    unit: "överenskommelser",
  },
  consultations_given: { name: "Konsultationer till andra yrkesverksamma", unit: "konsultationer" },
};

interface Year {
  orgId: string;
  year: number;
}
const bounds = (year: number) => ({
  from: startOfDay(`${year}-01-01`),
  to: startOfDay(`${year + 1}-01-01`),
});

/**
 * Adult victims' cases under investigation at some time in the year: a time under
 * investigation (investigation_span, 0098 — the same the yearly report counts) that began
 * before the year's end and had not ended before its start.
 * A person with two such cases counts once; her children are those recorded as her children
 * in them, under 18 at some time in the year (born after 1 January eighteen years before) or
 * of unknown age.
 */
async function investigated(trx: Trx, s: Year) {
  const { from, to } = bounds(s.year);
  const adultFrom = `${s.year - 18}-01-01`;
  const { rows } = await sql<{ persons: number; children: number }>`
    with c as (
      select c.id, c.person_id from "case" c
       where c.org_id = ${s.orgId}::uuid and c.case_type = 'adult_victim'
         and exists (select 1 from investigation_span x
                      where x.case_id = c.id and x.began_at < ${to}
                        and (x.ended_at is null or x.ended_at >= ${from})))
    select (select count(distinct person_id) from c)::integer as persons,
           (select count(distinct r.other_person_id) from relation r
              left join person p on p.id = r.other_person_id
             where r.case_id in (select id from c) and r.kind = 'child'
               and (p.birth_date is null or p.birth_date > ${adultFrom}::date))::integer as children
  `.execute(trx);
  return { persons: Number(rows[0]?.persons ?? 0), children: Number(rows[0]?.children ?? 0) };
}

async function countOf(trx: Trx, query: ReturnType<typeof sql<{ n: number }>>) {
  const { rows } = await query.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

const counters: Record<IndicatorCode, (trx: Trx, s: Year) => Promise<number>> = {
  persons_investigated: async (trx, s) => (await investigated(trx, s)).persons,
  accompanying_children: async (trx, s) => (await investigated(trx, s)).children,
  risk_assessments_completed: (trx, s) => {
    const { from, to } = bounds(s.year);
    return countOf(
      trx,
      sql<{ n: number }>`select count(*)::integer as n from assessment
        where org_id = ${s.orgId}::uuid and completed_at >= ${from} and completed_at < ${to}`,
    );
  },
  trainings_held: async (trx, s) => (await competenceFigures(trx, s)).trainings,
  training_participants: async (trx, s) => (await competenceFigures(trx, s)).participants,
  agreements_followed_up: (trx, s) =>
    countOf(
      trx,
      sql<{ n: number }>`select count(distinct agreement_id)::integer as n from agreement_follow_up
        where org_id = ${s.orgId}::uuid
          and followed_up_on between ${`${s.year}-01-01`}::date and ${`${s.year}-12-31`}::date`,
    ),
  consultations_given: (trx, s) => {
    const { from, to } = bounds(s.year);
    return countOf(
      trx,
      sql<{ n: number }>`select count(*)::integer as n from consultation
        where org_id = ${s.orgId}::uuid and occurred_at >= ${from} and occurred_at < ${to}`,
    );
  },
};

/** The indicator's value for the year, counted in the reporting transaction given. */
export function computeIndicator(trx: Trx, code: IndicatorCode, s: Year): Promise<number> {
  return counters[code](trx, s);
}
