import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cryptoMessage } from "../http/errors.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, buildCase, buildPerson, buildWorkedCase } from "../testing/factories.ts";
import { openPglite } from "./connection.ts";
import { migrate } from "./migrate.ts";

/**
 * Issue 19 item 4: contact details are sealed before they reach the database, so a dump or a
 * copied PGlite folder shows none of them, and a sealed value copied onto another person's
 * row does not open (ADR 0022).
 */
const sentinels = {
  phone: "+46701234567",
  postalAddress: "Hemligvägen 17",
  email: "sara.hemlig@exempel.se",
  codeWord: "Blåklint",
  // A code word in her safety plan is as secret as the one in her safe contact (review 19, 8).
  planCodeWord: "Smörblomma",
  safePlace: "Grannen Lisa på Ekvägen",
};
const details = {
  phone: sentinels.phone,
  postalAddress: sentinels.postalAddress,
  email: sentinels.email,
  safeContact: { codeWord: sentinels.codeWord, letterAddress: "Box 17, 111 22 Demostad" },
};

type Worked = Awaited<ReturnType<typeof buildWorkedCase>>;
const measure = (kind: string, description: string) => ({
  kind,
  description,
  forWhom: "Klienten",
  responsible: "Handläggaren",
  status: "in_place",
  reviewOn: "2026-12-31",
});
/** Her details on her person page and her safety plan's code word and safe place: both 200. */
async function writeDetails(t: TestApp, w: Worked) {
  const person = await t.app.inject({
    method: "PATCH",
    url: `/api/persons/${w.personId}`,
    headers: as(w.session),
    payload: details,
  });
  const plan = await t.app.inject({
    method: "PUT",
    url: `/api/cases/${w.caseId}/safety-plan`,
    headers: as(w.session),
    payload: {
      measures: [
        measure("code_word", `Kodord ${sentinels.planCodeWord}`),
        measure("safe_place", sentinels.safePlace),
      ],
      basedOnVersion: null,
    },
  });
  expect(plan.statusCode, plan.body).toBe(200);
  return person;
}

describe.each(testDatabaseKinds)("contact details at rest (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Worked;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    expect((await writeDetails(t, w)).statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  it("stores them sealed and shows them opened to her worker", async () => {
    const row = await database()
      .owner.selectFrom("person")
      .select(["phone", "email", "postal_address", "safe_contact"])
      .where("id", "=", w.personId)
      .executeTakeFirstOrThrow();
    for (const value of Object.values(row)) {
      expect(value).toMatch(/^f1\./);
      for (const s of Object.values(sentinels)) expect(value).not.toContain(s);
    }
    const read = await t.app.inject({
      method: "GET",
      url: `/api/persons/${w.personId}`,
      headers: as(w.session),
    });
    expect(read.json().details).toMatchObject({
      ...details,
      safeContact: { codeWord: sentinels.codeWord },
    });
    const plan = await database()
      .owner.selectFrom("safety_plan_version")
      .select("measures")
      .where("case_id", "=", w.caseId)
      .executeTakeFirstOrThrow();
    expect(String(plan.measures)).toMatch(/^f1\./);
    const shown = await t.app.inject({
      method: "GET",
      url: `/api/cases/${w.caseId}/safety-plan`,
      headers: as(w.session),
    });
    expect(shown.json().current.measures[0].description).toBe(`Kodord ${sentinels.planCodeWord}`);
  });

  it("does not open a value copied onto another person's row: plain words, no trace", async () => {
    const other = await buildPerson(database().owner, w.orgId, w.userId);
    await buildCase(database().owner, {
      orgId: w.orgId,
      unitId: w.unitId,
      personId: other.id,
      openedBy: w.userId,
    });
    const hers = await database()
      .owner.selectFrom("person")
      .select("postal_address")
      .where("id", "=", w.personId)
      .executeTakeFirstOrThrow();
    await database()
      .owner.updateTable("person")
      .set({ postal_address: hers.postal_address })
      .where("id", "=", other.id)
      .execute();
    const read = await t.app.inject({
      method: "GET",
      url: `/api/persons/${other.id}`,
      headers: as(w.session),
    });
    expect(read.statusCode).toBe(500);
    expect(read.json().error.message).toBe(cryptoMessage);
    expect(read.body).not.toContain(sentinels.postalAddress);
    expect(read.body).not.toContain("CryptoError");
  });

  // pg_dump reads PostgreSQL only; the PGlite folder has its own test below.
  if (kind === "postgres")
    it("leaves no sentinel in a pg_dump of the database", () => {
      const url = database().url as string;
      const dump = execFileSync("/usr/bin/pg_dump", ["--data-only", url], {
        maxBuffer: 512 * 1024 * 1024,
      }).toString("utf8");
      expect(dump).toContain("f1.");
      for (const s of Object.values(sentinels)) expect(dump).not.toContain(s);
    });
});

/** Every file under `dir`, as bytes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("contact details in a PGlite data folder", () => {
  const dir = mkdtempSync(join(tmpdir(), "frid-dump-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A durable folder migrates with fsync on every commit: slow, hence the limit.
  it("leaves no sentinel in any file of the folder once closed", { timeout: 300_000 }, async () => {
    const database = await openPglite(dir);
    await migrate(database.owner);
    const t = await buildTestApp(database);
    const w = await buildWorkedCase(t.app, database.owner);
    expect((await writeDetails(t, w)).statusCode).toBe(200);
    await t.close();
    await database.close();
    const needles = Object.values(sentinels).map((s) => Buffer.from(s, "utf8"));
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) {
        expect(bytes.indexOf(needle), `${needle.toString()} in ${file}`).toBe(-1);
      }
    }
  });
});
