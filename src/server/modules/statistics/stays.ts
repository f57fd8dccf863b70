import { sql } from "kysely";
import { startOfDay } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";
import { caseInUnits, type FigureScope, yearRows } from "./figures.ts";

/**
 * The yearly follow-up of sheltered housing and emergency flats (issue 16), as counts the
 * yearly report (a later issue) calls: run in a reporting transaction (withReporting), whose
 * row-level security (0053) lets through the cases of the units the actor reports on; `units`
 * narrows further. Exact figures: suppression of small counts is the caller's choice.
 *
 * Nights follow shared/stay-costs.ts: a segment from D1 to D2 (exclusive) has D2 − D1 nights,
 * a stay checked out ends on its day of leaving, an ongoing one counts to `until` (today, or
 * the year's end); each person in the stay counts each night.
 */

export const housingKinds = ["emergency_flat", "sheltered_housing", "other_housing"] as const;
export const endReasons = [
  "own_housing",
  "back_home",
  "other_municipality",
  "left_without_notice",
  "other",
] as const;
export const enquiryOutcomes = [
  "placed",
  "no_space",
  "declined_by_person",
  "not_suitable",
] as const;

export interface PlaceOccupancy {
  placeId: string;
  name: string;
  kind: string;
  personNights: number;
  householdNights: number;
  /** Person-nights the place could take (an emergency flat: one household a night). */
  capacityNights: number;
  /** Used over capacity: household nights for an emergency flat, person nights otherwise. */
  occupancy: number | null;
}

export interface StayFigures {
  year: number;
  personsGranted: Record<(typeof housingKinds)[number], number>;
  accompanyingChildren: number;
  nights: { adults: number; children: number };
  staysEnded: Record<(typeof endReasons)[number], number>;
  enquiries: Record<(typeof enquiryOutcomes)[number], number>;
  places: PlaceOccupancy[];
}

const counted = <K extends string>(keys: readonly K[], rows: { key: string; n: number }[]) =>
  Object.fromEntries(keys.map((k) => [k, Number(rows.find((r) => r.key === k)?.n ?? 0)])) as Record<
    K,
    number
  >;

/**
 * The segments running in [from, to) of stays not cancelled, in the scope's units, with their
 * stay's day of leaving and who stayed — carried by each segment (0100): the rows the nights
 * and the costs are counted from, read by the (org_id, to_on) index and nothing else. No
 * condition uses coalesce, which the planner cannot test before the row's policy.
 */
export function yearSegments(s: FigureScope, from: string, to: string) {
  return sql`select g.stay_id, g.place_id, g.from_on, g.to_on, g.price_adult_ore,
        g.price_child_ore, g.stay_left_on as left_on, g.adults, g.children
      from stay_segment g
      where g.org_id = ${s.orgId} and g.from_on < ${to}::date
        and (g.to_on is null or g.to_on > ${from}::date) and ${caseInUnits("g", s)}
        and not g.stay_cancelled and (g.stay_left_on is null or g.stay_left_on > ${from}::date)`;
}

/**
 * The nights of each stay's segments in [from, to) and who stayed, per place, and what they
 * cost: shared/stay-costs.ts's arithmetic (stayCostByMonth — a segment's nights from its
 * start to its end, its stay's day of leaving or `until`, each member every night at the
 * prices copied at the segment's start) summed in the database, so a year of a whole country's
 * stays is not carried to Node segment by segment; stays.test.ts holds the two to the same
 * figures. Cost in öre as text (exact: a bigint sum).
 */
export function nightsPerPlace(s: FigureScope, from: string, to: string, until: string) {
  return sql<{
    place_id: string;
    household_nights: number;
    adult_nights: number;
    child_nights: number;
    cost_ore: string;
  }>`
    select g.place_id,
      sum(n)::integer as household_nights,
      sum(n * g.adults)::integer as adult_nights,
      sum(n * g.children)::integer as child_nights,
      coalesce(sum(n::bigint * (g.adults::bigint * g.price_adult_ore
                                + g.children::bigint * g.price_child_ore)), 0)::text as cost_ore
    from (select g.place_id, g.adults, g.children, g.price_adult_ore, g.price_child_ore,
            greatest(0, least(coalesce(g.to_on, g.left_on, ${until}::date),
                              coalesce(g.left_on, 'infinity'::date), ${to}::date)
                        - greatest(g.from_on, ${from}::date)) as n
          from (${yearSegments(s, from, to)}) g) g
    group by g.place_id`;
}

