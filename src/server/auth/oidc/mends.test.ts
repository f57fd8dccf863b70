import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { type ForgingIdp, startForgingIdp } from "../../testing/forging-idp.ts";
import { loa3 } from "../../testing/oidc-idp.ts";
import {
  callback,
  fridHost,
  loginThroughProvider,
  startLogin,
  throughProvider,
} from "../../testing/oidc-login.ts";
import { type OidcWorld, oidcWorld } from "../../testing/oidc-world.ts";

/** The review's mends of the OIDC login (issue 21 item 8): each seen failing first. */
describe.each(testDatabaseKinds)("the OIDC login's loose ends (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let w: OidcWorld;
  let forging: ForgingIdp;
  let emailProviderId: string;

  beforeAll(async () => {
    w = await oidcWorld(database());
    forging = await startForgingIdp({
      sub: "lina-at-broker",
      email: "Lina.Ek@kommun.se",
      acr: loa3,
    });
    const { owner } = database();
    ({ id: emailProviderId } = await owner
      .insertInto("identity_provider")
      .values({
        org_id: w.orgId,
        display_name: "Mäklare (e-post)",
        issuer: forging.issuer,
        client_id: "frid",
        identifier_kind: "email",
        identifier_claim: "email",
        acr_values: [loa3],
        created_by: w.adminId,
        updated_by: w.adminId,
      })
      .returning("id")
      .executeTakeFirstOrThrow());
    await owner
      .insertInto("account_identifier")
      .values({
        org_id: w.orgId,
        user_id: w.linaId,
        kind: "email",
        value: "lina.ek@kommun.se",
        created_by: w.adminId,
      })
      .execute();
  });
  afterAll(async () => {
    await w?.close();
    await forging?.close();
  });

  const lastRefusal = async () =>
    (
      (
        await database()
          .owner.selectFrom("audit_event")
          .select("data")
          .where("action", "=", "login.oidc_failed")
          .orderBy("id", "desc")
          .executeTakeFirst()
      )?.data as { why: string; detail?: string } | undefined
    )?.why;

  it("a provider without required acr values gives no session: its login is refused", async () => {
    const { owner } = database();
    const started = await startLogin(w.t.app, w.providerId);
    await owner
      .updateTable("identity_provider")
      .set({ acr_values: [] })
      .where("id", "=", w.providerId)
      .execute();
    try {
      const refused = await startLogin(w.t.app, w.providerId);
      expect(refused.res.statusCode).toBe(403);
      expect(refused.res.body).toContain("tillitsnivå");
      expect(await lastRefusal()).toBe("acr_not_configured");
      // A login begun before the change is refused when it comes back.
      const back = await throughProvider(started.location as string, "lina");
      const res = await callback(w.t.app, back, started.binding);
      expect(res.statusCode).toBe(403);
      expect(res.headers["set-cookie"]?.toString() ?? "").not.toContain("frid_session=");
      expect(await lastRefusal()).toBe("acr_not_configured");
    } finally {
      await owner
        .updateTable("identity_provider")
        .set({ acr_values: [loa3] })
        .where("id", "=", w.providerId)
        .execute();
    }
  });

  it("a provider without required acr values is not offered on the login page", async () => {
    const { owner } = database();
    const listed = async () =>
      (
        (await w.t.app.inject({ method: "GET", url: "/api/auth/identity-providers" })).json() as {
          providers: { id: string }[];
        }
      ).providers.map((p) => p.id);
    expect(await listed()).toContain(w.providerId);
    await owner
      .updateTable("identity_provider")
      .set({ acr_values: [] })
      .where("id", "=", w.providerId)
      .execute();
    try {
      // Every login through it is refused (acr_not_configured): a button that only fails.
      expect(await listed()).not.toContain(w.providerId);
      expect(await listed()).toContain(emailProviderId);
    } finally {
      await owner
        .updateTable("identity_provider")
        .set({ acr_values: [loa3] })
        .where("id", "=", w.providerId)
        .execute();
    }
  });

  it("matches an e-mail address only when the ID token says it is verified", async () => {
    for (const verified of [undefined, false, "true"]) {
      forging.forge((c) => ({ ...c, email_verified: verified }));
      const { res } = await loginThroughProvider(w.t.app, emailProviderId, "lina-at-broker");
      expect([verified, res.statusCode]).toEqual([verified, 403]);
      expect(await lastRefusal()).toBe("identifier_missing");
    }
    forging.forge((c) => ({ ...c, email_verified: true }));
    const { res } = await loginThroughProvider(w.t.app, emailProviderId, "lina-at-broker");
    expect(res.statusCode).toBe(303);
    forging.forge((c) => c);
  });

  it("builds the redirect URI from FRID_PUBLIC_URL, never from the Host header", async () => {
    const res = await w.t.app.inject({
      method: "GET",
      url: `/api/auth/oidc/${w.providerId}/start`,
      headers: { host: "angripare.example" },
    });
    expect(res.statusCode).toBe(303);
    const location = new URL(res.headers.location as string);
    expect(location.searchParams.get("redirect_uri")).toBe(
      `http://${fridHost}/api/auth/oidc/callback`,
    );
  });

  it("without FRID_PUBLIC_URL, outside production: localhost at the server's own port", async () => {
    const t = await buildTestApp(database());
    try {
      await t.app.listen({ port: 0, host: "127.0.0.1" });
      const port = (t.app.server.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/oidc/${w.providerId}/start`, {
        redirect: "manual",
        headers: { host: "angripare.example" },
      });
      expect(res.status).toBe(303);
      const location = new URL(res.headers.get("location") as string);
      expect(location.searchParams.get("redirect_uri")).toBe(
        `http://localhost:${port}/api/auth/oidc/callback`,
      );
    } finally {
      await t.close();
    }
  });

  it("forgets the provider's metadata for a failed token check, not for a refusal", async () => {
    const discovered = forging.discoveries();
    forging.forge((c) => ({ ...c, email_verified: true, email: "okand@kommun.se" }));
    const unknown = await loginThroughProvider(w.t.app, emailProviderId, "lina-at-broker");
    expect(unknown.res.statusCode).toBe(403);
    expect(await lastRefusal()).toBe("unknown_identity");
    // The person cancelled at the provider: its answer is an error, not a broken provider.
    const started = await startLogin(w.t.app, emailProviderId);
    const back = new URL(await throughProvider(started.location as string, "lina-at-broker"));
    back.searchParams.delete("code");
    back.searchParams.set("error", "access_denied");
    const cancelled = await callback(w.t.app, back.href, started.binding);
    expect(cancelled.statusCode).toBe(403);
    expect(await lastRefusal()).toBe("provider_error");
    await loginThroughProvider(w.t.app, emailProviderId, "lina-at-broker");
    expect(forging.discoveries()).toBe(discovered);

    forging.forge((c) => ({ ...c, email_verified: true, nonce: "not-the-one-sent" }));
    expect((await loginThroughProvider(w.t.app, emailProviderId, "x")).res.statusCode).toBe(403);
    expect(await lastRefusal()).toBe("token_invalid");
    forging.forge((c) => ({ ...c, email_verified: true }));
    expect((await loginThroughProvider(w.t.app, emailProviderId, "x")).res.statusCode).toBe(303);
    expect(forging.discoveries()).toBe(discovered + 1);
    forging.forge((c) => c);
  });

  // Last: it spends the callback's allowance of this app.
  it("limits the callbacks from one address", async () => {
    let answer = 0;
    for (let i = 0; i < 301 && answer !== 429; i++) {
      answer = (await w.t.app.inject({ method: "GET", url: "/api/auth/oidc/callback?state=x" }))
        .statusCode;
    }
    expect(answer).toBe(429);
  });
});
