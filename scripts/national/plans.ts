import { addDays, addMonths, daysBetween } from "../../src/shared/calendar.ts";
import { placementReviewMonths } from "../../src/shared/deadlines.ts";
import { familyNames, femaleNames, maleNames } from "./names.ts";
import type { ProcessContext } from "./process.ts";
import type { GenDecision } from "./work.ts";

/**
 * What follows a decision (migrations 0011, 0012, 0031): an implementation plan for most
 * granted interventions, followed up on its dates (the last follow-up of a closed case plans
 * no next one; an open case's next date is due, some overdue); a child's sheltered housing
 * as a placement, on both custodians' consent (sometimes withdrawn) or under lag (2024:79)
 * with its court dates, reviewed every six months while it lasts.
 */
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const atNoon = (date: string) => new Date(`${date}T12:00:00Z`);
const min = (a: string, b: string) => (a < b ? a : b);

/** Follow-ups on their dates until the case closed (its last plans none) or today. */
function followUps(x: ProcessContext, d: GenDecision, planId: string, first: string) {
  const { r, today } = x;
  const c = d.c;
  const end = isoDate(c.closedAt ?? today);
  const held: { on: string; next: string }[] = [];
  for (let due = first; held.length < 12; ) {
    const on = addDays(due, r.between(-3, 10));
    if (on >= end) break;
    const next = addMonths(due, r.between(1, 3));
    held.push({ on, next });
    due = next;
  }
  held.forEach(({ on, next }, i) => {
    const last = c.closedAt !== null && i === held.length - 1;
    x.buf.add("follow_up", [
      r.uuid(),
      x.orgId,
      planId,
      c.id,
      r.weighted([
        ["goal_reached", 3],
        ["partly_reached", 5],
        ["not_reached", 2],
      ] as const),
      "Uppföljning med klienten: insatsen fortsätter enligt planen.",
      last ? null : next,
      c.worker.id,
      atNoon(on),
    ]);
  });
}

function plan(x: ProcessContext, d: GenDecision) {
  const { r } = x;
  if (!d.from || !r.chance(0.85)) return;
  const id = r.uuid();
  const first = addMonths(d.from, r.between(1, 3));
  const saved = new Date(
    Math.min(d.at.getTime() + r.between(0, 7) * 86_400_000, (d.c.closedAt ?? x.today).getTime()),
  );
  x.buf.add("implementation_plan", [
    id,
    x.orgId,
    d.c.id,
    d.id,
    "Klienten ska ha en trygg boendesituation och ett fungerande nätverk.",
    "Stödsamtal varannan vecka (handläggaren); kontakt med boendet (socialsekreterare).",
    d.from,
    first,
    d.c.worker.id,
    saved,
  ]);
  followUps(x, d, id, first);
}

function custodian(x: ProcessContext, sex: "female" | "male") {
  return `${x.r.pick(sex === "female" ? femaleNames : maleNames)} ${x.r.pick(familyNames)}`;
}

/** Both custodians' consent (one at sole custody); some withdrawn while it lasts. */
function consents(x: ProcessContext, d: GenDecision, sole: boolean, endedOn: string | null) {
  const given = d.from as string;
  const until = endedOn ?? isoDate(x.today);
  for (const sex of sole ? (["female"] as const) : (["female", "male"] as const)) {
    const days = daysBetween(given, until);
    const revoked = sex === "male" && days > 0 && x.r.chance(0.12);
    x.buf.add("consent", [
      x.r.uuid(),
      x.orgId,
      d.c.id,
      d.id,
      null,
      "child_sheltered_housing",
      custodian(x, sex),
      x.r.pick(["written", "oral"] as const),
      addDays(given, -x.r.between(0, 2)),
      revoked ? addDays(given, x.r.between(1, days)) : null,
      revoked ? "Vårdnadshavaren återkallade samtycket vid telefonsamtal." : null,
      d.c.worker.id,
      d.at,
    ]);
  }
}

/** Reviewed within every six months (often sooner) while the placement lasts. */
function reviews(x: ProcessContext, d: GenDecision, start: string, endedOn: string | null) {
  const end = endedOn ?? isoDate(x.today);
  let on = addMonths(start, x.r.between(2, placementReviewMonths));
  while (on <= end) {
    const stops = endedOn !== null && addMonths(on, placementReviewMonths) > end;
    x.buf.add("placement_review", [
      x.r.uuid(),
      x.orgId,
      d.id,
      d.c.id,
      on,
      !stops,
      stops ? "Placeringen avslutas." : "Placeringen behövs fortfarande.",
      d.c.worker.id,
      atNoon(on),
    ]);
    on = addMonths(on, x.r.between(2, placementReviewMonths));
  }
}

/** A child in sheltered housing: the placement's basis and clocks, consents, reviews. */
function placement(x: ProcessContext, d: GenDecision) {
  const { r, today } = x;
  if (d.c.type !== "child" || d.kind !== "sheltered_housing" || !d.from) return;
  const court = r.chance(0.35);
  const immediate = court && r.chance(0.5);
  const sole = !court && r.chance(0.15);
  const todayDate = isoDate(today);
  // Nothing happens in the case after it closed (or after today).
  const limit = d.c.closedAt ? min(isoDate(d.c.closedAt), todayDate) : todayDate;
  const submittedOn = court ? addDays(d.from, r.between(0, 6)) : null;
  const submitted = submittedOn && submittedOn <= limit ? submittedOn : null;
  const ruledOn = submitted ? addDays(submitted, r.between(3, 20)) : null;
  const ruled = ruledOn && ruledOn <= limit ? ruledOn : null;
  const outcome = ruled ? (r.chance(0.9) ? "approved" : "rejected") : null;
  // Rejected by the court: the placement ends that day.
  const ending = min(
    outcome === "rejected" ? (ruled as string) : (d.to ?? todayDate),
    d.c.closedAt ? isoDate(d.c.closedAt) : todayDate,
  );
  const endedOn = ending < todayDate || d.c.closedAt ? ending : null;
  x.buf.add("child_placement", [
    d.id,
    x.orgId,
    d.c.id,
    court ? "court_2024_79" : "custodians_consent",
    sole,
    immediate,
    r.chance(0.7),
    submitted,
    ruled,
    outcome,
    endedOn,
  ]);
  if (!court) consents(x, d, sole, endedOn);
  else if (immediate || outcome === "approved")
    reviews(x, d, immediate ? d.from : (ruled as string), endedOn);
}

export function writePlans(x: ProcessContext, decisions: GenDecision[]) {
  for (const d of decisions) {
    plan(x, d);
    placement(x, d);
  }
}
