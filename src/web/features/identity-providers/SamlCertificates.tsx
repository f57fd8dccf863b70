import type { IdentityProviderView } from "../../api/endpoints";
import { formatDate } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextAreaField } from "../../ui/Field";

/*
 * What Frid trusts of a SAML provider and what it gives the IdP: the IdP's signing
 * certificates (shown by subject and expiry, replaced by pasting every one that should hold)
 * and the link to Frid's SP metadata for it.
 */
export const maxCertificates = 5;

/** The form's certificates as pasted; a saved provider's only once "replace" is chosen. */
export interface CertificateDraft {
  certificates: string[];
  replaceCertificates: boolean;
}

/** The address the IdP (or the federation) is given: Frid's SP metadata for this provider. */
export function MetadataLink({
  provider,
  withHint = false,
}: {
  provider: IdentityProviderView;
  withHint?: boolean;
}) {
  const { t } = useT();
  return (
    <p>
      <a href={`/api/auth/saml/${provider.id}/metadata`}>
        {t("loginAdmin.spMetadata", { name: provider.displayName })}
      </a>
      {withHint && (
        <>
          <br />
          <span className="field__hint">{t("loginAdmin.spMetadataHint")}</span>
        </>
      )}
    </p>
  );
}

/** Each certificate Frid trusts for a provider: its subject and how long it is valid. */
export function CertificateList({ provider }: { provider: IdentityProviderView }) {
  const { t, lang } = useT();
  return (
    <ul
      className="plain-list"
      aria-label={t("loginAdmin.certificatesOf", { name: provider.displayName })}
    >
      {(provider.saml?.certificates ?? []).map((c) => (
        <li key={c.sha256} className="break-anywhere">
          {t("loginAdmin.certificateItem", {
            subject: c.subject,
            until: formatDate(c.notAfter, lang),
          })}
        </li>
      ))}
    </ul>
  );
}

/**
 * The IdP's signing certificates, 1–5 (several while it rotates its key). A saved provider's
 * are shown, not its PEMs: replacing them means pasting every one Frid should trust.
 */
export function CertificateFields({
  provider,
  draft,
  onChange,
  error,
}: {
  provider: IdentityProviderView | null;
  draft: CertificateDraft;
  onChange: (changes: Partial<CertificateDraft>) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const pems = draft.certificates;
  const setPem = (i: number, pem: string) =>
    onChange({ certificates: pems.map((p, j) => (j === i ? pem : p)) });
  return (
    <fieldset className="fieldset">
      <legend>{t("loginAdmin.certificates")}</legend>
      <p className="field__hint">{t("loginAdmin.certificatesHint")}</p>
      {provider && <CertificateList provider={provider} />}
      {provider && (
        <CheckboxField
          label={t("loginAdmin.replaceCertificates")}
          name="replaceCertificates"
          checked={draft.replaceCertificates}
          onChange={(e) => onChange({ replaceCertificates: e.target.checked })}
        />
      )}
      {draft.replaceCertificates &&
        pems.map((pem, i) => (
          // The list only grows and shrinks at its end, so the position is the identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={i}>
            <TextAreaField
              label={t("loginAdmin.certificate", { n: i + 1 })}
              hint={t("loginAdmin.certificateHint")}
              name={`certificates.${i}`}
              rows={6}
              spellCheck={false}
              value={pem}
              onChange={(e) => setPem(i, e.target.value)}
              error={error(`certificates.${i}`) ?? (i === 0 ? error("certificates") : undefined)}
            />
            {pems.length > 1 && i === pems.length - 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange({ certificates: pems.slice(0, -1) })}
              >
                {t("loginAdmin.removeCertificate", { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
      {draft.replaceCertificates && pems.length < maxCertificates && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange({ certificates: [...pems, ""] })}
        >
          {t("loginAdmin.addCertificate")}
        </button>
      )}
    </fieldset>
  );
}
