import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildOrg, buildUser } from "../../testing/factories.ts";
import { type ForgingIdp, startForgingIdp } from "../../testing/forging-idp.ts";
import { hsaClaim, loa3, type RunningIdp, startIdp } from "../../testing/oidc-idp.ts";
import { fridCallback, fridHost, loginThroughProvider } from "../../testing/oidc-login.ts";
import { sessionCookieOf } from "../../testing/oidc-world.ts";

/*
 * Issue 21 item 1, key rotation while Frid runs: the real oidc-provider made again at its
 * address with a new signing key (new kid), the old one gone from its key set. Frid checks
 * the ID token's signature (relying-party.ts, enableNonRepudiationChecks). openid-client (oauth4webapi) fetches the key set again for a kid it has not seen —
 * but at most once a minute (a key set younger than 60 seconds is trusted as it is), so the
 * clock is moved on by a minute, with nothing else, to show the refetch; within the minute a
 * rotated key is refused once and Frid reads the provider again for the next login.
 */
const discovery = "/.well-known/openid-configuration";

describe.each(testDatabaseKinds)("the provider's signing keys rotated (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let idp: RunningIdp;
  let forging: ForgingIdp;
  let orgId: string;
  let providerId: string;
  let forgingProviderId: string;
  const identities = [{ sub: "lina", name: "Lina Ek", hsaId: "SE2321000016-lina5" }];
  const clients = [{ clientId: "frid", redirectUris: [fridCallback] }];

  beforeAll(async () => {
    // Only Date is faked, and it goes on with real time: the jump below is the one change.
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    idp = await startIdp({ identities, clients });
    forging = await startForgingIdp({ sub: "lina", [hsaClaim]: "SE2321000016-lina5", acr: loa3 });
    t = await buildTestApp(database(), { FRID_PUBLIC_URL: `http://${fridHost}` });
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
    const lina = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
    const add = async (issuer: string, name: string) =>
      (
        await owner
          .insertInto("identity_provider")
          .values({
            org_id: orgId,
            display_name: name,
            issuer,
            client_id: "frid",
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
    providerId = await add(idp.issuer, "Test-IdP");
    forgingProviderId = await add(forging.issuer, "Förfalskande");
    await owner
      .insertInto("account_identifier")
      .values({
        org_id: orgId,
        user_id: lina.id,
        kind: "hsa_id",
        value: "SE2321000016-LINA5",
        created_by: admin.id,
      })
      .execute();
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
    await forging?.close();
    vi.useRealTimers();
  });

  const refusals = async () =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("data")
        .where("org_id", "=", orgId)
        .where("action", "=", "login.oidc_failed")
        .orderBy("id")
        .execute()
    ).map((e) => (e.data as { why: string }).why);
  /** A new signing key (new kid) at the provider, the old one no longer published. */
  const rotate = () => {
    idp.rotateKeys();
    return { jwks: idp.hits("/jwks"), discovery: idp.hits(discovery) };
  };
  const login = async (id = providerId) => (await loginThroughProvider(t.app, id, "lina")).res;

  it("accepts an ID token signed with the provider's new key at the first login after it", async () => {
    expect((await login()).statusCode).toBe(303);
    const refusedBefore = (await refusals()).length;
    const before = rotate();
    vi.setSystemTime(Date.now() + 61_000);
    const res = await login();
    expect(res.statusCode).toBe(303);
    expect(sessionCookieOf(res)).toBeDefined();
    // The key set was fetched again; the provider's metadata was not (no restart, no rediscovery).
    expect(idp.hits("/jwks")).toBe(before.jwks + 1);
    expect(idp.hits(discovery)).toBe(before.discovery);
    expect((await refusals()).length).toBe(refusedBefore);
  });

  it("within a minute of reading the keys, a rotated key is refused once, then read again", async () => {
    const before = rotate();
    const first = await login();
    expect(first.statusCode).toBe(403);
    expect(sessionCookieOf(first)).toBeUndefined();
    expect((await refusals()).at(-1)).toBe("token_invalid");
    const next = await login();
    expect(next.statusCode).toBe(303);
    expect(idp.hits(discovery)).toBe(before.discovery + 1);
  });

  it("refuses an ID token signed by a key the provider never published, audited", async () => {
    expect((await login(forgingProviderId)).statusCode).toBe(303);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    // A key id it never published, and its own key id over another key (a forged signature),
    // also once the key set is old enough to be fetched again.
    for (const kid of [randomUUID(), forging.kid]) {
      for (const later of [0, 61_000]) {
        vi.setSystemTime(Date.now() + later);
        forging.signWith({ kid, privateKey });
        const res = await login(forgingProviderId);
        expect([kid, later, res.statusCode]).toEqual([kid, later, 403]);
        expect(sessionCookieOf(res)).toBeUndefined();
        expect((await refusals()).at(-1)).toBe("token_invalid");
      }
    }
    forging.signWith(null);
    expect((await login(forgingProviderId)).statusCode).toBe(303);
  });
});
