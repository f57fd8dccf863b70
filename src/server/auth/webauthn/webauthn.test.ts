import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
  testPassword,
} from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { SoftAuthenticator } from "../../testing/soft-authenticator.ts";
import { generateTotpSecret, totp } from "../totp.ts";

const publicUrl = "https://frid.example.se";
const rpId = "frid.example.se";

describe.each(testDatabaseKinds)("security keys as the second factor (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  afterEach(() => t?.close());
  beforeAll(async () => {
    orgId = (await buildOrg(database().owner)).id;
    unitId = (await buildUnit(database().owner, orgId)).id;
  });
  const user = () => buildUser(database().owner, orgId, [{ unitId, role: "caseworker" }]);
  const app = (env: Record<string, string> = {}) =>
    buildTestApp(database(), { FRID_PUBLIC_URL: publicUrl, ...env });
  const auditOf = (userId: string, prefix: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["action", "outcome", "data"])
      .where((eb) => eb.or([eb("actor_user_id", "=", userId), eb("resource_id", "=", userId)]))
      .where("action", "like", `${prefix}%`)
      .orderBy("id")
      .execute();

  const post = (s: Session, url: string, payload: unknown = {}) =>
    t.app.inject({ method: "POST", url, headers: as(s), payload: payload as object });

  /** Adds a key through the API as the account page does: password, options, the key's answer. */
  async function registerKey(s: Session, key: SoftAuthenticator, name = "Gul nyckel") {
    const options = await post(s, "/api/me/keys/options", { password: testPassword });
    expect(options.statusCode).toBe(200);
    const res = await post(s, "/api/me/keys", {
      name,
      credential: key.register(options.json()),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  }

  /** The password step of a user with a key: the session waits for the second factor. */
  async function passwordStep(username: string): Promise<Session> {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: testPassword },
    });
    expect(res.json().state).toBe("mfa_required");
    return {
      cookie: String(res.headers["set-cookie"]).split(";")[0] as string,
      csrfToken: res.json().csrfToken,
    };
  }

  it("answers 401 to every key route without a session, and 400 to bad input", async () => {
    t = await app();
    const routes = [
      ["GET", "/api/me/keys"],
      ["POST", "/api/me/keys/options"],
      ["POST", "/api/me/keys"],
      ["PATCH", "/api/me/keys/00000000-0000-4000-8000-000000000000"],
      ["DELETE", "/api/me/keys/00000000-0000-4000-8000-000000000000"],
      ["GET", "/api/auth/mfa/methods"],
      ["POST", "/api/auth/webauthn/options"],
      ["POST", "/api/auth/webauthn"],
    ] as const;
    for (const [method, url] of routes) {
      expect((await t.app.inject({ method, url, payload: {} })).statusCode, url).toBe(401);
    }
    const u = await user();
    const s = await login(t.app, u.username);
    const empty = await post(s, "/api/me/keys/options", { password: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.password).toBe("Ange ditt lösenord.");
    const noName = await post(s, "/api/me/keys", { name: " ", credential: {} });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields.name).toContain("Ge nyckeln ett namn");
    const badId = await t.app.inject({
      method: "PATCH",
      url: "/api/me/keys/nej",
      headers: as(s),
      payload: { name: "x" },
    });
    expect(badId.statusCode).toBe(400);
  });

  it("adds a key only after the password again, then lists, renames and audits it", async () => {
    t = await app();
    const u = await user();
    const s = await login(t.app, u.username);
    const wrong = await post(s, "/api/me/keys/options", { password: "inte lösenordet" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.password).toBe("Lösenordet stämmer inte.");

    const options = await post(s, "/api/me/keys/options", { password: testPassword });
    expect(options.json()).toMatchObject({
      rp: { id: rpId, name: "Frid" },
      user: { name: u.username },
      attestation: "none",
      excludeCredentials: [],
    });
    const key = new SoftAuthenticator(rpId, publicUrl);
    const added = await post(s, "/api/me/keys", {
      name: "Gul nyckel",
      credential: key.register(options.json()),
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      name: "Gul nyckel",
      lastUsedAt: null,
      deviceType: "singleDevice",
      backedUp: false,
    });
    const keyId = added.json().id as string;

    // A second key is offered the first as one to exclude (the same key twice is pointless).
    const again = await post(s, "/api/me/keys/options", { password: testPassword });
    expect(again.json().excludeCredentials).toEqual([
      { id: key.id, type: "public-key", transports: ["usb"] },
    ]);

    const renamed = await t.app.inject({
      method: "PATCH",
      url: `/api/me/keys/${keyId}`,
      headers: as(s),
      payload: { name: "Nyckel på nyckelknippan" },
    });
    expect(renamed.json().name).toBe("Nyckel på nyckelknippan");
    const list = await t.app.inject({ method: "GET", url: "/api/me/keys", headers: as(s) });
    expect(list.json()).toEqual({
      keys: [expect.objectContaining({ id: keyId, name: "Nyckel på nyckelknippan" })],
      totpEnrolled: false,
    });
    expect(await auditOf(u.id, "mfa.key")).toEqual([
      {
        action: "mfa.key_registration_failed",
        outcome: "denied",
        data: { why: "bad_password" },
      },
      { action: "mfa.key_registered", outcome: "allowed", data: { keyId } },
      { action: "mfa.key_renamed", outcome: "allowed", data: { keyId } },
    ]);
  });

  it("refuses a registration for another site, a used or expired challenge and a known key", async () => {
    t = await app();
    const u = await user();
    const s = await login(t.app, u.username);
    const key = new SoftAuthenticator(rpId, publicUrl);
    const start = async () =>
      (await post(s, "/api/me/keys/options", { password: testPassword })).json();

    const phished = await post(s, "/api/me/keys", {
      name: "Nyckel",
      credential: key.register(await start(), { origin: "https://frid-example.se" }),
    });
    expect(phished.statusCode).toBe(400);
    expect(phished.json().error.fields.credential).toContain("kunde inte kontrolleras");

    // The refused answer used the challenge up: answering it again finds none.
    const first = await start();
    const ok = await post(s, "/api/me/keys", { name: "Nyckel", credential: key.register(first) });
    expect(ok.statusCode).toBe(201);
    const replay = await post(s, "/api/me/keys", {
      name: "Nyckel",
      credential: key.register(first),
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.fields.credential).toContain("redan besvarad");

    const late = await start();
    await database()
      .owner.updateTable("webauthn_challenge")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const expired = await post(s, "/api/me/keys", {
      name: "Nyckel",
      credential: key.register(late),
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.fields.credential).toContain("det gick mer än 5 minuter");

    const twice = await post(s, "/api/me/keys", {
      name: "Samma nyckel",
      credential: key.register(await start()),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe("Den här nyckeln är redan registrerad.");
    expect((await auditOf(u.id, "mfa.key_registration_failed")).map((e) => e.data)).toEqual([
      { why: "not_verified" },
      { why: "no_challenge" },
      { why: "expired_challenge" },
      { why: "already_registered" },
    ]);
  });

  it("logs in with a key instead of the code: the session rotates as after a code", async () => {
    t = await app();
    const u = await user();
    const key = new SoftAuthenticator(rpId, publicUrl);
    const { id: keyId } = await registerKey(await login(t.app, u.username), key);
    await t.close();
    // Outside demo mode a key alone is a second factor: no code app is asked for.
    t = await app({ FRID_DEMO: "false" });

    const pending = await passwordStep(u.username);
    const methods = await t.app.inject({
      method: "GET",
      url: "/api/auth/mfa/methods",
      headers: { cookie: pending.cookie },
    });
    expect(methods.json()).toEqual({ totp: false, keys: true });
    const options = await post(pending, "/api/auth/webauthn/options");
    expect(options.json()).toMatchObject({
      rpId,
      allowCredentials: [{ id: key.id, type: "public-key" }],
    });
    const done = await post(pending, "/api/auth/webauthn", {
      credential: key.assert(options.json()),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ state: "authenticated", csrfToken: expect.any(String) });
    const cookie = String(done.headers["set-cookie"]).split(";")[0] as string;
    expect(cookie).not.toBe(pending.cookie);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.json().user.id).toBe(u.id);
    const old = await t.app.inject({
      method: "GET",
      url: "/api/auth/mfa/methods",
      headers: { cookie: pending.cookie },
    });
    expect(old.statusCode).toBe(401);
    const used = await database()
      .owner.selectFrom("webauthn_credential")
      .select(["counter", "last_used_at"])
      .where("id", "=", keyId)
      .executeTakeFirstOrThrow();
    expect(used.counter).toBe(1);
    expect(used.last_used_at).toBeInstanceOf(Date);
    expect(await auditOf(u.id, "login.mfa")).toEqual([
      { action: "login.mfa_succeeded", outcome: "allowed", data: { method: "webauthn", keyId } },
    ]);
  });

  it("refuses a replayed answer, a counter gone back, another's key, an expired challenge", async () => {
    t = await app();
    const [u, other] = [await user(), await user()];
    const key = new SoftAuthenticator(rpId, publicUrl);
    const othersKey = new SoftAuthenticator(rpId, publicUrl);
    await registerKey(await login(t.app, u.username), key);
    await registerKey(await login(t.app, other.username), othersKey);

    const loginWithKey = async () => {
      const waiting = await passwordStep(u.username);
      const options = (await post(waiting, "/api/auth/webauthn/options")).json();
      return post(waiting, "/api/auth/webauthn", { credential: key.assert(options) });
    };
    expect((await loginWithKey()).statusCode).toBe(200);

    const pending = await passwordStep(u.username);
    const keyLogin = (credential: unknown) => post(pending, "/api/auth/webauthn", { credential });
    const options = async () => (await post(pending, "/api/auth/webauthn/options")).json();

    // No challenge asked yet: nothing to answer.
    const unasked = await keyLogin(key.assert({ challenge: "aGVq" }));
    const foreign = await keyLogin(othersKey.assert(await options()));
    const first = await options();
    const wrongSite = await keyLogin(key.assert(first, { origin: "https://frid.example.com" }));
    const replayed = await keyLogin(key.assert(first));
    // The key signed once (counter 1) above: an answer counting 1 again is a copy's.
    const copied = await keyLogin(key.assert(await options(), { counter: 1 }));
    const late = await options();
    await database()
      .owner.updateTable("webauthn_challenge")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const expired = await keyLogin(key.assert(late));
    for (const res of [unasked, foreign, wrongSite, replayed, copied, expired]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: "invalid_credentials",
        message: expect.stringContaining("Säkerhetsnyckeln godtogs inte"),
      });
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    // The key still works, with a counter that moves on, and only once per challenge.
    const right = await options();
    expect((await keyLogin(key.assert(right))).statusCode).toBe(200);
    expect((await auditOf(u.id, "login.mfa")).map((e) => e.data)).toEqual([
      { method: "webauthn", keyId: expect.any(String) },
      { method: "webauthn", why: "no_challenge" },
      { method: "webauthn", why: "unknown_key" },
      { method: "webauthn", why: "not_verified" },
      { method: "webauthn", why: "no_challenge" },
      { method: "webauthn", why: "counter_went_back" },
      { method: "webauthn", why: "expired_challenge" },
      { method: "webauthn", keyId: expect.any(String) },
    ]);
  });

  it("removes a key, never the last second factor, and answers 404 for another's key", async () => {
    t = await app();
    const [u, other] = [await user(), await user()];
    const s = await login(t.app, u.username);
    const first = await registerKey(s, new SoftAuthenticator(rpId, publicUrl), "Första");
    const second = await registerKey(s, new SoftAuthenticator(rpId, publicUrl), "Andra");
    const remove = (session: Session, id: string) =>
      t.app.inject({ method: "DELETE", url: `/api/me/keys/${id}`, headers: as(session) });

    const intruder = await login(t.app, other.username);
    const notHers = await remove(intruder, first.id);
    expect(notHers.statusCode).toBe(404);
    const rename = await t.app.inject({
      method: "PATCH",
      url: `/api/me/keys/${first.id}`,
      headers: as(intruder),
      payload: { name: "Min nu" },
    });
    expect(rename.statusCode).toBe(404);
    expect(await auditOf(other.id, "mfa.key_denied")).toEqual([
      {
        action: "mfa.key_denied",
        outcome: "denied",
        data: { keyId: first.id, why: "not_found" },
      },
      {
        action: "mfa.key_denied",
        outcome: "denied",
        data: { keyId: first.id, why: "not_found" },
      },
    ]);

    expect((await remove(s, first.id)).statusCode).toBe(204);
    const last = await remove(s, second.id);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.message).toContain("Du kan inte ta bort din sista säkerhetsnyckel");
    // With a code app the last key may go.
    await database()
      .owner.updateTable("app_user")
      .set({ mfa_enrolled_at: new Date() })
      .where("id", "=", u.id)
      .execute();
    expect((await remove(s, second.id)).statusCode).toBe(204);
    const list = await t.app.inject({ method: "GET", url: "/api/me/keys", headers: as(s) });
    expect(list.json()).toEqual({ keys: [], totpEnrolled: true });
    expect((await auditOf(u.id, "mfa.key_")).map((e) => [e.action, e.data])).toEqual([
      ["mfa.key_registered", { keyId: first.id }],
      ["mfa.key_registered", { keyId: second.id }],
      ["mfa.key_removed", { keyId: first.id }],
      ["mfa.key_denied", { keyId: second.id, why: "last_second_factor" }],
      ["mfa.key_removed", { keyId: second.id }],
    ]);
  });

  it("removes one of the last two keys sent at once for removal: one key stays", async () => {
    t = await app();
    const u = await user();
    const s = await login(t.app, u.username);
    const keys = [
      await registerKey(s, new SoftAuthenticator(rpId, publicUrl), "Första"),
      await registerKey(s, new SoftAuthenticator(rpId, publicUrl), "Andra"),
    ];
    const removals = await race(2, (i) =>
      t.app.inject({ method: "DELETE", url: `/api/me/keys/${keys[i]?.id}`, headers: as(s) }),
    );
    expect(removals.counts).toEqual({ 204: 1, 409: 1 });
    const left = await database()
      .owner.selectFrom("webauthn_credential")
      .select("id")
      .where("user_id", "=", u.id)
      .execute();
    expect(left).toHaveLength(1);
  });

  it("logs in once when one answer is sent twice, or a code beside a key", async () => {
    t = await app();
    const u = await user();
    const key = new SoftAuthenticator(rpId, publicUrl);
    await registerKey(await login(t.app, u.username), key);
    await t.close();
    t = await app({ FRID_DEMO: "false" });
    const pending = await passwordStep(u.username);
    const answer = key.assert((await post(pending, "/api/auth/webauthn/options")).json());
    const twice = await race(2, () => post(pending, "/api/auth/webauthn", { credential: answer }));
    expect(twice.counts).toEqual({ 200: 1, 400: 1 });

    // A code app beside the key: both second factors sent at once end the wait once.
    // (Written as plaintext: a value from before sealing is read as it is, field-cipher.ts.)
    const secret = generateTotpSecret();
    await database()
      .owner.updateTable("app_user")
      .set({ totp_secret: secret, mfa_enrolled_at: new Date() })
      .where("id", "=", u.id)
      .execute();
    const again = await passwordStep(u.username);
    const keyAnswer = key.assert((await post(again, "/api/auth/webauthn/options")).json());
    const both = await race(2, (i) =>
      i === 0
        ? post(again, "/api/auth/mfa", { code: totp(secret) })
        : post(again, "/api/auth/webauthn", { credential: keyAnswer }),
    );
    expect(both.counts).toEqual({ 200: 1, 409: 1 });
    const events = await auditOf(u.id, "login.mfa_succeeded");
    expect(events).toHaveLength(2); // the first login and one of the two
  });

  it("answers 409 naming FRID_PUBLIC_URL when Frid's own address is unknown", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const s = await login(t.app, u.username);
    // Injected requests have no socket port: as a server without FRID_PUBLIC_URL in production.
    const res = await post(s, "/api/me/keys/options", { password: testPassword });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("FRID_PUBLIC_URL");
  });
});
