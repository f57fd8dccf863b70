import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUser } from "../../testing/factories.ts";
import { type ForgingIdp, startForgingIdp } from "../../testing/forging-idp.ts";
import { hsaClaim, loa2, loa3, type RunningIdp, startIdp } from "../../testing/oidc-idp.ts";
import {
  callback,
  fridCallback,
  fridHost,
  loginThroughProvider,
  startLogin,
  throughProvider,
} from "../../testing/oidc-login.ts";

const secretEnv = "FRID_OIDC_SECRET_OIDC_TEST";

describe.each(testDatabaseKinds)(
  "login through the organisation's identity provider (%s)",
  (kind) => {
    const database = useTestDatabase(kind);
    let t: TestApp;
    let idp: RunningIdp;
    let otherIdp: RunningIdp;
    let forging: ForgingIdp;
    let forgingProviderId: string;
    let unreachableProviderId: string;
    let orgId: string;
    let providerId: string;
    let linaId: string;

    const identities = [
      { sub: "lina", name: "Lina Ek", hsaId: "SE2321000016-lina1" },
      { sub: "low", name: "Låg Nivå", hsaId: "SE2321000016-low1", acr: loa2 },
      { sub: "stranger", name: "Okänd Person", hsaId: "SE2321000016-none9" },
    ];

    beforeAll(async () => {
      process.env[secretEnv] = "test-client-secret-not-real";
      const clients = [
        { clientId: "frid", clientSecret: process.env[secretEnv], redirectUris: [fridCallback] },
        { clientId: "another-client", clientSecret: "another", redirectUris: [fridCallback] },
      ];
      idp = await startIdp({ identities, clients });
      // Another provider Frid's client is known to, and one that issues expired ID tokens.
      otherIdp = await startIdp({ identities, clients });
      forging = await startForgingIdp({ sub: "lina", [hsaClaim]: "SE2321000016-lina1", acr: loa3 });
      t = await buildTestApp(database(), { FRID_PUBLIC_URL: `http://${fridHost}` });
      const { owner } = database();
      orgId = (await buildOrg(owner)).id;
      const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
      const lina = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
      const low = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
      linaId = lina.id;
      const addProvider = async (issuer: string, name: string) =>
        (
          await owner
            .insertInto("identity_provider")
            .values({
              org_id: orgId,
              display_name: name,
              issuer,
              client_id: "frid",
              client_secret_env: secretEnv,
              scopes: "openid profile hsa",
              identifier_kind: "hsa_id",
              identifier_claim: hsaClaim,
              acr_values: [loa3],
              created_by: admin.id,
              updated_by: admin.id,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      forgingProviderId = await addProvider(forging.issuer, "Förfalskande");
      unreachableProviderId = await addProvider("http://127.0.0.1:9", "Tyst");
      ({ id: providerId } = await owner
        .insertInto("identity_provider")
        .values({
          org_id: orgId,
          display_name: "Test-IdP",
          issuer: idp.issuer,
          client_id: "frid",
          client_secret_env: secretEnv,
          scopes: "openid profile hsa",
          identifier_kind: "hsa_id",
          identifier_claim: hsaClaim,
          acr_values: [loa3],
          created_by: admin.id,
          updated_by: admin.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow());
      await owner
        .insertInto("account_identifier")
        .values([
          {
            org_id: orgId,
            user_id: lina.id,
            kind: "hsa_id",
            value: "SE2321000016-LINA1",
            created_by: admin.id,
          },
          {
            org_id: orgId,
            user_id: low.id,
            kind: "hsa_id",
            value: "SE2321000016-LOW1",
            created_by: admin.id,
          },
        ])
        .execute();
    });
    afterAll(async () => {
      await t?.close();
      await idp?.close();
      await otherIdp?.close();
      await forging?.close();
    });

    const events = (action: string) =>
      database()
        .owner.selectFrom("audit_event")
        .select(["actor_user_id", "outcome", "data"])
        .where("action", "=", action)
        .where("org_id", "=", orgId)
        .orderBy("id")
        .execute();
    const refusals = async () =>
      (await events("login.oidc_failed")).map((e) => (e.data as { why: string }).why);

    it("logs in at LoA3 without a one-time code, in a new session", async () => {
      const { res } = await loginThroughProvider(t.app, providerId, "lina");
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/");
      const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
      const session = cookies.find((c) => c.startsWith("frid_session="))?.split(";")[0] as string;
      expect(cookies.find((c) => c.startsWith("frid_session="))).toContain("SameSite=Strict");
      const me = await t.app.inject({
        method: "GET",
        url: "/api/me",
        headers: { cookie: session },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.id).toBe(linaId);
      const succeeded = await events("login.oidc_succeeded");
      expect(succeeded).toEqual([
        { actor_user_id: linaId, outcome: "allowed", data: { providerId, acr: loa3 } },
      ]);
    });

    it("refuses an identity no account has, with the Swedish message, audited", async () => {
      const { res } = await loginThroughProvider(t.app, providerId, "stranger");
      expect(res.statusCode).toBe(403);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain(
        "Det finns inget konto i Frid för den här inloggningen. Kontakta din administratör.",
      );
      expect(await refusals()).toContain("unknown_identity");
    });

    it("refuses a login at a lower level than the provider requires", async () => {
      const { res } = await loginThroughProvider(t.app, providerId, "low");
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain("för låg tillitsnivå");
      expect(await refusals()).toContain("acr_too_low");
    });

    const callbackWith = (url: string, change: (u: URL) => void) => {
      const u = new URL(url);
      change(u);
      return u.href;
    };
    const sessionOf = (res: { headers: Record<string, unknown> }) =>
      ([] as string[])
        .concat((res.headers["set-cookie"] as string[] | undefined) ?? [])
        .find((c) => c.startsWith("frid_session="))
        ?.split(";")[0];

    it("refuses a wrong state, another browser and a replayed callback, each audited", async () => {
      const started = await startLogin(t.app, providerId);
      const back = await throughProvider(started.location as string, "lina");
      const wrongState = await callback(
        t.app,
        callbackWith(back, (u) => u.searchParams.set("state", "forged-state")),
        started.binding,
      );
      expect(wrongState.statusCode).toBe(400);
      expect(wrongState.body).toContain("Börja om från inloggningssidan");
      const otherBrowser = await callback(t.app, back, "frid_oidc=another-browser");
      expect(otherBrowser.statusCode).toBe(400);
      const ok = await callback(t.app, back, started.binding);
      expect(ok.statusCode).toBe(303);
      const replayed = await callback(t.app, back, started.binding);
      expect(replayed.statusCode).toBe(400);
      expect(sessionOf(replayed)).toBeUndefined();
      expect(await refusals()).toEqual(
        expect.arrayContaining(["browser_mismatch", "attempt_used"]),
      );
      // An unknown state names no organisation: its event is the system's.
      const unknown = await database()
        .owner.selectFrom("audit_event")
        .select("data")
        .where("action", "=", "login.oidc_failed")
        .where("org_id", "is", null)
        .execute();
      expect(unknown.map((e) => e.data)).toContainEqual({
        providerId: null,
        why: "attempt_unknown",
      });
    });

    it("refuses an ID token whose nonce is not the one Frid sent", async () => {
      const started = await startLogin(t.app, providerId);
      await database()
        .owner.updateTable("oidc_login_attempt")
        .set({ nonce: "another-nonce" })
        .where("provider_id", "=", providerId)
        .where("used_at", "is", null)
        .execute();
      const back = await throughProvider(started.location as string, "lina");
      const res = await callback(t.app, back, started.binding);
      expect(res.statusCode).toBe(403);
      expect(sessionOf(res)).toBeUndefined();
      expect((await refusals()).at(-1)).toBe("token_invalid");
    });

    it("refuses an answer from another issuer (mix-up) and a code issued to another client", async () => {
      const started = await startLogin(t.app, providerId);
      const atOther = callbackWith(started.location as string, (u) => {
        u.host = new URL(otherIdp.issuer).host;
      });
      const fromOther = await callback(
        t.app,
        await throughProvider(atOther, "lina"),
        started.binding,
      );
      expect(fromOther.statusCode).toBe(403);
      expect(sessionOf(fromOther)).toBeUndefined();
      expect((await refusals()).at(-1)).toBe("token_invalid");

      const again = await startLogin(t.app, providerId);
      const forOther = callbackWith(again.location as string, (u) =>
        u.searchParams.set("client_id", "another-client"),
      );
      const res = await callback(t.app, await throughProvider(forOther, "lina"), again.binding);
      expect(res.statusCode).toBe(403);
      expect(sessionOf(res)).toBeUndefined();
      expect((await refusals()).at(-1)).toBe("provider_error");
    });

    it("refuses ID tokens from another issuer, for another audience, expired or with another nonce", async () => {
      // The honest token of the forging provider is accepted: the refusals below are the forgeries'.
      const honest = await loginThroughProvider(t.app, forgingProviderId, "lina");
      expect(honest.res.statusCode).toBe(303);
      const now = Math.floor(Date.now() / 1000);
      const forgeries: [string, (c: Record<string, unknown>) => Record<string, unknown>][] = [
        ["another issuer", (c) => ({ ...c, iss: "https://idp.angripare.example" })],
        ["another audience", (c) => ({ ...c, aud: "another-client" })],
        ["expired beyond the clock tolerance", (c) => ({ ...c, iat: now - 900, exp: now - 120 })],
        ["another nonce", (c) => ({ ...c, nonce: "not-the-one-sent" })],
        ["issued in the future", (c) => ({ ...c, iat: now + 600, exp: now + 900 })],
      ];
      for (const [what, change] of forgeries) {
        forging.forge(change);
        const { res } = await loginThroughProvider(t.app, forgingProviderId, "lina");
        expect([what, res.statusCode]).toEqual([what, 403]);
        expect(sessionOf(res)).toBeUndefined();
        expect((await refusals()).at(-1)).toBe("token_invalid");
      }
      // Within the tolerance (a provider's clock 30 seconds ahead): accepted.
      forging.forge((c) => ({ ...c, iat: now + 30, exp: now + 330 }));
      expect((await loginThroughProvider(t.app, forgingProviderId, "lina")).res.statusCode).toBe(
        303,
      );
      forging.forge((c) => c);
    });

    it("refuses a deactivated account at login, and ends its session at the next request", async () => {
      const { res } = await loginThroughProvider(t.app, providerId, "lina");
      const cookie = sessionOf(res) as string;
      const { owner } = database();
      await owner.updateTable("app_user").set({ active: false }).where("id", "=", linaId).execute();
      const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
      expect(me.statusCode).toBe(401);
      const again = await loginThroughProvider(t.app, providerId, "lina");
      expect(again.res.statusCode).toBe(403);
      expect(again.res.body).toContain("Det finns inget konto i Frid för den här inloggningen.");
      expect((await refusals()).at(-1)).toBe("inactive");
      await owner.updateTable("app_user").set({ active: true }).where("id", "=", linaId).execute();
    });

    it("refuses a disabled provider, an unknown one and one that does not answer; never a 500", async () => {
      const { owner } = database();
      const started = await startLogin(t.app, providerId);
      await owner
        .updateTable("identity_provider")
        .set({ enabled: false })
        .where("id", "=", providerId)
        .execute();
      const disabled = await startLogin(t.app, providerId);
      expect(disabled.res.statusCode).toBe(403);
      expect(disabled.res.body).toContain("avstängd");
      const back = await throughProvider(started.location as string, "lina");
      expect((await callback(t.app, back, started.binding)).statusCode).toBe(403);
      await owner
        .updateTable("identity_provider")
        .set({ enabled: true })
        .where("id", "=", providerId)
        .execute();
      expect((await startLogin(t.app, crypto.randomUUID())).res.statusCode).toBe(404);
      // A client that is not a browser gets the API's one error body.
      const api = await t.app.inject({
        method: "GET",
        url: `/api/auth/oidc/${crypto.randomUUID()}/start`,
      });
      expect(api.statusCode).toBe(404);
      expect(api.json().error).toMatchObject({
        code: "not_found",
        message: expect.stringContaining("finns inte"),
      });
      const silent = await startLogin(t.app, unreachableProviderId);
      expect(silent.res.statusCode).toBe(502);
      expect(silent.res.body).toContain("svarar inte");
      expect(await refusals()).toEqual(
        expect.arrayContaining(["provider_disabled", "provider_unreachable"]),
      );
    });

    it("lists the enabled providers for the login page without a login, and nothing more", async () => {
      const { owner } = database();
      await owner
        .updateTable("identity_provider")
        .set({ enabled: false })
        .where("id", "=", unreachableProviderId)
        .execute();
      const res = await t.app.inject({ method: "GET", url: "/api/auth/identity-providers" });
      expect(res.statusCode).toBe(200);
      const mine = res
        .json()
        .providers.filter((p: { id: string }) =>
          [providerId, forgingProviderId, unreachableProviderId].includes(p.id),
        );
      expect(mine.map((p: { displayName: string }) => p.displayName).sort()).toEqual([
        "Förfalskande",
        "Test-IdP",
      ]);
      expect(Object.keys(mine[0]).sort()).toEqual([
        "displayName",
        "id",
        "organisation",
        "protocol",
      ]);
      expect(res.body).not.toContain(idp.issuer);
    });
  },
);
