import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildOrg, buildUser, login, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";

/*
 * Two administrators at once (or one double click): each change to providers and identifiers
 * lands once, the other gets the Swedish 400 or 404 its check gives — never a 500, never a
 * 201 for a row that was not written, never two audit events for one removal. A 404 of an
 * administrator's route is audited as a denial.
 */
const provider = (displayName: string) => ({
  displayName,
  issuer: "https://idp.race.example",
  clientId: "frid",
  identifierKind: "email",
  identifierClaim: "email",
  acrValues: ["http://id.elegnamnden.se/loa/1.0/loa3"],
});

describe.each(testDatabaseKinds)("identity providers, two at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let admin: Session;
  let orgId: string;
  beforeAll(async () => {
    t = await buildTestApp(database());
    orgId = (await buildOrg(database().owner)).id;
    const user = await buildUser(database().owner, orgId, [
      { unitId: null, role: "administrator" },
    ]);
    admin = await login(t.app, user.username);
  });
  afterAll(() => t?.close());

  const req = (
    method: "POST" | "PATCH" | "DELETE" | "PUT" | "GET",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: as(admin), ...(payload ? { payload } : {}) });
  const count = async (action: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("org_id", "=", orgId)
        .where("action", "=", action)
        .execute()
    ).length;
  const worker = () => buildUser(database().owner, orgId, [{ unitId: null, role: "analyst" }]);

  it("adds a provider of one name once", async () => {
    const both = await race(2, () =>
      req("POST", "/api/admin/identity-providers", provider("Azure")),
    );
    expect(both.counts).toEqual({ 201: 1, 400: 1 });
    const loser = both.responses.find((r) => r.statusCode === 400);
    expect(loser?.json().error.fields.displayName).toContain("finns redan");
  });

  it("renames two providers to one name once", async () => {
    const a = (await req("POST", "/api/admin/identity-providers", provider("Freja A"))).json();
    const b = (await req("POST", "/api/admin/identity-providers", provider("Freja B"))).json();
    const both = await race(2, (i) =>
      req("PATCH", `/api/admin/identity-providers/${i === 0 ? a.id : b.id}`, {
        displayName: "Freja eID",
      }),
    );
    expect(both.counts).toEqual({ 200: 1, 400: 1 });
  });

  it("gives an identifier to one account, and an account one identifier of a kind", async () => {
    const [x, y] = [await worker(), await worker()];
    const same = await race(2, (i) =>
      req("POST", `/api/admin/users/${i === 0 ? x.id : y.id}/identifiers`, {
        kind: "email",
        value: "delad@kommun.example",
      }),
    );
    expect(same.counts).toEqual({ 201: 1, 400: 1 });
    const z = await worker();
    const two = await race(2, (i) =>
      req("POST", `/api/admin/users/${z.id}/identifiers`, {
        kind: "email",
        value: `z${i}@kommun.example`,
      }),
    );
    expect(two.counts).toEqual({ 201: 1, 400: 1 });
    const list = (await req("GET", `/api/admin/users/${z.id}/identifiers`)).json();
    expect(list.identifiers).toHaveLength(1);
    // The second, one at a time, names what to do.
    const again = await req("POST", `/api/admin/users/${z.id}/identifiers`, {
      kind: "email",
      value: "z9@kommun.example",
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.kind).toContain("Ta bort den först");
  });

  it("removes an identifier once, audited once; the other answer is an audited 404", async () => {
    const u = await worker();
    const added = await req("POST", `/api/admin/users/${u.id}/identifiers`, {
      kind: "hsa_id",
      value: "SE2321000032-race1",
    });
    const [identifier] = added.json().identifiers as { id: string }[];
    const [removed, denied] = [await count("admin.identifier.remove"), await count("admin.denied")];
    const both = await race(2, () =>
      req("DELETE", `/api/admin/account-identifiers/${identifier?.id}`),
    );
    expect(both.counts).toEqual({ 204: 1, 404: 1 });
    expect(await count("admin.identifier.remove")).toBe(removed + 1);
    expect(await count("admin.denied")).toBe(denied + 1);
  });

  it("audits every 404 of an administrator's route", async () => {
    const nobody = "00000000-0000-4000-8000-00000000b0d1";
    const before = await count("admin.denied");
    const attempts = [
      req("PATCH", `/api/admin/identity-providers/${nobody}`, { enabled: false }),
      req("GET", `/api/admin/users/${nobody}/identifiers`),
      req("POST", `/api/admin/users/${nobody}/identifiers`, { kind: "email", value: "a@b.se" }),
      req("PUT", `/api/admin/users/${nobody}/break-glass`, { breakGlass: true }),
      req("PATCH", `/api/admin/users/${nobody}`, { displayName: "Ingen Alls" }),
      req("POST", `/api/admin/users/${nobody}/mfa-reset`),
    ];
    for (const attempt of attempts) expect((await attempt).statusCode).toBe(404);
    expect(await count("admin.denied")).toBe(before + attempts.length);
  });
});
