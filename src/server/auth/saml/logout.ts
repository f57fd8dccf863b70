import { randomBytes, verify, X509Certificate } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import type { Profile } from "@node-saml/node-saml";
import type { RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import type { SamlLogoutRefusal } from "../../audit/events/identity.ts";
import { type AuditEntry, recordAudit } from "../../audit/record.ts";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { loggedOutPath } from "../oidc/addresses.ts";
import { endProviderSessions } from "../oidc/backchannel.ts";
import { clockToleranceSeconds, providerById } from "../oidc/relying-party.ts";
import { type SamlProvider, samlFor, samlOrigin, serviceProvider } from "./service-provider.ts";
import { spKeyPair } from "./sp-key.ts";

/**
 * SAML single logout (ADR 0032), HTTP-Redirect binding both ways. Frid's logout sends the
 * browser to the IdP with a signed LogoutRequest naming the person and session exactly as the
 * assertion did; the IdP's LogoutResponse comes back to the provider's SLO address and must
 * answer a request Frid sent, once, within ten minutes. An IdP's own LogoutRequest (the person
 * logged out elsewhere) ends every Frid session it names — the back-channel logout's path —
 * and is answered with a signed LogoutResponse. Every message must carry a valid RSA
 * signature by one of the provider's certificates: node-saml lets an unsigned redirect
 * through, so Frid checks the query's signature itself, on the exact octets received.
 */
const messageMinutes = 10;
const allowedSigAlgs = new Set([
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
]);

export class SamlLogoutRefused extends Error {
  constructor(
    readonly why: SamlLogoutRefusal,
    readonly provider: { id: string; org_id: string } | null,
    readonly detail?: string,
  ) {
    super(`SAML logout refused: ${why}`);
  }
}

/** Where the browser goes to log out at the IdP too; null: the IdP offers no logout. */
export async function samlLogoutLocation(
  config: Config,
  database: DatabaseHandle,
  provider: SamlProvider,
  sessionIdHash: string,
): Promise<string | null> {
  const key = await spKeyPair(config.samlSp);
  if (!provider.saml_slo_url || !samlOrigin(config) || !key) return null;
  const session = await database.db
    .selectFrom("session")
    .select([
      "provider_sub",
      "provider_sid",
      "provider_name_id_format",
      "provider_name_qualifier",
      "provider_sp_name_qualifier",
    ])
    .where("id_hash", "=", sessionIdHash)
    .executeTakeFirst();
  if (!session?.provider_sub) return null;
  const requestId = `_${randomBytes(20).toString("hex")}`;
  const now = Date.now();
  await database.db
    .deleteFrom("saml_logout_message")
    .where("expires_at", "<", new Date(now - messageMinutes * 60_000))
    .execute();
  await database.db
    .insertInto("saml_logout_message")
    .values({
      message_id: requestId,
      direction: "sent",
      provider_id: provider.id,
      org_id: provider.org_id,
      expires_at: new Date(now + messageMinutes * 60_000),
    })
    .execute();
  const person = {
    issuer: provider.saml_entity_id ?? "",
    nameID: session.provider_sub,
    nameIDFormat:
      session.provider_name_id_format ?? "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    nameQualifier: session.provider_name_qualifier ?? undefined,
    spNameQualifier: session.provider_sp_name_qualifier ?? undefined,
    sessionIndex: session.provider_sid ?? undefined,
  };
  return samlFor(config, provider, key, requestId).getLogoutUrlAsync(person as Profile, "", {});
}

type Query = Record<string, string | undefined>;

/** A message at the SLO address: its answer is where the browser goes next. */
export async function receiveSamlLogout(
  config: Config,
  database: DatabaseHandle,
  providerId: string,
  query: Query,
  rawQuery: string,
  meta: RequestMeta,
): Promise<{ location: string }> {
  const provider = await providerById(database, providerId);
  if (provider?.protocol !== "saml") throw new SamlLogoutRefused("provider_unknown", null);
  const refuse = (why: SamlLogoutRefusal, detail?: string) =>
    new SamlLogoutRefused(why, provider, detail?.slice(0, 200));
  const isRequest = query.SAMLRequest !== undefined;
  if (isRequest === (query.SAMLResponse !== undefined))
    throw refuse("malformed", "one SAMLRequest or SAMLResponse");
  signatureHolds(rawQuery, provider, refuse);
  const key = await spKeyPair(config.samlSp);
  if (!key || !samlOrigin(config)) throw refuse("malformed", "Frid has no SAML key pair");
  const xml = inflated(isRequest ? query.SAMLRequest : query.SAMLResponse, refuse);
  const saml = samlFor(config, provider, key);
  let profile: Profile | null;
  try {
    ({ profile } = await saml.validateRedirectAsync(query, rawQuery));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw refuse(refusalOf(detail), detail);
  }
  const root = rootAttributes(xml, isRequest ? "LogoutRequest" : "LogoutResponse");
  // A message meant for another SP's (or another registration's) logout is not Frid's.
  const destination = serviceProvider(config, provider).sloUrl;
  // Required, as the bindings require it of a signed message (SAML bindings 3.4.5.2): a
  // message without one could be another SP's, replayed here.
  if (root.Destination === undefined || root.Destination.replace(/&amp;/g, "&") !== destination)
    throw refuse("malformed", `Destination ${root.Destination}`);
  if (!isRequest) return logoutAnswered(database, provider, root.InResponseTo, meta, refuse);
  if (!profile) throw refuse("malformed", "no LogoutRequest");
  await idpLogout(database, provider, profile, root.IssueInstant, meta, refuse);
  if (!provider.saml_slo_url) return { location: loggedOutPath };
  return {
    location: await saml.getLogoutResponseUrlAsync(profile, query.RelayState ?? "", {}, true),
  };
}

type Refuse = (why: SamlLogoutRefusal, detail?: string) => SamlLogoutRefused;

/**
 * The HTTP-Redirect signature (SAML bindings 3.4.4.1) over the parameters exactly as they
 * were sent; each parameter once, an RSA-SHA256/512 signature by a provider's certificate.
 */
function signatureHolds(rawQuery: string, provider: SamlProvider, refuse: Refuse): void {
  const raw = new Map<string, string>();
  for (const part of rawQuery.split("&")) {
    const at = part.indexOf("=");
    const name = at < 0 ? part : part.slice(0, at);
    if (raw.has(name)) throw refuse("malformed", `${name.slice(0, 40)} twice`);
    raw.set(name, at < 0 ? "" : part.slice(at + 1));
  }
  const decoded = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      throw refuse("malformed", "not URL-encoded");
    }
  };
  const signature = raw.get("Signature");
  const sigAlg = decoded(raw.get("SigAlg") ?? "");
  if (!signature) throw refuse("unsigned");
  if (!allowedSigAlgs.has(sigAlg)) throw refuse("signature", `SigAlg ${sigAlg}`);
  const signed = [raw.has("SAMLRequest") ? "SAMLRequest" : "SAMLResponse", "RelayState", "SigAlg"]
    .filter((name) => raw.has(name))
    .map((name) => `${name}=${raw.get(name)}`)
    .join("&");
  const octets = Buffer.from(decoded(signature), "base64");
  const hash = sigAlg.endsWith("sha512") ? "sha512" : "sha256";
  const holds = (provider.saml_certificates ?? []).some((pem) => {
    try {
      return verify(hash, Buffer.from(signed), new X509Certificate(pem).publicKey, octets);
    } catch {
      return false;
    }
  });
  if (!holds) throw refuse("signature");
}

