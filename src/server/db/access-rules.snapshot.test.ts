import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { accessRulesSnapshotPath, describeAccessRules } from "../testing/access-rules.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";

const refresh =
  "FRID_UPDATE_SNAPSHOTS=1 npx vitest run src/server/db/access-rules.snapshot.test.ts";

/**
 * The rule "who may see what" in SQL is spread over migrations that redefine the same
 * functions (0002, 0016, 0020, 0023 …). The committed snapshot is its current text in one
 * file, so a change to the rule shows in a review as a diff of that file, and a change that
 * does not come with a refreshed snapshot fails here.
 */
describe.each(testDatabaseKinds)("the committed snapshot of the access rules (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("matches the functions, policies and grants of the migrated database", async () => {
    const actual = await describeAccessRules(database().owner);
    const path = fileURLToPath(accessRulesSnapshotPath);
    if (process.env.FRID_UPDATE_SNAPSHOTS === "1") writeFileSync(path, actual);
    const committed = existsSync(path) ? readFileSync(path, "utf8") : "";
    expect(
      actual,
      `The access rules of the migrated database (${kind}) differ from ${path}. If the change ` +
        `is meant, refresh the snapshot with\n  ${refresh}\nand commit it with the migration.`,
    ).toBe(committed);
  });
});
