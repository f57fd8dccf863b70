import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { createTestDatabase, testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";

describe.each(testDatabaseKinds)("system endpoints (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  afterEach(() => t?.close());

  it("GET /api/health says ok, which database, and the version", async () => {
    t = await buildTestApp(database());
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: kind, version: "0.1.0" });
  });

  it("GET /api/health answers 503 when the database is gone", async () => {
    const doomed = await createTestDatabase(kind);
    t = await buildTestApp(doomed);
    await doomed.close();
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: "unavailable", database: kind });
  });

  it("GET /api/app-info tells the web shell whether this is a demo", async () => {
    t = await buildTestApp(database(), { FRID_DEMO: "false" });
    const res = await t.app.inject({ method: "GET", url: "/api/app-info" });
    expect(res.json()).toEqual({ name: "Frid", version: "0.1.0", demo: false });
  });
});
