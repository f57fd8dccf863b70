import type { Kysely } from "kysely";
import { addDays, stockholmDate } from "../../shared/calendar.ts";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import {
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "./factories.ts";
import { buildHousingDecision, buildPlace, buildShelterUnit, buildStay } from "./housing.ts";

/**
 * The shelter tests' world: an adult unit with a caseworker and her case (she and two
 * children), two shelter units A and B of the organisation each running a place, and their
 * staff logged in. The stay at A is expected (planned three days ago, not yet checked in).
 */
export async function buildShelterWorld(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const unit = await buildUnit(owner, org.id);
  const worker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
  const shelterA = await buildShelterUnit(owner, org.id);
  const shelterB = await buildShelterUnit(owner, org.id);
  const staffA = await buildUser(owner, org.id, [{ unitId: shelterA.id, role: "shelter_staff" }]);
  const staffB = await buildUser(owner, org.id, [{ unitId: shelterB.id, role: "shelter_staff" }]);
  const adult = await buildPerson(owner, org.id, worker.id);
  const children = [
    await buildPerson(owner, org.id, worker.id),
    await buildPerson(owner, org.id, worker.id),
  ];
  const c = await buildCase(owner, {
    orgId: org.id,
    unitId: unit.id,
    personId: adult.id,
    openedBy: worker.id,
  });
  const decision = await buildHousingDecision(owner, {
    orgId: org.id,
    caseId: c.id,
    decidedBy: worker.id,
  });
  const place = (shelterUnitId: string) =>
    buildPlace(owner, {
      orgId: org.id,
      unitId: unit.id,
      createdBy: worker.id,
      shelterUnitId,
      address: "Påhittade gatan 1", // the staff's views are searched for it
    });
  const placeA = await place(shelterA.id);
  const placeB = await place(shelterB.id);
  const today = stockholmDate(new Date());
  const stay = (input: { placeId?: string; plannedFrom?: string; arrivedOn?: string }) =>
    buildStay(owner, {
      orgId: org.id,
      caseId: c.id,
      decisionId: decision.id,
      placeId: input.placeId ?? placeA.id,
      createdBy: worker.id,
      adultId: adult.id,
      childIds: children.map((p) => p.id),
      plannedFrom: input.plannedFrom ?? addDays(today, -3),
      ...(input.arrivedOn ? { arrivedOn: input.arrivedOn } : {}),
    });
  const reference = (
    await owner
      .selectFrom("case")
      .select("reference")
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow()
  ).reference;
  const sessions: Record<"worker" | "staffA" | "staffB", Session> = {
    worker: await login(app, worker.username),
    staffA: await login(app, staffA.username),
    staffB: await login(app, staffB.username),
  };
  return {
    orgId: org.id,
    unitId: unit.id,
    caseId: c.id,
    reference,
    adult,
    children,
    placeA,
    placeB,
    shelterA,
    staffIds: { staffA: staffA.id, staffB: staffB.id, worker: worker.id },
    sessions,
    today,
    stay,
  };
}
export type ShelterWorld = Awaited<ReturnType<typeof buildShelterWorld>>;