export async function stayFigures(
  trx: Trx,
  s: FigureScope & { year: number; today: string },
): Promise<StayFigures> {
  const from = `${s.year}-01-01`;
  const to = `${s.year + 1}-01-01`;
  const until = s.today < to ? s.today : to;
  // The year's decisions, each carrying its case's person (0098, 0100); not materialized, so
  // the outcome and kind are tested in the index-only read (0102).
  const granted = await sql<{ key: string; n: number }>`
    with d as (${yearRows(
      "decision",
      ["case_person_id", "intervention_kind", "outcome"],
      "decided_at",
      s,
      startOfDay(from),
      startOfDay(to),
    )})
    select d.intervention_kind as key, count(distinct d.case_person_id)::integer as n
    from d
    where d.outcome in ('granted', 'partly_granted')
      and d.intervention_kind in ('emergency_flat', 'sheltered_housing', 'other_housing')
    group by 1`.execute(trx);
  // A stay begins on arrival, or on the day planned while nobody has arrived: each member
  // carries the day and whether the stay was cancelled (0100).
  const children = await sql<{ n: number }>`
    select count(distinct m.person_id)::integer as n from stay_member m
    where m.org_id = ${s.orgId} and m.role = 'child' and ${caseInUnits("m", s)}
      and m.stay_began_on >= ${from}::date and m.stay_began_on < ${to}::date
      and not m.stay_cancelled`.execute(trx);
  const ended = await sql<{ key: string; n: number }>`
    with s as materialized (${yearRows("stay", ["end_reason"], "left_on", s, from, to)})
    select s.end_reason as key, count(*)::integer as n from s
    group by 1`.execute(trx);
  const enquiries = await sql<{ key: string; n: number }>`
    with e as materialized (${yearRows(
      "place_enquiry",
      ["outcome"],
      "answered_at",
      s,
      startOfDay(from),
      startOfDay(to),
    )})
    select e.outcome as key, count(*)::integer as n from e
    group by 1`.execute(trx);
  const nights = (await nightsPerPlace(s, from, to, until).execute(trx)).rows;
  const places = await placeCapacity(trx, s, from, until);
  return {
    year: s.year,
    personsGranted: counted(housingKinds, granted.rows),
    accompanyingChildren: Number(children.rows[0]?.n ?? 0),
    nights: {
      adults: nights.reduce((n, r) => n + Number(r.adult_nights), 0),
      children: nights.reduce((n, r) => n + Number(r.child_nights), 0),
    },
    staysEnded: counted(endReasons, ended.rows),
    enquiries: counted(enquiryOutcomes, enquiries.rows),
    places: places.map((p) => occupancyOf(p, nights)),
  };
}

/** A place's nights used beside those it could take. */
function occupancyOf(
  p: { id: string; name: string; kind: string; capacity: number },
  nights: {
    place_id: string;
    household_nights: number;
    adult_nights: number;
    child_nights: number;
  }[],
): PlaceOccupancy {
  const used = nights.find((r) => r.place_id === p.id);
  const personNights = Number(used?.adult_nights ?? 0) + Number(used?.child_nights ?? 0);
  const householdNights = Number(used?.household_nights ?? 0);
  const capacityNights = Number(p.capacity);
  const usedNights = p.kind === "emergency_flat" ? householdNights : personNights;
  return {
    placeId: p.id,
    name: p.name,
    kind: p.kind,
    personNights,
    householdNights,
    capacityNights,
    occupancy:
      capacityNights > 0 ? Math.round((usedNights / capacityNights) * 10_000) / 10_000 : null,
  };
}

/**
 * The places of the organisation (or administered by the units) open in the year, and the
 * nights they could take up to `until`: days open × places (an emergency flat: × 1).
 */
async function placeCapacity(trx: Trx, s: FigureScope, from: string, until: string) {
  const { rows } = await sql<{ id: string; name: string; kind: string; capacity: number }>`
    select p.id, p.name, p.kind,
      (greatest(0, least(coalesce(p.closed_on, 'infinity'::date), ${until}::date)
                   - greatest((p.created_at at time zone 'Europe/Stockholm')::date, ${from}::date))
       * case when p.kind = 'emergency_flat' then 1 else p.places end)::integer as capacity
    from place p
    where p.org_id = ${s.orgId}
      ${s.units === null ? sql`` : sql`and p.unit_id = any(${s.units}::uuid[])`}
      and (p.closed_on is null or p.closed_on > ${from}::date)
    order by p.name`.execute(trx);
  return rows;
}
