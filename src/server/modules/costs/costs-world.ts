import type { Kysely } from "kysely";
import type { Database } from "../../db/types.ts";
import type { App } from "../../http/context.ts";
import {
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { buildPlace, buildStay } from "../../testing/housing.ts";

/**
 * The costs tests' world (2024, a leap year): unit A's case with a stay of a woman and two
 * children that moves from an emergency flat (1000 kr a night for her, 500 kr per child) to a
 * voluntary shelter (1450.50 kr for her, children free) on 10 February and ends on 3 March;
 * unit B's case with a short stay at the shelter; a shelter unit whose staff run the flat.
 */
export const addresses = ["Lönngatan 7", "Dolda vägen 12"];

export async function buildCostsWorld(app: App, owner: Kysely<Database>) {
  const org = await buildOrg(owner);
  const unitA = await buildUnit(owner, org.id);
  const unitB = await buildUnit(owner, org.id);
  const shelterUnit = await owner
    .insertInto("unit")
    .values({ org_id: org.id, name: "Kriscentrum Test", kind: "shelter" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { worker, colleague, manager, workerB, staff } = await buildStaff(owner, org.id, {
    a: unitA.id,
    b: unitB.id,
    shelter: shelterUnit.id,
  });
  const adult = await buildPerson(owner, org.id, worker.id);
  const children = [await buildPerson(owner, org.id), await buildPerson(owner, org.id)];
  const caseA = await buildCase(owner, {
    orgId: org.id,
    unitId: unitA.id,
    personId: adult.id,
    openedBy: worker.id,
  });
  const { flat, shelter } = await buildPlaces(owner, org.id, unitA.id, manager.id, shelterUnit.id);
  const stay = await buildStay(owner, {
    orgId: org.id,
    caseId: caseA.id,
    adultId: adult.id,
    childIds: children.map((c) => c.id),
    createdBy: worker.id,
    segments: movedOn10February(flat.id, shelter.id),
    leftOn: "2024-03-03",
  });
  const { caseB, stayB } = await buildUnitBStay(owner, org.id, unitB.id, workerB.id, shelter.id);
  const sessions = await logins(app, { worker, colleague, manager, workerB, staff });
  return {
    orgId: org.id,
    unitA: unitA.id,
    unitB: unitB.id,
    ids: { worker: worker.id, staff: staff.id, manager: manager.id, workerB: workerB.id },
    caseA: caseA.id,
    childIds: children.map((c) => c.id),
    caseB: caseB.id,
    flat: flat.id,
    shelter: shelter.id,
    stay: stay.id,
    stayB: stayB.id,
    sessions,
  };
}
export type CostsWorld = Awaited<ReturnType<typeof buildCostsWorld>>;

/** The municipality's own flat, run by the shelter unit, and a voluntary shelter. */
async function buildPlaces(
  owner: Kysely<Database>,
  orgId: string,
  unitId: string,
  createdBy: string,
  shelterUnitId: string,
) {
  const flat = await buildPlace(owner, {
    orgId,
    unitId,
    createdBy,
    name: "Akutlägenhet Ek",
    kind: "emergency_flat",
    operatorKind: "voluntary_shelter",
    operatorName: "Testkommun",
    priceAdultOre: 100_000,
    priceChildOre: 50_000,
    shelterUnitId,
    address: addresses[0],
  });
  const shelter = await buildPlace(owner, {
    orgId,
    unitId,
    createdBy,
    name: "Skyddat boende Lind",
    operatorKind: "voluntary_shelter",
    operatorName: "Kvinnojouren Frid",
    priceAdultOre: 145_050,
    priceChildOre: 0,
    address: addresses[1],
  });
  return { flat, shelter };
}

type Who = "worker" | "colleague" | "manager" | "workerB" | "staff";

async function logins(app: App, users: Record<Who, { username: string }>) {
  const sessions = {} as Record<Who, Session>;
  for (const [who, user] of Object.entries(users) as [Who, { username: string }][])
    sessions[who] = await login(app, user.username);
  return sessions;
}

/** Unit B's case and its four nights at the shelter at the start of February. */
async function buildUnitBStay(
  owner: Kysely<Database>,
  orgId: string,
  unitId: string,
  workerId: string,
  shelterId: string,
) {
  const personB = await buildPerson(owner, orgId);
  const caseB = await buildCase(owner, { orgId, unitId, personId: personB.id, openedBy: workerId });
  const stayB = await buildStay(owner, {
    orgId,
    caseId: caseB.id,
    adultId: personB.id,
    createdBy: workerId,
    segments: [
      {
        placeId: shelterId,
        fromOn: "2024-02-01",
        toOn: "2024-02-05",
        priceAdultOre: 145_050,
        priceChildOre: 0,
      },
    ],
    leftOn: "2024-02-05",
  });
  return { caseB, stayB };
}

/** Two caseworkers and the manager of unit A, a caseworker of B, a shelter's staff member. */
async function buildStaff(
  owner: Kysely<Database>,
  orgId: string,
  units: { a: string; b: string; shelter: string },
) {
  const user = (unitId: string, role: "caseworker" | "unit_manager" | "shelter_staff") =>
    buildUser(owner, orgId, [{ unitId, role }]);
  return {
    worker: await user(units.a, "caseworker"),
    colleague: await user(units.a, "caseworker"),
    manager: await user(units.a, "unit_manager"),
    workerB: await user(units.b, "caseworker"),
    staff: await user(units.shelter, "shelter_staff"),
  };
}

/** A night in the flat costs 1000 kr for her and 500 kr per child; at the shelter 1450.50 kr. */
function movedOn10February(flatId: string, shelterId: string) {
  return [
    {
      placeId: flatId,
      fromOn: "2024-01-30",
      toOn: "2024-02-10",
      priceAdultOre: 100_000,
      priceChildOre: 50_000,
    },
    {
      placeId: shelterId,
      fromOn: "2024-02-10",
      toOn: null,
      priceAdultOre: 145_050,
      priceChildOre: 0,
    },
  ];
}
