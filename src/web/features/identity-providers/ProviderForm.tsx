import { type FormEvent, useState } from "react";
import { IdentifierKind } from "../../../shared/api/identity-providers";
import type { IdentityProviderView, ProviderChange, ProviderInput } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { identifierKindLabels, loa3 } from "./labels";

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
    acrValues: draft.acrValues
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
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
 * fieldset of their own (OidcFields), so a SAML provider's can stand beside them.
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
  const titleId = provider ? `edit-provider-${provider.id}` : "add-provider-title";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      if (provider) {
        const changes = changesOf(bodyOf(draftOf(provider)), bodyOf(draft));
        onSaved(await api.updateIdentityProvider(provider.id, changes), false);
      } else {
        onSaved(await api.createIdentityProvider(bodyOf(draft)), true);
        setDraft(draftOf(null));
      }
    });
  }

  return (
    <div className="subsection">
      <h3 id={titleId}>
        {provider
          ? t("loginAdmin.editProviderTitle", { name: provider.displayName })
          : t("loginAdmin.addProviderTitle")}
      </h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
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
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.pending}>
            {provider ? t("loginAdmin.saveProviderSubmit") : t("loginAdmin.addProviderSubmit")}
          </button>
          {onCancel && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t("loginAdmin.cancelEdit")}
            </button>
          )}
        </div>
      </form>
    </div>
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
  const acrError =
    error("acrValues") ??
    Array.from({ length: 10 }, (_, i) => error(`acrValues.${i}`)).find(Boolean);
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
      <IdentifierFields draft={draft} onChange={onChange} error={error} />
      <AcrField draft={draft} onChange={onChange} error={acrError} />
    </fieldset>
  );
}

/** The required assurance levels, one per line; LoA3 offered when it is not there. */
function AcrField({
  draft,
  onChange,
  error,
}: {
  draft: ProviderDraft;
  onChange: (draft: ProviderDraft) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  const set = (changes: Partial<ProviderDraft>) => onChange({ ...draft, ...changes });
  return (
    <>
      <TextAreaField
        label={t("loginAdmin.acrValues")}
        hint={t("loginAdmin.acrValuesHint", { loa3 })}
        name="acrValues"
        spellCheck={false}
        value={draft.acrValues}
        onChange={(e) => set({ acrValues: e.target.value })}
        error={error}
      />
      {!draft.acrValues.includes(loa3) && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            set({ acrValues: [draft.acrValues.trim(), loa3].filter(Boolean).join("\n") })
          }
        >
          {t("loginAdmin.useLoa3")}
        </button>
      )}
    </>
  );
}

/** The kind of identifier and its claim; changing the kind suggests its usual claim. */
function IdentifierFields({ draft, onChange, error }: FieldsProps) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("loginAdmin.identifierKind")}
        hint={t("loginAdmin.identifierKindHint")}
        name="identifierKind"
        value={draft.identifierKind}
        onChange={(e) => {
          const kind = e.target.value as IdentifierKind;
          // A claim the administrator typed stays; one we suggested follows the kind.
          const suggested = Object.values(usualClaims).includes(draft.identifierClaim);
          onChange({
            ...draft,
            identifierKind: kind,
            identifierClaim: suggested ? usualClaims[kind] : draft.identifierClaim,
          });
        }}
        error={error("identifierKind")}
      >
        {IdentifierKind.options.map((kind) => (
          <option key={kind} value={kind}>
            {t(identifierKindLabels[kind])}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("loginAdmin.identifierClaim")}
        hint={t("loginAdmin.identifierClaimHint", {
          kind: t(identifierKindLabels[draft.identifierKind]),
          claim: usualClaims[draft.identifierKind],
        })}
        name="identifierClaim"
        autoComplete="off"
        spellCheck={false}
        value={draft.identifierClaim}
        onChange={(e) => onChange({ ...draft, identifierClaim: e.target.value })}
        error={error("identifierClaim")}
      />
    </>
  );
}
