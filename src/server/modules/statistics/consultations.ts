import { sql } from "kysely";
import {
  askerOrganisationKinds,
  type ConsultationFiguresPeriod,
  consultationStages,
  consultationTopics,
} from "../../../shared/api/consultations.ts";
import { startOfDay } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Consultations to professionals in figures (issue 17, item 3): a unit's own log, counted in
 * the actor's transaction (row-level security, 0059: the unit's staff). Per quarter and for
 * the year: how many consultations and minutes, by the asking organisation's kind, its
 * municipality, the topic and the stage. A consultation counts once in each breakdown except
 * by topic, where it counts under every topic it touched. Quarters are Swedish time.
 * Exact figures: the log names no individual, and the unit reads its own work.
 */
interface Grouped {
  q: number;
  dim: "total" | "kind" | "municipality" | "stage" | "topic";
  key: string;
  n: number;
  minutes: number;
}

async function grouped(trx: Trx, s: { orgId: string; unitId: string; year: number }) {
  const from = startOfDay(`${s.year}-01-01`);
  const to = startOfDay(`${s.year + 1}-01-01`);
  const { rows } = await sql<Grouped>`
    with k as (
      select minutes, asker_organisation_kind, municipality, stage, topics,
             extract(quarter from occurred_at at time zone 'Europe/Stockholm')::integer as q
        from consultation
       where org_id = ${s.orgId}::uuid and unit_id = ${s.unitId}::uuid
         and occurred_at >= ${from} and occurred_at < ${to})
    select q, 'total' as dim, '' as key, count(*)::integer as n, sum(minutes)::integer as minutes
      from k group by q
    union all
    select q, 'kind', asker_organisation_kind, count(*)::integer, sum(minutes)::integer
      from k group by q, asker_organisation_kind
    union all
    -- one municipality however it was capitalised (spellings() names it)
    select q, 'municipality', min(trim(municipality)), count(*)::integer, sum(minutes)::integer
      from k group by q, lower(trim(municipality))
    union all
    select q, 'stage', stage, count(*)::integer, sum(minutes)::integer from k group by q, stage
    union all
    select q, 'topic', t, count(*)::integer, sum(minutes)::integer
      from k cross join lateral unnest(k.topics) as t group by q, t`.execute(trx);
  return rows;
}

const quarterDays = (year: number, q: number) => {
  const month = (m: number) => String(m).padStart(2, "0");
  const lastDay = [31, 30, 30, 31][q - 1];
  return { from: `${year}-${month(q * 3 - 2)}-01`, to: `${year}-${month(q * 3)}-${lastDay}` };
};

/** One name per municipality however it was typed: a capitalised spelling if there is one. */
function spellings(rows: Grouped[]): string[] {
  const names = new Map<string, string>();
  for (const { key } of rows) {
    const known = names.get(key.toLowerCase());
    if (!known || (known === known.toLowerCase() && key !== key.toLowerCase()))
      names.set(key.toLowerCase(), key);
  }
  return [...names.values()];
}

function periodOf(rows: Grouped[], year: number, quarters: number[]): ConsultationFiguresPeriod {
  const inPeriod = rows.filter((r) => quarters.includes(Number(r.q)));
  const sum = (dim: Grouped["dim"], key: string) => {
    const hit = inPeriod.filter((r) => r.dim === dim && r.key.toLowerCase() === key.toLowerCase());
    return {
      count: hit.reduce((n, r) => n + Number(r.n), 0),
      minutes: hit.reduce((n, r) => n + Number(r.minutes), 0),
    };
  };
  const fixed = <K extends string>(dim: Grouped["dim"], keys: readonly K[]) =>
    keys.map((key) => ({ key, ...sum(dim, key) }));
  const municipalities = spellings(inPeriod.filter((r) => r.dim === "municipality"));
  const single = quarters.length === 1 ? quarters[0] : undefined;
  const days = single ? quarterDays(year, single) : { from: `${year}-01-01`, to: `${year}-12-31` };
  return {
    period: single ? `${year}-Q${single}` : String(year),
    ...days,
    total: sum("total", ""),
    byOrganisationKind: fixed("kind", askerOrganisationKinds),
    byMunicipality: municipalities
      .map((key) => ({ key, ...sum("municipality", key) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, "sv")),
    byTopic: fixed("topic", consultationTopics),
    byStage: fixed("stage", consultationStages),
  };
}

/** The year's figures (or one quarter's), with each quarter of the year beside a year. */
export async function consultationFigures(
  trx: Trx,
  s: { orgId: string; unitId: string; year: number; quarter?: number },
) {
  const rows = await grouped(trx, s);
  if (s.quarter) return { period: periodOf(rows, s.year, [s.quarter]), quarters: [] };
  return {
    period: periodOf(rows, s.year, [1, 2, 3, 4]),
    quarters: [1, 2, 3, 4].map((q) => periodOf(rows, s.year, [q])),
  };
}
