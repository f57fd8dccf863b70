import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

/*
 * A security key in software, for the API tests of auth/webauthn: a real P-256 key pair,
 * attestation "none" and assertions built byte by byte as the WebAuthn spec lays them out
 * (§6.1 authenticator data, §6.5 attestation object), so the server's library checks real
 * signatures. No maintained helper of this kind runs on Node 20 without a browser.
 */

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 256) return Buffer.from([(major << 5) | 24, length]);
  const out = Buffer.alloc(3);
  out[0] = (major << 5) | 25;
  out.writeUInt16BE(length, 1);
  return out;
}

/** The few CBOR shapes an attestation needs: integers, text, bytes and maps. */
function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const text = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, text.length), text]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  const parts = [head(5, value.size)];
  for (const [k, v] of value) parts.push(cbor(k), cbor(v));
  return Buffer.concat(parts);
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();
const b64u = (data: Buffer) => data.toString("base64url");

const flags = { userPresent: 0x01, userVerified: 0x04, attested: 0x40 };

export interface SoftKeyOptions {
  /** The site the browser would name (clientDataJSON origin); another one is a phishing site. */
  origin?: string;
  /** Answer this challenge instead of the one asked. */
  challenge?: string;
  /** The signature counter to report; by default one more than last time. */
  counter?: number;
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly cose: Buffer;
  private count = 0;

  constructor(
    private readonly rpId: string,
    private readonly origin: string,
  ) {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    const jwk = pair.publicKey.export({ format: "jwk" });
    const x = Buffer.from(jwk.x as string, "base64url");
    const y = Buffer.from(jwk.y as string, "base64url");
    // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    this.cose = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, x],
        [-3, y],
      ]),
    );
  }

  get id(): string {
    return b64u(this.credentialId);
  }

  private clientData(type: string, challenge: string, options: SoftKeyOptions): Buffer {
    return Buffer.from(
      JSON.stringify({
        type,
        challenge: options.challenge ?? challenge,
        origin: options.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
  }

  private authData(flagBits: number, counter: number, attested?: Buffer): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([
      sha256(this.rpId),
      Buffer.from([flagBits]),
      count,
      attested ?? Buffer.alloc(0),
    ]);
  }

  /** The browser's answer to navigator.credentials.create with these options. */
  register(options: { challenge: string }, extra: SoftKeyOptions = {}) {
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, this.cose]);
    const bits = flags.userPresent | flags.userVerified | flags.attested;
    const authData = this.authData(bits, 0, attested);
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64u(this.clientData("webauthn.create", options.challenge, extra)),
        attestationObject: b64u(attestationObject),
        transports: ["usb" as const],
      },
    };
  }

  /** The browser's answer to navigator.credentials.get: a signature over the challenge. */
  assert(options: { challenge: string }, extra: SoftKeyOptions = {}) {
    this.count = extra.counter ?? this.count + 1;
    const authData = this.authData(flags.userPresent | flags.userVerified, this.count);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, extra);
    const signature = sign(
      "sha256",
      Buffer.concat([authData, sha256(clientDataJSON)]),
      this.privateKey,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64u(clientDataJSON),
        authenticatorData: b64u(authData),
        signature: b64u(signature),
      },
    };
  }
}
