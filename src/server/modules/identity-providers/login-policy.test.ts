import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildOrg, buildUser, login, type Session } from "../../testing/factories.ts";

const provider = {
  displayName: "Test-IdP",
  issuer: "https://idp.policy.example",
  clientId: "frid",
  identifierKind: "hsa_id",
  identifierClaim: "hsa_id",
  acrValues: ["http://id.elegnamnden.se/loa/1.0/loa3"],
};

/**
 * The login policy as the administrator's page reads and changes it (issue 21, item 4):
 * passwords go off only while a break-glass administrator has a hardware key (the rule's
 * own tests: auth/break-glass-account.test.ts); the answer lists the break-glass accounts
 * and whether each has its key, so the page can say what is missing.
 */
describe.each(testDatabaseKinds)("the login policy's page answers (%s)", (kind) => {
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
  const turnOff = () => req("PUT", "/api/admin/login-policy", { localPasswords: false });
  const policyEvents = async () =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("org_id", "=", orgId)
        .where("action", "=", "admin.login_policy.update")
        .execute()
    ).length;

  it("refuses passwords off without a break-glass account with a hardware key", async () => {
    expect((await req("POST", "/api/admin/identity-providers", provider)).statusCode).toBe(201);
    const nobody = await turnOff();
    expect(nobody.statusCode).toBe(409);
    expect(nobody.json().error.message).toContain("nödkonto");

    const { owner } = database();
    const keeper = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    expect(
      (await req("PUT", `/api/admin/users/${keeper.id}/break-glass`, { breakGlass: true }))
        .statusCode,
    ).toBe(200);
    const noKey = await turnOff();
    expect(noKey.statusCode).toBe(409);
    expect(noKey.json().error.message).toContain("nödkonto");
    expect((await req("GET", "/api/admin/login-policy")).json()).toEqual({
      localPasswords: true,
      localPasswordsBasis: "default",
      breakGlassAccounts: [
        {
          id: keeper.id,
          username: keeper.username,
          displayName: keeper.display_name,
          hardwareKey: false,
        },
      ],
    });
    expect(await policyEvents()).toBe(0);
  });

  it("turns passwords off once the break-glass account has a hardware key, and says so", async () => {
    const { owner } = database();
    const [keeper] = (await req("GET", "/api/admin/login-policy")).json().breakGlassAccounts;
    await owner
      .insertInto("webauthn_credential")
      .values({
        org_id: orgId,
        user_id: keeper.id,
        credential_id: randomBytes(32).toString("base64url"),
        public_key: Buffer.alloc(77),
        device_type: "singleDevice",
        backed_up: false,
        name: "Nödnyckel",
      })
      .execute();
    const off = await turnOff();
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({
      localPasswords: false,
      localPasswordsBasis: "chosen",
      breakGlassAccounts: [{ ...keeper, hardwareKey: true }],
    });
    expect(await policyEvents()).toBe(1);
    const on = await req("PUT", "/api/admin/login-policy", { localPasswords: true });
    expect(on.json().localPasswords).toBe(true);
  });
});
