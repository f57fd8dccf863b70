import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
// oidc-provider ships no types; what Frid uses of it is typed below.
// @ts-expect-error: no declaration file
import Provider from "oidc-provider";

/**
 * A real OpenID Provider (oidc-provider, OpenID certified) for development and tests:
 * `npm run dev:idp` starts it with the demo users' identities, the API tests start it
 * in-process on a free port. Its login page is a minimal interaction of our own: pick an
 * identity, which carries an HSA-id, an e-mail address, a personal identity number and the
 * assurance level (acr) the provider states for that login — LoA3 unless the identity says
 * otherwise, so a test can log in at a lower level and see Frid refuse it.
 */
export const loa3 = "http://id.elegnamnden.se/loa/1.0/loa3";
export const loa2 = "http://id.elegnamnden.se/loa/1.0/loa2";
export const hsaClaim = "urn:sambi:names:attribute:hsaIdentity";
export const pinClaim = "urn:oid:1.2.752.29.4.13";

export interface IdpIdentity {
  /** The provider's subject. */
  sub: string;
  name: string;
  hsaId?: string;
  email?: string;
  personalIdentityNumber?: string;
  acr?: string;
}

export interface IdpClient {
  clientId: string;
  /** Absent: a public client (PKCE only). */
  clientSecret?: string;
  redirectUris: string[];
  /** Where the browser may be sent after logging out at the provider (RP-initiated logout). */
  postLogoutRedirectUris?: string[];
  /** Frid's back-channel logout endpoint: the provider posts a logout token there. */
  backchannelLogoutUri?: string;
}

export interface RunningIdp {
  issuer: string;
  /** How often a path was asked for (discovery, the key set): what a relying party fetched. */
  hits(path: string): number;
  /**
   * The provider made again at the same address with a new signing key (a new kid) and only
   * that one published: its keys rotated while it runs. Its sessions and grants go with it.
   */
  rotateKeys(): void;
  close(): Promise<void>;
}

interface ProviderLike {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: object,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (init: {
    clientId: string;
    accountId: string;
  }) => {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  };
}

const claimNames = ["name", "email", hsaClaim, pinClaim];

/** A signing key of its own for each start: a restarted provider has rotated its keys. */
function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
}

interface ProviderOptions {
  identities: IdpIdentity[];
  clients: IdpClient[];
  /**
   * The identifying claims only at the userinfo endpoint, never in the ID token (as many
   * brokers and Azure AD send them).
   */
  claimsInUserinfo?: boolean;
}

/** The provider's account look-up: an identity's claims by its subject. */
function accountsOf(identities: IdpIdentity[]) {
  const bySub = new Map(identities.map((i) => [i.sub, i]));
  return (_ctx: unknown, sub: string) => {
    const who = bySub.get(sub);
    if (!who) return undefined;
    return {
      accountId: sub,
      claims: () => ({
        sub,
        name: who.name,
        ...(who.email ? { email: who.email } : {}),
        ...(who.hsaId ? { [hsaClaim]: who.hsaId } : {}),
        ...(who.personalIdentityNumber ? { [pinClaim]: who.personalIdentityNumber } : {}),
      }),
    };
  };
}

async function grantAll(ctx: {
  oidc: { client: { clientId: string }; session: { accountId: string }; provider: ProviderLike };
}) {
  const grant = new ctx.oidc.provider.Grant({
    clientId: ctx.oidc.client.clientId,
    accountId: ctx.oidc.session.accountId,
  });
  grant.addOIDCScope("openid profile email hsa");
  grant.addOIDCClaims(claimNames);
  await grant.save();
  return grant;
}

