import { useState } from "react";
import type { IdentifierKind } from "../../../shared/api/identity-providers";
import type { IdentityProviderView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextField } from "../../ui/Field";
import type { SamlProviderChange, SamlProviderInput } from "./api";
import { loa3 } from "./labels";
import { AcrField, IdentifierFields, lines, listError, ProviderFormFrame } from "./provider-fields";
import { CertificateFields, MetadataLink, maxCertificates } from "./SamlCertificates";

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

interface SamlDraft {
  displayName: string;
  entityId: string;
  ssoUrl: string;
  /** Blank: the IdP has no single logout. */
  singleLogoutUrl: string;
  wantEncryptedAssertions: boolean;
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
    singleLogoutUrl: provider?.saml?.singleLogoutUrl ?? "",
    wantEncryptedAssertions: provider?.saml?.wantEncryptedAssertions ?? false,
    certificates: [""],
    replaceCertificates: provider === null,
    identifierKind: provider?.identifierKind ?? "hsa_id",
    identifierClaim: provider?.identifierClaim ?? usualAttributes.hsa_id,
    acrValues: provider ? provider.acrValues.join("\n") : loa3,
    enabled: provider?.enabled ?? true,
  };
}

/** An empty address is no single logout: null, which the server also takes to clear one. */
const logoutUrlOf = (d: SamlDraft) => d.singleLogoutUrl.trim() || null;

function createBody(d: SamlDraft): SamlProviderInput {
  return {
    displayName: d.displayName,
    entityId: d.entityId,
    ssoUrl: d.ssoUrl,
    certificates: d.certificates,
    wantEncryptedAssertions: d.wantEncryptedAssertions,
    singleLogoutUrl: logoutUrlOf(d),
    identifierKind: d.identifierKind,
    identifierAttribute: d.identifierClaim,
    authnContextClassRefs: lines(d.acrValues),
    enabled: d.enabled,
  };
}

/** What differs from `before`, sent as one change: all of it is saved, or none of it. */
function changesOf(before: IdentityProviderView, d: SamlDraft): SamlProviderChange {
  const saml = before.saml;
  const acrValues = lines(d.acrValues);
  const differs = <T,>(now: T, then: T | undefined) => (now !== then ? now : undefined);
  return {
    displayName: differs(d.displayName, before.displayName),
    entityId: differs(d.entityId, saml?.entityId),
    ssoUrl: differs(d.ssoUrl, saml?.ssoUrl),
    singleLogoutUrl: differs(logoutUrlOf(d), saml?.singleLogoutUrl),
    wantEncryptedAssertions: differs(d.wantEncryptedAssertions, saml?.wantEncryptedAssertions),
    certificates: d.replaceCertificates ? d.certificates : undefined,
    identifierKind: differs(d.identifierKind, before.identifierKind),
    identifierAttribute: differs(d.identifierClaim, before.identifierClaim),
    authnContextClassRefs:
      acrValues.join("\n") !== before.acrValues.join("\n") ? acrValues : undefined,
    enabled: differs(d.enabled, before.enabled),
  };
}

/** The new provider, or the change to `provider` in one request. */
async function send(
  api: ReturnType<typeof useApi>,
  provider: IdentityProviderView | null,
  draft: SamlDraft,
): Promise<IdentityProviderView> {
  if (!provider) return api.createSamlProvider(createBody(draft));
  const changes = changesOf(provider, draft);
  // Nothing changed: the server would ask for at least one field, the list is already right.
  const any = Object.values(changes).some((value) => value !== undefined);
  return any ? api.updateSamlProvider(provider.id, changes) : provider;
}

const listNames = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name}.${i}`);
const fieldNames = [
  "displayName",
  "entityId",
  "ssoUrl",
  "singleLogoutUrl",
  "wantEncryptedAssertions",
  "certificates",
  ...listNames("certificates", maxCertificates),
  "identifierKind",
  "identifierAttribute",
  "authnContextClassRefs",
  ...listNames("authnContextClassRefs", 10),
  "enabled",
];

/** Adding a SAML 2.0 provider, or changing one (`provider`) in one request. */
export function SamlProviderForm({
  provider,
  onSaved,
  onCancel,
}: {
  provider: IdentityProviderView | null;
  onSaved: (saved: IdentityProviderView, created: boolean) => void;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fieldNames);
  const [draft, setDraft] = useState(() => draftOf(provider));
  const set = (changes: Partial<SamlDraft>) => setDraft({ ...draft, ...changes });

  async function save() {
    onSaved(await send(api, provider, draft), provider === null);
    if (!provider) setDraft(draftOf(null));
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
      <SamlFields draft={draft} provider={provider} onChange={set} error={submit.fieldError} />
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
  provider,
  onChange,
  error,
}: {
  draft: SamlDraft;
  provider: IdentityProviderView | null;
  onChange: (changes: Partial<SamlDraft>) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
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
      <AddressFields draft={draft} onChange={onChange} error={error} />
      <CertificateFields provider={provider} draft={draft} onChange={onChange} error={error} />
      <CheckboxField
        label={t("loginAdmin.samlWantEncrypted")}
        hint={t("loginAdmin.samlWantEncryptedHelp")}
        name="wantEncryptedAssertions"
        checked={draft.wantEncryptedAssertions}
        onChange={(e) => onChange({ wantEncryptedAssertions: e.target.checked })}
        error={error("wantEncryptedAssertions")}
      />
      <IdentifierFields
        value={draft}
        usual={usualAttributes}
        claimLabel="loginAdmin.identifierAttribute"
        claimHint="loginAdmin.identifierAttributeHint"
        claimName="identifierAttribute"
        onChange={onChange}
        error={{ kind: error("identifierKind"), claim: error("identifierAttribute") }}
      />
      <AcrField
        label="loginAdmin.authnContextClassRefs"
        name="authnContextClassRefs"
        value={draft.acrValues}
        onChange={(acrValues) => onChange({ acrValues })}
        error={listError(error, "authnContextClassRefs")}
      />
    </fieldset>
  );
}

/** Where Frid sends the person to log in, and (if the IdP has one) to log out. */
function AddressFields({
  draft,
  onChange,
  error,
}: {
  draft: SamlDraft;
  onChange: (changes: Partial<SamlDraft>) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
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
      <TextField
        label={t("loginAdmin.samlSingleLogoutUrl")}
        hint={t("loginAdmin.samlSingleLogoutUrlHelp")}
        name="singleLogoutUrl"
        type="url"
        autoComplete="off"
        spellCheck={false}
        value={draft.singleLogoutUrl}
        onChange={(e) => onChange({ singleLogoutUrl: e.target.value })}
        error={error("singleLogoutUrl")}
      />
    </>
  );
}
