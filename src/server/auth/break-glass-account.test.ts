import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUser,
  login,
  type Session,
  testPassword,
} from "../testing/factories.ts";
import { race } from "../testing/race.ts";
import { SoftAuthenticator } from "../testing/soft-authenticator.ts";
import { generateTotpSecret, totp } from "./totp.ts";

/*
 * Issue 21 item 4: with local passwords off, the organisation keeps one way in when its
 * identity provider is down — an active break-glass administrator with a hardware key — and
 * that account's second factor is the key, never a one-time code.
 */
const publicUrl = "https://frid.example.se";
const rpId = "frid.example.se";
const secret = generateTotpSecret();

describe.each(testDatabaseKinds)("the break-glass account (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let admin: Session;
  beforeAll(async () => {
    t = await buildTestApp(database(), { FRID_PUBLIC_URL: publicUrl });
    orgId = (await buildOrg(database().owner)).id;
    admin = await login(t.app, (await administrator()).username);
  });
  afterAll(() => t?.close());

  const administrator = () =>
    buildUser(database().owner, orgId, [{ unitId: null, role: "administrator" }]);
  const req = (
    s: Session,
    method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });
  const policy = (localPasswords: boolean) =>
    req(admin, "PUT", "/api/admin/login-policy", { localPasswords });
  const mark = (userId: string, breakGlass: boolean) =>
    req(admin, "PUT", `/api/admin/users/${userId}/break-glass`, { breakGlass });
  const whys = async (userId: string, action: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("data")
        .where("actor_user_id", "=", userId)
        .where("action", "=", action)
        .orderBy("id")
        .execute()
    ).map((e) => (e.data as { why?: string }).why);

  /** An administrator marked break-glass, with a key of the device's own (and the key's id). */
  async function keeper() {
    const user = await administrator();
    const s = await login(t.app, user.username);
    const key = new SoftAuthenticator(rpId, publicUrl);
    const options = await req(s, "POST", "/api/me/keys/options", { password: testPassword });
    const added = await req(s, "POST", "/api/me/keys", {
      name: "Nödnyckel",
      credential: key.register(options.json()),
    });
    expect(added.statusCode).toBe(201);
    expect((await mark(user.id, true)).statusCode).toBe(200);
    // A code app beside the key, so the key is never the account's last second factor (a
    // refusal of its own, keys.ts). Written as plaintext: read as it is (field-cipher.ts).
    await database()
      .owner.updateTable("app_user")
      .set({ totp_secret: secret, mfa_enrolled_at: new Date() })
      .where("id", "=", user.id)
      .execute();
    return { user, key, keyId: (added.json() as { id: string }).id, session: s };
  }

  /** The earlier tests' break-glass accounts step aside: only these are ways in. */
  const onlyKeepers = (...ids: string[]) =>
    database()
      .owner.updateTable("app_user")
      .set({ break_glass: false })
      .where("org_id", "=", orgId)
      .where("id", "not in", ids)
      .execute();

  /** The password step's session, waiting for the second factor. */
  async function waitingSession(username: string): Promise<Session> {
    const step = await passwordStep(username);
    expect(step.json().state).toBe("mfa_required");
    return {
      cookie: String(step.headers["set-cookie"]).split(";")[0] as string,
      csrfToken: step.json().csrfToken,
    };
  }

  async function passwordStep(username: string) {
    return t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: testPassword },
    });
  }

  it("marks only an active administrator as the break-glass account", async () => {
    const analyst = await buildUser(database().owner, orgId, [{ unitId: null, role: "analyst" }]);
    const refused = await mark(analyst.id, true);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.breakGlass).toBe(
      "Nödkontot måste vara en aktiv systemförvaltare.",
    );
    const gone = await administrator();
    await req(admin, "PATCH", `/api/admin/users/${gone.id}`, { active: false });
    expect((await mark(gone.id, true)).statusCode).toBe(400);
  });

  it("keeps passwords on while no break-glass administrator has a hardware key", async () => {
    const bare = await administrator();
    expect((await mark(bare.id, true)).statusCode).toBe(200);
    const refused = await policy(false);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("nödkonto");
    expect((await req(admin, "GET", "/api/admin/login-policy")).json()).toEqual({
      localPasswords: true,
    });
    expect((await mark(bare.id, false)).statusCode).toBe(200);
  });

  it("asks the break-glass account for its key, never a code, while passwords are off", async () => {
    const k = await keeper();
    // Its code app works while passwords are on, and is refused once they are off.
    const before = await waitingSession(k.user.username);
    expect((await req(before, "GET", "/api/auth/mfa/methods")).json()).toEqual({
      totp: true,
      keys: true,
    });
    const codeBefore = await req(before, "POST", "/api/auth/mfa", { code: totp(secret) });
    expect(codeBefore.statusCode).toBe(200);
    expect((await policy(false)).statusCode).toBe(200);
    try {
      const waiting = await waitingSession(k.user.username);
      const methods = await req(waiting, "GET", "/api/auth/mfa/methods");
      expect(methods.json()).toEqual({ totp: false, keys: true });
      const code = await req(waiting, "POST", "/api/auth/mfa", { code: totp(secret) });
      expect(code.statusCode).toBe(403);
      expect(code.json().error.message).toContain("säkerhetsnyckel");
      expect(await whys(k.user.id, "login.mfa_failed")).toEqual(["key_only"]);
      const options = await req(waiting, "POST", "/api/auth/webauthn/options");
      const signed = await req(waiting, "POST", "/api/auth/webauthn", {
        credential: k.key.assert(options.json()),
      });
      expect(signed.statusCode).toBe(200);
      expect(signed.json().state).toBe("authenticated");
    } finally {
      await policy(true);
    }
  });

  it("refuses the password of a break-glass account without a hardware key, uncounted", async () => {
    const k = await keeper();
    const bare = await administrator();
    expect((await mark(bare.id, true)).statusCode).toBe(200);
    expect((await policy(false)).statusCode).toBe(200);
    try {
      const refused = await passwordStep(bare.username);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toContain("ingen säkerhetsnyckel");
      expect(await whys(bare.id, "login.failed")).toEqual(["break_glass_without_key"]);
      const failures = await database()
        .owner.selectFrom("app_user")
        .select("failed_logins")
        .where("id", "=", bare.id)
        .executeTakeFirstOrThrow();
      expect(failures.failed_logins).toBe(0);
      expect((await passwordStep(k.user.username)).json().state).toBe("mfa_required");
    } finally {
      await policy(true);
    }
  });

  it("refuses every change that would take the last way in away, while passwords are off", async () => {
    const k = await keeper();
    await onlyKeepers(k.user.id);
    expect((await policy(false)).statusCode).toBe(200);
    try {
      const keyGone = await req(k.session, "DELETE", `/api/me/keys/${k.keyId}`);
      expect(keyGone.statusCode).toBe(409);
      expect(keyGone.json().error.message).toContain("nödkonto");
      const changes = [
        () => mark(k.user.id, false),
        () => req(admin, "PATCH", `/api/admin/users/${k.user.id}`, { active: false }),
        () => req(admin, "POST", `/api/admin/users/${k.user.id}/mfa-reset`),
      ];
      for (const change of changes) {
        const res = await change();
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().error.message).toContain("nödkonto");
      }
      const role = await database()
        .owner.selectFrom("role_assignment")
        .select("id")
        .where("user_id", "=", k.user.id)
        .executeTakeFirstOrThrow();
      expect(
        (await req(admin, "DELETE", `/api/admin/role-assignments/${role.id}`)).statusCode,
      ).toBe(409);
      // Nothing was changed: the account still logs in with its key.
      expect((await passwordStep(k.user.username)).json().state).toBe("mfa_required");
    } finally {
      await policy(true);
    }
    // With passwords on again, the same key may go.
    expect((await req(k.session, "DELETE", `/api/me/keys/${k.keyId}`)).statusCode).toBe(204);
  });

  it("lets one of two break-glass accounts go, never both at once", async () => {
    const [a, b] = [await keeper(), await keeper()];
    await onlyKeepers(a.user.id, b.user.id);
    expect((await policy(false)).statusCode).toBe(200);
    try {
      const both = await race(2, (i) => {
        const k = i === 0 ? a : b;
        return req(k.session, "DELETE", `/api/me/keys/${k.keyId}`);
      });
      expect(both.counts).toEqual({ 204: 1, 409: 1 });
    } finally {
      await policy(true);
    }
  });
});
