import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUser, fictionalIdentityNumber } from "../../testing/factories.ts";
import { type ForgingIdp, startForgingIdp } from "../../testing/forging-idp.ts";
import { hsaClaim, loa3, pinClaim, type RunningIdp, startIdp } from "../../testing/oidc-idp.ts";
import { fridCallback, fridHost, loginThroughProvider } from "../../testing/oidc-login.ts";
import { sessionCookieOf } from "../../testing/oidc-world.ts";
import { normaliseIdentifier, storedIdentifier } from "./identifiers.ts";

/*
 * Issue 21 item 1: the claim that names the person only at the provider's userinfo endpoint
 * (not in the ID token). The real oidc-provider is started with its claims conformed (in
 * userinfo only), once with the endpoint and once without it.
 */
describe.each(testDatabaseKinds)("the identifying claim from userinfo (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let withUserinfo: RunningIdp;
  let forging: ForgingIdp;
  let withoutUserinfo: ForgingIdp;
  let orgId: string;
  let linaId: string;
  const providers: Record<string, string> = {};
  const pin = fictionalIdentityNumber();
  const identities = [
    { sub: "lina", name: "Lina Ek", hsaId: "SE2321000016-lina7", personalIdentityNumber: pin },
  ];

  beforeAll(async () => {
    const clients = [{ clientId: "frid", redirectUris: [fridCallback] }];
    withUserinfo = await startIdp({ identities, clients, claimsInUserinfo: true });
    // ID tokens that name lina but carry no HSA-id; what userinfo answers is set per test.
    forging = await startForgingIdp({ sub: "lina", acr: loa3 });
    withoutUserinfo = await startForgingIdp(
      { sub: "lina", acr: loa3 },
      { userinfoEndpoint: false },
    );
    t = await buildTestApp(database(), { FRID_PUBLIC_URL: `http://${fridHost}` });
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    linaId = (await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }])).id;
    const add = async (name: string, issuer: string, identifier: "hsa_id" | "pin") => {
      const { id } = await owner
        .insertInto("identity_provider")
        .values({
          org_id: orgId,
          display_name: name,
          issuer,
          client_id: "frid",
          scopes: "openid profile hsa",
          identifier_kind: identifier === "pin" ? "personal_identity_number" : "hsa_id",
          identifier_claim: identifier === "pin" ? pinClaim : hsaClaim,
          acr_values: [loa3],
          created_by: admin.id,
          updated_by: admin.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      providers[name] = id;
    };
    await add("Med userinfo", withUserinfo.issuer, "hsa_id");
    await add("Personnummer i userinfo", withUserinfo.issuer, "pin");
    await add("Utan userinfo", withoutUserinfo.issuer, "hsa_id");
    await add("Förfalskande", forging.issuer, "hsa_id");
    const base = { org_id: orgId, user_id: linaId, created_by: admin.id };
    await owner
      .insertInto("account_identifier")
      .values([
        { ...base, kind: "hsa_id", value: "SE2321000016-LINA7" },
        {
          ...base,
          kind: "personal_identity_number",
          value: await storedIdentifier(
            database(),
            orgId,
            "personal_identity_number",
            (normaliseIdentifier("personal_identity_number", pin) as { value: string }).value,
          ),
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await t?.close();
    await withUserinfo?.close();
    await withoutUserinfo?.close();
    await forging?.close();
  });

  const events = (action: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["actor_user_id", "data"])
      .where("org_id", "=", orgId)
      .where("action", "=", action)
      .orderBy("id")
      .execute();
  const lastRefusal = async () =>
    (await events("login.oidc_failed")).at(-1)?.data as { why: string; detail?: string };
  const me = (cookie: string | undefined) =>
    t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: cookie ?? "" } });

  it("logs in by an HSA-id the provider gives only at its userinfo endpoint", async () => {
    const asked = withUserinfo.hits("/me");
    const { res } = await loginThroughProvider(t.app, providers["Med userinfo"] as string, "lina");
    expect(res.statusCode).toBe(303);
    expect(withUserinfo.hits("/me")).toBe(asked + 1);
    const answer = await me(sessionCookieOf(res));
    expect(answer.json().user.id).toBe(linaId);
    expect((await events("login.oidc_succeeded")).at(-1)).toEqual({
      actor_user_id: linaId,
      data: { providerId: providers["Med userinfo"], acr: loa3 },
    });
  });

  it("logs in by a personal identity number given only at the userinfo endpoint", async () => {
    const provider = providers["Personnummer i userinfo"] as string;
    const { res } = await loginThroughProvider(t.app, provider, "lina");
    expect(res.statusCode).toBe(303);
    expect((await me(sessionCookieOf(res))).json().user.id).toBe(linaId);
  });

  it("refuses, audited, when the claim is in neither the ID token nor a userinfo endpoint", async () => {
    const { res } = await loginThroughProvider(t.app, providers["Utan userinfo"] as string, "lina");
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("Det finns inget konto i Frid för den här inloggningen.");
    expect(sessionCookieOf(res)).toBeUndefined();
    expect(await lastRefusal()).toEqual({
      providerId: providers["Utan userinfo"],
      why: "identifier_missing",
      detail: `${hsaClaim}: not in the ID token, and the provider has no userinfo endpoint`,
    });
  });

  it("refuses a userinfo answer about another subject than the ID token's, audited", async () => {
    forging.userinfo({ sub: "someone-else", [hsaClaim]: "SE2321000016-lina7" });
    const { res } = await loginThroughProvider(t.app, providers.Förfalskande as string, "lina");
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("Svaret från identitetsleverantören kunde inte godtas.");
    expect(sessionCookieOf(res)).toBeUndefined();
    const refusal = await lastRefusal();
    expect(refusal.why).toBe("userinfo_mismatch");
    expect(refusal.detail).toContain("userinfo sub differs");
  });

  it("refuses when the userinfo endpoint fails: identifier_missing, never a 500", async () => {
    forging.userinfo(null);
    const { res } = await loginThroughProvider(t.app, providers.Förfalskande as string, "lina");
    expect(res.statusCode).toBe(403);
    expect(sessionCookieOf(res)).toBeUndefined();
    const refusal = await lastRefusal();
    expect(refusal.why).toBe("identifier_missing");
    expect(refusal.detail).toContain("userinfo failed");
    // The same provider's honest answer for the same subject is taken.
    forging.userinfo({ sub: "lina", [hsaClaim]: "SE2321000016-lina7" });
    const honest = await loginThroughProvider(t.app, providers.Förfalskande as string, "lina");
    expect(honest.res.statusCode).toBe(303);
  });
});
