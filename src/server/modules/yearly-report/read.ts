import { runOnLanes } from "../../access/reporting-lanes.ts";
import type { Trx } from "../../access/transaction.ts";
import { actionPlanFollowUp } from "../action-plan/follow-up.ts";
import { outcomeFigures } from "../outcomes/figures.ts";
import { openComparisonsAnswers } from "../routines/open-comparisons.ts";
import { agreementFigures } from "../statistics/agreements.ts";
import { competenceFigures } from "../statistics/competence.ts";
import { crisisCentreYear } from "../statistics/crisis-centre-year.ts";
import { readFigures } from "../statistics/figures.ts";
import { stayFigures } from "../statistics/stays.ts";
import {
  adultsOf,
  childTrack,
  decisionsByIntervention,
  disclosureFigures,
  investigatedPersons,
  koladaCases,
  riskAssessments,
  type YearScope,
} from "./figures.ts";
import { conferenceFigures, consultationsPerUnit } from "./figures-collaboration.ts";
import { stayCostFigures } from "./figures-costs.ts";

/**
 * The yearly report's parts: each reads its figures, exact, as the reporting role (inside
 * withReporting). One table of parts, so the report (service.ts) and the benchmark that times
 * each part alone (bench/scale-yearly-parts.ts) read the very same queries.
 */
export const yearlyParts = {
  investigated: (trx: Trx, s: YearScope) => investigatedPersons(trx, s),
  decisions: (trx: Trx, s: YearScope) => decisionsByIntervention(trx, s),
  stays: (trx: Trx, s: YearScope, today: string) => stayFigures(trx, { ...s, today }),
  stayCosts: (trx: Trx, s: YearScope, today: string) => stayCostFigures(trx, { ...s, today }),
  childTrack: (trx: Trx, s: YearScope) => childTrack(trx, s),
  risk: (trx: Trx, s: YearScope) => riskAssessments(trx, s),
  disclosures: (trx: Trx, s: YearScope) => disclosureFigures(trx, s),
  conferences: (trx: Trx, s: YearScope) => conferenceFigures(trx, s),
  kolada: (trx: Trx, s: YearScope) => koladaCases(trx, s),
  adults: (trx: Trx, s: YearScope) => adultsOf(trx, s.orgId, s.year),
  partner: (trx: Trx, s: YearScope) => readFigures(trx, s, `${s.year}-01-01`, `${s.year}-12-31`),
  crisis: (trx: Trx, s: YearScope) => crisisCentreYear(trx, s),
  consultations: (trx: Trx, s: YearScope) => consultationsPerUnit(trx, s),
  competence: (trx: Trx, s: YearScope) => competenceFigures(trx, { orgId: s.orgId, year: s.year }),
  outcomes: (trx: Trx, s: YearScope) => outcomeFigures(trx, s, s.year),
  plan: (trx: Trx, s: YearScope) => actionPlanFollowUp(trx, s.orgId, s.year),
  agreements: (trx: Trx, s: YearScope) => agreementFigures(trx, s.year),
  answers: (trx: Trx, s: YearScope) => openComparisonsAnswers(trx, s.orgId, `${s.year}-12-31`),
} as const;

type Parts = typeof yearlyParts;
export type YearlyFigures = { [K in keyof Parts]: Awaited<ReturnType<Parts[K]>> };

/**
 * Every part, on the report's transaction and its lanes (withReporting's: the same snapshot,
 * so the figures are those read in turn), the longest first: a country's report reads some
 * 120,000 rows of each of its largest tables, and two or three connections share that.
 */
export async function readYearly(
  lanes: Trx[],
  s: YearScope,
  today: string,
): Promise<YearlyFigures> {
  const names = Object.keys(yearlyParts) as (keyof Parts)[];
  const order = [...longest, ...names.filter((n) => !longest.includes(n))];
  const jobs = order.map((name): [string, (trx: Trx) => Promise<unknown>] => {
    const read = yearlyParts[name] as (trx: Trx, s: YearScope, today: string) => Promise<unknown>;
    return [name, (trx) => read(trx, s, today)];
  });
  return Object.fromEntries(await runOnLanes(lanes, jobs)) as YearlyFigures;
}

/** The parts that take longest at a country's scale (bench/scale-yearly-parts.ts). */
const longest: (keyof Parts)[] = [
  "stays",
  "childTrack",
  "investigated",
  "partner",
  "decisions",
  "risk",
  "stayCosts",
  "kolada",
  "outcomes",
];
