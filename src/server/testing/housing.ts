import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";

/**
 * Places, housing decisions and stays written as the owner (issue 16), for the tests of what
 * reads or acts on them: the commands that make them through the API belong to the places,
 * decisions and stays modules, and a test states only what it is about. One helper per
 * record, whoever's tests use it (places, stays, shelter, costs, figures, authorization).
 */

export type HousingKind = "emergency_flat" | "sheltered_housing" | "other_housing";

/** A unit of the kind shelter (its staff run the places whose shelter_unit_id it is). */
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

export interface PlaceInput {
  orgId: string;
  unitId: string;
  createdBy: string;
  shelterUnitId?: string | null;
  name?: string;
  kind?: HousingKind;
  operatorKind?: "own" | "voluntary_shelter";
  operatorName?: string;
  places?: number;
  acceptsChildren?: boolean;
  boysAgeLimit?: number;
  priceAdultOre?: number;
  priceChildOre?: number;
  /** The protected address's street; null writes no address at all. */
  address?: string | null;
  /** When the place was registered (the yearly figures count places from then). */
  createdAt?: Date;
}

/** A place of `unitId`, with its protected address unless `address` is null. */
export async function buildPlace(owner: Kysely<Database>, input: PlaceInput) {
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
      operator_kind: input.operatorKind ?? "own",
      operator_name: input.operatorName ?? "Kommunen",
      places: input.places ?? 6,
      accepts_children: input.acceptsChildren ?? true,
      boys_age_limit: input.boysAgeLimit ?? null,
      price_adult_ore: input.priceAdultOre ?? 145_000,
      price_child_ore: input.priceChildOre ?? 60_000,
      created_by: input.createdBy,
      ...(input.createdAt ? { created_at: input.createdAt } : {}),
    })
    .execute();
  if (input.address !== null)
    await owner
      .insertInto("place_address")
      .values({
        place_id: id,
        org_id: input.orgId,
        street: input.address ?? `Hemliga gatan ${id.slice(0, 4)}`,
        postal_code: "123 45",
        city: "Demostad",
        updated_by: input.createdBy,
      })
      .execute();
  return { id };
}

export interface HousingDecisionInput {
  orgId: string;
  caseId: string;
  decidedBy: string;
  /** The intervention; any kind, so a test can offer a decision that is not for housing. */
  kind?: string;
  outcome?: "granted" | "partly_granted" | "denied";
  periodFrom?: string | null;
  periodTo?: string | null;
  decidedAt?: string;
  /** A child's placement basis (its own sheltered-housing decision). */
  placement?: {
    basis: "custodians_consent" | "court_2024_79";
    immediate?: boolean;
    courtOutcome?: "approved" | "rejected" | null;
  };
}

/** A decision on the case (granted sheltered housing unless told), as the decisions module records one. */
export async function buildHousingDecision(owner: Kysely<Database>, input: HousingDecisionInput) {
  const id = randomUUID();
  const outcome = input.outcome ?? "granted";
  await owner
    .insertInto("decision")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      intervention_kind: input.kind ?? "sheltered_housing",
      outcome,
      period_from: input.periodFrom ?? null,
      period_to: input.periodTo ?? null,
      reasoning: "Behov av skyddat boende.",
      appeal_info: outcome === "granted" ? null : "Beslutet kan överklagas.",
      decided_by: input.decidedBy,
      ...(input.decidedAt ? { decided_at: new Date(input.decidedAt) } : {}),
    })
    .execute();
  if (input.placement) await addPlacement(owner, id, input, input.placement);
  return { id };
}

async function addPlacement(
  owner: Kysely<Database>,
  decisionId: string,
  input: HousingDecisionInput,
  placement: NonNullable<HousingDecisionInput["placement"]>,
) {
  const court = placement.courtOutcome ?? null;
  await owner
    .insertInto("child_placement")
    .values({
      decision_id: decisionId,
      org_id: input.orgId,
      case_id: input.caseId,
      basis: placement.basis,
      sole_custody: false,
      immediate: placement.immediate ?? false,
      location_withheld: false,
      court_submitted_on: court ? "2026-01-02" : null,
      court_ruled_on: court ? "2026-01-05" : null,
      court_outcome: court,
      ended_on: null,
    })
    .execute();
}

export interface SegmentInput {
  placeId: string;
  fromOn: string;
  toOn?: string | null;
  priceAdultOre: number;
  priceChildOre: number;
}

type EndReason =
  | "own_housing"
  | "back_home"
  | "other_municipality"
  | "left_without_notice"
  | "other";

interface StayCommon {
  orgId: string;
  caseId: string;
  createdBy: string;
  adultId: string;
  childIds?: string[];
  /** The stay's decision; without it a granted sheltered-housing decision is made. */
  decisionId?: string;
}

/**
 * A stay as it is to be: one open segment at `placeId` from `arrivedOn` (checked in) or else
 * from `plannedFrom` (expected, not yet checked in).
 */
export interface PlannedStayInput extends StayCommon {
  placeId: string;
  plannedFrom: string;
  arrivedOn?: string;
  priceAdultOre?: number;
  priceChildOre?: number;
}

/**
 * A stay as it was, segment by segment: checked in at the first segment's start (unless
 * cancelled), and ended on `leftOn` if given.
 */
export interface RecordedStayInput extends StayCommon {
  segments: SegmentInput[];
  leftOn?: string;
  endReason?: EndReason;
  cancelled?: boolean;
}

/** A stay on the case with its adult (first) and children, and where it is or was. */
export async function buildStay(
  owner: Kysely<Database>,
  input: PlannedStayInput | RecordedStayInput,
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
  const segments = "segments" in input ? input.segments : [plannedSegment(input)];
  const row = "segments" in input ? recordedRow(input) : plannedRow(input);
  await owner
    .insertInto("stay")
    .values({
      id,
      org_id: input.orgId,
      case_id: input.caseId,
      decision_id: decisionId,
      created_by: input.createdBy,
      ...row,
    })
    .execute();
  await addMembersAndSegments(owner, id, input, segments);
  return { id, decisionId };
}

function plannedSegment(input: PlannedStayInput): SegmentInput {
  return {
    placeId: input.placeId,
    fromOn: input.arrivedOn ?? input.plannedFrom,
    priceAdultOre: input.priceAdultOre ?? 145_000,
    priceChildOre: input.priceChildOre ?? 60_000,
  };
}

function plannedRow(input: PlannedStayInput) {
  return { planned_from: input.plannedFrom, arrived_on: input.arrivedOn ?? null };
}

function recordedRow(input: RecordedStayInput) {
  const first = input.segments[0]?.fromOn ?? "2026-01-01";
  return {
    planned_from: first,
    arrived_on: input.cancelled ? null : first,
    left_on: input.leftOn ?? null,
    end_reason: input.leftOn ? (input.endReason ?? "own_housing") : null,
    cancelled_at: input.cancelled ? new Date() : null,
  };
}

/** Who stays (the adult first) and where, segment by segment. */
async function addMembersAndSegments(
  owner: Kysely<Database>,
  stayId: string,
  input: StayCommon,
  segments: SegmentInput[],
) {
  const members = [
    { person_id: input.adultId, role: "adult" as const },
    ...(input.childIds ?? []).map((p) => ({ person_id: p, role: "child" as const })),
  ];
  await owner
    .insertInto("stay_member")
    .values(members.map((m) => ({ ...m, stay_id: stayId, org_id: input.orgId })))
    .execute();
  await owner
    .insertInto("stay_segment")
    .values(
      segments.map((g) => ({
        id: randomUUID(),
        org_id: input.orgId,
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
