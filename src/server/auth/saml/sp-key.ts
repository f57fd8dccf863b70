import { createPrivateKey, KeyObject, randomBytes, webcrypto, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as x509 from "@peculiar/x509";

/**
 * Frid's own SAML key pair (ADR 0032): it signs the AuthnRequests and LogoutRequests Frid
 * sends, and the IdP encrypts assertions to its certificate. The private key is read from a
 * file (FRID_SAML_SP_KEY_FILE, PEM) and never kept in the database: a database backup then
 * carries nothing that lets anyone speak as Frid or read an encrypted assertion. Outside
 * production, without the settings, a pair is made once into a folder beside the data folder
 * (as the record keys are: config.ts) so `npm start` works with a SAML IdP at once.
 */
export interface SpKeyPair {
  keyPem: string;
  certPem: string;
}

export type SamlSpKeySetting = ({ kind: "files" } & SpKeyPair) | { kind: "generated"; dir: string };

const names = { key: "FRID_SAML_SP_KEY_FILE", cert: "FRID_SAML_SP_CERT_FILE" } as const;

/** Reads and checks the files at start (config.ts): a problem is named, never the key. */
export function samlSpKeyConfig(
  files: { keyFile: string | undefined; certFile: string | undefined },
  where: { cwd: string; dataDir: string; production: boolean },
  problems: string[],
): SamlSpKeySetting | null {
  const { keyFile, certFile } = files;
  if (!keyFile && !certFile)
    return where.production ? null : { kind: "generated", dir: `${where.dataDir}-saml-sp` };
  if (!keyFile || !certFile) {
    problems.push(
      `${names.key} and ${names.cert} are set together: Frid's SAML private key and its certificate (PEM files)`,
    );
    return null;
  }
  const pair = readPair(resolve(where.cwd, keyFile), resolve(where.cwd, certFile), problems);
  return pair ? { kind: "files", ...pair } : null;
}

function readPair(keyPath: string, certPath: string, problems: string[]): SpKeyPair | null {
  const read = (path: string, name: string) => {
    try {
      return readFileSyncText(path);
    } catch (error) {
      problems.push(`${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      return null;
    }
  };
  const keyPem = read(keyPath, names.key);
  const certPem = read(certPath, names.cert);
  if (keyPem === null || certPem === null) return null;
  let key: KeyObject;
  let cert: X509Certificate;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    problems.push(`${names.key} is not a private key in PEM form (BEGIN PRIVATE KEY)`);
    return null;
  }
  try {
    cert = new X509Certificate(certPem);
  } catch {
    problems.push(`${names.cert} is not a certificate in PEM form (BEGIN CERTIFICATE)`);
    return null;
  }
  // The XML signature and encryption libraries under node-saml work with RSA keys.
  if (key.asymmetricKeyType !== "rsa") problems.push(`${names.key} must be an RSA key`);
  else if (!cert.checkPrivateKey(key))
    problems.push(`${names.cert} is not the certificate of the key in ${names.key}`);
  else return { keyPem, certPem: cert.toString() };
  return null;
}

// Synchronous: the configuration is read once, before the server starts.
const readFileSyncText = (path: string) => readFileSync(path, "utf8");

const made = new Map<string, Promise<SpKeyPair>>();

/** The key pair to use; null: none is configured (production without the settings). */
export function spKeyPair(setting: SamlSpKeySetting | null): Promise<SpKeyPair | null> {
  if (!setting) return Promise.resolve(null);
  if (setting.kind === "files") return Promise.resolve(setting);
  let pair = made.get(setting.dir);
  if (!pair) {
    pair = generatedOnce(setting.dir);
    made.set(setting.dir, pair);
    pair.catch(() => made.delete(setting.dir));
  }
  return pair;
}

/**
 * The development pair: read when it is there, else made and written with the key readable
 * by its owner alone. Written exclusively ('wx'): of two processes starting at once, the
 * second reads the first one's pair rather than replacing it.
 */
async function generatedOnce(dir: string): Promise<SpKeyPair> {
  const keyPath = join(dir, "sp-key.pem");
  const certPath = join(dir, "sp-cert.pem");
  const existing = await readBoth(keyPath, certPath);
  if (existing) return existing;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pair = await selfSigned();
  try {
    await writeFile(keyPath, pair.keyPem, { flag: "wx", mode: 0o600 });
    await writeFile(certPath, pair.certPem, { flag: "wx", mode: 0o644 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const other = await readBoth(keyPath, certPath);
    if (other) return other;
    throw error;
  }
  return pair;
}

async function readBoth(keyPath: string, certPath: string): Promise<SpKeyPair | null> {
  try {
    return {
      keyPem: await readFile(keyPath, "utf8"),
      certPem: await readFile(certPath, "utf8"),
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** An RSA-2048 key and a self-signed certificate for it, valid ten years (development). */
async function selfSigned(): Promise<SpKeyPair> {
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  };
  const crypto = webcrypto as unknown as Crypto;
  const keys = await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: `01${randomBytes(15).toString("hex")}`,
      name: "CN=Frid SAML SP (development)",
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 10 * 365 * 24 * 3600_000),
      signingAlgorithm: algorithm,
      keys,
    },
    crypto,
  );
  const keyPem = KeyObject.from(keys.privateKey).export({ type: "pkcs8", format: "pem" });
  return { keyPem: String(keyPem), certPem: cert.toString("pem") };
}
