import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildOrg, buildUser, login, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { loa3, personalIdentityNumberAttribute, signingKey } from "../../testing/saml-idp.ts";

const [key, nextKey] = [signingKey("Inera IdP 1"), signingKey("Inera IdP 2")];
const provider = {
  displayName: "SITHS via Inera (SAML)",
  entityId: "https://idp.inera.example/saml",
  ssoUrl: "https://idp.inera.example/saml/sso",
  certificates: [key.certPem],
  identifierKind: "personal_identity_number",
  identifierAttribute: personalIdentityNumberAttribute,
  authnContextClassRefs: [loa3],
};
const base64Of = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, "");

describe.each(testDatabaseKinds)(
  "SAML identity providers, the administrator's side (%s)",
  (kind) => {
    const database = useTestDatabase(kind);
    let t: TestApp;
    let admin: Session;
    let analyst: Session;
    let orgId: string;

    beforeAll(async () => {
      t = await buildTestApp(database());
      const { owner } = database();
      orgId = (await buildOrg(owner)).id;
      admin = await login(
        t.app,
        (await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }])).username,
      );
      analyst = await login(
        t.app,
        (await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }])).username,
      );
    });
    afterAll(() => t?.close());

    const req = (s: Session | null, method: string, url: string, payload?: object) =>
      t.app.inject({
        method: method as "POST",
        url,
        headers: s ? as(s) : {},
        ...(payload ? { payload } : {}),
      });
    const count = async (action: string) =>
      (
        await database()
          .owner.selectFrom("audit_event")
          .select("id")
          .where("action", "=", action)
          .where("org_id", "=", orgId)
          .execute()
      ).length;

    it("is for administrators: 401 without a login, 403 audited for others", async () => {
      const denied = await count("admin.denied");
      expect(
        (await req(null, "POST", "/api/admin/identity-providers/saml", provider)).statusCode,
      ).toBe(401);
      expect(
        (await req(analyst, "POST", "/api/admin/identity-providers/saml", provider)).statusCode,
      ).toBe(403);
      expect(await count("admin.denied")).toBe(denied + 1);
    });

    it("refuses bad input with a Swedish message per field", async () => {
      const bad = await req(admin, "POST", "/api/admin/identity-providers/saml", {
        ...provider,
        entityId: "två ord",
        ssoUrl: "ftp://idp.example",
        certificates: [],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toMatchObject({
        entityId: "Ett entity id skrivs utan mellanslag.",
        ssoUrl: expect.stringContaining("single sign-on"),
        certificates: "Ange minst ett signeringscertifikat.",
      });
      const notCertificate = await req(admin, "POST", "/api/admin/identity-providers/saml", {
        ...provider,
        certificates: [key.certPem, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"],
      });
      expect(notCertificate.statusCode).toBe(400);
      expect(notCertificate.json().error.fields).toEqual({
        "certificates.1": "Certifikatet kunde inte läsas. Kontrollera att det är helt.",
      });
      const oidcField = await req(admin, "POST", "/api/admin/identity-providers/saml", {
        ...provider,
        clientId: "frid",
      });
      expect(oidcField.statusCode).toBe(400);
      expect(await count("admin.identity_provider.create")).toBe(0);
    });

    it("registers a provider with its certificate, audited, listed with its fingerprint", async () => {
      const created = await req(admin, "POST", "/api/admin/identity-providers/saml", {
        ...provider,
        // As an IdP's metadata holds it: the bare base64 is read as well.
        certificates: [base64Of(key.certPem)],
      });
      expect(created.statusCode).toBe(201);
      const view = created.json();
      expect(view).toMatchObject({
        protocol: "saml",
        displayName: provider.displayName,
        issuer: null,
        clientId: null,
        identifierKind: "personal_identity_number",
        identifierClaim: personalIdentityNumberAttribute,
        acrValues: [loa3],
        enabled: true,
        saml: { entityId: provider.entityId, ssoUrl: provider.ssoUrl },
      });
      expect(view.saml.certificates).toEqual([
        {
          subject: "CN=Inera IdP 1",
          notAfter: expect.any(String),
          sha256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
        },
      ]);
      const stored = await database()
        .owner.selectFrom("identity_provider")
        .select(["saml_certificates", "client_secret_env"])
        .where("id", "=", view.id)
        .executeTakeFirstOrThrow();
      expect(stored.saml_certificates?.[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
      expect(stored.client_secret_env).toBeNull();
      expect(await count("admin.identity_provider.create")).toBe(1);
      const list = await req(admin, "GET", "/api/admin/identity-providers");
      expect(list.json().providers.map((p: { protocol: string }) => p.protocol)).toEqual(["saml"]);
    });

    it("rotates certificates and refuses OIDC settings on a SAML provider", async () => {
      const [row] = (await req(admin, "GET", "/api/admin/identity-providers")).json().providers;
      const url = `/api/admin/identity-providers/${row.id}`;
      const rotated = await req(admin, "PATCH", `${url}/saml`, {
        certificates: [key.certPem, nextKey.certPem],
      });
      expect(rotated.statusCode).toBe(200);
      expect(rotated.json().saml.certificates.map((c: { subject: string }) => c.subject)).toEqual([
        "CN=Inera IdP 1",
        "CN=Inera IdP 2",
      ]);
      const twice = await req(admin, "PATCH", `${url}/saml`, {
        certificates: [key.certPem, key.certPem],
      });
      expect(twice.json().error.fields.certificates).toBe("Samma certifikat finns två gånger.");
      expect((await req(admin, "PATCH", `${url}/saml`, {})).statusCode).toBe(400);
      const oidc = await req(admin, "PATCH", url, { issuer: "https://idp.example" });
      expect(oidc.statusCode).toBe(400);
      expect(oidc.json().error.fields.body).toContain("En SAML-leverantör har ingen utfärdare");
      const renamed = await req(admin, "PATCH", url, { displayName: "Inera", enabled: false });
      expect(renamed.json()).toMatchObject({ displayName: "Inera", enabled: false });
      expect(await count("admin.identity_provider.update")).toBe(2);
      const missing = await req(
        admin,
        "PATCH",
        `/api/admin/identity-providers/${crypto.randomUUID()}/saml`,
        {
          ssoUrl: "https://x.example/sso",
        },
      );
      expect(missing.statusCode).toBe(404);
    });

    let brokerId: string;
    it("refuses a change with a name already taken or too short whole, unaudited", async () => {
      const created = await req(admin, "POST", "/api/admin/identity-providers/saml", {
        ...provider,
        displayName: "Freja via broker (SAML)",
        entityId: "https://broker.example/saml",
      });
      brokerId = created.json().id;
      const url = `/api/admin/identity-providers/${brokerId}/saml`;
      const stored = () =>
        database()
          .owner.selectFrom("identity_provider")
          .selectAll()
          .where("id", "=", brokerId)
          .executeTakeFirstOrThrow();
      const before = await stored();
      const updates = await count("admin.identity_provider.update");
      // "Inera" is the provider renamed above: the good address is not saved either.
      const clash = await req(admin, "PATCH", url, {
        ssoUrl: "https://broker.example/sso2",
        displayName: "Inera",
      });
      expect(clash.statusCode).toBe(400);
      expect(clash.json().error.fields).toEqual({
        displayName: "Det finns redan en identitetsleverantör med det namnet.",
      });
      const short = await req(admin, "PATCH", url, {
        singleLogoutUrl: "https://broker.example/slo",
        displayName: "F",
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().error.fields.displayName).toBe("Skriv ett namn på minst 2 tecken.");
      const oidcField = await req(admin, "PATCH", url, { clientId: "frid" });
      expect(oidcField.statusCode).toBe(400);
      expect(await stored()).toEqual(before);
      expect(await count("admin.identity_provider.update")).toBe(updates);
    });

    it("changes every setting in one request, audited once with the fields' names", async () => {
      const url = `/api/admin/identity-providers/${brokerId}/saml`;
      const all = {
        displayName: "Freja eID (SAML)",
        entityId: "https://broker.example/saml2",
        ssoUrl: "https://broker.example/sso2",
        certificates: [nextKey.certPem],
        wantEncryptedAssertions: true,
        singleLogoutUrl: "https://broker.example/slo",
        identifierKind: "hsa_id",
        identifierAttribute: "urn:oid:1.2.752.29.6.2.1",
        authnContextClassRefs: [loa3, "http://id.elegnamnden.se/loa/1.0/loa4"],
        enabled: false,
      };
      const changed = await req(admin, "PATCH", url, all);
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({
        displayName: all.displayName,
        identifierKind: "hsa_id",
        identifierClaim: all.identifierAttribute,
        acrValues: all.authnContextClassRefs,
        enabled: false,
        saml: {
          entityId: all.entityId,
          ssoUrl: all.ssoUrl,
          certificates: [expect.objectContaining({ subject: "CN=Inera IdP 2" })],
          wantEncryptedAssertions: true,
          singleLogoutUrl: all.singleLogoutUrl,
        },
      });
      const events = await database()
        .owner.selectFrom("audit_event")
        .select(["data"])
        .where("action", "=", "admin.identity_provider.update")
        .where("resource_id", "=", brokerId)
        .execute();
      expect(events.map((e) => e.data)).toEqual([{ fields: Object.keys(all) }]);
      // Single logout taken away again: null, not an empty text.
      const cleared = await req(admin, "PATCH", url, { singleLogoutUrl: null });
      expect(cleared.json().saml.singleLogoutUrl).toBeNull();
    });

    it("renames two SAML providers to one name once", async () => {
      const ids = await Promise.all(
        ["Rivaler A", "Rivaler B"].map(async (displayName) => {
          const body = { ...provider, displayName };
          return (await req(admin, "POST", "/api/admin/identity-providers/saml", body)).json().id;
        }),
      );
      const both = await race(2, (i) =>
        req(admin, "PATCH", `/api/admin/identity-providers/${ids[i]}/saml`, {
          displayName: "Samma namn",
          ssoUrl: `https://idp.inera.example/sso-${i}`,
        }),
      );
      expect(both.counts).toEqual({ 200: 1, 400: 1 });
      const loser = both.responses.find((r) => r.statusCode === 400);
      expect(loser?.json().error.fields.displayName).toContain("finns redan");
      const rows = await database()
        .owner.selectFrom("identity_provider")
        .select(["display_name", "saml_sso_url"])
        .where("id", "in", ids)
        .orderBy("display_name")
        .execute();
      // The refused one kept its name and its address.
      expect(rows.filter((r) => r.saml_sso_url === provider.ssoUrl)).toHaveLength(1);
      expect(rows.map((r) => r.display_name).filter((n) => n === "Samma namn")).toHaveLength(1);
    });

    it("requires an assurance level, and gives a name once to two at once", async () => {
      const url = "/api/admin/identity-providers/saml";
      const noLevel = await req(admin, "POST", url, {
        ...provider,
        displayName: "Utan nivå",
        authnContextClassRefs: [],
      });
      expect(noLevel.statusCode).toBe(400);
      expect(noLevel.json().error.fields.authnContextClassRefs).toContain("minst en tillitsnivå");
      const both = await race(2, () =>
        req(admin, "POST", url, { ...provider, displayName: "Två samtidigt" }),
      );
      expect(both.counts).toEqual({ 201: 1, 400: 1 });
    });
  },
);
