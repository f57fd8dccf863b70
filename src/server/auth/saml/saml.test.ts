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
  loa2,
  loa3,
  personalIdentityNumberAttribute as pinAttribute,
  signingKey,
  TestSamlIdp,
} from "../../testing/saml-idp.ts";
import {
  cookieOf,
  fridPublicUrl,
  loginThroughSaml,
  postAnswer,
  spKeyEnv,
  startSaml,
} from "../../testing/saml-login.ts";

describe.each(testDatabaseKinds)("login through a SAML identity provider (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const idp = new TestSamlIdp();
  const otherKey = signingKey("Someone else");
  const linaPin = fictionalIdentityNumber();
  const svenPin = fictionalIdentityNumber();
  const strangerPin = fictionalIdentityNumber();
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
        displayName: "Test-IdP (SAML)",
        entityId: idp.entityId,
        ssoUrl: idp.ssoUrl,
        certificates: [idp.key.certPem],
        identifierKind: "personal_identity_number",
        identifierAttribute: pinAttribute,
        authnContextClassRefs: [loa3],
      },
    });
    providerId = created.json().id;
    const lina = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    const sven = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    linaId = lina.id;
    for (const [user, pin] of [
      [lina.id, linaPin],
      [sven.id, svenPin],
    ] as const)
      await t.app.inject({
        method: "POST",
        url: `/api/admin/users/${user}/identifiers`,
        headers: as(admin),
        payload: { kind: "personal_identity_number", value: pin },
      });
    await owner.updateTable("app_user").set({ active: false }).where("id", "=", sven.id).execute();
  });
  afterAll(() => t?.close());

  const events = (action: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["actor_user_id", "outcome", "data"])
      .where("action", "=", action)
      .where("org_id", "=", orgId)
      .orderBy("id")
      .execute();
  const lastRefusal = async () =>
    ((await events("login.saml_failed")).at(-1)?.data as { why: string } | undefined)?.why;
  const asLina = (change: Partial<Answer> = {}) =>
    loginThroughSaml(t.app, idp, providerId, {
      attributes: { [pinAttribute]: linaPin },
      ...change,
    });

  it("logs in at LoA3 without a one-time code, in a new session, audited", async () => {
    const earlier = await login(t.app, (await buildUser(database().owner, orgId)).username);
    const { res } = await loginThroughSaml(
      t.app,
      idp,
      providerId,
      { attributes: { [pinAttribute]: linaPin } },
      earlier.cookie,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/");
    const session = cookieOf(res, "frid_session") as string;
    expect(session).not.toBe(earlier.cookie);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: session } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(linaId);
    // The session the browser had before is ended (fixation).
    const before = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: earlier.cookie },
    });
    expect(before.statusCode).toBe(401);
    expect((await events("login.saml_succeeded")).at(-1)).toEqual({
      actor_user_id: linaId,
      outcome: "allowed",
      data: { providerId, authnContextClassRef: loa3 },
    });
  });

  const altered = (xml: string) => xml.replace(linaPin, strangerPin);
  const cases: [string, Partial<Answer>, string, number][] = [
    ["an unsigned response", { sign: "none" }, "signature_invalid", 403],
    [
      "a signed Response around an unsigned assertion",
      { sign: "response" },
      "signature_invalid",
      403,
    ],
    ["an assertion altered after signing", { alter: altered }, "signature_invalid", 403],
    ["an assertion signed by another key", { key: otherKey }, "signature_invalid", 403],
    ["another audience", { audience: "https://other.example/sp" }, "audience_mismatch", 403],
    ["another recipient", { recipient: "https://evil.example/acs" }, "recipient_mismatch", 403],
    ["another destination", { destination: "https://evil.example/acs" }, "recipient_mismatch", 403],
    ["no destination", { destination: null }, "recipient_mismatch", 403],
    ["an expired assertion", { notOnOrAfter: -600 }, "assertion_expired", 400],
    ["an assertion not yet valid", { notBefore: 600 }, "assertion_expired", 400],
    ["another issuer", { issuer: "https://other-idp.example" }, "issuer_mismatch", 403],
    [
      "an answer to another request",
      { inResponseTo: "_someone-elses" },
      "in_response_to_mismatch",
      400,
    ],
    ["too low an AuthnContextClassRef", { authnContextClassRef: loa2 }, "acr_too_low", 403],
    [
      "an identity no account has",
      { attributes: { [pinAttribute]: strangerPin } },
      "unknown_identity",
      403,
    ],
    ["a deactivated account", { attributes: { [pinAttribute]: svenPin } }, "inactive", 403],
    ["no identifying attribute", { attributes: {} }, "identifier_missing", 403],
  ];
  it.each(cases)(
    "refuses %s: audited, a Swedish page, no session",
    async (_, change, why, status) => {
      const { res } = await asLina(change);
      expect(res.statusCode).toBe(status);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain("Inloggningen misslyckades");
      expect(cookieOf(res, "frid_session")).toBeUndefined();
      expect(await lastRefusal()).toBe(why);
    },
  );

  it("tells an unknown identity and a deactivated account the same", async () => {
    const unknown = await asLina({ attributes: { [pinAttribute]: strangerPin } });
    const inactive = await asLina({ attributes: { [pinAttribute]: svenPin } });
    expect(unknown.res.body).toContain("Det finns inget konto i Frid för den här inloggningen.");
    expect(inactive.res.body).toBe(unknown.res.body);
  });

  it("accepts an answer once, in the browser that asked, and an assertion id once", async () => {
    const first = await asLina();
    expect(first.res.statusCode).toBe(303);
    const again = await postAnswer(t.app, first.form, first.binding);
    expect(again.statusCode).toBe(400);
    expect(await lastRefusal()).toBe("attempt_used");

    const started = await startSaml(t.app, providerId);
    const form = { ...first.form, RelayState: started.request?.relayState ?? "" };
    expect((await postAnswer(t.app, form, "frid_saml=another-browser")).statusCode).toBe(400);
    expect(await lastRefusal()).toBe("browser_mismatch");
    expect(
      (await postAnswer(t.app, { SAMLResponse: form.SAMLResponse }, started.binding)).statusCode,
    ).toBe(400);
    // No RelayState names no attempt, nor an organisation: the event is the system's.
    const system = await database()
      .owner.selectFrom("audit_event")
      .select(["org_id", "data"])
      .where("action", "=", "login.saml_failed")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(system).toMatchObject({ org_id: null, data: { why: "attempt_unknown" } });

    // The same assertion id in an answer to a new request: a replay, however it is wrapped.
    const id = `_replayed-${Date.now()}`;
    expect((await asLina({ assertionId: id })).res.statusCode).toBe(303);
    const replayed = await asLina({ assertionId: id });
    expect(replayed.res.statusCode).toBe(400);
    expect(await lastRefusal()).toBe("assertion_replayed");
  });

  it("reads an answer whose base64 the IdP wrapped in lines", async () => {
    const started = await startSaml(t.app, providerId);
    const samlResponse = idp.respond({
      inResponseTo: started.request?.id ?? "",
      audience: `${fridPublicUrl}/api/auth/saml/${providerId}/metadata`,
      recipient: `${fridPublicUrl}/api/auth/saml/acs`,
      attributes: { [pinAttribute]: linaPin },
    });
    const wrapped = (samlResponse.match(/.{1,76}/g) ?? []).join("\r\n");
    const res = await postAnswer(
      t.app,
      { SAMLResponse: wrapped, RelayState: started.request?.relayState ?? "" },
      started.binding,
    );
    expect(res.statusCode).toBe(303);
  });

  it("follows the IdP's key rotation: the next key once its certificate is added, the old refused once removed", async () => {
    const nextKey = signingKey("Test-IdP nästa");
    const certificates = (pems: string[]) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/admin/identity-providers/${providerId}/saml`,
        headers: as(admin),
        payload: { certificates: pems },
      });
    const refusedWith = async (key: typeof nextKey) => {
      expect((await asLina({ key })).res.statusCode).toBe(403);
      expect(await lastRefusal()).toBe("signature_invalid");
    };
    try {
      await refusedWith(nextKey);
      expect((await certificates([idp.key.certPem, nextKey.certPem])).statusCode).toBe(200);
      // While the IdP switches, Frid takes either key, with no restart.
      for (const key of [idp.key, nextKey])
        expect((await asLina({ key })).res.statusCode).toBe(303);
      expect((await certificates([nextKey.certPem])).statusCode).toBe(200);
      await refusedWith(idp.key);
      expect((await asLina({ key: nextKey })).res.statusCode).toBe(303);
    } finally {
      await certificates([idp.key.certPem]);
    }
  });

  it("refuses through a disabled provider, also an answer to a login begun before", async () => {
    const started = await startSaml(t.app, providerId);
    await database()
      .owner.updateTable("identity_provider")
      .set({ enabled: false })
      .where("id", "=", providerId)
      .execute();
    try {
      const res = await postAnswer(
        t.app,
        {
          SAMLResponse: idp.respond({
            inResponseTo: started.request?.id ?? "",
            audience: `${fridPublicUrl}/api/auth/saml/${providerId}/metadata`,
            recipient: `${fridPublicUrl}/api/auth/saml/acs`,
            attributes: { [pinAttribute]: linaPin },
          }),
          RelayState: started.request?.relayState ?? "",
        },
        started.binding,
      );
      expect(res.statusCode).toBe(403);
      expect(await lastRefusal()).toBe("provider_disabled");
      const start = await startSaml(t.app, providerId);
      expect(start.res.statusCode).toBe(403);
      expect(start.res.body).toContain("är avstängd");
    } finally {
      await database()
        .owner.updateTable("identity_provider")
        .set({ enabled: true })
        .where("id", "=", providerId)
        .execute();
    }
  });
});
