import { randomBytes, randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Actor } from "../../src/server/access/actor.ts";
import { hashPassword } from "../../src/server/auth/passwords.ts";
import { hashSessionId, newCsrfToken, newSessionId } from "../../src/server/auth/sessions.ts";
import type { Database } from "../../src/server/db/types.ts";
import { luhnCheckDigit } from "../../src/shared/personal-identity-number.ts";

export interface Seeded {
  /** The caseworker the benchmark reads as: assigned to every case (the common path). */
  actor: Actor;
  password: string;
  unitId: string;
  caseIds: string[];
  /** A live session written straight into the table, for the raw SQL baseline's lookup. */
  rawSessionId: string;
}

const batchSize = 1000;

/** Day i after 1950-01-01, as YYYYMMDD: 10,000 persons get 10,000 different birth dates. */
function birthDate(i: number): string {
  return new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, "");
}

/** A valid personnummer with a fictional birth number (98x), unique per i. */
export function benchIdentityNumber(i: number): string {
  const date = birthDate(i);
  const serial = `98${i % 10}`;
  return `${date}${serial}${luhnCheckDigit(`${date.slice(2)}${serial}`)}`;
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += batchSize) await insert(rows.slice(i, i + batchSize));
}

/**
 * As the owner (row-level security does not apply): one organisation, one unit, one
 * caseworker with a password, `count` persons each with one case assigned to that worker.
 */
export async function seed(owner: Kysely<Database>, count: number): Promise<Seeded> {
  const org = await owner
    .insertInto("organisation")
    .values({ name: "Bänkkommunen", kind: "municipality" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const unit = await owner
    .insertInto("unit")
    .values({ org_id: org.id, name: "Vuxenenheten", kind: "adult_services" })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  const password = randomBytes(18).toString("base64url");
  const user = await owner
    .insertInto("app_user")
    .values({
      org_id: org.id,
      username: "bench.caseworker",
      display_name: "Bänk Handläggare",
      password_hash: await hashPassword(password),
    })
    .returning(["id", "username", "display_name"])
    .executeTakeFirstOrThrow();
  const role = await owner
    .insertInto("role_assignment")
    .values({ org_id: org.id, user_id: user.id, unit_id: unit.id, role: "caseworker" })
    .returning("id")
    .executeTakeFirstOrThrow();

  const persons = Array.from({ length: count }, (_, i) => {
    const identityNumber = benchIdentityNumber(i);
    return {
      id: randomUUID(),
      org_id: org.id,
      identity_kind: "personal_identity_number" as const,
      identity_number: identityNumber,
      given_name: `Testperson${i}`,
      family_name: "Bänksson",
      birth_date: `${identityNumber.slice(0, 4)}-${identityNumber.slice(4, 6)}-${identityNumber.slice(6, 8)}`,
      created_by: user.id,
    };
  });
  await inBatches(persons, (b) => owner.insertInto("person").values(b).execute());

  const cases = persons.map((p, i) => ({
    id: randomUUID(),
    org_id: org.id,
    unit_id: unit.id,
    person_id: p.id,
    case_type: "adult_victim" as const,
    reference: `B-${String(i + 1).padStart(5, "0")}`,
    opened_by: user.id,
  }));
  await inBatches(cases, (b) => owner.insertInto("case").values(b).execute());
  await inBatches(cases, (b) =>
    owner
      .insertInto("case_assignment")
      .values(
        b.map((c) => ({ org_id: org.id, case_id: c.id, user_id: user.id, assigned_by: user.id })),
      )
      .execute(),
  );

  const rawSessionId = newSessionId();
  await owner
    .insertInto("session")
    .values({
      id_hash: hashSessionId(rawSessionId),
      user_id: user.id,
      org_id: org.id,
      state: "authenticated",
      csrf_token: newCsrfToken(),
      expires_at: new Date(Date.now() + 12 * 3_600_000),
    })
    .execute();
  // Fresh statistics, as autovacuum would have them on a database in use.
  for (const table of ["person", "case", "case_assignment", "session", "app_user"] as const) {
    await sql.raw(`analyze "${table}"`).execute(owner);
  }

  return {
    actor: {
      userId: user.id,
      orgId: org.id,
      username: user.username,
      displayName: user.display_name,
      roles: [{ id: role.id, unitId: unit.id, unitName: unit.name, role: "caseworker" }],
    },
    password,
    unitId: unit.id,
    caseIds: cases.map((c) => c.id),
    rawSessionId,
  };
}
