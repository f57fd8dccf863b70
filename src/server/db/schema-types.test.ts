import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import {
  generatedFile,
  generatedPath,
  generateSchemaTypes,
  refreshCommand,
} from "./schema-types.ts";

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
