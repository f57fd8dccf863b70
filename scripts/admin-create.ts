import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/server/config.ts";
import { keyServiceFor } from "../src/server/crypto/key-service.ts";
import { recordKeyStoreFor } from "../src/server/crypto/record-keys.ts";
import { openDatabase } from "../src/server/db/connection.ts";
import { MigrationError, migrate } from "../src/server/db/migrate.ts";
import { runningServer } from "../src/server/db/running-server.ts";
import {
  AdministratorRefused,
  createFirstAdministrator,
  type OrganisationKind,
  organisationKinds,
} from "../src/server/modules/admin/first-administrator.ts";

/**
 * `npm run admin:create -- --username NAME --org "ORGANISATION" [--org-kind KIND]
 * [--display-name "NAME"] [--force]`: creates the first administrator of an installation
 * (and the organisation, if it does not exist yet) and prints a one-time password, once.
 * Uses the server's configuration (DATABASE_URL or FRID_DATA_DIR). Exit 0: created;
 * 1: refused or failed (nothing changed); 2: wrong arguments.
 */
const usage =
  'Usage: npm run admin:create -- --username NAME --org "ORGANISATION" ' +
  `[--org-kind ${organisationKinds.join("|")}] [--display-name "NAME"] [--force]\n`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readArguments() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        username: { type: "string" },
        org: { type: "string" },
        "org-kind": { type: "string", default: "municipality" },
        "display-name": { type: "string", default: "Systemförvaltare" },
        force: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`, 2);
  }
  // Logins are case-insensitive (lower-cased), so the stored name is too.
  const username = String(values.username ?? "")
    .trim()
    .toLowerCase();
  const org = String(values.org ?? "").trim();
  const kind = String(values["org-kind"]);
  const displayName = String(values["display-name"]).trim();
  const problems: string[] = [];
  // The same rule as the app_user table's check: lower-case letters, digits, . _ -
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(username)) {
    problems.push(
      "--username: 2–63 characters, lower-case letters a–z, digits and . _ - (starting with a letter or digit)",
    );
  }
  if (org.length === 0 || org.length > 200) problems.push("--org: the organisation's name");
  if (!(organisationKinds as readonly string[]).includes(kind)) {
    problems.push(`--org-kind: one of ${organisationKinds.join(", ")}`);
  }
  if (displayName.length < 2 || displayName.length > 100) {
    problems.push("--display-name: the administrator's name as shown in Frid (2–100 characters)");
  }
  if (problems.length > 0) fail(`${problems.map((p) => `  ${p}`).join("\n")}\n${usage}`, 2);
  return {
    username,
    organisation: org,
    organisationKind: kind as OrganisationKind,
    displayName,
    force: values.force === true,
  };
}

const input = readArguments();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 1);
  throw error;
}
if (config.database.kind === "pglite") {
  const running = runningServer(config.database.dataDir);
  if (running) {
    fail(
      `Frid is running on this embedded database (process ${running.pid}); nothing was changed. ` +
        "Stop Frid first: the embedded database is one process's at a time. " +
        `If Frid is not running, delete ${running.file}.`,
      1,
    );
  }
}
const database = await openDatabase(
  config.database,
  keyServiceFor(config.encryption),
  await recordKeyStoreFor(config.recordKeys),
);
try {
  // The schema the server would bring it to: a fresh installation has no tables yet.
  await migrate(database.owner);
  const result = await createFirstAdministrator(database.owner, input);
  process.stdout.write(
    [
      result.organisationCreated
        ? `Organisation "${input.organisation}" created.`
        : `Organisation "${input.organisation}" found.`,
      result.account === "created"
        ? `Administrator "${input.username}" created.`
        : `Administrator "${input.username}" reset: authenticator app removed, sessions ended.`,
      "",
      `One-time password (shown only now): ${result.oneTimePassword}`,
      "",
      "Log in with it. Frid then asks for an authenticator app to be set up, and for a new password.",
      "",
    ].join("\n"),
  );
} catch (error) {
  if (error instanceof AdministratorRefused || error instanceof MigrationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`admin:create failed, nothing was changed: ${(error as Error).message}\n`);
  }
  process.exitCode = 1;
} finally {
  await database.close();
}
