import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { addDays, stockholmDate } from "../../shared/calendar.ts";
import type { Database } from "../db/types.ts";
import type { Made } from "./authorization-records.ts";
import { buildPerson } from "./factories.ts";

/*
 * Police collaboration's tests (modules/police-collaboration, its Att göra lines and the
 * authorization suite): a relative of the case's person, and a granted restraining order and
 * an alarm made as the owner outside the API.
 */

/** A day `days` from today (Stockholm), as the API takes it. */
export const dayFromToday = (days: number) => addDays(stockholmDate(new Date()), days);

/** A relative of the case's person (a partner unless said), recorded with the name the case knows. */
export async function addRelative(
  owner: Kysely<Database>,
  input: {
    orgId: string;
    caseId: string;
    personId: string;
    recordedBy: string;
    kind?: "partner" | "former_partner" | "child";
    knownAs?: { given: string; family: string };
  },
) {
  const other = await buildPerson(owner, input.orgId, input.recordedBy);
  const { id } = await owner
    .insertInto("relation")
    .values({
      org_id: input.orgId,
      case_id: input.caseId,
      person_id: input.personId,
      other_person_id: other.id,
      kind: input.kind ?? "partner",
      given_name: input.knownAs?.given ?? null,
      family_name: input.knownAs?.family ?? null,
      recorded_by: input.recordedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { relationId: id, personId: other.id, person: other };
}

/** A granted order protecting the case's person, against a named man, and an alarm. */
export async function buildOrderAndAlarm(
  owner: Kysely<Database>,
  input: { orgId: string; caseId: string; personId: string; recordedBy: string },
) {
  const orderId = randomUUID();
  await owner
    .insertInto("restraining_order")
    .values({
      id: orderId,
      org_id: input.orgId,
      case_id: input.caseId,
      kind: "contact",
      status: "granted",
      protected_person_id: input.personId,
      against_name: "Namn Fiktiv",
      valid_from: dayFromToday(-100),
      valid_until: dayFromToday(200),
      recorded_by: input.recordedBy,
    })
    .execute();
  const alarmId = randomUUID();
  await owner
    .insertInto("safety_alarm")
    .values({
      id: alarmId,
      org_id: input.orgId,
      case_id: input.caseId,
      kind: "protection_alarm",
      valid_from: dayFromToday(-30),
      supplied_by: "Polisen",
      recorded_by: input.recordedBy,
    })
    .execute();
  return { orderId, alarmId };
}

/** For the authorization suite: an order and an alarm in case X. */
export async function addPoliceRecords(made: Made) {
  const { person_id } = await made.owner
    .selectFrom("case")
    .select("person_id")
    .where("id", "=", made.caseId)
    .executeTakeFirstOrThrow();
  return buildOrderAndAlarm(made.owner, {
    orgId: made.orgId,
    caseId: made.caseId,
    personId: person_id,
    recordedBy: made.id("assigned"),
  });
}
