import { placeEnds, placeStarts } from "./names.ts";
import type { Random } from "./random.ts";

/**
 * The country's shape: how many cases each organisation holds and which units it has. Sizes
 * are skewed as Swedish municipalities are: a few large ones (at 1,000,000 cases the largest
 * holds about 50,000), most near 3,000. A crisis centre (treatment and partner contact) in
 * all large organisations and most others.
 */
export interface OrgPlan {
  index: number;
  /** o001, o002, …: prefixes the organisation's usernames. */
  code: string;
  name: string;
  cases: number;
  crisisCentre: boolean;
}

/** Shares of all cases held by the largest organisations; the rest share what is left. */
const largest = [0.05, 0.025, 0.018, 0.012, 0.01, 0.009, 0.008, 0.007, 0.0065, 0.006];

function weights(r: Random, orgs: number): number[] {
  if (orgs === 1) return [1];
  const top = largest.slice(0, Math.max(0, Math.min(largest.length, Math.floor(orgs / 20))));
  const topShare = top.reduce((s, w) => s + w, 0);
  const rest = Array.from({ length: orgs - top.length }, () => Math.exp((r.next() - 0.5) * 1.2));
  const restSum = rest.reduce((s, w) => s + w, 0);
  return [...top, ...rest.map((w) => (w / restSum) * (1 - topShare))];
}

/** Case counts that add up to exactly `cases`, the largest first. */
function sizes(r: Random, orgs: number, cases: number): number[] {
  const w = weights(r, orgs);
  const counts = w.map((x) => Math.max(1, Math.floor(x * cases)));
  let left = cases - counts.reduce((s, n) => s + n, 0);
  for (let i = 0; left !== 0; i = (i + 1) % orgs) {
    const step = left > 0 ? 1 : -1;
    if (step < 0 && (counts[i] as number) <= 1) continue;
    counts[i] = (counts[i] as number) + step;
    left -= step;
  }
  return counts.sort((a, b) => b - a);
}

function orgNames(r: Random, n: number): string[] {
  const names = new Set<string>();
  for (let i = 0; names.size < n; i++) {
    const base = `${r.pick(placeStarts)}${r.pick(placeEnds)}`;
    names.add(i < 2000 ? `${base}s kommun` : `${base}s kommun ${i}`);
  }
  return [...names];
}

export function planCountry(r: Random, orgs: number, cases: number): OrgPlan[] {
  const counts = sizes(r, orgs, cases);
  const names = orgNames(r, orgs);
  return counts.map((n, i) => ({
    index: i,
    code: `o${String(i + 1).padStart(3, "0")}`,
    name: names[i] as string,
    cases: n,
    crisisCentre: i < 10 || r.chance(0.82),
  }));
}

export type UnitKey = "vuxen" | "barn" | "behandling" | "partner";

export interface UnitPlan {
  key: UnitKey;
  name: string;
  kind: "adult_services" | "child_services" | "crisis_centre";
  /** The share of the organisation's cases opened here. */
  share: number;
}

export function unitsOf(org: OrgPlan): UnitPlan[] {
  if (!org.crisisCentre)
    return [
      { key: "vuxen", name: "IFO Vuxen", kind: "adult_services", share: 0.6 },
      { key: "barn", name: "Barn och unga", kind: "child_services", share: 0.4 },
    ];
  // Treatment cases ~14 %, partner cases follow from them (treatment.ts): about 12 % of
  // all cases are treatments.
  return [
    { key: "vuxen", name: "IFO Vuxen", kind: "adult_services", share: 0.5 },
    { key: "barn", name: "Barn och unga", kind: "child_services", share: 0.285 },
    { key: "behandling", name: "Kriscentrum – behandling", kind: "crisis_centre", share: 0.14 },
    { key: "partner", name: "Kriscentrum – partnerkontakt", kind: "crisis_centre", share: 0.075 },
  ];
}
