import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { type ForgingIdp, signed, startForgingIdp } from "../../testing/forging-idp.ts";
import { hsaClaim, loa3 } from "../../testing/oidc-idp.ts";
import { Jar, loginThroughProvider, logoutAtProvider } from "../../testing/oidc-login.ts";
import { type OidcWorld, oidcWorld, sessionCookieOf } from "../../testing/oidc-world.ts";

const logoutEvent = "http://schemas.openid.net/event/backchannel-logout";

describe.each(testDatabaseKinds)("back-channel logout from the provider (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: OidcWorld;
  let forging: ForgingIdp;
  let forgingProviderId: string;

  beforeAll(async () => {
    w = await oidcWorld(database());
    forging = await startForgingIdp({
      sub: "lina",
      sid: "forged-sid-1",
      [hsaClaim]: "SE2321000016-lina1",
      acr: loa3,
    });
    ({ id: forgingProviderId } = await database()
      .owner.insertInto("identity_provider")
      .values({
        org_id: w.orgId,
        display_name: "Förfalskande",
        issuer: forging.issuer,
        client_id: "frid",
        identifier_kind: "hsa_id",
        identifier_claim: hsaClaim,
        acr_values: [loa3],
        created_by: w.adminId,
        updated_by: w.adminId,
      })
      .returning("id")
      .executeTakeFirstOrThrow());
  });
  afterAll(async () => {
    await w?.close();
    await forging?.close();
  });

  const me = (cookie: string) =>
    w.t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
  const post = (body: string) =>
    w.t.app.inject({
      method: "POST",
      url: "/api/auth/oidc/backchannel-logout",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: body,
    });
  const postToken = (token: string) =>
    post(new URLSearchParams({ logout_token: token }).toString());
  const events = (action: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["data", "outcome"])
      .where("action", "=", action)
      .orderBy("id")
      .execute();
  const lastRefusal = async () =>
    ((await events("logout.backchannel_refused")).at(-1)?.data as { why: string } | undefined)?.why;
  const honest = (change: (c: Record<string, unknown>) => Record<string, unknown> = (c) => c) =>
    forging.sign(
      change({
        iss: forging.issuer,
        aud: "frid",
        iat: Math.floor(Date.now() / 1000),
        jti: randomUUID(),
        sid: "forged-sid-1",
        events: { [logoutEvent]: {} },
      }),
    );

  it("logging out at the provider ends every Frid session of that provider session at once", async () => {
    const jar = new Jar();
    const first = sessionCookieOf(
      (await loginThroughProvider(w.t.app, w.providerId, "lina", jar)).res,
    );
    // A second tab's login: the provider's session answers without a question (same sid).
    const second = sessionCookieOf(
      (await loginThroughProvider(w.t.app, w.providerId, "lina", jar)).res,
    );
    expect((await me(first as string)).statusCode).toBe(200);
    expect((await me(second as string)).statusCode).toBe(200);

    // At the provider itself, not through Frid: it posts the logout token to Frid.
    await logoutAtProvider(`${w.idp.issuer}/session/end?client_id=frid`, jar);
    expect((await me(first as string)).statusCode).toBe(401);
    expect((await me(second as string)).statusCode).toBe(401);
    expect((await events("logout.backchannel")).at(-1)).toEqual({
      data: { providerId: w.providerId, sessions: 2 },
      outcome: "allowed",
    });
  });

  it("accepts a signed logout token naming the session, once", async () => {
    const { res } = await loginThroughProvider(w.t.app, forgingProviderId, "lina");
    const cookie = sessionCookieOf(res) as string;
    const token = honest();
    const ok = await postToken(token);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["cache-control"]).toBe("no-store");
    expect((await me(cookie)).statusCode).toBe(401);

    const again = await postToken(token);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain("kunde inte godtas");
    expect(await lastRefusal()).toBe("replayed");
  });

  it("a token for a session that has ended already (the logout began in Frid) is answered 200", async () => {
    expect((await postToken(honest())).statusCode).toBe(200);
    expect((await events("logout.backchannel")).at(-1)?.data).toEqual({
      providerId: forgingProviderId,
      sessions: 0,
    });
  });

  it("refuses every bad token with 400, audited with why, and ends no session", async () => {
    const { res } = await loginThroughProvider(w.t.app, forgingProviderId, "lina");
    const cookie = sessionCookieOf(res) as string;
    const now = Math.floor(Date.now() / 1000);
    const valid = honest();
    const [header, payload] = valid.split(".");
    const kid = JSON.parse(Buffer.from(header as string, "base64url").toString()).kid;
    const { privateKey: otherKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const altered = JSON.parse(Buffer.from(payload as string, "base64url").toString());
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const cases: [string, string, string][] = [
      [
        "forged signature (another key)",
        signed({ ...altered, jti: randomUUID() }, kid, otherKey),
        "signature",
      ],
      [
        "altered after signing",
        valid.replace(payload as string, b64({ ...altered, sub: "someone-else" })),
        "signature",
      ],
      ["unsigned (alg none)", `${b64({ alg: "none" })}.${payload}.`, "signature"],
      [
        "another issuer",
        honest((c) => ({ ...c, iss: "https://idp.angripare.example" })),
        "provider_unknown",
      ],
      ["another audience", honest((c) => ({ ...c, aud: "another-client" })), "claims"],
      ["issued long ago", honest((c) => ({ ...c, iat: now - 3600 })), "claims"],
      ["issued in the future", honest((c) => ({ ...c, iat: now + 600 })), "claims"],
      ["without jti", honest(({ jti: _, ...c }) => c), "claims"],
      ["a nonce (an ID token)", honest((c) => ({ ...c, nonce: "n-0S6_WzA2Mj" })), "nonce_present"],
      ["no events", honest(({ events: _, ...c }) => c), "events_missing"],
      ["another event", honest((c) => ({ ...c, events: { "urn:other": {} } })), "events_missing"],
      ["neither sid nor sub", honest(({ sid: _, ...c }) => c), "subject_missing"],
      ["an unknown sid", honest((c) => ({ ...c, sid: "no-such-session" })), "session_unknown"],
      ["not a JWT", "not-a-jwt", "malformed"],
    ];
    for (const [what, token, why] of cases) {
      const answer = await postToken(token);
      expect([what, answer.statusCode, await lastRefusal()]).toEqual([what, 400, why]);
    }
    const missing = await post("something=else");
    expect([missing.statusCode, await lastRefusal()]).toEqual([400, "malformed"]);
    expect((await me(cookie)).statusCode).toBe(200);
    const refusals = await events("logout.backchannel_refused");
    expect(refusals.every((e) => e.outcome === "denied")).toBe(true);
    expect(JSON.stringify(refusals)).not.toContain(valid.split(".")[2]);
  });

  it("takes a form only on its own route: JSON elsewhere stays the only body", async () => {
    const login = await w.t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "username=a&password=b",
    });
    expect(login.statusCode).toBe(415);
  });

  // Last: it spends this app's allowance of back-channel posts from the test's address.
  it("limits the posts from one address: 429 with Retry-After, other addresses still heard", async () => {
    const trail = async () =>
      (await events("logout.backchannel_refused")).length +
      (await events("logout.backchannel")).length;
    const before = await trail();
    // Bodies that are not forms (415 without reading them): only the limit is counted here.
    const send = (remoteAddress?: string) =>
      w.t.app.inject({
        method: "POST",
        url: "/api/auth/oidc/backchannel-logout",
        headers: { "content-type": "application/xml" },
        payload: "<logout/>",
        ...(remoteAddress ? { remoteAddress } : {}),
      });
    let answer = await send();
    for (let i = 0; i < 600 && answer.statusCode !== 429; i++) answer = await send();
    expect(answer.statusCode).toBe(429);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    expect(answer.json().error).toMatchObject({
      code: "too_many_requests",
      message: "För många utloggningsbesked. Vänta en minut.",
    });
    expect((await send("192.0.2.7")).statusCode).toBe(415);
    // Like every public route's limit (http/rate-limit.ts), kept in memory only: no event
    // names the address, and none of the refused posts reached the token check.
    expect(await trail()).toBe(before);
  });
});
