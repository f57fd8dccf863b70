import type { AddressInfo } from "node:net";
import { backchannelLogoutPath } from "../auth/oidc/addresses.ts";
import { buildTestApp, type TestApp } from "./app.ts";
import type { TestDatabase } from "./databases.ts";
import { buildOrg, buildUser } from "./factories.ts";
import { hsaClaim, loa3, type RunningIdp, startIdp } from "./oidc-idp.ts";
import { fridCallback, fridHost } from "./oidc-login.ts";

/**
 * An organisation trusting the test provider (a real oidc-provider), for the logout tests:
 * Frid listens on a real port too, so the provider can post its back-channel logout tokens
 * to it; the browser's walk still reaches Frid as `fridHost` (FRID_PUBLIC_URL).
 */
export interface OidcWorld {
  t: TestApp;
  idp: RunningIdp;
  orgId: string;
  adminId: string;
  providerId: string;
  linaId: string;
  /** Where the provider posts its logout tokens. */
  backchannelUri: string;
  close(): Promise<void>;
}

export const worldIdentities = [
  { sub: "lina", name: "Lina Ek", hsaId: "SE2321000016-lina1" },
  { sub: "stranger", name: "Okänd Person", hsaId: "SE2321000016-none9" },
];

export async function oidcWorld(database: TestDatabase): Promise<OidcWorld> {
  const t = await buildTestApp(database, { FRID_PUBLIC_URL: `http://${fridHost}` });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const port = (t.app.server.address() as AddressInfo).port;
  const backchannelUri = `http://127.0.0.1:${port}${backchannelLogoutPath}`;
  const idp = await startIdp({
    identities: worldIdentities,
    clients: [
      {
        clientId: "frid",
        redirectUris: [fridCallback],
        postLogoutRedirectUris: [`http://${fridHost}/logged-out`],
        backchannelLogoutUri: backchannelUri,
      },
    ],
  });
  const { owner } = database;
  const orgId = (await buildOrg(owner)).id;
  const admin = await buildUser(owner, orgId, [{ unitId: null, role: "administrator" }]);
  const lina = await buildUser(owner, orgId, [{ unitId: null, role: "analyst" }]);
  const { id: providerId } = await owner
    .insertInto("identity_provider")
    .values({
      org_id: orgId,
      display_name: "Test-IdP",
      issuer: idp.issuer,
      client_id: "frid",
      scopes: "openid profile hsa",
      identifier_kind: "hsa_id",
      identifier_claim: hsaClaim,
      acr_values: [loa3],
      created_by: admin.id,
      updated_by: admin.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await owner
    .insertInto("account_identifier")
    .values({
      org_id: orgId,
      user_id: lina.id,
      kind: "hsa_id",
      value: "SE2321000016-LINA1",
      created_by: admin.id,
    })
    .execute();
  return {
    t,
    idp,
    orgId,
    adminId: admin.id,
    providerId,
    linaId: lina.id,
    backchannelUri,
    close: async () => {
      await t.close();
      await idp.close();
    },
  };
}

/** The session cookie ("frid_session=…") an answer sets, if any. */
export function sessionCookieOf(res: { headers: Record<string, unknown> }): string | undefined {
  return ([] as string[])
    .concat((res.headers["set-cookie"] as string[] | string | undefined) ?? [])
    .find((c) => c.startsWith("frid_session="))
    ?.split(";")[0];
}
