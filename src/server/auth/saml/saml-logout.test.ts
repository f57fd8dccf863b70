import { randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUser,
  fictionalIdentityNumber,
  login,
} from "../../testing/factories.ts";
import {
  authnRequestOf,
  loa3,
  personalIdentityNumberAttribute as pinAttribute,
  redirectMessage,
  redirectSignatureHolds,
  type SigningKey,
  signingKey,
  TestSamlIdp,
} from "../../testing/saml-idp.ts";
import {
  cookieOf,
  fridPublicUrl,
  fridSpKey,
  loginThroughSaml,
  spEntityId,
  spKeyEnv,
} from "../../testing/saml-login.ts";

describe.each(testDatabaseKinds)("SAML single logout (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const sloUrl = "https://idp.slo.example/slo";
  const idp = new TestSamlIdp("https://idp.slo.example/saml", "https://idp.slo.example/sso");
  const otherKey = signingKey("Someone else");
  const linaPin = fictionalIdentityNumber();
  let t: TestApp;
  let orgId: string;
  let providerId: string;
  let patch: (payload: object) => Promise<{ statusCode: number }>;

  beforeAll(async () => {
    t = await buildTestApp(database(), { FRID_PUBLIC_URL: fridPublicUrl, ...spKeyEnv() });
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const adminUser = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    const admin = await login(t.app, adminUser.username);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/identity-providers/saml",
      headers: as(admin),
      payload: {
        displayName: "IdP med utloggning",
        entityId: idp.entityId,
        ssoUrl: idp.ssoUrl,
        certificates: [idp.key.certPem],
        identifierKind: "personal_identity_number",
        identifierAttribute: pinAttribute,
        authnContextClassRefs: [loa3],
        singleLogoutUrl: sloUrl,
      },
    });
    providerId = created.json().id;
    patch = (payload) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/admin/identity-providers/${providerId}/saml`,
        headers: as(admin),
        payload,
      });
    const lina = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    await t.app.inject({
      method: "POST",
      url: `/api/admin/users/${lina.id}/identifiers`,
      headers: as(admin),
      payload: { kind: "personal_identity_number", value: linaPin },
    });
  });
  afterAll(() => t?.close());

  const sloPath = () => `/api/auth/saml/${providerId}/slo`;
  const fridSlo = () => `${fridPublicUrl}${sloPath()}`;
  const newId = () => `_${randomBytes(12).toString("hex")}`;
  /** Lina logged in at the IdP as `nameId` in IdP session `sessionIndex`: cookie and CSRF. */
  async function loggedIn(nameId: string, sessionIndex: string) {
    const { res } = await loginThroughSaml(t.app, idp, providerId, {
      attributes: { [pinAttribute]: linaPin },
      nameId,
      sessionIndex,
    });
    const cookie = cookieOf(res, "frid_session") ?? "";
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    return { cookie, csrf: me.json().csrfToken as string };
  }
  const holds = async (cookie: string) =>
    (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).statusCode === 200;
  const logout = (s: { cookie: string; csrf: string }) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
      payload: {},
    });
  /** The IdP's message sent by the browser to Frid's SLO address. */
  const toFrid = (
    kind: "SAMLRequest" | "SAMLResponse",
    xml: string,
    key: SigningKey | null = idp.key,
  ) => {
    const url = new URL(redirectMessage(fridSlo(), kind, xml, key, "rs"));
    return t.app.inject({
      method: "GET",
      url: `${url.pathname}${url.search}`,
      headers: { accept: "text/html" },
    });
  };
  const last = async (action: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select(["data", "outcome"])
        .where("action", "=", action)
        .where("org_id", "=", orgId)
        .orderBy("id", "desc")
        .executeTakeFirst()
    )?.data as Record<string, unknown> | undefined;

  it("sends a logout to the IdP, signed, naming the person and session; its answer ends at /logged-out", async () => {
    const session = await loggedIn("lina-at-idp", "_idp-session-1");
    const res = await logout(session);
    expect(res.statusCode).toBe(200);
    const location = res.json().providerLogoutUrl as string;
    expect(location.startsWith(`${sloUrl}?SAMLRequest=`)).toBe(true);
    expect(redirectSignatureHolds(location, fridSpKey.certPem)).toBe(true);
    const request = authnRequestOf(location);
    expect(request.xml).toContain(">lina-at-idp</saml:NameID>");
    expect(request.xml).toContain(">_idp-session-1</saml2p:SessionIndex>");
    expect(request.xml).toContain(`>${spEntityId(providerId)}</saml:Issuer>`);
    expect(await holds(session.cookie)).toBe(false);
    expect(await last("logout")).toEqual({ providerId, atProvider: "redirected" });

    const answer = idp.logoutResponse({ inResponseTo: request.id, destination: fridSlo() });
    const back = await toFrid("SAMLResponse", answer);
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe("/logged-out");
    expect(await last("logout.saml_completed")).toEqual({ providerId });
    // An answer is taken once.
    expect((await toFrid("SAMLResponse", answer)).statusCode).toBe(400);
    expect(await last("logout.saml_refused")).toMatchObject({ why: "in_response_to" });
  });

  const responses: [string, (id: string) => string, SigningKey | null, string][] = [
    [
      "unsigned",
      (id) => idp.logoutResponse({ inResponseTo: id, destination: fridSlo() }),
      null,
      "unsigned",
    ],
    [
      "signed by another key",
      (id) => idp.logoutResponse({ inResponseTo: id, destination: fridSlo() }),
      otherKey,
      "signature",
    ],
    [
      "to a request Frid never sent",
      () => idp.logoutResponse({ inResponseTo: newId(), destination: fridSlo() }),
      idp.key,
      "in_response_to",
    ],
    [
      "from another issuer",
      (id) =>
        idp.logoutResponse({
          inResponseTo: id,
          destination: fridSlo(),
          issuer: "https://evil.example",
        }),
      idp.key,
      "issuer",
    ],
    [
      "saying the logout failed",
      (id) =>
        idp.logoutResponse({
          inResponseTo: id,
          destination: fridSlo(),
          status: "urn:oasis:names:tc:SAML:2.0:status:Responder",
        }),
      idp.key,
      "provider_status",
    ],
  ];
  it.each(responses)("refuses a LogoutResponse %s: 400, audited", async (_, xml, key, why) => {
    const session = await loggedIn(newId(), newId());
    const request = authnRequestOf((await logout(session)).json().providerLogoutUrl);
    const res = await toFrid("SAMLResponse", xml(request.id), key);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<h1[^>]*>Utloggningen kunde inte slutföras<\/h1>/);
    expect(res.body).toContain("Utloggningsmeddelandet från identitetsleverantören");
    expect(await last("logout.saml_refused")).toMatchObject({ providerId, why });
  });

  it("ends the sessions of the IdP's own LogoutRequest and answers it, signed", async () => {
    const first = await loggedIn("lina-twice", "_idp-a");
    const second = await loggedIn("lina-twice", "_idp-b");
    const id = newId();
    const request = idp.logoutRequest({
      id,
      nameId: "lina-twice",
      sessionIndex: "_idp-a",
      destination: fridSlo(),
    });
    const res = await toFrid("SAMLRequest", request);
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location.startsWith(`${sloUrl}?SAMLResponse=`)).toBe(true);
    expect(redirectSignatureHolds(location, fridSpKey.certPem)).toBe(true);
    const encoded = new URL(location).searchParams.get("SAMLResponse") ?? "";
    const answer = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
    expect(answer).toContain(`InResponseTo="${id}"`);
    expect(answer).toContain("urn:oasis:names:tc:SAML:2.0:status:Success");
    expect(await holds(first.cookie)).toBe(false);
    expect(await holds(second.cookie)).toBe(true);
    expect(await last("logout.saml_idp")).toEqual({ providerId, sessions: 1 });
    // The same request again is a replay; without a SessionIndex every session of the person.
    expect((await toFrid("SAMLRequest", request)).statusCode).toBe(400);
    expect(await last("logout.saml_refused")).toMatchObject({ why: "replayed" });
    const all = idp.logoutRequest({ nameId: "lina-twice", destination: fridSlo() });
    expect((await toFrid("SAMLRequest", all)).statusCode).toBe(303);
    expect(await holds(second.cookie)).toBe(false);
  });

  it("takes an IdP's request whose id another organisation's provider used first", async () => {
    const { owner } = database();
    const elsewhere = (await buildOrg(owner)).id;
    const admin = await buildUser(owner, elsewhere, [{ unitId: null, role: "administrator" }]);
    const other = await owner
      .insertInto("identity_provider")
      .values({
        org_id: elsewhere,
        created_by: admin.id,
        updated_by: admin.id,
        protocol: "saml",
        display_name: "Annan organisations IdP",
        saml_entity_id: "https://idp.other.example/saml",
        saml_sso_url: "https://idp.other.example/sso",
        saml_certificates: [otherKey.certPem],
        identifier_kind: "hsa_id",
        identifier_claim: "urn:oid:1.2.752.29.6.2.1",
        acr_values: [loa3],
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const id = newId();
    await owner
      .insertInto("saml_logout_message")
      .values({
        message_id: id,
        direction: "received",
        provider_id: other.id,
        org_id: elsewhere,
        expires_at: new Date(Date.now() + 600_000),
      })
      .execute();
    const session = await loggedIn("taken-id", newId());
    const request = idp.logoutRequest({ id, nameId: "taken-id", destination: fridSlo() });
    expect((await toFrid("SAMLRequest", request)).statusCode).toBe(303);
    expect(await holds(session.cookie)).toBe(false);
  });

  const requests: [
    string,
    Parameters<TestSamlIdp["logoutRequest"]>[0],
    SigningKey | null,
    string,
  ][] = [
    ["unsigned", { nameId: "x", destination: "" }, null, "unsigned"],
    ["signed by another key", { nameId: "x", destination: "" }, otherKey, "signature"],
    [
      "from another issuer",
      { nameId: "x", destination: "", issuer: "https://evil.example" },
      idp.key,
      "issuer",
    ],
    ["issued long ago", { nameId: "x", destination: "", issued: -3600 }, idp.key, "expired"],
    [
      "meant for another SP",
      { nameId: "x", destination: "https://other-sp.example/slo" },
      idp.key,
      "malformed",
    ],
    // A signed redirect message must name where it goes (SAML bindings 3.4.5.2).
    ["without a Destination", { nameId: "x", destination: null }, idp.key, "malformed"],
    // An empty NameID must not read as "every session of the provider".
    ["naming nobody", { nameId: "", destination: "" }, idp.key, "malformed"],
  ];
  it.each(requests)(
    "refuses a LogoutRequest %s: 400, audited, no session ended",
    async (_, a, key, why) => {
      const session = await loggedIn("x", newId());
      const res = await toFrid(
        "SAMLRequest",
        idp.logoutRequest({ ...a, destination: a.destination === "" ? fridSlo() : a.destination }),
        key,
      );
      expect(res.statusCode).toBe(400);
      expect(await last("logout.saml_refused")).toMatchObject({ providerId, why });
      expect(await holds(session.cookie)).toBe(true);
      await logout(session);
    },
  );

  it("refuses what is no SAML message, or for no SAML provider, as 400 (not 500)", async () => {
    for (const url of [
      sloPath(),
      `${sloPath()}?SAMLRequest=a&SigAlg=%ZZ&Signature=%E0%A4%A`,
      `${sloPath()}?SAMLRequest=inte-base64`,
      `/api/auth/saml/${randomUUIDv4()}/slo?SAMLRequest=a`,
    ]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(400);
    }
    expect(await last("logout.saml_refused")).toMatchObject({ why: "unsigned" });
  });

  it("without an SLO address, leaves the IdP's session open and says so (as before)", async () => {
    expect((await patch({ singleLogoutUrl: null })).statusCode).toBe(200);
    try {
      const res = await logout(await loggedIn(newId(), newId()));
      expect(res.json()).toEqual({ providerLogoutUrl: null });
      expect(await last("logout")).toEqual({ providerId, atProvider: "not_offered" });
    } finally {
      await patch({ singleLogoutUrl: sloUrl });
    }
  });
});

const randomUUIDv4 = () => crypto.randomUUID();
