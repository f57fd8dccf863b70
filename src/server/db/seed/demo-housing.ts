import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import type { Database } from "../types.ts";
import { dayAgo, daysAgo, seedDay } from "./demo-clock.ts";
import { type DemoCase, demoCases } from "./demo-data.ts";

/**
 * Demokommun's places and Sara Berg's stay (issue 16). Three emergency flats of IFO Vuxen's
 * own; the organisation's own shelter Lärkan, run by the shelter unit of that name (whose
 * staff also check people in and out of the emergency flats); and two
 * external shelters, Kvinnojouren Ros (voluntary) and Grannby kommun's shelter Eken — Eken is
 * full: Lina Ek holds its places for Anna Andersson and her children (a live hold of a week
 * from seeding, so the vacancy board counts it). Addresses are fictional.
 *
 * Sara Berg, Leo and Maja came to Lärkan yesterday on her sheltered-housing decision; each
 * child has a decision of its own in its case at Barn och unga, on Sara's consent (she has
 * sole custody), made after that case opened: Maja's the day after her report, Leo's
 * yesterday. The children's school is arranged and Lärkan's staff have had the first talk.
 */
type Trx = Transaction<Database>;

export interface DemoHousingIds {
  orgId: string;
  adultUnitId: string;
  shelterUnitId: string;
  coordinatorId: string;
  shelterStaffId: string;
  /** Sara Berg's adult case, Leo's and Maja's cases, Anna Andersson's case. */
  sara: { caseId: string; personId: string; workerId: string };
  leo: { caseId: string; personId: string; workerId: string };
  maja: { caseId: string; personId: string; workerId: string };
  anna: { caseId: string; workerId: string };
}

/** The ids seedDemoHousing needs, from demo.ts's lookups and the demo cases' ids. */
export function demoHousingIds(
  orgId: string,
  lookups: {
    unitId: (key: string) => string;
    userId: (username: string) => string;
    personId: (number: string) => string;
  },
  caseIds: string[],
): DemoHousingIds {
  const inCase = (index: number) => {
    const c = demoCases[index] as DemoCase;
    return {
      caseId: caseIds[index] as string,
      workerId: lookups.userId(c.worker),
      personId: lookups.personId(c.person),
    };
  };
  return {
    orgId,
    adultUnitId: lookups.unitId("adult"),
    shelterUnitId: lookups.unitId("shelter"),
    coordinatorId: lookups.userId("boendesamordnare"),
    shelterStaffId: lookups.userId("boendepersonal"),
    // Anna Andersson, Sara Berg, and Leo's and Maja's cases at Barn och unga (demoCases).
    anna: inCase(0),
    sara: inCase(1),
    leo: inCase(4),
    maja: inCase(5),
  };
}

interface DemoPlace {
  key: "flat1" | "flat2" | "flat3" | "larkan" | "ros" | "eken";
  name: string;
  kind: "emergency_flat" | "sheltered_housing";
  operator: ["own" | "voluntary_shelter" | "other_municipality", string];
  ivo?: [string, number];
  places: number;
  rooms: number;
  pets?: boolean;
  wheelchair?: boolean;
  boysAgeLimit?: number;
  languages: string[];
  prices: [number, number];
  street: string;
  holdHours?: number;
}

/** Prices in kronor per day (adult, child); the permit's expiry in days from seeding. */
// biome-ignore format: one line per place
export const demoPlaces: DemoPlace[] = [
  { key: "flat1", name: "Akutlägenhet 1", kind: "emergency_flat", operator: ["own", "Demokommun"], places: 4, rooms: 2, pets: true, languages: [], prices: [450, 0], street: "Björkvägen 3 A" },
  { key: "flat2", name: "Akutlägenhet 2", kind: "emergency_flat", operator: ["own", "Demokommun"], places: 3, rooms: 2, wheelchair: true, languages: [], prices: [450, 0], street: "Björkvägen 3 B" },
  { key: "flat3", name: "Akutlägenhet 3", kind: "emergency_flat", operator: ["own", "Demokommun"], places: 5, rooms: 3, languages: [], prices: [450, 0], street: "Lindgatan 12" },
  { key: "larkan", name: "Skyddat boende Lärkan", kind: "sheltered_housing", operator: ["own", "Demokommun"], ivo: ["IVO 3.5.1-10421/2024", 400], places: 8, rooms: 4, pets: true, boysAgeLimit: 17, languages: ["svenska", "engelska", "arabiska"], prices: [1450, 600], street: "Lärkstigen 4" },
  { key: "ros", name: "Kvinnojouren Ros", kind: "sheltered_housing", operator: ["voluntary_shelter", "Kvinnojouren Ros i Demostad"], ivo: ["IVO 3.5.1-20877/2024", 40], places: 6, rooms: 3, boysAgeLimit: 15, languages: ["svenska", "persiska", "somaliska"], prices: [1650, 750], street: "Rosengången 9" },
  { key: "eken", name: "Skyddat boende Eken", kind: "sheltered_housing", operator: ["other_municipality", "Grannby kommun"], ivo: ["IVO 3.5.1-33310/2023", 700], places: 3, rooms: 2, wheelchair: true, languages: ["svenska", "tigrinja"], prices: [1800, 900], street: "Ekallén 21", holdHours: 168 },
];

