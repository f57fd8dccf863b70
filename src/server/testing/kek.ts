import { randomBytes } from "node:crypto";

/**
 * A key-encryption key for a production-mode run in a test or a benchmark (production
 * refuses to start without FRID_KEK): fresh per process, so no key is ever written down.
 */
export const testKekEnv = {
  FRID_KEK: randomBytes(32).toString("base64"),
  FRID_KEK_ID: "test-kek",
} as const;
