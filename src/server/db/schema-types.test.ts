import { readFileSync } from "node:fs";
import type { Insertable, Selectable } from "kysely";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CaseClosedReason, CaseStatus } from "../../shared/case-status.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import {
  generatedFile,
  generatedPath,
  generateSchemaTypes,
  refreshCommand,
} from "./schema-types.ts";
import type { Database, RoleName } from "./types.ts";

/**
 * The checked-in database types are what the migrations make: a migration committed without
 * its types (or a hand edit of the generated file) fails here, and the message says how to
 * refresh. Run on PostgreSQL too when DATABASE_URL is set, so both databases agree with it.
 */
describe.each(testDatabaseKinds)("generated database types (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("match a freshly migrated database", async () => {
    const fresh = await generateSchemaTypes(database().owner);
    const checkedIn = readFileSync(generatedFile, "utf8");
    expect(
      checkedIn,
      `${generatedPath} does not match the migrations: run \`${refreshCommand}\` and commit the file`,
    ).toBe(fresh);
  });
});

/**
 * What types.ts adds to the generated shapes, checked by the type checker (`npm run typecheck`):
 * a narrowing that stops applying (a column renamed, a union widened back to text) fails here.
 */
describe("the narrowed database types", () => {
  it("keep CHECK-constrained text as its union and the drivers' parsed values", () => {
    expectTypeOf<Selectable<Database["case"]>["status"]>().toEqualTypeOf<CaseStatus>();
    expectTypeOf<
      Selectable<Database["case"]>["closed_reason"]
    >().toEqualTypeOf<CaseClosedReason | null>();
    expectTypeOf<Selectable<Database["role_assignment"]>["role"]>().toEqualTypeOf<RoleName>();
    expectTypeOf<Selectable<Database["person"]>["safe_contact"]>().toEqualTypeOf<string>();
    expectTypeOf<Selectable<Database["person"]>["birth_date"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Selectable<Database["audit_event"]>["id"]>().toEqualTypeOf<number>();
    expectTypeOf<Selectable<Database["document"]>["content"]>().toEqualTypeOf<Uint8Array | null>();
  });

  it("leave out on insert what the database fills, and accept a plain boolean", () => {
    type NewRegistration = Insertable<Database["person_registration"]>;
    expectTypeOf<{
      org_id: string;
      person_id: string;
      user_id: string;
    }>().toExtend<NewRegistration>();
    expectTypeOf<Insertable<Database["intake"]>["interpreter_needed"]>().toEqualTypeOf<
      boolean | undefined
    >();
  });
});
