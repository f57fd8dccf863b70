import type { Transaction } from "kysely";
import { normaliseIdentifier } from "../../auth/oidc/identifiers.ts";
import type { Database } from "../types.ts";
import { demoHsaId, demoIdentityProvider } from "./demo-data.ts";

function hsaIdOf(username: string): string {
  const normalised = normaliseIdentifier("hsa_id", demoHsaId(username));
  if (!normalised.ok) throw new Error(`demo HSA-id of ${username}: ${normalised.message}`);
  return normalised.value;
}

/**
 * The development identity provider (`npm run dev:idp`, scripts/dev-idp.ts) as the demo
 * organisation's provider, and an HSA-id for each demo user, so a demo user can log in
 * through it as the organisation's staff would through Inera's (README).
 */
export async function seedDemoIdentityProvider(
  trx: Transaction<Database>,
  orgId: string,
  users: { id: string; username: string }[],
) {
  const admin = users.find((u) => u.username === "admin")?.id as string;
  await trx
    .insertInto("identity_provider")
    .values({
      org_id: orgId,
      display_name: demoIdentityProvider.displayName,
      issuer: demoIdentityProvider.issuer,
      client_id: demoIdentityProvider.clientId,
      scopes: "openid profile hsa",
      identifier_kind: "hsa_id",
      identifier_claim: "urn:sambi:names:attribute:hsaIdentity",
      acr_values: ["http://id.elegnamnden.se/loa/1.0/loa3"],
      created_by: admin,
      updated_by: admin,
    })
    .execute();
  await trx
    .insertInto("account_identifier")
    .values(
      users.map((u) => ({
        org_id: orgId,
        user_id: u.id,
        kind: "hsa_id" as const,
        // Stored as a login's claim is compared: the one normalising (auth/oidc/identifiers.ts).
        value: hsaIdOf(u.username),
        created_by: admin,
      })),
    )
    .execute();
}
