import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import { buildCase, buildOrg, buildPerson, buildUnit, buildUser, login } from "./factories.ts";
import {
  buildHousingDecision,
  buildPlace,
  type HousingDecisionInput,
  type PlaceInput,
} from "./housing.ts";

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
  return {
    owner,
    orgId: org.id,
    unitId: unit.id,
    childUnitId: childUnit.id,
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
    /** A place of the unit (no address unless given), its id. */
    place: async (p: WorldPlace) =>
      (
        await buildPlace(owner, {
          address: null,
          ...p,
          orgId: org.id,
          unitId: unit.id,
          createdBy: worker.id,
        })
      ).id,
    /** A decision in the case, made by the worker, its id. */
    decision: async (caseId: string, d: WorldDecision) =>
      (await buildHousingDecision(owner, { ...d, orgId: org.id, caseId, decidedBy: worker.id })).id,
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
    /** The person's sex and birth date, stored and as the worker typed them in. */
    born: async (personId: string, sex: "male" | "female", birthDate: string) => {
      await owner
        .updateTable("person")
        .set({ sex, birth_date: birthDate })
        .where("id", "=", personId)
        .execute();
      await owner
        .updateTable("person_registration")
        .set({ sex })
        .where("person_id", "=", personId)
        .execute();
    },
  };
}
export type StayWorld = Awaited<ReturnType<typeof buildStayWorld>>;

type WorldPlace = Omit<PlaceInput, "orgId" | "unitId" | "createdBy"> & { kind: PlaceInput["kind"] };
type WorldDecision = Omit<HousingDecisionInput, "orgId" | "caseId" | "decidedBy"> & {
  kind: string;
};
