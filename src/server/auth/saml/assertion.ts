import type { Profile } from "@node-saml/node-saml";
import type { LoginRefusal } from "../../audit/events/identity.ts";
import { SamlRefused } from "../oidc/refusals.ts";
import { clockToleranceSeconds } from "../oidc/relying-party.ts";
import type { SamlProvider } from "./service-provider.ts";

/**
 * What Frid reads from an assertion node-saml has verified (its signature, audience and
 * Conditions): node-saml hands over the signed assertion parsed by xml2js (prefixes
 * stripped, text under `_`, attributes under `$`). Only that signed part is trusted; the
 * Response around it is read for its Destination and InResponseTo, which must agree.
 */
type Node = { _?: string; $?: Record<string, string> } & { [child: string]: Node[] | unknown };

const children = (node: Node | undefined, name: string): Node[] =>
  (node?.[name] as Node[] | undefined) ?? [];
const first = (node: Node | undefined, name: string): Node | undefined => children(node, name)[0];
const bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

export interface AssertionFacts {
  id: string;
  issuer: string | null;
  /** The bearer confirmations' data: Recipient, InResponseTo, NotOnOrAfter. */
  confirmations: Record<string, string>[];
  authnContextClassRef: string | null;
  notOnOrAfter: Date;
  response: { destination: string | null; inResponseTo: string | null };
  attribute(name: string): unknown;
}

export function assertionFacts(profile: Profile): AssertionFacts {
  const assertion = (profile.getAssertion?.() as { Assertion?: Node } | undefined)?.Assertion;
  const confirmations = children(first(assertion, "Subject"), "SubjectConfirmation")
    .filter((c) => c.$?.Method === bearer)
    .map((c) => first(c, "SubjectConfirmationData")?.$ ?? {});
  const authnContext = first(first(assertion, "AuthnStatement"), "AuthnContext");
  const conditions = first(assertion, "Conditions")?.$ ?? {};
  const times = [conditions.NotOnOrAfter, ...confirmations.map((c) => c.NotOnOrAfter)]
    .filter((t): t is string => typeof t === "string")
    .map((t) => Date.parse(t))
    .filter((t) => Number.isFinite(t));
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  return {
    id: assertion?.$?.ID ?? "",
    issuer: first(assertion, "Issuer")?._ ?? null,
    confirmations,
    authnContextClassRef: first(authnContext, "AuthnContextClassRef")?._?.trim() ?? null,
    // Kept against replay as long as any part of it could still be accepted.
    notOnOrAfter: new Date(times.length > 0 ? Math.max(...times) : Date.now()),
    response: responseAttributes(profile.getSamlResponseXml?.() ?? ""),
    attribute: (name) => {
      const value = attributes[name];
      // One value names one person; several are no identifier.
      return Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
    },
  };
}

/**
 * The Response element's own Destination and InResponseTo. node-saml has parsed this XML
 * already (it is well-formed); the root's start tag is read here for two attributes.
 */
function responseAttributes(xml: string) {
  const start = /^\s*(?:<\?xml[^>]*\?>\s*)?<(?:[\w.-]+:)?Response\b([^>]*)>/.exec(xml)?.[1] ?? "";
  const attribute = (name: string) => {
    const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(start);
    const value = match ? (match[2] ?? match[3] ?? "") : null;
    return (
      value
        ?.replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'") ?? null
    );
  };
  return { destination: attribute("Destination"), inResponseTo: attribute("InResponseTo") };
}

/**
 * Frid's checks beyond node-saml's, each its own refusal: the assertion comes from the
 * provider's IdP; it has an id; it was made for this login (InResponseTo, in the signed
 * assertion and on the Response) and for Frid's ACS (Recipient, in the signed assertion;
 * Destination on the Response); its bearer confirmation is still valid; and it was made at
 * an assurance level the provider requires (AuthnContextClassRef).
 */
export function checkAssertion(
  facts: AssertionFacts,
  expected: { provider: SamlProvider; acsUrl: string; requestId: string },
): void {
  const { provider } = expected;
  const refuse = (why: LoginRefusal, detail?: string) =>
    new SamlRefused(
      why,
      { providerId: provider.id, orgId: provider.org_id },
      detail?.slice(0, 200),
    );
  if (facts.issuer !== provider.saml_entity_id)
    throw refuse("issuer_mismatch", `issuer ${facts.issuer ?? "none"}`);
  if (!facts.id) throw refuse("response_invalid", "assertion without ID");
  const [confirmation] = facts.confirmations;
  if (facts.confirmations.length !== 1 || !confirmation)
    throw refuse("response_invalid", "not one bearer subject confirmation");
  if (confirmation.InResponseTo !== expected.requestId)
    throw refuse("in_response_to_mismatch", "SubjectConfirmationData InResponseTo");
  if (facts.response.inResponseTo !== null && facts.response.inResponseTo !== expected.requestId)
    throw refuse("in_response_to_mismatch", "Response InResponseTo");
  if (confirmation.Recipient !== expected.acsUrl)
    throw refuse("recipient_mismatch", `Recipient ${confirmation.Recipient ?? "none"}`);
  if (facts.response.destination !== expected.acsUrl)
    throw refuse("recipient_mismatch", `Destination ${facts.response.destination ?? "none"}`);
  const until = Date.parse(confirmation.NotOnOrAfter ?? "");
  if (!Number.isFinite(until) || until + clockToleranceSeconds * 1000 <= Date.now())
    throw refuse("assertion_expired", "SubjectConfirmationData NotOnOrAfter");
  // A provider held to no level is held to none that counts as multi-factor: refused too.
  if (!provider.acr_values.includes(facts.authnContextClassRef ?? ""))
    throw refuse("acr_too_low", `AuthnContextClassRef ${facts.authnContextClassRef ?? "none"}`);
}
