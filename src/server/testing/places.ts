import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";

/** A place as the register form sends it (issue 16), with what a test says about it. */
export function placeBody(unitId: string, over: Record<string, unknown> = {}) {
  return {
    name: `Skyddat boende ${randomUUID().slice(0, 6)}`,
    kind: "sheltered_housing",
    unitId,
    operatorKind: "voluntary_shelter",
    operatorName: "Kvinnojouren Fiktiva",
    ivoPermitNumber: "IVO 8.1-0001/2024",
    ivoPermitExpiresOn: "2030-12-31",
    places: 6,
    rooms: 3,
    acceptsWomen: true,
    acceptsMen: false,
    acceptsNonBinary: true,
    acceptsChildren: true,
    boysAgeLimit: 15,
    acceptsPets: false,
    acceptsSubstanceUse: false,
    wheelchairAccess: true,
    accessibilityNotes: null,
    staffLanguages: ["svenska", "arabiska"],
    priceAdult: 1450.5,
    priceChild: 600,
    holdHours: 24,
    ...over,
  };
}

/**
 * An ongoing stay at a place, written as the owner (the stays part writes them through its
 * own API): a granted housing decision on the case, the adult, and one segment from `from`.
 */
export async function insertStay(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    personId: string;
    placeId: string;
    userId: string;
    from: string;
    children?: string[];
  },
) {
  const decisionId = randomUUID();
  await owner
    .insertInto("decision")
    .values({
      id: decisionId,
      org_id: input.orgId,
      case_id: input.caseId,
      intervention_kind: "sheltered_housing",
      outcome: "granted",
      reasoning: "Behov av skyddat boende.",
      decided_by: input.userId,
    })
    .execute();
  const stayId = randomUUID();
  await owner
    .insertInto("stay")
    .values({
      id: stayId,
      org_id: input.orgId,
      case_id: input.caseId,
      decision_id: decisionId,
      planned_from: input.from,
      arrived_on: input.from,
      created_by: input.userId,
    })
    .execute();
  const members = [
    { person_id: input.personId, role: "adult" as const },
    ...(input.children ?? []).map((id) => ({ person_id: id, role: "child" as const })),
  ];
  await owner
    .insertInto("stay_member")
    .values(members.map((m) => ({ ...m, stay_id: stayId, org_id: input.orgId })))
    .execute();
  await owner
    .insertInto("stay_segment")
    .values({
      id: randomUUID(),
      org_id: input.orgId,
      stay_id: stayId,
      place_id: input.placeId,
      from_on: input.from,
      price_adult_ore: 0,
      price_child_ore: 0,
    })
    .execute();
  return { stayId, decisionId };
}

/** The place records of the authorization suite: a place of X's unit, its address and contact, a hold and an enquiry on X. */
export async function addPlaceRecords(made: {
  owner: Kysely<Database>;
  orgId: string;
  unitId: string;
  caseId: string;
  id: (a: "assigned" | "manager") => string;
}) {
  const { owner, orgId, unitId, caseId, id } = made;
  const placeId = randomUUID();
  await owner
    .insertInto("place")
    .values({
      id: placeId,
      org_id: orgId,
      unit_id: unitId,
      name: "Akutlägenhet Fiktiva",
      kind: "sheltered_housing",
      operator_kind: "own",
      operator_name: "Kommunen",
      places: 6,
      price_adult_ore: 100000,
      price_child_ore: 50000,
      created_by: id("manager"),
    })
    .execute();
  const street = `Skyddsvägen ${randomUUID().slice(0, 8)}`;
  await owner
    .insertInto("place_address")
    .values({
      place_id: placeId,
      org_id: orgId,
      street,
      postal_code: "111 11",
      city: "Demostad",
      updated_by: id("manager"),
    })
    .execute();
  const contact = await owner
    .insertInto("place_contact")
    .values({ org_id: orgId, place_id: placeId, name: "Kontakt Fiktiv" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const holdId = randomUUID();
  const enquiryId = randomUUID();
  const common = { org_id: orgId, place_id: placeId, case_id: caseId, persons: 1 };
  await owner
    .insertInto("place_hold")
    .values({
      id: holdId,
      ...common,
      held_by: id("assigned"),
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .execute();
  await owner
    .insertInto("place_enquiry")
    .values({ id: enquiryId, ...common, asked_by: id("assigned") })
    .execute();
  return { placeId, holdId, enquiryId, contactId: contact.id, street };
}
