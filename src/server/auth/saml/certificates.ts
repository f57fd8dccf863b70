import { X509Certificate } from "node:crypto";

/**
 * An identity provider's signing certificate as an administrator pastes it: PEM, or the bare
 * base64 an IdP's metadata holds in <ds:X509Certificate>. Read by Node's X.509 parser, so
 * what is stored is a certificate and nothing else, in one PEM form. RSA only: the XML
 * signature library (xml-crypto, under node-saml) verifies RSA signatures, and the Swedish
 * eID framework's IdPs sign with RSA.
 */
export type ReadCertificate =
  | { ok: true; pem: string; subject: string; notAfter: string; sha256: string }
  | { ok: false; message: string };

const pemPattern = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

export function readCertificate(text: string): ReadCertificate {
  const body = (pemPattern.exec(text)?.[1] ?? text).replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body))
    return { ok: false, message: "Certifikatet ska klistras in i PEM-form (BEGIN CERTIFICATE)." };
  const lines = body.match(/.{1,64}/g) ?? [];
  const pem = `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return { ok: false, message: "Certifikatet kunde inte läsas. Kontrollera att det är helt." };
  }
  if (certificate.publicKey.asymmetricKeyType !== "rsa")
    return { ok: false, message: "Certifikatet måste ha en RSA-nyckel." };
  return {
    ok: true,
    pem,
    subject: certificate.subject.replace(/\n/g, ", "),
    notAfter: new Date(certificate.validTo).toISOString(),
    sha256: certificate.fingerprint256,
  };
}

/** A SAML provider's settings as the administrator sees them; null for an OIDC provider. */
export function samlSettingsView(row: {
  protocol: "oidc" | "saml";
  saml_entity_id: string | null;
  saml_sso_url: string | null;
  saml_certificates: string[] | null;
  saml_want_encrypted: boolean;
  saml_slo_url: string | null;
}) {
  if (row.protocol !== "saml") return null;
  return {
    entityId: row.saml_entity_id ?? "",
    ssoUrl: row.saml_sso_url ?? "",
    certificates: (row.saml_certificates ?? []).flatMap((pem) => {
      const read = readCertificate(pem);
      return read.ok
        ? [{ subject: read.subject, notAfter: read.notAfter, sha256: read.sha256 }]
        : [];
    }),
    wantEncryptedAssertions: row.saml_want_encrypted,
    singleLogoutUrl: row.saml_slo_url,
  };
}
