import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inflateRawSync } from "node:zlib";
import {
  authnRequestOf,
  hsaIdAttribute,
  loa3,
  redirectMessage,
  redirectSignatureHolds,
  TestSamlIdp,
} from "./saml-idp.ts";

/**
 * The tests' signing SAML IdP (saml-idp.ts) reachable by a browser: an HTTP server on
 * loopback whose single sign-on address reads Frid's AuthnRequest (HTTP-Redirect), lets the
 * person pick an identity, and answers as the HTTP-POST binding does — a page whose form
 * posts the signed Response to the ACS the request named, submitted by a line of script
 * (a button when scripts are off). Each identity carries the assurance level it logs in at,
 * so a journey can log in too low.
 *
 * As a real IdP it keeps a session (a cookie of its own): while it lasts, the sign-on answers
 * at once for the same person, which is why its single logout matters. The SP is known from
 * its metadata at its entity id (Frid's entity id is its metadata's address: the well-known
 * location, SAML metadata 4.1): the certificate its logout messages are checked with and,
 * when asked to encrypt, the assertion is encrypted to, and its HTTP-Redirect logout address.
 */
export interface SamlIdentity {
  /** The button's text. */
  label: string;
  hsaId: string;
  authnContextClassRef?: string;
}

export interface SamlIdpOptions {
  /** Every assertion encrypted to the SP's certificate (a provider that wants them so). */
  encryptAssertions?: boolean;
}

export interface RunningSamlIdp {
  idp: TestSamlIdp;
  entityId: string;
  ssoUrl: string;
  /** Single logout (HTTP-Redirect): an SP's LogoutRequest, or its answer to the IdP's own. */
  sloUrl: string;
  /** The IdP's own logout page: ends its session and tells each SP it logged the person in to. */
  logoutUrl: string;
  close(): Promise<void>;
}

interface KnownSp {
  entityId: string;
  signingCert: string;
  encryptionCert: string;
  /** Its HTTP-Redirect SingleLogoutService; null: it takes no logout messages. */
  sloUrl: string | null;
}

interface IdpSession {
  identity: SamlIdentity;
  /** The same transient NameID and SessionIndex in each assertion of the session. */
  nameId: string;
  sessionIndex: string;
  /** The entity ids of the SPs it logged the person in to: each is told of the logout. */
  sps: Set<string>;
}

/** A logout begun at the IdP, waiting for an SP's LogoutResponse (its RelayState names it). */
interface PendingLogout {
  session: IdpSession;
  remaining: string[];
  waitingFor: { sp: KnownSp; requestId: string } | null;
}

const cookieName = "test_saml_idp";
const success = "urn:oasis:names:tc:SAML:2.0:status:Success";
const newId = () => `_${randomBytes(16).toString("hex")}`;
const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const unescaped = (s: string) => s.replace(/&amp;/g, "&");

function page(title: string, body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${html(title)}</title></head><body><main><h1>${html(title)}</h1>${body}</main></body></html>`;
}

/** An element's text (the first), or an attribute of the root element. */
const textOf = (xml: string, element: string) =>
  new RegExp(`<(?:[\\w.-]+:)?${element}\\b[^>]*>([^<]*)<`).exec(xml)?.[1];
const rootAttribute = (xml: string, name: string) =>
  new RegExp(`^\\s*(?:<\\?xml[^>]*\\?>\\s*)?<[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];

function pemOf(base64: string): string {
  const lines = base64.replace(/\s+/g, "").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

/** The SP as its metadata describes it. */
async function metadataOf(entityId: string): Promise<KnownSp> {
  const answer = await fetch(entityId);
  if (!answer.ok) throw new Error(`no SP metadata at ${entityId} (${answer.status})`);
  const xml = await answer.text();
  const certificate = (use: string) => {
    const found = new RegExp(
      `<(?:\\w+:)?KeyDescriptor[^>]*use="${use}"[\\s\\S]*?<(?:\\w+:)?X509Certificate>([^<]+)<`,
    ).exec(xml)?.[1];
    if (!found) throw new Error(`SP metadata without a ${use} certificate`);
    return pemOf(found);
  };
  const redirectSlo = [...xml.matchAll(/<(?:\w+:)?SingleLogoutService\b([^>]*)>/g)]
    .map((m) => m[1] ?? "")
    .find((attributes) => attributes.includes("bindings:HTTP-Redirect"));
  const location = redirectSlo && /\sLocation="([^"]+)"/.exec(redirectSlo)?.[1];
  return {
    entityId,
    signingCert: certificate("signing"),
    encryptionCert: certificate("encryption"),
    sloUrl: location ? unescaped(location) : null,
  };
}

function inflatedOrNull(encoded: string): string | null {
  try {
    return inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
  } catch {
    return null;
  }
}

/** What the AuthnRequest says of Frid: its entity id (the audience) and its ACS. */
function requester(xml: string) {
  const issuer = textOf(xml, "Issuer");
  const acs = /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1];
  if (!issuer || !acs)
    throw new Error("AuthnRequest without Issuer or AssertionConsumerServiceURL");
  return { audience: unescaped(issuer), acs: unescaped(acs) };
}