function providerFor(issuer: string, options: ProviderOptions) {
  const { identities, clients } = options;
  const ttl = 600;
  const provider: ProviderLike = new Provider(issuer, {
    jwks: { keys: [signingKey()] },
    ttl: {
      Interaction: ttl,
      Grant: ttl,
      Session: ttl,
      AccessToken: ttl,
      AuthorizationCode: 60,
      IdToken: ttl,
    },
    clients: clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret
        ? { client_secret: c.clientSecret, token_endpoint_auth_method: "client_secret_basic" }
        : { token_endpoint_auth_method: "none" }),
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      // With a back-channel URI the ID token carries `sid`, and so does the logout token.
      ...(c.backchannelLogoutUri
        ? {
            backchannel_logout_uri: c.backchannelLogoutUri,
            backchannel_logout_session_required: true,
          }
        : {}),
      response_types: ["code"],
      grant_types: ["authorization_code"],
    })),
    claims: { openid: ["sub"], profile: ["name"], email: ["email"], hsa: [hsaClaim, pinClaim] },
    scopes: ["openid", "profile", "email", "hsa"],
    // The identifying claims in the ID token itself, as Inera's provider sends them — unless
    // the test asks for them at the userinfo endpoint only.
    conformIdTokenClaims: options.claimsInUserinfo === true,
    acrValues: [loa2, loa3],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    cookies: { keys: ["frid-dev-idp-cookie-key-not-a-secret"] },
    // Its back-channel logout posts to Frid on this machine: oidc-provider's guard against
    // requests to local addresses (its dispatcher) is left out for this provider alone.
    fetch: (
      url: URL | string,
      { dispatcher: _, ...options }: RequestInit & { dispatcher?: unknown },
    ) => globalThis.fetch(url, options),
    findAccount: accountsOf(identities),
    // No consent page: the organisation's own provider grants its own relying party.
    loadExistingGrant: grantAll,
  });
  return provider;
}

/** The provider's own question before it logs out (Swedish, no outside style or font). */
async function logoutSource(ctx: { body: string }, form: string) {
  ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test-IdP: logga ut</title></head>
<body><main><h1>Vill du logga ut från Test-IdP?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, logga ut</button>
<button type="submit" form="op.logoutForm">Nej, förbli inloggad</button></main></body></html>`;
}

/** Where a logout begun at the provider itself (no relying party to return to) ends. */
async function postLogoutSuccessSource(ctx: { body: string }) {
  ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test-IdP: utloggad</title></head>
<body><main><h1>Du är utloggad från Test-IdP</h1></main></body></html>`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

function loginPage(uid: string, identities: IdpIdentity[]): string {
  const options = identities
    .map(
      (i) =>
        `<li><button name="sub" value="${escapeHtml(i.sub)}">${escapeHtml(i.name)}</button></li>`,
    )
    .join("");
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test-IdP</title></head>
<body><main><h1>Test-IdP: välj identitet</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}"><ul>${options}</ul></form></main></body></html>`;
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function interaction(
  provider: ProviderLike,
  identities: IdpIdentity[],
  req: IncomingMessage,
  res: ServerResponse,
) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET") {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(loginPage(details.uid, identities));
    return;
  }
  const sub = (await formOf(req)).get("sub") ?? "";
  const who = identities.find((i) => i.sub === sub);
  const result = who
    ? { login: { accountId: who.sub, acr: who.acr ?? loa3 } }
    : { error: "access_denied", error_description: "Okänd identitet" };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

/** Starts the provider on `port` (0: a free one); the issuer is its http://127.0.0.1 address. */
export async function startIdp(options: ProviderOptions & { port?: number }): Promise<RunningIdp> {
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => handle?.(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let provider = providerFor(issuer, options);
  let callback = provider.callback();
  const hits = new Map<string, number>();
  handle = (req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (req.url?.startsWith("/interaction/")) {
      interaction(provider, options.identities, req, res).catch(() => {
        res.statusCode = 400;
        res.end("Inloggningen kunde inte slutföras.");
      });
      return;
    }
    callback(req, res);
  };
  return {
    issuer,
    hits: (path) => hits.get(path) ?? 0,
    rotateKeys: () => {
      provider = providerFor(issuer, options);
      callback = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
