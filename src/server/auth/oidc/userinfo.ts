import * as client from "openid-client";
import type { Config } from "../../config.ts";
import { OidcRefused } from "./refusals.ts";
import { clientConfiguration, type ProviderRow } from "./relying-party.ts";

type Provider = NonNullable<ProviderRow>;
export type IdentityClaims = client.IDToken & Record<string, unknown>;

/**
 * The claims that name the person for the account match. Many providers (Azure AD, brokers
 * for Freja eID and BankID) put the HSA-id or the personal identity number only at their
 * userinfo endpoint, not in the ID token: then Frid asks there, with the access token it
 * was just given, and takes the answer only for the ID token's own subject — a userinfo
 * answer about someone else is refused and audited (`userinfo_mismatch`), never matched.
 * No endpoint, no access token or no answer: `identifier_missing`, as if the claim were
 * simply absent. Only the identifying claim (and `email_verified` with it) is taken from
 * userinfo; everything else, the assurance level first, stays the signed ID token's.
 */
export async function identifyingClaims(
  config: Config,
  provider: Provider,
  claims: IdentityClaims,
  accessToken: string | undefined,
): Promise<IdentityClaims> {
  const claim = provider.identifier_claim;
  if (claims[claim] !== undefined) return claims;
  const context = { providerId: provider.id, orgId: provider.org_id };
  const missing = (why: string) =>
    new OidcRefused("identifier_missing", context, `${claim}: ${why}`);
  const configuration = await clientConfiguration(config, provider);
  if (!configuration.serverMetadata().userinfo_endpoint)
    throw missing("not in the ID token, and the provider has no userinfo endpoint");
  if (!accessToken) throw missing("not in the ID token, and no access token for userinfo");
  let answer: client.UserInfoResponse;
  try {
    answer = await client.fetchUserInfo(configuration, accessToken, claims.sub);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (
      error instanceof client.ClientError &&
      error.code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED"
    )
      throw new OidcRefused("userinfo_mismatch", context, `userinfo sub differs: ${detail}`);
    throw missing(`userinfo failed: ${detail}`);
  }
  return {
    ...claims,
    [claim]: answer[claim],
    ...(claim === "email" ? { email_verified: answer.email_verified } : {}),
  };
}
