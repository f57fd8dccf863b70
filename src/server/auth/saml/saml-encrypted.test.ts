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
import {
  type Answer,
  loa3,
  personalIdentityNumberAttribute as pinAttribute,
  signingKey,
  TestSamlIdp,
} from "../../testing/saml-idp.ts";
import {
  acsUrl,
  cookieOf,
  fridPublicUrl,
  fridSpKey,
  postAnswer,
  spEntityId,
  spKeyEnv,
  startSaml,
} from "../../testing/saml-login.ts";

describe.each(testDatabaseKinds)("SAML assertions encrypted to Frid (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const idp = new TestSamlIdp("https://idp.crypt.example/saml", "https://idp.crypt.example/sso");
  const linaPin = fictionalIdentityNumber();
  let t: TestApp;
  let orgId: string;
  let providerId: string;
  let linaId: string;
  let admin: Session;

  beforeAll(async () => {
    t = await buildTestApp(database(), { FRID_PUBLIC_URL: fridPublicUrl, ...spKeyEnv() });
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const adminUser = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    admin = await login(t.app, adminUser.username);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/identity-providers/saml",
      headers: as(admin),
      payload: {
        displayName: "Sweden Connect (test)",
        entityId: idp.entityId,
        ssoUrl: idp.ssoUrl,
        certificates: [idp.key.certPem],
        identifierKind: "personal_identity_number",
        identifierAttribute: pinAttribute,
        authnContextClassRefs: [loa3],
        wantEncryptedAssertions: true,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().saml).toMatchObject({
      wantEncryptedAssertions: true,
      singleLogoutUrl: null,
    });
    providerId = created.json().id;
    const lina = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    linaId = lina.id;
    await t.app.inject({
      method: "POST",
      url: `/api/admin/users/${lina.id}/identifiers`,
      headers: as(admin),
      payload: { kind: "personal_identity_number", value: linaPin },
    });
  });
  afterAll(() => t?.close());

  /** Start, the IdP's answer (encrypted to `to`, or plain when null), the post. */
  async function answer(to: string | null, change: Partial<Answer> = {}) {
    const started = await startSaml(t.app, providerId);
    const honest: Answer = {
      inResponseTo: started.request?.id ?? "",
      audience: spEntityId(providerId),
      recipient: acsUrl,
      attributes: { [pinAttribute]: linaPin },
      ...change,
    };
    const samlResponse = to ? await idp.respondEncrypted(honest, to) : idp.respond(honest);
    return postAnswer(
      t.app,
      { SAMLResponse: samlResponse, RelayState: started.request?.relayState ?? "" },
      started.binding,
    );
  }
  const lastRefusal = async () => {
    const row = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("action", "=", "login.saml_failed")
      .where("org_id", "=", orgId)
      .orderBy("id", "desc")
      .executeTakeFirst();
    return (row?.data as { why: string } | undefined)?.why;
  };

  it("logs in with a signed assertion encrypted to Frid's certificate", async () => {
    const res = await answer(fridSpKey.certPem);
    expect(res.statusCode).toBe(303);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: cookieOf(res, "frid_session") ?? "" },
    });
    expect(me.json().user.id).toBe(linaId);
  });

  const refusals: [string, string | null, Partial<Answer>, string][] = [
    ["a plain signed assertion, while encryption is required", null, {}, "assertion_not_encrypted"],
    [
      "a plain assertion hidden beside an encrypted one",
      "frid",
      { alter: (xml) => xml.replace("</samlp:Response>", "<saml:Assertion/></samlp:Response>") },
      "assertion_not_encrypted",
    ],
    ["an assertion encrypted to another key", "other", {}, "decryption_failed"],
    ["an encrypted assertion that is not signed", "frid", { sign: "none" }, "signature_invalid"],
    [
      "an encrypted assertion signed by another key",
      "frid",
      { key: signingKey("Someone else") },
      "signature_invalid",
    ],
  ];
  const other = signingKey("Another SP");
  it.each(refusals)("refuses %s: audited, a Swedish page, no session", async (_, to, c, why) => {
    const cert = to === "frid" ? fridSpKey.certPem : to === "other" ? other.certPem : null;
    const res = await answer(cert, c);
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("Svaret från identitetsleverantören kunde inte godtas");
    expect(cookieOf(res, "frid_session")).toBeUndefined();
    expect(await lastRefusal()).toBe(why);
  });

  it("lets the administrator turn the requirement off and name a single logout address", async () => {
    const patch = (payload: object) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/admin/identity-providers/${providerId}/saml`,
        headers: as(admin),
        payload,
      });
    const bad = await patch({ singleLogoutUrl: "inte en adress" });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("Skriv adressen för single logout");
    const off = await patch({
      wantEncryptedAssertions: false,
      singleLogoutUrl: "https://idp.crypt.example/slo",
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().saml).toMatchObject({
      wantEncryptedAssertions: false,
      singleLogoutUrl: "https://idp.crypt.example/slo",
    });
    const audit = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("action", "=", "admin.identity_provider.update")
      .where("org_id", "=", orgId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.data).toEqual({ fields: ["wantEncryptedAssertions", "singleLogoutUrl"] });
    // Not required, a plain signed assertion is taken again; an encrypted one still is.
    expect((await answer(null)).statusCode).toBe(303);
    expect((await answer(fridSpKey.certPem)).statusCode).toBe(303);
    expect((await patch({ wantEncryptedAssertions: true })).statusCode).toBe(200);
  });
});
