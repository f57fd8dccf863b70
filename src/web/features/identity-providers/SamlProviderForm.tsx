import { useState } from "react";
import type { IdentifierKind } from "../../../shared/api/identity-providers";
import type { IdentityProviderView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDate } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextAreaField, TextField } from "../../ui/Field";
import type { SamlProviderInput, SamlSettingsChange } from "./api";
import { loa3 } from "./labels";
import { AcrField, IdentifierFields, lines, listError, ProviderFormFrame } from "./provider-fields";

/**
 * Where the Swedish eID framework's IdPs send each kind of identifier (the attribute
 * specification's names); a `sub` has no attribute of its own, so it is the NameID.
 */
const usualAttributes: Record<IdentifierKind, string> = {
  hsa_id: "urn:oid:1.2.752.29.6.2.1",
  personal_identity_number: "urn:oid:1.2.752.29.4.13",
  email: "urn:oid:0.9.2342.19200300.100.1.3",
  sub: "NameID",
};
const maxCertificates = 5;

interface SamlDraft {
  displayName: string;
  entityId: string;
  ssoUrl: string;
  /** New certificates as pasted; when changing a provider, only once "replace" is chosen. */
  certificates: string[];
  replaceCertificates: boolean;
  identifierKind: IdentifierKind;
  identifierClaim: string;
  acrValues: string;
  enabled: boolean;
}

function draftOf(provider: IdentityProviderView | null): SamlDraft {
  return {
    displayName: provider?.displayName ?? "",
    entityId: provider?.saml?.entityId ?? "",
    ssoUrl: provider?.saml?.ssoUrl ?? "",
    certificates: [""],
    replaceCertificates: provider === null,
    identifierKind: provider?.identifierKind ?? "hsa_id",
    identifierClaim: provider?.identifierClaim ?? usualAttributes.hsa_id,
    acrValues: provider ? provider.acrValues.join("\n") : loa3,
    enabled: provider?.enabled ?? true,
  };
}

function createBody(d: SamlDraft): SamlProviderInput {
  return {
    displayName: d.displayName,
    entityId: d.entityId,
    ssoUrl: d.ssoUrl,
    certificates: d.certificates,
    identifierKind: d.identifierKind,
    identifierAttribute: d.identifierClaim,
    authnContextClassRefs: lines(d.acrValues),
    enabled: d.enabled,
  };
}

/** What differs from `before`: the IdP's own settings, and those both protocols share. */
function changesOf(before: IdentityProviderView, d: SamlDraft) {
  const saml: SamlSettingsChange = {};
  if (d.entityId !== before.saml?.entityId) saml.entityId = d.entityId;
  if (d.ssoUrl !== before.saml?.ssoUrl) saml.ssoUrl = d.ssoUrl;
  if (d.replaceCertificates) saml.certificates = d.certificates;
  const acrValues = lines(d.acrValues);
  const shared = {
    ...(d.displayName !== before.displayName ? { displayName: d.displayName } : {}),
    ...(d.identifierKind !== before.identifierKind ? { identifierKind: d.identifierKind } : {}),
    ...(d.identifierClaim !== before.identifierClaim ? { identifierClaim: d.identifierClaim } : {}),
    ...(acrValues.join("\n") !== before.acrValues.join("\n") ? { acrValues } : {}),
    ...(d.enabled !== before.enabled ? { enabled: d.enabled } : {}),
  };
  return { saml, shared };
}