function inflated(encoded: string | undefined, refuse: Refuse): string {
  try {
    return inflateRawSync(Buffer.from(encoded ?? "", "base64"), {
      maxOutputLength: 100_000,
    }).toString("utf8");
  } catch {
    throw refuse("malformed", "not deflated base64");
  }
}

function refusalOf(message: string): SamlLogoutRefusal {
  if (/issuer/i.test(message)) return "issuer";
  if (/signature/i.test(message)) return "signature";
  if (/not yet valid|expired/i.test(message)) return "expired";
  if (/status code/i.test(message)) return "provider_status";
  return "malformed";
}

/** The root element's attributes (node-saml has parsed the XML already: it is well-formed). */
function rootAttributes(xml: string, element: string): Record<string, string> {
  const start =
    new RegExp(`^\\s*(?:<\\?xml[^>]*\\?>\\s*)?<(?:[\\w.-]+:)?${element}\\b([^>]*)>`).exec(
      xml,
    )?.[1] ?? "";
  return Object.fromEntries(
    [...start.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [
      m[1] ?? "",
      m[2] ?? m[3] ?? "",
    ]),
  );
}

/** The IdP answered Frid's LogoutRequest: the request it names is taken once, in time. */
async function logoutAnswered(
  database: DatabaseHandle,
  provider: SamlProvider,
  inResponseTo: string | undefined,
  meta: RequestMeta,
  refuse: Refuse,
): Promise<{ location: string }> {
  if (!inResponseTo) throw refuse("in_response_to", "none");
  await withActor(database.db, { userId: null, orgId: provider.org_id }, async (trx) => {
    const taken = await trx
      .updateTable("saml_logout_message")
      .set({ answered_at: new Date() })
      .where("message_id", "=", inResponseTo)
      .where("direction", "=", "sent")
      .where("provider_id", "=", provider.id)
      .where("answered_at", "is", null)
      .where("expires_at", ">", new Date())
      .returning("message_id")
      .executeTakeFirst();
    if (!taken) throw refuse("in_response_to", inResponseTo);
    await audit(trx, provider, meta, {
      action: "logout.saml_completed",
      resourceType: "session",
      data: { providerId: provider.id },
    });
  });
  return { location: loggedOutPath };
}

