import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID, sign } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A provider that signs whatever ID token a test asks for, with a real RS256 key it
 * publishes: the token-level attacks (another issuer, another audience, expired, another
 * nonce) that a certified provider would never issue, to prove the relying party refuses
 * them. It speaks just enough OpenID Connect for a code flow: discovery, keys, an
 * authorization endpoint that answers at once, and a token endpoint.
 */
export type Claims = Record<string, unknown>;

export interface ForgingIdp {
  issuer: string;
  /** The key id of the one key it publishes. */
  kid: string;
  /** How the next ID tokens are changed from the honest ones. */
  forge(change: (claims: Claims) => Claims): void;
  /** Any JWT signed with the provider's published key (a logout token, for one). */
  sign(claims: Claims): string;
  /** What its userinfo endpoint answers (null: an error, 500); by default the identity. */
  userinfo(answer: Claims | null): void;
  /** The next ID tokens signed with a key it never published (null: its own again). */
  signWith(key: { kid: string; privateKey: KeyObject } | null): void;
  /** How often its metadata was asked for (the relying party's discovery). */
  discoveries(): number;
  close(): Promise<void>;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function bodyOf(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function discoveryOf(issuer: string, userinfo: boolean) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    ...(userinfo ? { userinfo_endpoint: `${issuer}/userinfo` } : {}),
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
  };
}

/** An RS256 JWT, signed with node:crypto (no JOSE library needed for one algorithm); a test
 * signs with a key of its own under the provider's key id to forge a signature. */
export function signed(claims: Claims, kid: string, privateKey: KeyObject): string {
  const signing = `${b64({ alg: "RS256", typ: "JWT", kid })}.${b64(claims)}`;
  return `${signing}.${sign("sha256", Buffer.from(signing), privateKey).toString("base64url")}`;
}

export async function startForgingIdp(
  identity: Claims,
  options: { userinfoEndpoint?: boolean } = {},
): Promise<ForgingIdp> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const codes = new Map<string, { nonce: string; clientId: string }>();
  let change: (claims: Claims) => Claims = (c) => c;
  let userinfo: Claims | null = identity;
  let unpublished: { kid: string; privateKey: KeyObject } | null = null;
  let issuer = "";
  let discoveries = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (value: object) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(value));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      discoveries += 1;
      return json(discoveryOf(issuer, options.userinfoEndpoint !== false));
    }
    if (url.pathname === "/jwks")
      return json({
        keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }],
      });
    if (url.pathname === "/authorize") {
      const code = randomBytes(16).toString("hex");
      codes.set(code, {
        nonce: url.searchParams.get("nonce") ?? "",
        clientId: url.searchParams.get("client_id") ?? "",
      });
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(303, { location: back.href });
      return res.end();
    }
    if (url.pathname === "/userinfo") {
      if (userinfo) return json(userinfo);
      res.statusCode = 500;
      return res.end();
    }
    const grant = codes.get((await bodyOf(req)).get("code") ?? "");
    if (url.pathname !== "/token" || !grant) {
      res.statusCode = 400;
      return json({ error: "invalid_grant" });
    }
    const now = Math.floor(Date.now() / 1000);
    const claims = change({
      ...identity,
      iss: issuer,
      aud: grant.clientId,
      nonce: grant.nonce,
      iat: now,
      exp: now + 300,
    });
    json({
      access_token: randomBytes(16).toString("hex"),
      token_type: "Bearer",
      id_token: unpublished
        ? signed(claims, unpublished.kid, unpublished.privateKey)
        : signed(claims, kid, privateKey),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    kid,
    forge: (next) => {
      change = next;
    },
    sign: (claims) => signed(claims, kid, privateKey),
    userinfo: (answer) => {
      userinfo = answer;
    },
    signWith: (key) => {
      unpublished = key;
    },
    discoveries: () => discoveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
