import { verifyAuditTrail } from "../src/server/audit/verify.ts";
import { loadConfig } from "../src/server/config.ts";
import { keyServiceFor } from "../src/server/crypto/key-service.ts";
import { recordKeyStoreFor } from "../src/server/crypto/record-keys.ts";
import { openDatabase } from "../src/server/db/connection.ts";

/**
 * `npm run audit:verify`: recomputes every audit chain from the events as they are now.
 * Exit 0: intact. Exit 1: the first event that was edited, removed or moved is named.
 * Uses the same configuration as the server (DATABASE_URL or FRID_DATA_DIR).
 */
const config = loadConfig();
const database = await openDatabase(
  config.database,
  keyServiceFor(config.encryption),
  await recordKeyStoreFor(config.recordKeys),
);
try {
  const result = await verifyAuditTrail(database.owner);
  if (result.ok) {
    process.stdout.write(
      `Audit trail intact: ${result.checked} sealed events verified` +
        (result.unsealed > 0
          ? `, ${result.unsealed} not yet sealed (the server seals them within seconds).\n`
          : ".\n"),
    );
  } else {
    process.stderr.write(
      `AUDIT TRAIL BROKEN: ${result.problem}\n(${result.checked} events verified before it.)\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
