import { readFileSync } from "node:fs";
import { loadConfig } from "../src/server/config.ts";
import { keyServiceFor } from "../src/server/crypto/key-service.ts";
import { recordKeyStoreFor } from "../src/server/crypto/record-keys.ts";
import { openDatabase } from "../src/server/db/connection.ts";
import { migrate } from "../src/server/db/migrate.ts";
import { storeVersion } from "../src/server/modules/assessments/registry.ts";
import { InstrumentDefinition } from "../src/shared/instruments/definition.ts";

/**
 * `npm run instruments:import -- file.json [--org "Name"]`: loads an instrument definition
 * (e.g. an official instrument the organisation is licensed for) into one organisation, or
 * every one. A broken definition is refused with each problem and where it is; a published
 * version is never changed. Uses the server's configuration (DATABASE_URL or FRID_DATA_DIR).
 */
const args = process.argv.slice(2);
const orgAt = args.indexOf("--org");
const orgName = orgAt >= 0 ? args[orgAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith("--") && (orgAt < 0 || i !== orgAt + 1));
if (!file) {
  process.stderr.write('Usage: npm run instruments:import -- file.json [--org "Name"]\n');
  process.exit(2);
}
let json: unknown;
try {
  json = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  process.stderr.write(`Could not read ${file} as JSON: ${(error as Error).message}\n`);
  process.exit(1);
}
const parsed = InstrumentDefinition.safeParse(json);
if (!parsed.success) {
  process.stderr.write(`${file} is not a valid instrument definition:\n`);
  for (const issue of parsed.error.issues)
    process.stderr.write(`  ${issue.path.join(".") || "(the whole file)"}: ${issue.message}\n`);
  process.exit(1);
}
const definition = parsed.data;
const config = loadConfig();
const database = await openDatabase(
  config.database,
  keyServiceFor(config.encryption),
  await recordKeyStoreFor(config.recordKeys),
);
try {
  // The same schema the server would bring it to: importing into an older one would fail.
  await migrate(database.owner);
  let q = database.owner.selectFrom("organisation").select(["id", "name"]);
  if (orgName) q = q.where("name", "=", orgName);
  const orgs = await q.execute();
  if (orgs.length === 0) {
    process.stderr.write(
      orgName ? `No organisation is called "${orgName}".\n` : "No organisations yet.\n",
    );
    process.exitCode = 1;
  }
  for (const org of orgs) {
    try {
      const outcome = await storeVersion(database.owner, org.id, definition);
      process.stdout.write(
        `${org.name}: ${definition.id} version ${definition.version} ${outcome === "stored" ? "imported" : "was already there"}.\n`,
      );
    } catch (error) {
      process.stderr.write(`${org.name}: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  }
} finally {
  await database.close();
}