export async function seedDemoHousing(trx: Trx, ids: DemoHousingIds): Promise<void> {
  const placeIds = new Map<DemoPlace["key"], string>();
  for (const p of demoPlaces) placeIds.set(p.key, await seedPlace(trx, ids, p));
  const eken = demoPlaces.find((p) => p.key === "eken") as DemoPlace;
  await trx
    .insertInto("place_hold")
    .values({
      id: randomUUID(),
      org_id: ids.orgId,
      place_id: placeIds.get("eken") as string,
      case_id: ids.anna.caseId,
      persons: eken.places,
      held_by: ids.anna.workerId,
      held_at: daysAgo(0),
      expires_at: daysAgo(0, (eken.holdHours ?? 24) * 60),
    })
    .execute();
  await seedSaraStay(trx, ids, placeIds.get("larkan") as string);
}

async function seedPlace(trx: Trx, ids: DemoHousingIds, p: DemoPlace): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto("place")
    .values({
      id,
      org_id: ids.orgId,
      unit_id: ids.adultUnitId,
      // Lärkan's staff also look after the municipality's emergency flats (keys, check-in
      // and check-out), so they run those too; the external shelters have staff of their own.
      shelter_unit_id: p.operator[0] === "own" ? ids.shelterUnitId : null,
      name: p.name,
      kind: p.kind,
      operator_kind: p.operator[0],
      operator_name: p.operator[1],
      ivo_permit_number: p.ivo?.[0] ?? null,
      ivo_permit_expires_on: p.ivo ? addDays(seedDay(), p.ivo[1]) : null,
      places: p.places,
      rooms: p.rooms,
      accepts_pets: p.pets ?? false,
      wheelchair_access: p.wheelchair ?? false,
      boys_age_limit: p.boysAgeLimit ?? null,
      staff_languages: p.languages,
      price_adult_ore: p.prices[0] * 100,
      price_child_ore: p.prices[1] * 100,
      hold_hours: p.holdHours ?? 24,
      created_by: ids.coordinatorId,
      created_at: daysAgo(60),
    })
    .execute();
  await trx
    .insertInto("place_address")
    .values({
      place_id: id,
      org_id: ids.orgId,
      street: p.street,
      postal_code: "111 22",
      city: p.operator[0] === "other_municipality" ? "Grannby" : "Demostad",
      directions:
        p.kind === "sheltered_housing" ? "Ring på porttelefonen, kod lämnas per telefon." : null,
      updated_by: ids.coordinatorId,
    })
    .execute();
  if (p.operator[0] !== "own")
    await trx
      .insertInto("place_contact")
      .values({
        org_id: ids.orgId,
        place_id: id,
        name:
          p.key === "ros" ? "Jourtelefonen, Kvinnojouren Ros" : "Boendesamordnare, Grannby kommun",
        role: "Placeringsförfrågningar",
        phone: p.key === "ros" ? "070-174 00 70" : "070-174 00 80",
      })
      .execute();
  return id;
}

/** Sara's decision and its period; the stay follows it. */
async function saraDecision(trx: Trx, caseId: string) {
  return trx
    .selectFrom("decision")
    .select(["id", "period_from", "period_to"])
    .where("case_id", "=", caseId)
    .where("intervention_kind", "=", "sheltered_housing")
    .where("outcome", "=", "granted")
    .executeTakeFirstOrThrow();
}

