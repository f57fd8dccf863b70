import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { hashPassword } from "../../auth/passwords.ts";
import type { Database } from "../types.ts";
import {
  demoBarriers,
  demoCases,
  demoOrganisation,
  demoPassword,
  demoPersons,
  demoUnits,
  demoUsers,
} from "./demo-data.ts";

const SEED = "demo-v1";

/**
 * Seeds the demo organisation once: a second start, or a second process starting at the
 * same time, finds the seed recorded and does nothing. Only called in demo mode.
 * Returns whether it seeded now.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The row lock on the seed marker is what makes concurrent starts safe.
    const inserted = await trx
      .insertInto("seed_run")
      .values({ name: SEED })
      .onConflict((oc) => oc.column("name").doNothing())
      .returning("name")
      .executeTakeFirst();
    if (!inserted) return false;

    const org = await trx
      .insertInto("organisation")
      .values(demoOrganisation)
      .returning("id")
      .executeTakeFirstOrThrow();

    const units = await trx
      .insertInto("unit")
      .values(demoUnits.map((u) => ({ org_id: org.id, name: u.name, kind: u.kind })))
      .returning(["id", "name"])
      .execute();
    const unitId = (key: string | null) => {
      const name = demoUnits.find((u) => u.key === key)?.name;
      return units.find((u) => u.name === name)?.id ?? null;
    };

    // One hash for all: the same password, and seeding stays fast.
    const passwordHash = await hashPassword(demoPassword);
    const users = await trx
      .insertInto("app_user")
      .values(
        demoUsers.map((u) => ({
          org_id: org.id,
          username: u.username,
          display_name: u.displayName,
          password_hash: passwordHash,
        })),
      )
      .returning(["id", "username"])
      .execute();
    await trx
      .insertInto("role_assignment")
      .values(
        demoUsers.map((u) => ({
          org_id: org.id,
          user_id: users.find((x) => x.username === u.username)?.id as string,
          unit_id: unitId(u.unit),
          role: u.role,
        })),
      )
      .execute();

    await trx
      .insertInto("person")
      .values(
        demoPersons.map((p) => {
          const parsed = parseIdentityNumber(p.identityNumber);
          if (!parsed.ok) throw new Error(`Demo identity number is invalid: ${parsed.message}`);
          return {
            org_id: org.id,
            identity_kind: parsed.value.kind,
            identity_number: parsed.value.normalized,
            given_name: p.givenName,
            family_name: p.familyName,
            birth_date: parsed.value.birthDate,
            sex: p.sex,
          };
        }),
      )
      .execute();
    await seedDemoCases(trx, org.id);
    return true;
  });
}

async function seedDemoCases(trx: Transaction<Database>, orgId: string) {
  const [units, users, persons] = await Promise.all([
    trx.selectFrom("unit").select(["id", "name"]).where("org_id", "=", orgId).execute(),
    trx.selectFrom("app_user").select(["id", "username"]).where("org_id", "=", orgId).execute(),
    trx
      .selectFrom("person")
      .select(["id", "identity_number"])
      .where("org_id", "=", orgId)
      .execute(),
  ]);
  const year = new Date().getFullYear();
  const caseIds: string[] = [];
  for (const [index, c] of demoCases.entries()) {
    const unitName = demoUnits.find((u) => u.key === c.unit)?.name;
    const unitId = units.find((u) => u.name === unitName)?.id as string;
    const userId = users.find((u) => u.username === c.worker)?.id as string;
    const personId = persons.find((p) => p.identity_number === c.person)?.id as string;
    const id = randomUUID();
    caseIds.push(id);
    await trx
      .insertInto("case")
      .values({
        id,
        org_id: orgId,
        unit_id: unitId,
        person_id: personId,
        case_type: c.caseType,
        reference: `${year}-D${String(index + 1).padStart(3, "0")}`,
        opened_by: userId,
      })
      .execute();
    await trx
      .insertInto("case_assignment")
      .values({ org_id: orgId, case_id: id, user_id: userId, assigned_by: userId })
      .execute();
    await trx
      .insertInto("person_registration")
      .values({ org_id: orgId, person_id: personId, user_id: userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const manager = users.find((u) => u.username === "enhetschef")?.id as string;
  for (const [a, b] of demoBarriers) {
    await trx
      .insertInto("barrier")
      .values({
        org_id: orgId,
        case_a_id: caseIds[a] as string,
        case_b_id: caseIds[b] as string,
        reason: "Partnerkontakt: behandlingen och partnerns stöd hålls åtskilda.",
        created_by: manager,
      })
      .execute();
  }
}