function choosePage(url: URL, identities: readonly SamlIdentity[]): string {
  const query = html(url.search);
  const buttons = identities
    .map(
      (identity, i) =>
        `<form method="post" action="/sso/answer${query}"><input type="hidden" name="identity" value="${i}"><button type="submit">${html(identity.label)}</button></form>`,
    )
    .join("");
  return page("Test-SAML-IdP: välj identitet", buttons);
}

/** The HTTP-POST binding's page: the Response posted to the ACS by a line of script. */
function postPage(acs: string, response: string, relayState: string): string {
  const relay = relayState
    ? `<input type="hidden" name="RelayState" value="${html(relayState)}">`
    : "";
  return page(
    "Test-SAML-IdP: skickar svaret",
    `<form method="post" action="${html(acs)}"><input type="hidden" name="SAMLResponse" value="${response}">${relay}<noscript><button type="submit">Fortsätt</button></noscript></form><script>document.forms[0].submit()</script>`,
  );
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

const cookieOf = (request: IncomingMessage) =>
  /(?:^|;\s*)test_saml_idp=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
// Path=/: the logout page and the SLO address see it too. The IdP and Frid share the host
// 127.0.0.1 (cookies do not tell ports apart), so the name is one Frid never uses.
const sessionCookie = (value: string | null) =>
  `${cookieName}=${value ?? ""}; Path=/; HttpOnly; SameSite=Lax${value ? "" : "; Max-Age=0"}`;

class LoopbackIdp {
  readonly #sessions = new Map<string, IdpSession>();
  readonly #sps = new Map<string, Promise<KnownSp>>();
  readonly #pending = new Map<string, PendingLogout>();

  constructor(
    readonly idp: TestSamlIdp,
    readonly identities: readonly SamlIdentity[],
    readonly options: SamlIdpOptions,
  ) {}

  get sloUrl() {
    return this.idp.ssoUrl.replace(/\/sso$/, "/slo");
  }

  async handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const send = (status: number, text: string, cookie?: string) =>
      response
        .writeHead(status, {
          "content-type": "text/html; charset=utf-8",
          ...(cookie ? { "set-cookie": cookie } : {}),
        })
        .end(text);
    const redirect = (location: string, cookie?: string) =>
      response.writeHead(303, { location, ...(cookie ? { "set-cookie": cookie } : {}) }).end();
    const route = `${request.method} ${url.pathname}`;
    const session = this.#sessionOf(request);
    if (route === "GET /sso") {
      if (!session) return send(200, choosePage(url, this.identities));
      return send(200, await this.#answer(url, session.session));
    }
    if (route === "POST /sso/answer") {
      const identity = this.identities[Number((await formOf(request)).get("identity"))];
      if (!identity) return send(400, page("Okänd identitet", ""));
      const id = randomBytes(24).toString("base64url");
      const fresh = { identity, nameId: newId(), sessionIndex: newId(), sps: new Set<string>() };
      this.#sessions.set(id, fresh);
      return send(200, await this.#answer(url, fresh), sessionCookie(id));
    }
    if (route === "GET /logout") return send(200, logoutPage(session?.session ?? null));
    if (route === "POST /logout") {
      if (!session) return send(200, page("Du är utloggad från Test-SAML-IdP", ""));
      this.#sessions.delete(session.id);
      const relay = randomBytes(24).toString("base64url");
      const pending = { session: session.session, remaining: [...session.session.sps] };
      this.#pending.set(relay, { ...pending, waitingFor: null });
      return this.#nextLogout(relay, send, redirect, sessionCookie(null));
    }
    if (route === "GET /slo") return this.#slo(request, url, send, redirect);
    return send(404, page("Finns inte", ""));
  }

  #sessionOf(request: IncomingMessage) {
    const id = cookieOf(request);
    const session = id ? this.#sessions.get(id) : undefined;
    return id && session ? { id, session } : null;
  }

  #sp(entityId: string): Promise<KnownSp> {
    let known = this.#sps.get(entityId);
    if (!known) {
      known = metadataOf(entityId);
      // A failed fetch is not kept: the next request asks again.
      known.catch(() => this.#sps.delete(entityId));
      this.#sps.set(entityId, known);
    }
    return known;
  }

  /** The signed (and, when asked, encrypted) Response to the AuthnRequest in `url`. */
  async #answer(url: URL, session: IdpSession): Promise<string> {
    const request = authnRequestOf(url.toString());
    const { audience, acs } = requester(request.xml);
    const answer = {
      inResponseTo: request.id,
      attributes: { [hsaIdAttribute]: session.identity.hsaId },
      nameId: session.nameId,
      sessionIndex: session.sessionIndex,
      audience,
      recipient: acs,
      authnContextClassRef: session.identity.authnContextClassRef ?? loa3,
    };
    session.sps.add(audience);
    const response = this.options.encryptAssertions
      ? await this.idp.respondEncrypted(answer, (await this.#sp(audience)).encryptionCert)
      : this.idp.respond(answer);
    return postPage(acs, response, request.relayState);
  }

  /** The single logout address: an SP's LogoutRequest, or an SP's answer to the IdP's. */
  async #slo(request: IncomingMessage, url: URL, send: Send, redirect: Redirect) {
    const kind = url.searchParams.has("SAMLRequest") ? "SAMLRequest" : "SAMLResponse";
    const encoded = url.searchParams.get(kind);
    if (!encoded) return send(400, page("Inget utloggningsmeddelande", ""));
    const xml = inflatedOrNull(encoded);
    if (xml === null) return send(400, page("Utloggningsmeddelandet kunde inte läsas", ""));
    const issuer = unescaped(textOf(xml, "Issuer") ?? "");
    const relay = url.searchParams.get("RelayState") ?? "";
    const pending = kind === "SAMLResponse" ? this.#pending.get(relay) : undefined;
    const sp = pending?.waitingFor?.sp ?? (await this.#sp(issuer).catch(() => null));
    const destination = rootAttribute(xml, "Destination");
    const holds =
      sp !== null &&
      issuer === sp.entityId &&
      redirectSignatureHolds(`http://127.0.0.1${request.url}`, sp.signingCert) &&
      (destination === undefined || unescaped(destination) === this.sloUrl);
    if (!holds || !sp) return send(400, page("Utloggningsmeddelandet kunde inte godtas", ""));
    if (kind === "SAMLRequest") return this.#spLogout(request, xml, sp, relay, redirect);
    const answered =
      pending?.waitingFor?.requestId === rootAttribute(xml, "InResponseTo") &&
      new RegExp(`StatusCode Value="${success}"`).test(xml);
    if (!answered) return send(400, page("Utloggningen kunde inte slutföras", ""));
    return this.#nextLogout(relay, send, redirect);
  }

  /**
   * An SP's LogoutRequest: the IdP session it names ends (so the sign-on asks again) and the
   * SP gets its signed LogoutResponse. The journeys' sessions reach one SP; an IdP with
   * several would tell the others first.
   */
  #spLogout(request: IncomingMessage, xml: string, sp: KnownSp, relay: string, go: Redirect) {
    const nameId = textOf(xml, "NameID");
    const sessionIndex = textOf(xml, "SessionIndex");
    for (const [id, s] of this.#sessions)
      if (s.nameId === nameId && (!sessionIndex || s.sessionIndex === sessionIndex))
        this.#sessions.delete(id);
    const own = cookieOf(request);
    const ended = own !== undefined && !this.#sessions.has(own);
    if (!sp.sloUrl) throw new Error(`${sp.entityId} names no HTTP-Redirect logout address`);
    const answer = this.idp.logoutResponse({
      inResponseTo: rootAttribute(xml, "ID") ?? "",
      destination: sp.sloUrl,
    });
    const location = redirectMessage(sp.sloUrl, "SAMLResponse", answer, this.idp.key, relay);
    return go(location, ended ? sessionCookie(null) : undefined);
  }

  /** The IdP's own logout: a signed LogoutRequest to the next SP, or the page that it is done. */
  async #nextLogout(relay: string, send: Send, go: Redirect, cookie?: string) {
    const pending = this.#pending.get(relay);
    if (!pending) return send(400, page("Okänd utloggning", ""), cookie);
    for (let next = pending.remaining.shift(); next; next = pending.remaining.shift()) {
      const sp = await this.#sp(next);
      if (!sp.sloUrl) continue;
      const requestId = newId();
      pending.waitingFor = { sp, requestId };
      const { nameId, sessionIndex } = pending.session;
      const message = this.idp.logoutRequest({
        id: requestId,
        nameId,
        sessionIndex,
        destination: sp.sloUrl,
      });
      return go(redirectMessage(sp.sloUrl, "SAMLRequest", message, this.idp.key, relay), cookie);
    }
    this.#pending.delete(relay);
    return send(200, page("Du är utloggad från Test-SAML-IdP", ""), cookie);
  }
}

type Send = (status: number, text: string, cookie?: string) => void;
type Redirect = (location: string, cookie?: string) => void;

function logoutPage(session: IdpSession | null): string {
  if (!session) return page("Test-SAML-IdP: logga ut", "<p>Du är inte inloggad.</p>");
  return page(
    "Test-SAML-IdP: logga ut",
    `<p>Du är inloggad som ${html(session.identity.label)}.</p><form method="post" action="/logout"><button type="submit">Logga ut</button></form>`,
  );
}

export async function startSamlIdp(
  identities: readonly SamlIdentity[],
  options: SamlIdpOptions = {},
): Promise<RunningSamlIdp> {
  let idp: LoopbackIdp | undefined;
  const server = createServer((request, response) => {
    if (!idp) return response.writeHead(503).end(page("Inte redo", ""));
    idp
      .handle(request, response)
      .catch((error: unknown) =>
        response.writeHead(500).end(error instanceof Error ? error.message : String(error)),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signer = new TestSamlIdp(`${origin}/saml`, `${origin}/sso`);
  idp = new LoopbackIdp(signer, identities, options);
  return {
    idp: signer,
    entityId: signer.entityId,
    ssoUrl: signer.ssoUrl,
    sloUrl: idp.sloUrl,
    logoutUrl: `${origin}/logout`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
