import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";

/**
 * Places and stays for tests, written as the owner (issue 16): the shelter's tests need a
 * stay without going through the places and stays API of other modules.
 */
export async function buildShelterUnit(owner: Kysely<Database>, orgId: string, name?: string) {
  return owner
    .insertInto("unit")
    .values({
      org_id: orgId,
      name: name ?? `Skyddat boende ${randomUUID().slice(0, 8)}`,
      kind: "shelter",
    })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

export async function buildPlace(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    unitId: string;
    createdBy: string;
    shelterUnitId?: string | null;
    name?: string;
    kind?: "emergency_flat" | "sheltered_housing" | "other_housing";
    places?: number;
  },
) {
  const id = randomUUID();
  await owner
    .insertInto("place")
    .values({
      id,
      org_id: input.orgId,
      unit_id: input.unitId,
      shelter_unit_id: input.shelterUnitId ?? null,
      name: input.name ?? `Boende ${id.slice(0, 8)}`,
      kind: input.kind ?? "sheltered_housing",
      operator_kind: input.shelterUnitId ? "own" : "voluntary_shelter",
      operator_name: "Testoperatör",
      places: input.places ?? 6,
      price_adult_ore: 145_000,
      price_child_ore: 60_000,
      created_by: input.createdBy,
    })
    .execute();
  await owner
    .insertInto("place_address")
    .values({
      place_id: id,
      org_id: input.orgId,
      street: "Påhittade gatan 1",
      postal_code: "123 45",
      city: "Testby",
      updated_by: input.createdBy,
    })
    .execute();
  return { id };
}

/** A granted housing decision in a case (the stay's own or a child's). */
export async function buildHousingDecision(
  owner: Kysely<Database>,
  input: { orgId: string; caseId: string; decidedBy: string },
) {
  const id = randomUUID();
  await owner
    .insertInto("decision")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      intervention_kind: "sheltered_housing",
      outcome: "granted",
      reasoning: "Behov av skyddat boende.",
      decided_by: input.decidedBy,
    })
    .execute();
  return { id };
}

/**
 * A stay at `placeId` from `plannedFrom` (one open segment), with its adult and children;
 * `arrivedOn` checks it in as well.
 */
export async function buildStay(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    decisionId: string;
    placeId: string;
    createdBy: string;
    adultId: string;
    childIds?: string[];
    plannedFrom: string;
    arrivedOn?: string;
  },
) {
  const id = randomUUID();
  await owner
    .insertInto("stay")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      decision_id: input.decisionId,
      planned_from: input.plannedFrom,
      arrived_on: input.arrivedOn ?? null,
      created_by: input.createdBy,
    })
    .execute();
  const members = [
    { person_id: input.adultId, role: "adult" as const },
    ...(input.childIds ?? []).map((p) => ({ person_id: p, role: "child" as const })),
  ];
  await owner
    .insertInto("stay_member")
    .values(members.map((m) => ({ ...m, stay_id: id, org_id: input.orgId })))
    .execute();
  await owner
    .insertInto("stay_segment")
    .values({
      id: randomUUID(),
      org_id: input.orgId,
      stay_id: id,
      place_id: input.placeId,
      from_on: input.arrivedOn ?? input.plannedFrom,
      price_adult_ore: 145_000,
      price_child_ore: 60_000,
    })
    .execute();
  return { id };
}

/** She moves on: the open segment ends on `on` and a new one starts at `placeId`. */
export async function moveStay(
  owner: Kysely<Database>,
  input: { orgId: string; stayId: string; placeId: string; on: string },
) {
  await owner
    .updateTable("stay_segment")
    .set({ to_on: input.on })
    .where("stay_id", "=", input.stayId)
    .where("to_on", "is", null)
    .execute();
  await owner
    .insertInto("stay_segment")
    .values({
      id: randomUUID(),
      org_id: input.orgId,
      stay_id: input.stayId,
      place_id: input.placeId,
      from_on: input.on,
      price_adult_ore: 145_000,
      price_child_ore: 60_000,
    })
    .execute();
}
