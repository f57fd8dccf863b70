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
import { buildPlace, buildStay } from "../../testing/stays.ts";

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
  const worker = await buildUser(owner, org.id, [{ unitId: unitA.id, role: "caseworker" }]);
  const colleague = await buildUser(owner, org.id, [{ unitId: unitA.id, role: "caseworker" }]);
  const manager = await buildUser(owner, org.id, [{ unitId: unitA.id, role: "unit_manager" }]);
  const workerB = await buildUser(owner, org.id, [{ unitId: unitB.id, role: "caseworker" }]);
  const staff = await buildUser(owner, org.id, [{ unitId: shelterUnit.id, role: "shelter_staff" }]);
  const adult = await buildPerson(owner, org.id, worker.id);
  const children = [await buildPerson(owner, org.id), await buildPerson(owner, org.id)];
  const caseA = await buildCase(owner, {
    orgId: org.id,
    unitId: unitA.id,
    personId: adult.id,
    openedBy: worker.id,
  });
  const flat = await buildPlace(owner, {
    orgId: org.id,
    unitId: unitA.id,
    createdBy: manager.id,
    name: "Akutlägenhet Ek",
    kind: "emergency_flat",
    operatorName: "Testkommun",
    priceAdultOre: 100_000,
    priceChildOre: 50_000,
    shelterUnitId: shelterUnit.id,
    address: addresses[0],
  });
  const shelter = await buildPlace(owner, {
    orgId: org.id,
    unitId: unitA.id,
    createdBy: manager.id,
    name: "Skyddat boende Lind",
    operatorName: "Kvinnojouren Frid",
    priceAdultOre: 145_050,
    priceChildOre: 0,
    address: addresses[1],
  });
  const stay = await buildStay(owner, {
    orgId: org.id,
    caseId: caseA.id,
    adultId: adult.id,
    childIds: children.map((c) => c.id),
    createdBy: worker.id,
    segments: [
      {
        placeId: flat.id,
        fromOn: "2024-01-30",
        toOn: "2024-02-10",
        priceAdultOre: 100_000,
        priceChildOre: 50_000,
      },
      {
        placeId: shelter.id,
        fromOn: "2024-02-10",
        toOn: null,
        priceAdultOre: 145_050,
        priceChildOre: 0,
      },
    ],
    leftOn: "2024-03-03",
  });
  const personB = await buildPerson(owner, org.id);
  const caseB = await buildCase(owner, {
    orgId: org.id,
    unitId: unitB.id,
    personId: personB.id,
    openedBy: workerB.id,
  });
  const stayB = await buildStay(owner, {
    orgId: org.id,
    caseId: caseB.id,
    adultId: personB.id,
    createdBy: workerB.id,
    segments: [
      {
        placeId: shelter.id,
        fromOn: "2024-02-01",
        toOn: "2024-02-05",
        priceAdultOre: 145_050,
        priceChildOre: 0,
      },
    ],
    leftOn: "2024-02-05",
  });
  const sessions: Record<"worker" | "colleague" | "manager" | "workerB" | "staff", Session> = {
    worker: await login(app, worker.username),
    colleague: await login(app, colleague.username),
    manager: await login(app, manager.username),
    workerB: await login(app, workerB.username),
    staff: await login(app, staff.username),
  };
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