const listNames = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name}.${i}`);
// The create route names the identifier and assurance as SAML does, the shared PATCH as OIDC.
const fieldNames = [
  "displayName",
  "entityId",
  "ssoUrl",
  "certificates",
  ...listNames("certificates", maxCertificates),
  "identifierKind",
  "identifierAttribute",
  "identifierClaim",
  "authnContextClassRefs",
  ...listNames("authnContextClassRefs", 10),
  "acrValues",
  ...listNames("acrValues", 10),
  "enabled",
];

/** Adding a SAML 2.0 provider, or changing one (`provider`). */
export function SamlProviderForm({
  provider,
  onSaved,
  onChanged,
  onCancel,
}: {
  provider: IdentityProviderView | null;
  onSaved: (saved: IdentityProviderView, created: boolean) => void;
  /** Part of a change is saved (the IdP's settings) while the rest may still be refused. */
  onChanged?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fieldNames);
  // What the server holds now: after the IdP's settings are saved and the shared ones are
  // refused, a second try sends only what is still unsaved.
  const [base, setBase] = useState(provider);
  const [draft, setDraft] = useState(() => draftOf(provider));
  const set = (changes: Partial<SamlDraft>) => setDraft({ ...draft, ...changes });

  async function save() {
    if (!base) {
      onSaved(await api.createSamlProvider(createBody(draft)), true);
      setDraft(draftOf(null));
      return;
    }
    const { saml, shared } = changesOf(base, draft);
    let saved = base;
    if (Object.keys(saml).length > 0) {
      saved = await api.updateSamlSettings(base.id, saml);
      setBase(saved);
      setDraft((d) => ({ ...d, replaceCertificates: false, certificates: [""] }));
      onChanged?.();
    }
    if (Object.keys(shared).length > 0) saved = await api.updateIdentityProvider(base.id, shared);
    onSaved(saved, false);
  }

  return (
    <ProviderFormFrame
      titleId={provider ? `edit-provider-${provider.id}` : "add-saml-provider-title"}
      title={
        provider
          ? t("loginAdmin.editProviderTitle", { name: provider.displayName })
          : t("loginAdmin.addSamlProviderTitle")
      }
      submit={submit}
      submitLabel={
        provider ? t("loginAdmin.saveProviderSubmit") : t("loginAdmin.addProviderSubmit")
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      {provider && <MetadataLink provider={provider} withHint />}
      <TextField
        label={t("loginAdmin.displayName")}
        hint={t("loginAdmin.displayNameHint")}
        name="displayName"
        autoComplete="off"
        value={draft.displayName}
        onChange={(e) => set({ displayName: e.target.value })}
        error={submit.fieldError("displayName")}
      />
      <SamlFields draft={draft} base={base} onChange={set} error={submit.fieldError} />
      <CheckboxField
        label={t("loginAdmin.enabledField")}
        name="enabled"
        checked={draft.enabled}
        onChange={(e) => set({ enabled: e.target.checked })}
        error={submit.fieldError("enabled")}
      />
    </ProviderFormFrame>
  );
}

/** The IdP's own settings, and how its assertion names the person and their level. */
function SamlFields({
  draft,
  base,
  onChange,
  error,
}: {
  draft: SamlDraft;
  base: IdentityProviderView | null;
  onChange: (changes: Partial<SamlDraft>) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  // The create route names the identifier and levels as SAML does, the shared PATCH as OIDC.
  return (
    <fieldset className="fieldset">
      <legend>{t("loginAdmin.samlLegend")}</legend>
      <TextField
        label={t("loginAdmin.entityId")}
        hint={t("loginAdmin.entityIdHint")}
        name="entityId"
        autoComplete="off"
        spellCheck={false}
        value={draft.entityId}
        onChange={(e) => onChange({ entityId: e.target.value })}
        error={error("entityId")}
      />
      <TextField
        label={t("loginAdmin.ssoUrl")}
        hint={t("loginAdmin.ssoUrlHint")}
        name="ssoUrl"
        type="url"
        autoComplete="off"
        spellCheck={false}
        value={draft.ssoUrl}
        onChange={(e) => onChange({ ssoUrl: e.target.value })}
        error={error("ssoUrl")}
      />
      <CertificateFields provider={base} draft={draft} onChange={onChange} error={error} />
      <IdentifierFields
        value={draft}
        usual={usualAttributes}
        claimLabel="loginAdmin.identifierAttribute"
        claimHint="loginAdmin.identifierAttributeHint"
        claimName="identifierAttribute"
        onChange={onChange}
        error={{
          kind: error("identifierKind"),
          claim: error("identifierAttribute") ?? error("identifierClaim"),
        }}
      />
      <AcrField
        label="loginAdmin.authnContextClassRefs"
        name="authnContextClassRefs"
        value={draft.acrValues}
        onChange={(acrValues) => onChange({ acrValues })}
        error={listError(error, "authnContextClassRefs") ?? listError(error, "acrValues")}
      />
    </fieldset>
  );
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
function CertificateFields({
  provider,
  draft,
  onChange,
  error,
}: {
  provider: IdentityProviderView | null;
  draft: SamlDraft;
  onChange: (changes: Partial<SamlDraft>) => void;
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
