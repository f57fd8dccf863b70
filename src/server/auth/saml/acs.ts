import type { Profile } from "@node-saml/node-saml";
import type { RequestMeta } from "../../access/actor.ts";
import type { LoginRefusal } from "../../audit/events/identity.ts";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { SamlRefused } from "../oidc/refusals.ts";
import { clockToleranceSeconds, hashOf } from "../oidc/relying-party.ts";
import { matchAccount, openProviderSession, type ProviderSessionNames } from "../provider-login.ts";
import { assertionFacts, checkAssertion } from "./assertion.ts";
import {
  type SamlProvider,
  samlFor,
  samlProviderById,
  serviceProvider,
  spKeyFor,
} from "./service-provider.ts";

type Attempt = { provider_id: string; org_id: string; request_id: string };

/**
 * The IdP posted its answer (HTTP-POST binding). The attempt is taken once, only in the
 * browser that began it, within its ten minutes; node-saml checks the XML signature (a
 * signed assertion, by one of the provider's certificates), the audience and the time
 * window; Frid checks the rest (assertion.ts); the assertion id is recorded so it is never
 * accepted again; and the identifier is matched to an active account. No account is created.
 */
export async function finishSamlLogin(
  config: Config,
  database: DatabaseHandle,
  input: {
    samlResponse: string | undefined;
    relayState: string | undefined;
    binding: string | undefined;
  },
  meta: RequestMeta,
): Promise<{ sessionId: string }> {
  const attempt = await takeAttempt(database, input.relayState, input.binding);
  const context = { providerId: attempt.provider_id, orgId: attempt.org_id };
  const provider = await samlProviderById(database, attempt.provider_id);
  if (!provider.enabled) throw new SamlRefused("provider_disabled", context);
  if (!input.samlResponse) throw new SamlRefused("response_invalid", context, "no SAMLResponse");
  const profile = await validated(config, provider, input.samlResponse);
  const facts = assertionFacts(profile);
  checkAssertion(facts, {
    provider,
    acsUrl: serviceProvider(config, provider).acsUrl,
    requestId: attempt.request_id,
  });
  await recordAssertion(database, provider, facts.id, facts.notOnOrAfter);
  const raw =
    provider.identifier_claim === "NameID"
      ? profile.nameID
      : facts.attribute(provider.identifier_claim);
  const user = await matchAccount(database, provider, raw);
  return openProviderSession(
    config,
    database,
    provider,
    user.id,
    meta,
    {
      action: "login.saml_succeeded",
      resourceType: "session",
      data: { providerId: provider.id, authnContextClassRef: facts.authnContextClassRef },
    },
    samlSessionNames(profile),
  );
}

/**
 * The IdP's session as the assertion named it, kept for single logout (logout.ts): a
 * LogoutRequest names the person exactly so, and the IdP's own names these sessions.
 * Longer values than the columns take are not kept (that session's logout is then Frid's).
 */
function samlSessionNames(profile: Profile): ProviderSessionNames {
  const fits = (v: unknown, max: number) =>
    typeof v === "string" && v.length > 0 && v.length <= max ? v : null;
  const nameId = fits(profile.nameID, 500);
  return {
    provider_sub: nameId,
    provider_sid: nameId ? fits(profile.sessionIndex, 500) : null,
    provider_name_id_format: nameId ? fits(profile.nameIDFormat, 200) : null,
    provider_name_qualifier: nameId ? fits(profile.nameQualifier, 500) : null,
    provider_sp_name_qualifier: nameId ? fits(profile.spNameQualifier, 500) : null,
  };
}

