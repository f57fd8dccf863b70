import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUser,
  fictionalIdentityNumber,
  login,
  type Session,
} from "../../testing/factories.ts";

const loa3 = "http://id.elegnamnden.se/loa/1.0/loa3";
const provider = {
  displayName: "SITHS via Inera",
  issuer: "https://idp.inera.example",
  clientId: "frid-test",
  clientSecretEnv: "FRID_OIDC_SECRET_INERA",
  scopes: "openid profile",
  identifierKind: "hsa_id",
  identifierClaim: "urn:sambi:names:attribute:hsaIdentity",
  acrValues: [loa3],
};

describe.each(testDatabaseKinds)("identity providers and account identifiers (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let admin: Session;
  let caseworker: Session;
  let caseworkerId: string;
  let orgId: string;
  let otherOrgUserId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const adminUser = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    admin = await login(t.app, adminUser.username);
    const worker = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    caseworkerId = worker.id;
    caseworker = await login(t.app, worker.username);
    otherOrgUserId = (await buildUser(owner, (await buildOrg(owner)).id)).id;
  });
  afterAll(() => t?.close());

  const req = (s: Session | null, method: string, url: string, payload?: object) =>
    t.app.inject({
      method: method as "GET",
      url,
      headers: s ? as(s) : {},
      ...(payload ? { payload } : {}),
    });
  const actions = async (action: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select(["action", "outcome", "data"])
        .where("action", "=", action)
        .where("org_id", "=", orgId)
        .execute()
    ).length;

  it("is for administrators: 401 without a login, 403 audited for others", async () => {
    const denied = await actions("admin.denied");
    for (const [method, url, body] of [
      ["GET", "/api/admin/identity-providers"],
      ["POST", "/api/admin/identity-providers", provider],
      ["GET", "/api/admin/login-policy"],
      ["PUT", "/api/admin/login-policy", { localPasswords: false }],
      ["POST", `/api/admin/users/${caseworkerId}/identifiers`, { kind: "email", value: "a@b.se" }],
    ] as [string, string, object?][]) {
      expect((await req(null, method, url, body)).statusCode).toBe(401);
      expect((await req(caseworker, method, url, body)).statusCode).toBe(403);
    }
    expect(await actions("admin.denied")).toBe(denied + 5);
  });

  it("adds a provider (the secret's name only), refuses bad input in Swedish, changes it", async () => {
    const bad = await req(admin, "POST", "/api/admin/identity-providers", {
      ...provider,
      clientSecretEnv: "DATABASE_URL",
      issuer: "ftp://x",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      clientSecretEnv: expect.stringContaining("FRID_OIDC_SECRET_"),
      issuer: expect.stringContaining("utfärdarens adress"),
    });
    // A provider not held to an assurance level would count any login as multi-factor.
    const noLevel = await req(admin, "POST", "/api/admin/identity-providers", {
      ...provider,
      acrValues: [],
    });
    expect(noLevel.statusCode).toBe(400);
    expect(noLevel.json().error.fields.acrValues).toContain("minst en tillitsnivå");
    const created = await req(admin, "POST", "/api/admin/identity-providers", provider);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...provider, enabled: true, clientSecretSet: false });
    expect(await actions("admin.identity_provider.create")).toBe(1);

    const twice = await req(admin, "POST", "/api/admin/identity-providers", provider);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields.displayName).toContain("finns redan");

    const id = created.json().id;
    const off = await req(admin, "PATCH", `/api/admin/identity-providers/${id}`, {
      enabled: false,
    });
    expect(off.json().enabled).toBe(false);
    expect(await actions("admin.identity_provider.update")).toBe(1);
    const missing = await req(
      admin,
      "PATCH",
      `/api/admin/identity-providers/${crypto.randomUUID()}`,
      {
        enabled: true,
      },
    );
    expect(missing.statusCode).toBe(404);
    const list = await req(admin, "GET", "/api/admin/identity-providers");
    expect(list.json().providers).toHaveLength(1);
  });

  it("gives identifiers: unique in the organisation, a personal number only as a keyed hash", async () => {
    const url = `/api/admin/users/${caseworkerId}/identifiers`;
    const pin = fictionalIdentityNumber();
    const added = await req(admin, "POST", url, { kind: "personal_identity_number", value: pin });
    expect(added.statusCode).toBe(201);
    expect(added.json().identifiers).toEqual([
      { id: expect.any(String), kind: "personal_identity_number", value: null, providerId: null },
    ]);
    const stored = await database()
      .owner.selectFrom("account_identifier")
      .select("value")
      .where("user_id", "=", caseworkerId)
      .executeTakeFirstOrThrow();
    expect(stored.value).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(stored.value).not.toContain(pin.slice(2));
    const key = await database()
      .owner.selectFrom("identifier_key")
      .select("sealed_key")
      .where("org_id", "=", orgId)
      .executeTakeFirstOrThrow();
    expect(key.sealed_key.length).toBeGreaterThan(44);

    const hsa = await req(admin, "POST", url, { kind: "hsa_id", value: "se2321000032-abc1" });
    expect(hsa.json().identifiers).toContainEqual(
      expect.objectContaining({ kind: "hsa_id", value: "SE2321000032-ABC1" }),
    );
    const other = await req(admin, "POST", `/api/admin/users/${otherOrgUserId}/identifiers`, {
      kind: "email",
      value: "x@example.se",
    });
    expect(other.statusCode).toBe(404);
    const samePin = await req(admin, "POST", url, { kind: "personal_identity_number", value: pin });
    expect(samePin.statusCode).toBe(400);
    expect(samePin.json().error.fields.value).toContain("hör redan till ett konto");
    const badPin = await req(admin, "POST", url, {
      kind: "personal_identity_number",
      value: "19700101-0000",
    });
    expect(badPin.statusCode).toBe(400);
    const sub = await req(admin, "POST", url, { kind: "sub", value: "abc" });
    expect(sub.json().error.fields.providerId).toContain("välj identitetsleverantören");
    expect(await actions("admin.identifier.add")).toBe(2);

    const hsaId = hsa.json().identifiers.find((i: { kind: string }) => i.kind === "hsa_id").id;
    expect((await req(admin, "DELETE", `/api/admin/account-identifiers/${hsaId}`)).statusCode).toBe(
      204,
    );
    expect((await req(admin, "DELETE", `/api/admin/account-identifiers/${hsaId}`)).statusCode).toBe(
      404,
    );
    expect(await actions("admin.identifier.remove")).toBe(1);
  });

  it("turns local passwords off: refused with a Swedish message, but not for break-glass", async () => {
    const { owner } = database();
    const worker = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    const keeper = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    expect((await req(admin, "GET", "/api/admin/login-policy")).json()).toMatchObject({
      localPasswords: true,
    });
    const marked = await req(admin, "PUT", `/api/admin/users/${keeper.id}/break-glass`, {
      breakGlass: true,
    });
    expect(marked.json()).toEqual({ breakGlass: true });
    // Passwords go off only while a break-glass administrator has a hardware key
    // (auth/break-glass-account.test.ts); this one's is a row, never used here.
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
    const off = await req(admin, "PUT", "/api/admin/login-policy", { localPasswords: false });
    expect(off.json()).toMatchObject({ localPasswords: false });
    expect(await actions("admin.login_policy.update")).toBe(1);

    const refused = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: worker.username, password: "correct horse battery staple" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("stängt av inloggning med lösenord");
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: worker.username, password: "fel lösenord" },
    });
    expect(wrong.statusCode).toBe(401);
    const why = await owner
      .selectFrom("audit_event")
      .select("data")
      .where("action", "=", "login.failed")
      .where("actor_user_id", "=", worker.id)
      .execute();
    expect(why.map((e) => (e.data as { why: string }).why).sort()).toEqual([
      "bad_password",
      "local_passwords_off",
    ]);
    const keeperStep = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: keeper.username, password: "correct horse battery staple" },
    });
    expect(keeperStep.json().state).toBe("mfa_required");
    await req(admin, "PUT", "/api/admin/login-policy", { localPasswords: true });
    await login(t.app, worker.username);
  });
});
