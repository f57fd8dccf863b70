import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startServer } from "../../e2e/fixtures/server.ts";
import { verifyAuditTrail } from "./audit/verify.ts";
import { openPglite } from "./db/connection.ts";
import { projectRoot } from "./paths.ts";
import { testKekEnv } from "./testing/kek.ts";

function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("starting Frid", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  it("refuses to start in production without the settings it needs, and says which", () => {
    const result = runMain({ NODE_ENV: "production" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Frid cannot start – fix the configuration");
    expect(result.stderr).toContain("FRID_SESSION_SECRET");
    expect(result.stderr).toContain("DATABASE_URL");
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it("refuses to start without its record-key store, names the setting, touches no database", () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "frid-no-keys-")), "data");
    cleanup.push(() => rmSync(dirname(dataDir), { recursive: true, force: true }));
    const result = runMain({
      NODE_ENV: "production",
      FRID_SESSION_SECRET: "s".repeat(40),
      FRID_DATA_DIR: dataDir,
      ...testKekEnv,
      FRID_KEY_STORE_DIR: `${dataDir}-record-keys`,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Frid could not start: the record-key store FRID_KEY_STORE_DIR: ${dataDir}-record-keys does not exist.`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("never seeds demo data in production", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "frid-prod-"));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServer({
      NODE_ENV: "production",
      FRID_SESSION_SECRET: "s".repeat(40),
      FRID_DATA_DIR: dataDir,
      ...testKekEnv,
    });
    const info = await (await fetch(`${server.url}/api/app-info`)).json();
    expect(info.demo).toBe(false);
    expect(server.output()).not.toContain("frid-demo");
    await server.stop();

    // The database was migrated, and is empty.
    const database = await openPglite(dataDir);
    cleanup.unshift(() => database.close());
    expect(
      await database.owner.selectFrom("schema_migration").select("version").execute(),
    ).not.toEqual([]);
    expect(await database.owner.selectFrom("organisation").select("id").execute()).toEqual([]);
    expect(await database.owner.selectFrom("seed_run").select("name").execute()).toEqual([]);
    // A generous limit: starting a server and migrating a fresh database takes a busy
    // machine more than the default 30 s.
  }, 180_000);

  it("seals the audit events of its run when it is stopped (SIGTERM)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "frid-shutdown-"));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // An hour between sealing rounds: only the shutdown can seal what this run wrote.
    const server = await startServer({
      FRID_DATA_DIR: dataDir,
      FRID_AUDIT_SEAL_INTERVAL_MS: "3600000",
    });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "nobody-here", password: "wrong-password" }),
    });
    expect(login.status).toBe(401);
    await server.stop();

    const database = await openPglite(dataDir);
    cleanup.unshift(() => database.close());
    const failed = await database.owner
      .selectFrom("audit_event")
      .select("id")
      .where("action", "=", "login.failed")
      .execute();
    expect(failed).toHaveLength(1);
    expect(await verifyAuditTrail(database.owner)).toMatchObject({ ok: true, unsealed: 0 });
  }, 180_000);
});
