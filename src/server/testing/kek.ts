import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One record-key folder per process, for the production-mode runs it starts; gone at exit. */
const keyStoreDir = mkdtempSync(join(tmpdir(), "frid-test-record-keys-"));
process.on("exit", () => rmSync(keyStoreDir, { recursive: true, force: true }));

/**
 * The keys a production-mode run in a test or a benchmark needs (production refuses to start
 * without them): a key-encryption key (FRID_KEK), fresh per process, so no key is ever
 * written down; and a record-key store (FRID_KEY_STORE_DIR), a temporary folder.
 */
export const testKekEnv = {
  FRID_KEK: randomBytes(32).toString("base64"),
  FRID_KEK_ID: "test-kek",
  FRID_KEY_STORE_DIR: keyStoreDir,
} as const;
