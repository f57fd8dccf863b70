import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser, login } from "./factories.ts";

/**
 * The stays tests' world (modules/stays): an adult's case worked by a caseworker, places of
 * the organisation, housing decisions and children with (or without) decisions of their own,
 * made outside the API so each test states only what it is about.
 */
export async function buildStayWorld(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const unit = await buildUnit(owner, org.id);
  const childUnit = await buildUnit(owner, org.id, "child_services");
  const worker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
  const childWorker = await buildUser(owner, org.id, [
    { unitId: childUnit.id, role: "caseworker" },
  ]);
  const w = { owner, orgId: org.id, unitId: unit.id, childUnitId: childUnit.id };
  return {
    ...w,
    workerId: worker.id,
    childWorkerId: childWorker.id,
    worker: await login(app, worker.username),
    /** A new adult's case of the worker (the adult, the case). */
    adultCase: async () => {
      const person = await buildPerson(owner, org.id, worker.id);
      const c = await buildCase(owner, {
        orgId: org.id,
        unitId: unit.id,
        personId: person.id,
        openedBy: worker.id,
      });
      return { personId: person.id, caseId: c.id, person };
    },
    place: (p: PlaceInput) => buildPlace(w, worker.id, p),
    decision: (caseId: string, d: DecisionInput) =>
      buildDecision(owner, org.id, worker.id, caseId, d),
    /** A child of the case's person, recorded in the case, with a child case of its own. */
    child: async (adultCase: { caseId: string; personId: string }) => {
      const child = await buildPerson(owner, org.id, worker.id);
      await owner
        .insertInto("relation")
        .values({
          org_id: org.id,
          case_id: adultCase.caseId,
          person_id: adultCase.personId,
          other_person_id: child.id,
          kind: "child",
          recorded_by: worker.id,
        })
        .execute();
      const c = await buildCase(owner, {
        orgId: org.id,
        unitId: childUnit.id,
        personId: child.id,
        openedBy: childWorker.id,
      });
      await owner.updateTable("case").set({ case_type: "child" }).where("id", "=", c.id).execute();
      return { ...child, caseId: c.id };
    },
  };
}
export type StayWorld = Awaited<ReturnType<typeof buildStayWorld>>;

type PlaceInput = {
  kind: "sheltered_housing" | "emergency_flat" | "other_housing";
  places?: number;
  acceptsChildren?: boolean;
  priceAdult?: number;
  priceChild?: number;
  address?: string;
};

export async function buildPlace(
  w: { owner: Kysely<Database>; orgId: string; unitId: string },
  createdBy: string,
  p: PlaceInput,
) {
  const id = randomUUID();
  await w.owner
    .insertInto("place")
    .values({
      id,
      org_id: w.orgId,
      unit_id: w.unitId,
      name: `Boende ${id.slice(0, 8)}`,
      kind: p.kind,
      operator_kind: "own",
      operator_name: "Kommunen",
      places: p.places ?? 6,
      accepts_children: p.acceptsChildren ?? true,
      price_adult_ore: p.priceAdult ?? 145_000,
      price_child_ore: p.priceChild ?? 50_050,
      created_by: createdBy,
    })
    .execute();
  if (p.address)
    await w.owner
      .insertInto("place_address")
      .values({
        place_id: id,
        org_id: w.orgId,
        street: p.address,
        postal_code: "123 45",
        city: "Demostad",
        updated_by: createdBy,
      })
      .execute();
  return id;
}

type DecisionInput = {
  kind: string;
  outcome?: "granted" | "partly_granted" | "denied";
  periodFrom?: string | null;
  periodTo?: string | null;
  /** A child's placement basis (its own sheltered-housing decision). */
  placement?: {
    basis: "custodians_consent" | "court_2024_79";
    immediate?: boolean;
    courtOutcome?: "approved" | "rejected" | null;
  };
};

export async function buildDecision(
  owner: Kysely<Database>,
  orgId: string,
  decidedBy: string,
  caseId: string,
  d: DecisionInput,
) {
  const id = randomUUID();
  const outcome = d.outcome ?? "granted";
  await owner
    .insertInto("decision")
    .values({
      id,
      org_id: orgId,
      case_id: caseId,
      intervention_kind: d.kind,
      outcome,
      period_from: d.periodFrom ?? null,
      period_to: d.periodTo ?? null,
      reasoning: "Behov av skydd.",
      appeal_info: outcome === "granted" ? null : "Du kan överklaga.",
      decided_by: decidedBy,
    })
    .execute();
  if (d.placement) {
    const court = d.placement.courtOutcome ?? null;
    await owner
      .insertInto("child_placement")
      .values({
        decision_id: id,
        org_id: orgId,
        case_id: caseId,
        basis: d.placement.basis,
        sole_custody: false,
        immediate: d.placement.immediate ?? false,
        location_withheld: false,
        court_submitted_on: court ? "2026-01-02" : null,
        court_ruled_on: court ? "2026-01-05" : null,
        court_outcome: court,
        ended_on: null,
      })
      .execute();
  }
  return id;
}
