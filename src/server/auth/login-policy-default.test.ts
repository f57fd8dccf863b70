import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginPolicyView } from "../modules/identity-providers/login-policy.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, buildOrg, buildUser, login, testPassword } from "../testing/factories.ts";
import { testKekEnv } from "../testing/kek.ts";
import { generateTotpSecret } from "./totp.ts";

/*
 * Issue 21 item 4: "local passwords can be turned off per organisation — production default:
 * off once an identity provider is configured". In production an organisation that never
 * chose, with an ENABLED provider, has passwords off — only while a way in remains (an active
 * break-glass administrator with a hardware key); an explicit choice always wins.
 */
const production = {
  NODE_ENV: "production",
  FRID_DEMO: "false",
  FRID_SESSION_SECRET: "s".repeat(40),
  FRID_DATA_DIR: "/nonexistent/frid-test-not-opened",
  ...testKekEnv,
};

describe.each(testDatabaseKinds)("local passwords by default (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let prod: TestApp;
  let dev: TestApp;

  beforeAll(async () => {
    prod = await buildTestApp(database(), production);
    dev = await buildTestApp(database());
  });
  afterAll(async () => {
    await prod?.close();
    await dev?.close();
  });

  /** An organisation with an administrator, a worker and (optionally) a provider and a keeper. */
  async function organisation(options: { provider?: "enabled" | "disabled"; keeper?: boolean }) {
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    const worker = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    if (options.provider)
      await owner
        .insertInto("identity_provider")
        .values({
          org_id: orgId,
          display_name: "Inera IdP",
          issuer: "https://idp.inera.example",
          client_id: "frid",
          identifier_kind: "hsa_id",
          identifier_claim: "urn:sambi:names:attribute:hsaIdentity",
          acr_values: ["http://id.elegnamnden.se/loa/1.0/loa3"],
          enabled: options.provider === "enabled",
          created_by: admin.id,
          updated_by: admin.id,
        })
        .execute();
    const keeper = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    if (options.keeper) {
      await owner
        .updateTable("app_user")
        .set({ break_glass: true })
        .where("id", "=", keeper.id)
        .execute();
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
    }
    return { orgId, admin, worker, keeper };
  }

  const policyIn = async (t: TestApp, username: string) => {
    const s = await login(t.app, username);
    return (
      await t.app.inject({ method: "GET", url: "/api/admin/login-policy", headers: as(s) })
    ).json();
  };
  const passwordLogin = (t: TestApp, username: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: testPassword },
    });

  it("production, an enabled provider and a keeper with a hardware key: passwords off, never chosen", async () => {
    const { admin, worker } = await organisation({ provider: "enabled", keeper: true });
    expect(await policyIn(dev, admin.username)).toMatchObject({
      localPasswords: true,
      localPasswordsBasis: "default",
    });
    const refused = await passwordLogin(prod, worker.username);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("stängt av inloggning med lösenord");
    const events = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("actor_user_id", "=", worker.id)
      .where("action", "=", "login.failed")
      .execute();
    expect(events.map((e) => (e.data as { why: string }).why)).toEqual(["local_passwords_off"]);
    // Outside production the same organisation keeps its passwords.
    expect((await passwordLogin(dev, worker.username)).statusCode).toBe(200);
  });

  it("the administrator's view says why: production's default, or kept on without a keeper", async () => {
    const off = await organisation({ provider: "enabled", keeper: true });
    const { owner } = database();
    // With passwords off its administrators log in through the provider, which this test has
    // not: the view's own function answers for them.
    expect(await loginPolicyView(owner, off.orgId, "production")).toMatchObject({
      localPasswords: false,
      localPasswordsBasis: "production_default",
    });
    const keptOn = await organisation({ provider: "enabled", keeper: false });
    expect(await loginPolicyView(owner, keptOn.orgId, "production")).toMatchObject({
      localPasswords: true,
      localPasswordsBasis: "production_default_kept_on",
    });
    expect((await passwordLogin(prod, keptOn.worker.username)).statusCode).toBe(200);
    const disabled = await organisation({ provider: "disabled", keeper: true });
    expect(await loginPolicyView(owner, disabled.orgId, "production")).toMatchObject({
      localPasswords: true,
      localPasswordsBasis: "default",
    });
    expect((await passwordLogin(prod, disabled.worker.username)).statusCode).toBe(200);
    const none = await organisation({ keeper: true });
    expect((await loginPolicyView(owner, none.orgId, "production")).localPasswordsBasis).toBe(
      "default",
    );
  });

  it("under production's default the break-glass account's second factor is its key only", async () => {
    const { keeper } = await organisation({ provider: "enabled", keeper: true });
    await database()
      .owner.updateTable("app_user")
      .set({ totp_secret: generateTotpSecret(), mfa_enrolled_at: new Date() })
      .where("id", "=", keeper.id)
      .execute();
    const methodsIn = async (t: TestApp) => {
      const step = await passwordLogin(t, keeper.username);
      expect(step.json().state).toBe("mfa_required");
      const cookie = String(step.headers["set-cookie"]).split(";")[0] as string;
      return (
        await t.app.inject({ method: "GET", url: "/api/auth/mfa/methods", headers: { cookie } })
      ).json();
    };
    expect(await methodsIn(prod)).toEqual({ totp: false, keys: true });
    expect(await methodsIn(dev)).toEqual({ totp: true, keys: true });
  });

  it("an explicit choice wins over production's default, both ways", async () => {
    const { admin, worker } = await organisation({ provider: "enabled", keeper: true });
    const s = await login(dev.app, admin.username);
    const put = (localPasswords: boolean) =>
      dev.app.inject({
        method: "PUT",
        url: "/api/admin/login-policy",
        headers: as(s),
        payload: { localPasswords },
      });
    expect((await put(true)).json()).toMatchObject({
      localPasswords: true,
      localPasswordsBasis: "chosen",
    });
    expect((await passwordLogin(prod, worker.username)).statusCode).toBe(200);
    expect((await put(false)).json()).toMatchObject({
      localPasswords: false,
      localPasswordsBasis: "chosen",
    });
    expect((await passwordLogin(dev, worker.username)).statusCode).toBe(403);
  });

  it("the default never locks out: the last keeper unmarked, passwords are on again", async () => {
    const { admin, worker, keeper, orgId } = await organisation({
      provider: "enabled",
      keeper: true,
    });
    expect((await passwordLogin(prod, worker.username)).statusCode).toBe(403);
    const s = await login(dev.app, admin.username);
    // Refused (409) only after an explicit "off": production's default needs no refusal.
    const unmarked = await dev.app.inject({
      method: "PUT",
      url: `/api/admin/users/${keeper.id}/break-glass`,
      headers: as(s),
      payload: { breakGlass: false },
    });
    expect(unmarked.statusCode).toBe(200);
    expect((await loginPolicyView(database().owner, orgId, "production")).localPasswordsBasis).toBe(
      "production_default_kept_on",
    );
    expect((await passwordLogin(prod, worker.username)).statusCode).toBe(200);
  });
});
