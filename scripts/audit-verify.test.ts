import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { withActor } from "../src/server/access/transaction.ts";
import { recordAudit } from "../src/server/audit/record.ts";
import { sealPending } from "../src/server/audit/sealer.ts";
import { openPglite } from "../src/server/db/connection.ts";
import { migrate } from "../src/server/db/migrate.ts";
import { projectRoot } from "../src/server/paths.ts";
import { buildOrg } from "../src/server/testing/factories.ts";

const run = (dataDir: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", FRID_DATA_DIR: dataDir },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("npm run audit:verify", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 on an intact trail and 1, naming the event, once one was edited", async () => {
    dir = mkdtempSync(join(tmpdir(), "frid-verify-"));
    const database = await openPglite(dir);
    await migrate(database.owner);
    const org = await buildOrg(database.owner);
    for (const requestId of ["a", "b", "c"]) {
      await withActor(database.db, { userId: null, orgId: org.id }, (trx) =>
        recordAudit(trx, { actor: null, orgId: org.id, meta: { requestId, clientAddress: null } }, [
          { action: "logout", resourceType: "session" },
        ]),
      );
    }
    await sealPending(database.db);
    const [, second] = await database.owner
      .selectFrom("audit_event")
      .select("id")
      .orderBy("id")
      .execute();
    await database.close();

    const intact = run(dir);
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain("Audit trail intact: 3 sealed events verified.");

    const again = await openPglite(dir);
    await sql`update audit_event set request_id = 'forged' where id = ${second?.id}`.execute(
      again.owner,
    );
    await again.close();
    const broken = run(dir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`AUDIT TRAIL BROKEN: audit event ${second?.id}`);
    // A generous budget, not a speed check: the embedded database is opened four times (twice
    // in a process of its own), and each open and close flushes its folder to disk.
  }, 120_000);
});
