import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/server/config.ts";
import { CryptoError } from "../src/server/crypto/envelope.ts";
import { keyServiceFor } from "../src/server/crypto/key-service.ts";
import { recordKeyStoreFor } from "../src/server/crypto/record-keys.ts";
import { openDatabase } from "../src/server/db/connection.ts";
import { keyringMaxAgeMs } from "../src/server/db/field-cipher.ts";
import { rotateKeys } from "../src/server/db/key-rotation.ts";
import { runningServer } from "../src/server/db/running-server.ts";

/**
 * `npm run keys:rotate [-- --new-data-key] [--batch N] [--pause-ms N] [--grace-seconds N]`
 *
 * Re-wraps every data key under FRID_KEK (the old KEK given as FRID_KEK_PREVIOUS), and with
 * --new-data-key gives every organisation a new data key and seals every contact detail
 * again under it, in batches, while Frid runs on PostgreSQL (db/key-rotation.ts). Also seals
 * contact details stored before encryption came (0077). Exit 0: done; 1: failed (what was
 * done stays done and a second run goes on from there); 2: wrong arguments.
 */
const usage =
  "Usage: npm run keys:rotate -- [--new-data-key] [--batch 500] [--pause-ms 0] [--grace-seconds 65]\n";

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readArguments() {
  try {
    const { values } = parseArgs({
      options: {
        "new-data-key": { type: "boolean", default: false },
        batch: { type: "string", default: "500" },
        "grace-seconds": { type: "string" },
        "pause-ms": { type: "string", default: "0" },
      },
      strict: true,
      allowPositionals: false,
    });
    const batch = Number(values.batch);
    const grace = values["grace-seconds"] === undefined ? null : Number(values["grace-seconds"]);
    if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) {
      fail(`--batch: a whole number of rows from 1 to 10000\n${usage}`, 2);
    }
    const pause = Number(values["pause-ms"]);
    if (!Number.isInteger(pause) || pause < 0 || pause > 60_000) {
      fail(`--pause-ms: a pause after each batch, 0 to 60000 ms\n${usage}`, 2);
    }
    if (grace !== null && (!Number.isFinite(grace) || grace < 0 || grace > 3600)) {
      fail(`--grace-seconds: 0 to 3600\n${usage}`, 2);
    }
    return { newDataKeys: values["new-data-key"] === true, batch, grace, pause };
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`, 2);
  }
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
        "The embedded database is one process's at a time: stop Frid, rotate, start it again. " +
        "(On PostgreSQL the rotation runs while Frid runs.)",
      1,
    );
  }
}
// Servers on PostgreSQL may be running: wait until each has read the new keys. On the
// embedded database none can be (checked above).
const graceMs =
  input.grace !== null
    ? input.grace * 1000
    : config.database.kind === "postgres"
      ? keyringMaxAgeMs * 2 + 5_000
      : 0;

const database = await openDatabase(
  config.database,
  keyServiceFor(config.encryption),
  await recordKeyStoreFor(config.recordKeys),
);
try {
  const report = await rotateKeys(database, {
    newDataKeys: input.newDataKeys,
    batchSize: input.batch,
    pauseMs: input.pause,
    graceMs,
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  const resealed = Object.values(report.resealed).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `Done: ${report.rewrapped} data keys re-wrapped, ${report.newKeys} new, ` +
      `${resealed} values sealed again, ${report.retired} old keys retired.\n`,
  );
  if (report.remaining > 0) {
    process.stdout.write(
      `${report.remaining} values were written under an old key while this ran; run keys:rotate again to finish (the old keys stay usable until then).\n`,
    );
  }
  if (report.rewrapped > 0 && config.encryption?.previous) {
    process.stdout.write(
      "Every data key is now wrapped under FRID_KEK: remove FRID_KEK_PREVIOUS and FRID_KEK_PREVIOUS_ID.\n",
    );
  }
} catch (error) {
  const what = error instanceof CryptoError ? error.message : (error as Error).message;
  process.stderr.write(`keys:rotate stopped: ${what}\nWhat was done stays done; run it again.\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
