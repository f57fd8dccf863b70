import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildOrg, buildUser, login, type Session } from "../../testing/factories.ts";
import { lastBreakGlassMessage, noBreakGlassMessage, noProviderMessage } from "./login-policy.ts";

const provider = {
  displayName: "Test-IdP",
  issuer: "https://idp.policy.example",
  clientId: "frid",
  identifierKind: "hsa_id",
  identifierClaim: "hsa_id",
};

/**
 * Turning local passwords off must never lock the organisation out (issue 21, item 4): not
 * without an enabled provider, not without a break-glass administrator, and the last
 * break-glass mark stays while passwords are off.
 */
describe.each(testDatabaseKinds)("the login policy's lockout rules (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let admin: Session;
  let orgId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    orgId = (await buildOrg(database().owner)).id;
    const adminUser = await buildUser(database().owner, orgId, [
      { unitId: null, role: "administrator" },
    ]);
    admin = await login(t.app, adminUser.username);
  });
  afterAll(() => t?.close());

  const req = (method: string, url: string, payload?: object) =>
    t.app.inject({
      method: method as "GET",
      url,
      headers: as(admin),
      ...(payload ? { payload } : {}),
    });
  const policy = async () => (await req("GET", "/api/admin/login-policy")).json();
  const turnOff = () => req("PUT", "/api/admin/login-policy", { localPasswords: false });
  const mark = (userId: string, breakGlass: boolean) =>
    req("PUT", `/api/admin/users/${userId}/break-glass`, { breakGlass });
  const policyEvents = async () =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("org_id", "=", orgId)
        .where("action", "=", "admin.login_policy.update")
        .execute()
    ).length;

  it("refuses to turn passwords off without an enabled provider or a break-glass account", async () => {
    const noProvider = await turnOff();
    expect(noProvider.statusCode).toBe(409);
    expect(noProvider.json().error.message).toBe(noProviderMessage);
    expect((await req("POST", "/api/admin/identity-providers", provider)).statusCode).toBe(201);

    const noKeeper = await turnOff();
    expect(noKeeper.statusCode).toBe(409);
    expect(noKeeper.json().error.message).toBe(noBreakGlassMessage);
    expect(await policy()).toEqual({ localPasswords: true, breakGlassAccounts: [] });
    expect(await policyEvents()).toBe(0);
  });

  it("marks only an active administrator with a password as break-glass", async () => {
    const { owner } = database();
    const analyst = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    const notAdmin = await mark(analyst.id, true);
    expect(notAdmin.statusCode).toBe(400);
    expect(notAdmin.json().error.fields.breakGlass).toBe(
      "Bara en systemförvaltare kan vara nödkonto.",
    );
    const gone = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }], {
      active: false,
    });
    expect((await mark(gone.id, true)).json().error.message).toContain("inaktiverat");
    const otherOrg = await buildUser(owner, (await buildOrg(owner)).id, [
      { unitId: null, role: "administrator" },
    ]);
    expect((await mark(otherOrg.id, true)).statusCode).toBe(404);
  });

  it("turns passwords off with a break-glass account, and keeps its last mark while off", async () => {
    const { owner } = database();
    const keeper = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    expect((await mark(keeper.id, true)).json()).toEqual({ breakGlass: true });
    const off = await turnOff();
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({
      localPasswords: false,
      breakGlassAccounts: [
        { id: keeper.id, username: keeper.username, displayName: keeper.display_name },
      ],
    });
    expect(await policyEvents()).toBe(1);

    const last = await mark(keeper.id, false);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.message).toBe(lastBreakGlassMessage);
    await req("PUT", "/api/admin/login-policy", { localPasswords: true });
    expect((await mark(keeper.id, false)).json()).toEqual({ breakGlass: false });
    expect((await policy()).breakGlassAccounts).toEqual([]);
  });
});
