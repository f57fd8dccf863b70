import { execFileSync } from "node:child_process";
import { randomBytes, sign, verify, X509Certificate } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { SignedXml } from "xml-crypto";
import xmlenc from "xml-encryption";

/**
 * A SAML 2.0 identity provider for the tests that really signs (xml-crypto, the XML
 * signature library node-saml itself verifies with): an RSA key and a self-signed X.509
 * certificate made by openssl, and Responses built as the Swedish eID framework's IdPs send
 * them — a signed assertion with a bearer subject confirmation, an audience, a time window,
 * the AuthnContextClassRef and the person's attributes. Every field can be changed, so a test
 * can send what an honest IdP never would (another audience, an expired assertion, another
 * key, an altered assertion after signing) and prove Frid refuses it.
 */
export const loa3 = "http://id.elegnamnden.se/loa/1.0/loa3";
export const loa2 = "http://id.elegnamnden.se/loa/1.0/loa2";
export const personalIdentityNumberAttribute = "urn:oid:1.2.752.29.4.13";
export const hsaIdAttribute = "urn:oid:1.2.752.29.6.2.1";

export interface SigningKey {
  keyPem: string;
  certPem: string;
}

/** A fresh RSA key and a self-signed certificate for it, valid two days. */
export function signingKey(commonName = "Test-IdP"): SigningKey {
  const out = execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "-",
      "-out",
      "-",
      "-subj",
      `/CN=${commonName}`,
      "-days",
      "2",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
  const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/.exec(out)?.[0];
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/.exec(out)?.[0];
  if (!keyPem || !certPem) throw new Error("openssl made no key and certificate");
  return { keyPem, certPem };
}

/** What Frid asked for: the AuthnRequest the start's redirect carries, and its RelayState. */
export function authnRequestOf(location: string) {
  const url = new URL(location);
  const encoded = url.searchParams.get("SAMLRequest");
  if (!encoded) throw new Error(`no SAMLRequest in ${location}`);
  const xml = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
  const id = /\sID="([^"]+)"/.exec(xml)?.[1];
  if (!id) throw new Error("AuthnRequest without ID");
  return { xml, id, relayState: url.searchParams.get("RelayState") ?? "" };
}

export interface Answer {
  inResponseTo: string;
  /** Attribute name → value; the person's identity. */
  attributes: Record<string, string>;
  nameId?: string;
  audience: string;
  recipient: string;
  destination?: string | null;
  issuer?: string;
  authnContextClassRef?: string;
  assertionId?: string;
  /** The AuthnStatement's SessionIndex (the IdP's session); random when not given. */
  sessionIndex?: string;
  /** Seconds from now. */
  notBefore?: number;
  notOnOrAfter?: number;
  /** What is signed: the assertion (the Swedish profile), the whole response, both, nothing. */
  sign?: "assertion" | "response" | "both" | "none";
  /** Another key to sign with than the one the IdP's certificate names. */
  key?: SigningKey;
  /** Changes the signed XML afterwards (an attacker's edit). */
  alter?: (xml: string) => string;
  status?: string;
}

const xmlText = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const newId = () => `_${randomBytes(16).toString("hex")}`;

export class TestSamlIdp {
  readonly key: SigningKey;
  constructor(
    readonly entityId = "https://idp.test.example/saml",
    readonly ssoUrl = "https://idp.test.example/sso",
    key?: SigningKey,
  ) {
    this.key = key ?? signingKey();
  }

  /** The base64 SAMLResponse an HTTP-POST binding's form carries. */
  respond(a: Answer): string {
    const assertion = this.#assertion(a);
    const sign = a.sign ?? "assertion";
    const key = a.key ?? this.key;
    let inner = assertion;
    if (sign === "assertion" || sign === "both") inner = signElement(assertion, "Assertion", key);
    let xml = this.#response(a, inner);
    if (sign === "response" || sign === "both") xml = signElement(xml, "Response", key);
    if (a.alter) xml = a.alter(xml);
    return Buffer.from(xml, "utf8").toString("base64");
  }

