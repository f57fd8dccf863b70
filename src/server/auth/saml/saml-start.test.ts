import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUser } from "../../testing/factories.ts";
import {
  authnRequestOf,
  hsaIdAttribute,
  loa3,
  redirectSignatureHolds,
  signingKey,
  TestSamlIdp,
} from "../../testing/saml-idp.ts";
import {
  acsUrl,
  fridPublicUrl,
  fridSpKey,
  setCookies,
  spEntityId,
  spKeyEnv,
  startSaml,
} from "../../testing/saml-login.ts";

describe.each(testDatabaseKinds)("a SAML login's start and Frid's SP metadata (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const idp = new TestSamlIdp("https://idp.start.example/saml", "https://idp.start.example/sso");
  let t: TestApp;
  let providerId: string;
  let oidcProviderId: string;

  beforeAll(async () => {
    t = await buildTestApp(database(), {
      FRID_PUBLIC_URL: `${fridPublicUrl}/`,
      ...spKeyEnv(),
    });
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    const common = { org_id: orgId, created_by: admin.id, updated_by: admin.id };
    ({ id: providerId } = await owner
      .insertInto("identity_provider")
      .values({
        ...common,
        protocol: "saml",
        display_name: "SITHS (SAML)",
        saml_entity_id: idp.entityId,
        saml_sso_url: idp.ssoUrl,
        saml_certificates: [idp.key.certPem],
        identifier_kind: "hsa_id",
        identifier_claim: hsaIdAttribute,
        acr_values: [loa3],
      })
      .returning("id")
      .executeTakeFirstOrThrow());
    ({ id: oidcProviderId } = await owner
      .insertInto("identity_provider")
      .values({
        ...common,
        display_name: "OIDC",
        issuer: "https://op.example",
        client_id: "frid",
        identifier_kind: "sub",
        identifier_claim: "sub",
      })
      .returning("id")
      .executeTakeFirstOrThrow());
  });
  afterAll(() => t?.close());

  it("sends the browser to the IdP with an AuthnRequest asking for LoA3", async () => {
    const started = await startSaml(t.app, providerId);
    expect(started.res.statusCode).toBe(303);
    expect(started.location?.startsWith(`${idp.ssoUrl}?SAMLRequest=`)).toBe(true);
    const xml = started.request?.xml ?? "";
    expect(xml).toContain(`Destination="${idp.ssoUrl}"`);
    expect(xml).toContain(`AssertionConsumerServiceURL="${acsUrl}"`);
    expect(xml).toContain(`<saml:Issuer`);
    expect(xml).toContain(`>${spEntityId(providerId)}</saml:Issuer>`);
    expect(xml).toMatch(/<samlp:RequestedAuthnContext [^>]*Comparison="exact"/);
    expect(xml).toMatch(
      new RegExp(`<saml:AuthnContextClassRef[^>]*>${loa3}</saml:AuthnContextClassRef>`),
    );
    // The request id stays on the server; the browser carries only the RelayState and a binding.
    const attempt = await database()
      .owner.selectFrom("saml_login_attempt")
      .select(["request_id", "relay_state_hash"])
      .where("request_id", "=", started.request?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(attempt.relay_state_hash).not.toContain(started.request?.relayState);
    const cookie = setCookies(started.res).find((c) => c.startsWith("frid_saml="));
    expect(cookie).toContain("Path=/api/auth/saml/acs");
    expect(cookie).toContain("HttpOnly");
  });

  it("signs the AuthnRequest (HTTP-Redirect, RSA-SHA256) with Frid's key: the IdP can check it", async () => {
    const { location } = await startSaml(t.app, providerId);
    const url = new URL(location ?? "");
    expect(url.searchParams.get("SigAlg")).toBe(
      "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    );
    expect(redirectSignatureHolds(location ?? "", fridSpKey.certPem)).toBe(true);
    // Another certificate, or a request changed on the way, does not verify.
    expect(redirectSignatureHolds(location ?? "", signingKey("Another SP").certPem)).toBe(false);
    const relayState = url.searchParams.get("RelayState") ?? "";
    const changed = (location ?? "").replace(
      `RelayState=${encodeURIComponent(relayState)}`,
      "RelayState=annat",
    );
    expect(changed).not.toBe(location);
    expect(redirectSignatureHolds(changed, fridSpKey.certPem)).toBe(false);
  });

  it("names Frid's certificate in the metadata, for signing and for encryption", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/auth/saml/${providerId}/metadata` });
    expect(res.body).toContain('AuthnRequestsSigned="true"');
    expect(res.body).toContain(
      `<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${fridPublicUrl}/api/auth/saml/${providerId}/slo"/>`,
    );
    const base64 = (text: string) => text.replace(/-----[^-]+-----|\s+/g, "");
    const used = [...res.body.matchAll(/<KeyDescriptor use="(\w+)">([\s\S]*?)<\/KeyDescriptor>/g)];
    expect(used.map((m) => m[1]).sort()).toEqual(["encryption", "signing"]);
    for (const m of used) expect(base64(m[2] ?? "")).toContain(base64(fridSpKey.certPem));
  });

  it("serves the SP metadata: entity id, ACS, NameID format, signed assertions wanted", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/auth/saml/${providerId}/metadata` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/samlmetadata+xml");
    expect(res.body).toContain(`entityID="${spEntityId(providerId)}"`);
    expect(res.body).toContain('WantAssertionsSigned="true"');
    expect(res.body).toContain(
      `Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acsUrl}"`,
    );
    expect(res.body).toContain(
      "<NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</NameIDFormat>",
    );
  });

  it("knows no SAML provider by an OIDC provider's id or an unknown one (404)", async () => {
    for (const id of [oidcProviderId, crypto.randomUUID()]) {
      for (const path of ["metadata", "start"]) {
        const res = await t.app.inject({ method: "GET", url: `/api/auth/saml/${id}/${path}` });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe("not_found");
      }
    }
    const bad = await t.app.inject({ method: "GET", url: "/api/auth/saml/ingen/start" });
    expect(bad.statusCode).toBe(400);
  });

  it("takes a form only at the ACS: elsewhere 415 as before", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "username=a&password=b",
    });
    expect(res.statusCode).toBe(415);
  });

  it("without FRID_PUBLIC_URL, outside production, asks for the answer at localhost on its port", async () => {
    // Production refuses instead (service-provider.test.ts): there Frid must be told its address.
    const bare = await buildTestApp(database(), { PORT: "3456", ...spKeyEnv() });
    try {
      const res = await bare.app.inject({
        method: "GET",
        url: `/api/auth/saml/${providerId}/start`,
      });
      expect(res.statusCode).toBe(303);
      expect(authnRequestOf(res.headers.location as string).xml).toContain(
        'AssertionConsumerServiceURL="http://localhost:3456/api/auth/saml/acs"',
      );
    } finally {
      await bare.close();
    }
  });
});