/**
 * The IdP's LogoutRequest: issued within the last ten minutes (clock tolerance beside),
 * acted on once (its id is remembered), and every open Frid session of that person's IdP
 * session (NameID, and SessionIndex when named) ended in one transaction with its event.
 */
async function idpLogout(
  database: DatabaseHandle,
  provider: SamlProvider,
  profile: Profile,
  issueInstant: string | undefined,
  meta: RequestMeta,
  refuse: Refuse,
): Promise<void> {
  if (profile.issuer !== provider.saml_entity_id) throw refuse("issuer", profile.issuer);
  const issued = Date.parse(issueInstant ?? "");
  const slack = clockToleranceSeconds * 1000;
  if (!Number.isFinite(issued)) throw refuse("malformed", "no IssueInstant");
  if (issued < Date.now() - messageMinutes * 60_000 - slack || issued > Date.now() + slack)
    throw refuse("expired", `IssueInstant ${issueInstant}`);
  // An IdP's request names its own id (remembered against replay) and the person: an empty
  // NameID must never read as "every session of the provider" (endProviderSessions).
  const id = typeof profile.ID === "string" ? profile.ID : "";
  if (id.length < 1 || id.length > 200) throw refuse("malformed", "ID missing or too long");
  if (!profile.nameID) throw refuse("malformed", "no NameID");
  await withActor(database.db, { userId: null, orgId: provider.org_id }, async (trx) => {
    await trx.deleteFrom("saml_logout_message").where("expires_at", "<", new Date()).execute();
    const fresh = await trx
      .insertInto("saml_logout_message")
      .values({
        message_id: id,
        direction: "received",
        provider_id: provider.id,
        org_id: provider.org_id,
        expires_at: new Date(issued + messageMinutes * 60_000 + 2 * slack),
      })
      .onConflict((oc) => oc.columns(["provider_id", "direction", "message_id"]).doNothing())
      .returning("message_id")
      .executeTakeFirst();
    if (!fresh) throw refuse("replayed", id);
    const sid = typeof profile.sessionIndex === "string" ? profile.sessionIndex : null;
    const { ended } = await endProviderSessions(trx, provider.id, { sub: profile.nameID, sid });
    const users = new Set(ended.map((s) => s.user_id));
    await audit(
      trx,
      provider,
      meta,
      {
        action: "logout.saml_idp",
        resourceType: "session",
        data: { providerId: provider.id, sessions: ended.length },
      },
      users.size === 1 ? ([...users][0] ?? null) : null,
    );
  });
}

function audit(
  trx: Parameters<Parameters<typeof withActor>[2]>[0],
  provider: SamlProvider,
  meta: RequestMeta,
  entry: AuditEntry,
  userId: string | null = null,
) {
  return recordAudit(trx, { actor: null, userId, orgId: provider.org_id, meta }, [entry]);
}