  /**
   * As respond, with the (signed) assertion then encrypted to `certPem` — the SP's
   * certificate, as the Swedish eID framework's IdPs encrypt to the one in the SP's metadata:
   * an EncryptedAssertion (AES-256-GCM, the key wrapped with RSA-OAEP).
   */
  async respondEncrypted(a: Answer, certPem: string): Promise<string> {
    const sign = a.sign ?? "assertion";
    const key = a.key ?? this.key;
    let inner = this.#assertion(a);
    if (sign === "assertion" || sign === "both") inner = signElement(inner, "Assertion", key);
    const encrypted = await encryptTo(inner, certPem);
    let xml = this.#response(a, `<saml:EncryptedAssertion>${encrypted}</saml:EncryptedAssertion>`);
    if (sign === "response" || sign === "both") xml = signElement(xml, "Response", key);
    if (a.alter) xml = a.alter(xml);
    return Buffer.from(xml, "utf8").toString("base64");
  }

  /** A LogoutResponse to an SP's LogoutRequest (single logout). */
  logoutResponse(a: {
    inResponseTo: string;
    destination: string;
    issuer?: string;
    status?: string;
  }) {
    return (
      `<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" Version="2.0" IssueInstant="${at(0)}" Destination="${xmlText(a.destination)}" InResponseTo="${xmlText(a.inResponseTo)}">` +
      `<saml:Issuer>${xmlText(a.issuer ?? this.entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="${a.status ?? "urn:oasis:names:tc:SAML:2.0:status:Success"}"/></samlp:Status>` +
      "</samlp:LogoutResponse>"
    );
  }

  /** The IdP's own LogoutRequest: the person logged out at the IdP (or at another SP). */
  logoutRequest(a: {
    nameId: string;
    /** null: no Destination attribute at all. */
    destination: string | null;
    sessionIndex?: string;
    issuer?: string;
    id?: string;
    /** Seconds from now. */
    issued?: number;
  }) {
    return (
      `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${xmlText(a.id ?? newId())}" Version="2.0" IssueInstant="${at(a.issued ?? 0)}"${a.destination === null ? "" : ` Destination="${xmlText(a.destination)}"`}>` +
      `<saml:Issuer>${xmlText(a.issuer ?? this.entityId)}</saml:Issuer>` +
      `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">${xmlText(a.nameId)}</saml:NameID>` +
      `${a.sessionIndex ? `<samlp:SessionIndex>${xmlText(a.sessionIndex)}</samlp:SessionIndex>` : ""}` +
      "</samlp:LogoutRequest>"
    );
  }

  #response(a: Answer, assertion: string): string {
    const destination = a.destination === undefined ? a.recipient : a.destination;
    return (
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" Version="2.0" IssueInstant="${at(0)}"` +
      `${destination ? ` Destination="${xmlText(destination)}"` : ""} InResponseTo="${xmlText(a.inResponseTo)}">` +
      `<saml:Issuer>${xmlText(a.issuer ?? this.entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="${a.status ?? "urn:oasis:names:tc:SAML:2.0:status:Success"}"/></samlp:Status>` +
      `${assertion}</samlp:Response>`
    );
  }

  #assertion(a: Answer): string {
    const attributes = Object.entries(a.attributes)
      .map(
        ([name, value]) =>
          `<saml:Attribute Name="${xmlText(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${xmlText(value)}</saml:AttributeValue></saml:Attribute>`,
      )
      .join("");
    const until = at(a.notOnOrAfter ?? 300);
    return (
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${xmlText(a.assertionId ?? newId())}" Version="2.0" IssueInstant="${at(0)}">` +
      `<saml:Issuer>${xmlText(a.issuer ?? this.entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">${xmlText(a.nameId ?? newId())}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${xmlText(a.inResponseTo)}" NotOnOrAfter="${until}" Recipient="${xmlText(a.recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${at(a.notBefore ?? -5)}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${xmlText(a.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${at(-1)}" SessionIndex="${xmlText(a.sessionIndex ?? newId())}"><saml:AuthnContext><saml:AuthnContextClassRef>${xmlText(a.authnContextClassRef ?? loa3)}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
      "</saml:Assertion>"
    );
  }
}

/** An enveloped RSA-SHA256 signature over the element, placed after its Issuer. */
function signElement(xml: string, element: "Assertion" | "Response", key: SigningKey): string {
  const signer = new SignedXml({
    privateKey: key.keyPem,
    publicCert: key.certPem,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  const self = `//*[local-name(.)='${element}']`;
  const path = element === "Response" ? "/*" : self;
  signer.addReference({
    xpath: path,
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    transforms: [
      "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
      "http://www.w3.org/2001/10/xml-exc-c14n#",
    ],
  });
  signer.computeSignature(xml, {
    location: { reference: `${path}/*[local-name(.)='Issuer']`, action: "after" },
  });
  return signer.getSignedXml();
}

const rsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

/**
 * What an IdP does with a signed HTTP-Redirect request (SAML bindings 3.4.4.1): the query's
 * SAMLRequest (or SAMLResponse), RelayState and SigAlg, exactly as they were encoded, verified
 * against the SP's certificate. True only for an RSA-SHA256 signature that holds.
 */
export function redirectSignatureHolds(location: string, certPem: string): boolean {
  const query = new URL(location).search.slice(1);
  const raw = new Map(
    query.split("&").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at), part.slice(at + 1)] as const;
    }),
  );
  const message = raw.has("SAMLRequest") ? "SAMLRequest" : "SAMLResponse";
  const signature = raw.get("Signature");
  const sigAlg = raw.get("SigAlg");
  if (!signature || !sigAlg || decodeURIComponent(sigAlg) !== rsaSha256) return false;
  const signed = [message, "RelayState", "SigAlg"]
    .filter((name) => raw.has(name))
    .map((name) => `${name}=${raw.get(name)}`)
    .join("&");
  return verify(
    "sha256",
    Buffer.from(signed),
    new X509Certificate(certPem).publicKey,
    Buffer.from(decodeURIComponent(signature), "base64"),
  );
}

/** An XML Encryption EncryptedData of `xml` for the holder of the certificate's key. */
function encryptTo(xml: string, certPem: string): Promise<string> {
  const publicKey = new X509Certificate(certPem).publicKey.export({ type: "spki", format: "pem" });
  return new Promise((done, fail) =>
    xmlenc.encrypt(
      xml,
      {
        rsa_pub: String(publicKey),
        pem: certPem,
        encryptionAlgorithm: "http://www.w3.org/2009/xmlenc11#aes256-gcm",
        keyEncryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
        disallowEncryptionWithInsecureAlgorithm: true,
        warnInsecureAlgorithm: false,
      },
      (error, result) => (error ? fail(error) : done(result)),
    ),
  );
}

/**
 * A message sent by HTTP-Redirect (SAML bindings 3.4.4): deflated, base64, in the query of
 * `to`, signed over SAMLRequest/SAMLResponse, RelayState and SigAlg with `key` (null: unsigned).
 */
export function redirectMessage(
  to: string,
  kind: "SAMLRequest" | "SAMLResponse",
  xml: string,
  key: SigningKey | null,
  relayState?: string,
): string {
  let query = `${kind}=${encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString("base64"))}`;
  if (relayState) query += `&RelayState=${encodeURIComponent(relayState)}`;
  if (key) {
    query += `&SigAlg=${encodeURIComponent(rsaSha256)}`;
    const signature = sign("sha256", Buffer.from(query), key.keyPem).toString("base64");
    query += `&Signature=${encodeURIComponent(signature)}`;
  }
  return `${to}${to.includes("?") ? "&" : "?"}${query}`;
}
