import { day, type GenCase } from "./cases.ts";
import { addPerson, type PersonContext } from "./people.ts";
import type { UnitStaff, Worker } from "./staff.ts";
import type { GenDecision } from "./work.ts";

/**
 * Stays in housing (migrations 0050, 0052) as the yearly report counts them: the
 * organisation's places (emergency flats, sheltered housing run by a women's shelter or a
 * private operator, other housing), administered by IFO Vuxen; for each granted housing
 * decision of an adult victim's case the enquiries made (some places had no space) and the
 * stay — arrived on the decision's first day, left when it ran out or the case closed (a
 * closed case's stay has always ended), ongoing only in an open case, a few cancelled before
 * arrival — with her accompanying children (persons of their own, as the application
 * registers them) and one segment per place (some moved once).
 */
export type HousingKind = "emergency_flat" | "sheltered_housing" | "other_housing";
export const housingKinds: readonly HousingKind[] = [
  "emergency_flat",
  "sheltered_housing",
  "other_housing",
];

interface Place {
  id: string;
  kind: HousingKind;
  operator: string;
  adultOre: number;
  childOre: number;
}

export interface StayContext {
  p: PersonContext;
  vuxen: UnitStaff;
  admin: Worker;
  start: Date;
  today: Date;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * day);
const operators: Record<HousingKind, readonly (readonly [string, string])[]> = {
  emergency_flat: [["own", "Socialtjänsten"]],
  sheltered_housing: [
    ["voluntary_shelter", "Kvinnojouren"],
    ["private_operator", "Tryggt Boende AB"],
  ],
  other_housing: [["own", "Socialtjänstens boendeenhet"]],
};

/** A few places of each kind: more in a larger organisation (about one per 40 stays). */
function places(x: StayContext, wanted: Map<HousingKind, number>): Map<HousingKind, Place[]> {
  const { r, buf, orgId } = x.p;
  const out = new Map<HousingKind, Place[]>();
  for (const kind of housingKinds) {
    const list: Place[] = [];
    for (let i = 1; i <= Math.max(1, Math.ceil((wanted.get(kind) ?? 0) / 40)); i++) {
      const [operatorKind, operator] = r.pick(operators[kind]);
      const place: Place = {
        id: r.uuid(),
        kind,
        operator,
        adultOre: kind === "emergency_flat" ? 45_000 : r.between(1_500, 2_500) * 100,
        childOre: kind === "emergency_flat" ? 0 : r.between(600, 1_100) * 100,
      };
      const name = `${kind === "emergency_flat" ? "Akutlägenhet" : kind === "sheltered_housing" ? "Skyddat boende" : "Annat boende"} ${i}`;
      buf.add("place", [
        place.id,
        orgId,
        x.vuxen.id,
        name,
        kind,
        operatorKind,
        operator,
        kind === "emergency_flat" ? 1 : r.between(4, 12),
        place.adultOre,
        place.childOre,
        x.admin.id,
        x.start,
        x.start,
      ]);
      list.push(place);
    }
    out.set(kind, list);
  }
  return out;
}

/** Some places said no before one said yes; the one that took her answered "placed". */
function enquiries(x: StayContext, c: GenCase, kind: HousingKind, list: Place[], at: Date) {
  const { r, buf, orgId } = x.p;
  const asked = (place: Place, outcome: string, t: Date) =>
    buf.add("place_enquiry", [
      r.uuid(),
      orgId,
      place.id,
      c.id,
      1,
      c.worker.id,
      t,
      outcome,
      outcome === "not_suitable" ? "Platsen tar inte emot barn i tonåren." : null,
      c.worker.id,
      new Date(t.getTime() + r.between(5, 90) * 60_000),
    ]);
  // Asked while the decision was prepared: the refusals came the hour before it.
  if (kind !== "emergency_flat" && r.chance(0.25))
    asked(
      r.pick(list),
      r.pick(["no_space", "no_space", "not_suitable"]),
      new Date(at.getTime() - 3_600_000),
    );
  const place = r.pick(list);
  asked(place, "placed", at);
  return place;
}

/** Her children who came with her: persons of their own, as young as the stay is long ago. */
function children(x: StayContext, c: GenCase, stayId: string, from: Date) {
  const n = x.p.r.weighted([
    [0, 40],
    [1, 25],
    [2, 20],
    [3, 15],
  ] as const);
  const yearsAgo = Math.floor((x.today.getTime() - from.getTime()) / (365.25 * day));
  for (let i = 0; i < n; i++) {
    const sex = x.p.r.chance(0.5) ? "female" : "male";
    const child = addPerson(x.p, sex, [yearsAgo, 16 + yearsAgo], c.worker.id, from);
    x.p.buf.add("stay_member", [stayId, child.id, x.p.orgId, "child"]);
  }
}

/** The stay of one granted housing decision, its members and segments. */
function stay(x: StayContext, d: GenDecision, kind: HousingKind, list: Place[]) {
  const { r, buf, orgId } = x.p;
  const c = d.c;
  const from = new Date(`${d.from}T12:00:00Z`);
  const place = enquiries(x, c, kind, list, d.at);
  const cancelled = !c.closedAt && r.chance(0.04) ? d.at : null;
  const end = c.closedAt ?? x.today;
  const planned = addDays(from, r.between(14, 120));
  // Left when the planned time ran out, or when the case closed; ongoing only in an open case.
  const left = cancelled
    ? null
    : planned < end
      ? planned
      : c.closedAt
        ? new Date(Math.max(from.getTime(), c.closedAt.getTime() - 3_600_000))
        : null;
  const id = r.uuid();
  buf.add("stay", [
    id,
    orgId,
    c.id,
    d.id,
    d.from,
    isoDate(planned),
    cancelled ? null : d.from,
    left ? isoDate(left) : null,
    left
      ? r.weighted([
          ["own_housing", 40],
          ["back_home", 20],
          ["other_municipality", 20],
          ["left_without_notice", 10],
          ["other", 10],
        ] as const)
      : null,
    cancelled,
    c.worker.id,
    d.at,
  ]);
  buf.add("stay_member", [id, c.personId, orgId, "adult"]);
  children(x, c, id, from);
  // A move halfway for some: the first place until the move, another after.
  const moved = left && kind !== "emergency_flat" && list.length > 1 && r.chance(0.15);
  const halfway = left
    ? addDays(from, Math.floor((left.getTime() - from.getTime()) / day / 2))
    : null;
  const segment = (pl: Place, a: Date, b: Date | null) =>
    buf.add("stay_segment", [
      r.uuid(),
      orgId,
      id,
      pl.id,
      isoDate(a),
      b ? isoDate(b) : null,
      pl.adultOre,
      pl.childOre,
    ]);
  if (cancelled) return;
  if (moved && halfway && halfway > from) {
    segment(place, from, halfway);
    segment(list.find((pl) => pl.id !== place.id) ?? place, halfway, left);
  } else segment(place, from, left);
}

/** The organisation's places and the stays of its granted housing decisions. */
export function writeStays(x: StayContext, decisions: GenDecision[]) {
  const granted = decisions.filter(
    (d) =>
      d.c.type === "adult_victim" &&
      d.outcome !== "denied" &&
      d.from !== null &&
      (housingKinds as readonly string[]).includes(d.kind),
  );
  const wanted = new Map<HousingKind, number>();
  for (const d of granted)
    wanted.set(d.kind as HousingKind, (wanted.get(d.kind as HousingKind) ?? 0) + 1);
  const list = places(x, wanted);
  for (const d of granted) stay(x, d, d.kind as HousingKind, list.get(d.kind as HousingKind) ?? []);
}
