import { useState } from "react";
import type { IdentifierKind } from "../../../shared/api/identity-providers";
import type { IdentityProviderView, ProviderChange, ProviderInput } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextField } from "../../ui/Field";
import { loa3 } from "./labels";
import { AcrField, IdentifierFields, lines, listError, ProviderFormFrame } from "./provider-fields";

/** The claim each kind of identifier usually arrives in (README: connecting a provider). */
const usualClaims: Record<IdentifierKind, string> = {
  hsa_id: "urn:sambi:names:attribute:hsaIdentity",
  personal_identity_number: "urn:oid:1.2.752.29.4.13",
  email: "email",
  sub: "sub",
};

/** The form's values as typed: acr values one per line, an empty secret name a public client. */
export interface ProviderDraft {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecretEnv: string;
  scopes: string;
  identifierKind: IdentifierKind;
  identifierClaim: string;
  acrValues: string;
  enabled: boolean;
}

function draftOf(provider: IdentityProviderView | null): ProviderDraft {
  if (!provider) {
    return {
      displayName: "",
      issuer: "",
      clientId: "",
      clientSecretEnv: "",
      scopes: "openid",
      identifierKind: "hsa_id",
      identifierClaim: usualClaims.hsa_id,
      acrValues: loa3,
      enabled: true,
    };
  }
  return {
    ...provider,
    issuer: provider.issuer ?? "",
    clientId: provider.clientId ?? "",
    clientSecretEnv: provider.clientSecretEnv ?? "",
    acrValues: provider.acrValues.join("\n"),
  };
}

function bodyOf(draft: ProviderDraft): ProviderInput {
  return {
    ...draft,
    clientSecretEnv: draft.clientSecretEnv.trim() === "" ? null : draft.clientSecretEnv.trim(),
    acrValues: lines(draft.acrValues),
  };
}

/** Only what changed goes to the server, so the audit event names what was changed. */
function changesOf(before: ProviderInput, after: ProviderInput): ProviderChange {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key as keyof ProviderInput];
    if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = value;
  }
  return changes as ProviderChange;
}

const fieldNames = [
  "displayName",
  "issuer",
  "clientId",
  "clientSecretEnv",
  "scopes",
  "identifierKind",
  "identifierClaim",
  "acrValues",
  ...Array.from({ length: 10 }, (_, i) => `acrValues.${i}`),
  "enabled",
];

/**
 * Adding a provider, or changing one (`provider`). The protocol's own settings are a
 * fieldset of their own (OidcFields); a SAML provider's are SamlProviderForm's.
 */
export function ProviderForm({
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

  async function save() {
    if (provider) {
      const changes = changesOf(bodyOf(draftOf(provider)), bodyOf(draft));
      onSaved(await api.updateIdentityProvider(provider.id, changes), false);
    } else {
      onSaved(await api.createIdentityProvider(bodyOf(draft)), true);
      setDraft(draftOf(null));
    }
  }

  return (
    <ProviderFormFrame
      titleId={provider ? `edit-provider-${provider.id}` : "add-provider-title"}
      title={
        provider
          ? t("loginAdmin.editProviderTitle", { name: provider.displayName })
          : t("loginAdmin.addProviderTitle")
      }
      submit={submit}
      submitLabel={
        provider ? t("loginAdmin.saveProviderSubmit") : t("loginAdmin.addProviderSubmit")
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      <TextField
        label={t("loginAdmin.displayName")}
        hint={t("loginAdmin.displayNameHint")}
        name="displayName"
        autoComplete="off"
        value={draft.displayName}
        onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
        error={submit.fieldError("displayName")}
      />
      <OidcFields draft={draft} onChange={setDraft} error={submit.fieldError} />
      <CheckboxField
        label={t("loginAdmin.enabledField")}
        name="enabled"
        checked={draft.enabled}
        onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
        error={submit.fieldError("enabled")}
      />
    </ProviderFormFrame>
  );
}

interface FieldsProps {
  draft: ProviderDraft;
  onChange: (draft: ProviderDraft) => void;
  error: (name: string) => string | undefined;
}

/** OpenID Connect's settings: where the provider is, who Frid is there, what names the person. */
function OidcFields({ draft, onChange, error }: FieldsProps) {
  const { t } = useT();
  const set = (changes: Partial<ProviderDraft>) => onChange({ ...draft, ...changes });
  return (
    <fieldset className="fieldset">
      <legend>{t("loginAdmin.oidcLegend")}</legend>
      <TextField
        label={t("loginAdmin.issuer")}
        hint={t("loginAdmin.issuerHint")}
        name="issuer"
        type="url"
        autoComplete="off"
        spellCheck={false}
        value={draft.issuer}
        onChange={(e) => set({ issuer: e.target.value })}
        error={error("issuer")}
      />
      <TextField
        label={t("loginAdmin.clientId")}
        hint={t("loginAdmin.clientIdHint")}
        name="clientId"
        autoComplete="off"
        spellCheck={false}
        value={draft.clientId}
        onChange={(e) => set({ clientId: e.target.value })}
        error={error("clientId")}
      />
      <TextField
        label={t("loginAdmin.clientSecretEnv")}
        hint={t("loginAdmin.clientSecretEnvHint")}
        name="clientSecretEnv"
        autoComplete="off"
        spellCheck={false}
        value={draft.clientSecretEnv}
        onChange={(e) => set({ clientSecretEnv: e.target.value })}
        error={error("clientSecretEnv")}
      />
      <TextField
        label={t("loginAdmin.scopes")}
        hint={t("loginAdmin.scopesHint")}
        name="scopes"
        autoComplete="off"
        spellCheck={false}
        value={draft.scopes}
        onChange={(e) => set({ scopes: e.target.value })}
        error={error("scopes")}
      />
      <IdentifierFields
        value={draft}
        usual={usualClaims}
        claimLabel="loginAdmin.identifierClaim"
        claimHint="loginAdmin.identifierClaimHint"
        claimName="identifierClaim"
        onChange={set}
        error={{ kind: error("identifierKind"), claim: error("identifierClaim") }}
      />
      <AcrField
        label="loginAdmin.acrValues"
        name="acrValues"
        value={draft.acrValues}
        onChange={(acrValues) => set({ acrValues })}
        error={listError(error, "acrValues")}
      />
    </fieldset>
  );
}