/** A child's own sheltered-housing decision on Sara's consent (sole custody). */
async function childDecision(
  trx: Trx,
  orgId: string,
  child: DemoHousingIds["leo"],
  at: Date,
  periodTo: string | null,
) {
  const id = randomUUID();
  const day = stockholmDate(at);
  await trx
    .insertInto("decision")
    .values({
      id,
      org_id: orgId,
      case_id: child.caseId,
      intervention_kind: "sheltered_housing",
      outcome: "granted",
      period_from: day,
      period_to: periodTo,
      reasoning:
        "Barnet behöver bo i skyddat boende tillsammans med sin mamma för att vara skyddat från våld.",
      decided_by: child.workerId,
      decided_at: at,
    })
    .execute();
  await trx
    .insertInto("child_placement")
    .values({
      decision_id: id,
      org_id: orgId,
      case_id: child.caseId,
      basis: "custodians_consent",
      sole_custody: true,
      immediate: false,
      location_withheld: true,
      court_submitted_on: null,
      court_ruled_on: null,
      court_outcome: null,
      ended_on: null,
    })
    .execute();
  await trx
    .insertInto("consent")
    .values({
      org_id: orgId,
      case_id: child.caseId,
      decision_id: id,
      scope: "child_sheltered_housing",
      given_by_name: "Sara Berg (ensam vårdnadshavare)",
      form: "written",
      given_on: day,
      recorded_by: child.workerId,
    })
    .execute();
  return id;
}

/** Sara, Leo and Maja at Lärkan since yesterday: checked in, school arranged, a first talk. */
async function seedSaraStay(trx: Trx, ids: DemoHousingIds, placeId: string) {
  const decision = await saraDecision(trx, ids.sara.caseId);
  const maja = await childDecision(trx, ids.orgId, ids.maja, daysAgo(9), decision.period_to);
  const leo = await childDecision(trx, ids.orgId, ids.leo, daysAgo(1, 60), decision.period_to);
  const stayId = randomUUID();
  const arrived = dayAgo(1);
  await trx
    .insertInto("stay")
    .values({
      id: stayId,
      org_id: ids.orgId,
      case_id: ids.sara.caseId,
      decision_id: decision.id,
      planned_from: arrived,
      planned_to: decision.period_to,
      arrived_on: arrived,
      created_by: ids.sara.workerId,
      created_at: daysAgo(1, 120),
    })
    .execute();
  await seedSaraMembers(trx, ids, stayId, { leo, maja });
  await trx
    .insertInto("stay_segment")
    .values({
      id: randomUUID(),
      org_id: ids.orgId,
      stay_id: stayId,
      place_id: placeId,
      from_on: arrived,
      price_adult_ore: 145_000,
      price_child_ore: 60_000,
    })
    .execute();
  await trx
    .insertInto("stay_note")
    .values({
      id: randomUUID(),
      org_id: ids.orgId,
      stay_id: stayId,
      kind: "talk",
      happened_on: arrived,
      text: "Inskrivningssamtal med Sara: rutiner på boendet, larm och vem hon kan ringa. Hon vill ha stöd i att prata med barnen om varför de har flyttat.",
      written_by: ids.shelterStaffId,
      written_at: daysAgo(1, 180),
    })
    .execute();
}

/** Who stays: Sara, and each child with its own decision, school and own view. */
async function seedSaraMembers(
  trx: Trx,
  ids: DemoHousingIds,
  stayId: string,
  decisions: { leo: string; maja: string },
) {
  const { leo, maja } = decisions;
  const arrived = dayAgo(1);
  const school = {
    school_kind: "school" as const,
    school_name: "Lärkskolan",
    school_municipality: "Demokommun",
    school_contacted_on: arrived,
    school_arranged_on: seedDay(),
    shelter_contact_person: "Sofia Åberg, Lärkan",
  };
  await trx
    .insertInto("stay_member")
    .values([
      { stay_id: stayId, org_id: ids.orgId, person_id: ids.sara.personId, role: "adult" },
      {
        stay_id: stayId,
        org_id: ids.orgId,
        person_id: ids.leo.personId,
        role: "child",
        child_decision_id: leo,
        ...school,
        school_transport: "Skolskjuts med taxi från boendet, annan väg än hemifrån.",
        child_view: "Vill gå i skolan igen men är rädd att pappa ska hitta honom där.",
      },
      {
        stay_id: stayId,
        org_id: ids.orgId,
        person_id: ids.maja.personId,
        role: "child",
        child_decision_id: maja,
        ...school,
        school_transport: "Följs till skolan av personal från boendet.",
        child_view: "Tycker om sitt rum; saknar fritids och sina kompisar.",
      },
    ])
    .execute();
}
