import type { Kysely } from "kysely";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { hashPassword } from "../../auth/passwords.ts";
import type { Database } from "../types.ts";
import { demoOrganisation, demoPassword, demoPersons, demoUnits, demoUsers } from "./demo-data.ts";

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
    return true;
  });
}