async function takeAttempt(
  database: DatabaseHandle,
  relayState: string | undefined,
  binding: string | undefined,
): Promise<Attempt> {
  const none = { providerId: null, orgId: null };
  if (!relayState) throw new SamlRefused("attempt_unknown", none);
  const hash = hashOf(relayState);
  const found = await database.db
    .selectFrom("saml_login_attempt")
    .select(["provider_id", "org_id", "browser_hash", "expires_at"])
    .where("relay_state_hash", "=", hash)
    .executeTakeFirst();
  if (!found) throw new SamlRefused("attempt_unknown", none);
  const context = { providerId: found.provider_id, orgId: found.org_id };
  if (!binding || hashOf(binding) !== found.browser_hash)
    throw new SamlRefused("browser_mismatch", context);
  // Taken in one statement: of two answers at once, one finds it unused.
  const taken = await database.db
    .updateTable("saml_login_attempt")
    .set({ used_at: new Date() })
    .where("relay_state_hash", "=", hash)
    .where("used_at", "is", null)
    .returning(["provider_id", "org_id", "request_id"])
    .executeTakeFirst();
  if (!taken) throw new SamlRefused("attempt_used", context);
  if (found.expires_at.getTime() < Date.now()) throw new SamlRefused("attempt_expired", context);
  return taken;
}

/**
 * Whether the Response carries its assertion encrypted; refused when the provider requires
 * it and the assertion came in plain text (ADR 0032). Read from the XML text before
 * node-saml: a plain assertion cannot be written without its start tag, so a Response in
 * which one appears anywhere (even in a comment) is refused, never let through.
 */
function encryptedAssertion(provider: SamlProvider, xml: string): boolean {
  const plain = /<(?:[^\s<>!?/:]+:)?Assertion[\s>/]/.test(xml);
  const encrypted = /<(?:[^\s<>!?/:]+:)?EncryptedAssertion[\s>/]/.test(xml);
  if (provider.saml_want_encrypted && (plain || !encrypted))
    throw new SamlRefused(
      "assertion_not_encrypted",
      { providerId: provider.id, orgId: provider.org_id },
      plain ? "plain assertion" : "no assertion",
    );
  return encrypted && !plain;
}

/** node-saml's checks; each of its errors named as the refusal it is. */
async function validated(config: Config, provider: SamlProvider, samlResponse: string) {
  const context = { providerId: provider.id, orgId: provider.org_id };
  const encrypted = encryptedAssertion(
    provider,
    Buffer.from(samlResponse, "base64").toString("utf8"),
  );
  let result: Awaited<ReturnType<ReturnType<typeof samlFor>["validatePostResponseAsync"]>>;
  const key = await spKeyFor(config, provider);
  try {
    result = await samlFor(config, provider, key).validatePostResponseAsync({
      SAMLResponse: samlResponse,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SamlRefused(refusalOf(detail, encrypted), context, detail);
  }
  if (!result.profile) throw new SamlRefused("response_invalid", context, "no assertion");
  return result.profile as Profile;
}

function refusalOf(message: string, encrypted: boolean): LoginRefusal {
  if (/signature/i.test(message)) return "signature_invalid";
  if (/audience/i.test(message)) return "audience_mismatch";
  if (/not yet valid|expired/i.test(message)) return "assertion_expired";
  if (/SAML provider returned/.test(message)) return "provider_error";
  // What else fails in an encrypted one is opening it: another key, a broken cipher text.
  return encrypted ? "decryption_failed" : "response_invalid";
}

/**
 * The assertion's id, kept until its time is over (then no one could use it anyway): an id
 * already there is a replay. The insert is the check, so two posts at once cannot both pass.
 */
async function recordAssertion(
  database: DatabaseHandle,
  provider: SamlProvider,
  assertionId: string,
  notOnOrAfter: Date,
): Promise<void> {
  const inserted = await database.db
    .insertInto("saml_assertion_seen")
    .values({
      assertion_id: assertionId,
      provider_id: provider.id,
      not_on_or_after: new Date(notOnOrAfter.getTime() + clockToleranceSeconds * 1000),
    })
    .onConflict((oc) => oc.column("assertion_id").doNothing())
    .returning("assertion_id")
    .executeTakeFirst();
  if (!inserted)
    throw new SamlRefused(
      "assertion_replayed",
      { providerId: provider.id, orgId: provider.org_id },
      assertionId.slice(0, 100),
    );
}
