import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";

/**
 * Places and stays made as the owner, for tests of what reads them (costs, figures): the
 * commands that make them through the API belong to the places and stays modules.
 */

export async function buildPlace(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    unitId: string;
    createdBy: string;
    name?: string;
    kind?: "emergency_flat" | "sheltered_housing" | "other_housing";
    operatorName?: string;
    places?: number;
    priceAdultOre?: number;
    priceChildOre?: number;
    shelterUnitId?: string;
    address?: string;
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
      name: input.name ?? `Boende ${id.slice(0, 6)}`,
      kind: input.kind ?? "sheltered_housing",
      operator_kind: "voluntary_shelter",
      operator_name: input.operatorName ?? "Kvinnojouren Test",
      places: input.places ?? 4,
      price_adult_ore: input.priceAdultOre ?? 150_000,
      price_child_ore: input.priceChildOre ?? 75_000,
      created_by: input.createdBy,
      created_at: new Date("2020-01-01T00:00:00Z"),
    })
    .execute();
  await owner
    .insertInto("place_address")
    .values({
      place_id: id,
      org_id: input.orgId,
      street: input.address ?? `Hemliga gatan ${id.slice(0, 4)}`,
      postal_code: "123 45",
      city: "Skyddsby",
      updated_by: input.createdBy,
    })
    .execute();
  return { id };
}

export interface SegmentInput {
  placeId: string;
  fromOn: string;
  toOn?: string | null;
  priceAdultOre: number;
  priceChildOre: number;
}

/** A granted housing decision on the case, as the decisions module records one. */
export async function buildHousingDecision(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    decidedBy: string;
    kind?: "emergency_flat" | "sheltered_housing" | "other_housing";
    decidedAt?: string;
    outcome?: "granted" | "denied";
  },
) {
  const id = randomUUID();
  await owner
    .insertInto("decision")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      intervention_kind: input.kind ?? "sheltered_housing",
      outcome: input.outcome ?? "granted",
      reasoning: "Behov av skyddat boende.",
      appeal_info: input.outcome === "denied" ? "Beslutet kan överklagas." : null,
      decided_by: input.decidedBy,
      ...(input.decidedAt ? { decided_at: new Date(input.decidedAt) } : {}),
    })
    .execute();
  return { id };
}

/** A stay on the case: its adult, its children, and where it was, segment by segment. */
export async function buildStay(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    adultId: string;
    childIds?: string[];
    createdBy: string;
    decisionId?: string;
    segments: SegmentInput[];
    leftOn?: string;
    endReason?:
      | "own_housing"
      | "back_home"
      | "other_municipality"
      | "left_without_notice"
      | "other";
    cancelled?: boolean;
  },
) {
  const id = randomUUID();
  const decisionId =
    input.decisionId ??
    (
      await buildHousingDecision(owner, {
        orgId: input.orgId,
        caseId: input.caseId,
        decidedBy: input.createdBy,
      })
    ).id;
  const first = input.segments[0]?.fromOn ?? "2026-01-01";
  await owner
    .insertInto("stay")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      decision_id: decisionId,
      planned_from: first,
      arrived_on: input.cancelled ? null : first,
      left_on: input.leftOn ?? null,
      end_reason: input.leftOn ? (input.endReason ?? "own_housing") : null,
      cancelled_at: input.cancelled ? new Date() : null,
      created_by: input.createdBy,
    })
    .execute();
  await addMembersAndSegments(owner, input.orgId, id, input);
  return { id, decisionId };
}

/** Who stays (the adult first) and where, segment by segment. */
async function addMembersAndSegments(
  owner: Kysely<Database>,
  orgId: string,
  stayId: string,
  input: { adultId: string; childIds?: string[]; segments: SegmentInput[] },
) {
  const members = [
    { person_id: input.adultId, role: "adult" as const },
    ...(input.childIds ?? []).map((p) => ({ person_id: p, role: "child" as const })),
  ];
  await owner
    .insertInto("stay_member")
    .values(members.map((m) => ({ ...m, stay_id: stayId, org_id: orgId })))
    .execute();
  await owner
    .insertInto("stay_segment")
    .values(
      input.segments.map((g) => ({
        id: randomUUID(),
        org_id: orgId,
        stay_id: stayId,
        place_id: g.placeId,
        from_on: g.fromOn,
        to_on: g.toOn ?? null,
        price_adult_ore: g.priceAdultOre,
        price_child_ore: g.priceChildOre,
      })),
    )
    .execute();
}
