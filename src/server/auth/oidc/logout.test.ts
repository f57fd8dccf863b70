import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { type ForgingIdp, startForgingIdp } from "../../testing/forging-idp.ts";
import { hsaClaim, loa3 } from "../../testing/oidc-idp.ts";
import {
  Jar,
  loginThroughProvider,
  logoutAtProvider,
  silentLoginAt,
  startLogin,
} from "../../testing/oidc-login.ts";
import { type OidcWorld, oidcWorld, sessionCookieOf } from "../../testing/oidc-world.ts";

describe.each(testDatabaseKinds)("logging out of a provider's session (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: OidcWorld;
  let forging: ForgingIdp;
  let forgingProviderId: string;

  beforeAll(async () => {
    w = await oidcWorld(database());
    // A provider whose metadata names no end_session_endpoint.
    forging = await startForgingIdp({ sub: "lina", [hsaClaim]: "SE2321000016-lina1", acr: loa3 });
    ({ id: forgingProviderId } = await database()
      .owner.insertInto("identity_provider")
      .values({
        org_id: w.orgId,
        display_name: "Utan utloggning",
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

  const loggedIn = async (providerId: string, jar = new Jar()) => {
    const { res } = await loginThroughProvider(w.t.app, providerId, "lina", jar);
    const cookie = sessionCookieOf(res) as string;
    const me = await w.t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    return { cookie, csrf: me.json().csrfToken as string, jar };
  };
  const logout = (session: { cookie: string; csrf: string }) =>
    w.t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
      payload: {},
    });
  const lastLogout = async () =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select(["actor_user_id", "data"])
        .where("action", "=", "logout")
        .where("org_id", "=", w.orgId)
        .orderBy("id", "desc")
        .executeTakeFirst()
    )?.data;

  it("a session begun through the provider remembers the provider, its sid and the sub", async () => {
    const { cookie } = await loggedIn(w.providerId);
    const { hashSessionId } = await import("../sessions.ts");
    const row = await database()
      .owner.selectFrom("session")
      .select(["provider_id", "provider_sid", "provider_sub"])
      .where("id_hash", "=", hashSessionId(cookie.slice("frid_session=".length)))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      provider_id: w.providerId,
      provider_sid: expect.stringMatching(/.+/),
      provider_sub: "lina",
    });
  });

  it("ends Frid's session and sends the browser to log out at the provider, which then asks for the login again", async () => {
    const session = await loggedIn(w.providerId);
    // Before: the provider's session logs the browser in again without a question.
    const before = await startLogin(w.t.app, w.providerId);
    expect(await silentLoginAt(before.location as string, session.jar)).toBe("frid");

    const res = await logout(session);
    expect(res.statusCode).toBe(200);
    const url = new URL(res.json().providerLogoutUrl);
    expect(url.href.startsWith(w.idp.issuer)).toBe(true);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "frid",
      post_logout_redirect_uri: "http://frid.test/logged-out",
    });
    expect(sessionCookieOf(res)).toBe("frid_session=");
    const me = await w.t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: session.cookie },
    });
    expect(me.statusCode).toBe(401);
    expect(await lastLogout()).toEqual({ providerId: w.providerId, atProvider: "redirected" });

    expect(await logoutAtProvider(url.href, session.jar)).toBe("http://frid.test/logged-out");
    const after = await startLogin(w.t.app, w.providerId);
    expect(await silentLoginAt(after.location as string, session.jar)).toBe("asked");
  });

  it("a provider without a logout: Frid's session ends, and the answer says the provider's may be open", async () => {
    const session = await loggedIn(forgingProviderId);
    const res = await logout(session);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ providerLogoutUrl: null });
    const me = await w.t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: session.cookie },
    });
    expect(me.statusCode).toBe(401);
    expect(await lastLogout()).toEqual({
      providerId: forgingProviderId,
      atProvider: "not_offered",
    });
  });

  it("logging out needs a session and its CSRF token", async () => {
    const none = await w.t.app.inject({ method: "POST", url: "/api/auth/logout", payload: {} });
    expect(none.statusCode).toBe(401);
    const session = await loggedIn(w.providerId);
    const forged = await logout({ ...session, csrf: "not-the-token" });
    expect(forged.statusCode).toBe(403);
  });
});
