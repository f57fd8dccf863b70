import { useState } from "react";
import { Link } from "react-router";
import { IdentityProviderProtocol } from "../../../shared/api/identity-providers";
import type { IdentityProviderView } from "../../api/endpoints";
import { isAdministrator } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { RadioGroupField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { BreakGlassSection, PasswordPolicySection } from "./LoginPolicySections";
import { identifierKindLabels } from "./labels";
import { ProviderForm } from "./ProviderForm";
import { CertificateList, MetadataLink } from "./SamlCertificates";
import { SamlProviderForm } from "./SamlProviderForm";

/** Administration › Inloggning: the organisation's identity providers and login policy. */
export function LoginSettingsPage() {
  const { t } = useT();
  const me = useMe();
  if (!isAdministrator(me.roles)) {
    return (
      <Page title={t("admin.title")}>
        <p>{t("admin.forbidden")}</p>
      </Page>
    );
  }
  return (
    <Page title={t("loginAdmin.title")}>
      <p>
        <Link to="/admin">{t("loginAdmin.back")}</Link>
      </p>
      <p>{t("loginAdmin.intro")}</p>
      <Providers />
      <PasswordPolicySection />
      <BreakGlassSection />
    </Page>
  );
}

export const providersKey = ["admin", "identity-providers"];

function Providers() {
  const { t } = useT();
  const api = useApi();
  const providers = useQuery(providersKey, async (signal) => api.identityProviders(signal));
  const toggle = useSubmit();
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  async function setEnabled(provider: IdentityProviderView, enabled: boolean) {
    setStatus(null);
    const ok = await toggle.run(async () => {
      await api.updateIdentityProvider(provider.id, { enabled });
      providers.reload();
    });
    const name = provider.displayName;
    if (ok)
      setStatus(
        t(enabled ? "loginAdmin.providerEnabled" : "loginAdmin.providerDisabled", { name }),
      );
  }

  const list = providers.state.status === "ready" ? providers.state.data.providers : [];
  const edited = list.find((p) => p.id === editing) ?? null;
  return (
    <section className="section" aria-labelledby="providers-title">
      <h2 id="providers-title">{t("loginAdmin.providersTitle")}</h2>
      {providers.state.status === "loading" && <Loading />}
      {providers.state.status === "error" && <QueryError error={providers.state.error} />}
      {providers.state.status === "ready" &&
        (list.length === 0 ? (
          <p className="empty">{t("loginAdmin.noProviders")}</p>
        ) : (
          <ProviderTable
            providers={list}
            pending={toggle.pending}
            onEdit={(id) => {
              setStatus(null);
              setEditing(id);
            }}
            onToggle={setEnabled}
          />
        ))}
      <StatusMessage message={status} />
      <ErrorSummary errors={toggle.errors} />
      <ProviderEditor
        edited={edited}
        onCancel={() => setEditing(null)}
        onSaved={(message) => {
          setEditing(null);
          setStatus(message);
          providers.reload();
        }}
      />
    </section>
  );
}

/** The form below the list: the provider being changed, else a new one of either protocol. */
function ProviderEditor({
  edited,
  onCancel,
  onSaved,
}: {
  edited: IdentityProviderView | null;
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useT();
  const [protocol, setProtocol] = useState<IdentityProviderProtocol>("oidc");
  const saved =
    (key: "loginAdmin.providerSaved" | "loginAdmin.providerCreated") =>
    (provider: IdentityProviderView) =>
      onSaved(t(key, { name: provider.displayName }));
  if (edited?.protocol === "saml")
    return (
      <SamlProviderForm
        key={edited.id}
        provider={edited}
        onCancel={onCancel}
        onSaved={saved("loginAdmin.providerSaved")}
      />
    );
  if (edited)
    return (
      <ProviderForm
        key={edited.id}
        provider={edited}
        onCancel={onCancel}
        onSaved={saved("loginAdmin.providerSaved")}
      />
    );
  return (
    <>
      <RadioGroupField
        label={t("loginAdmin.protocol")}
        hint={t("loginAdmin.protocolHint")}
        name="protocol"
        value={protocol}
        options={IdentityProviderProtocol.options.map((value) => ({
          value,
          label: t(`loginAdmin.protocol.${value}`),
        }))}
        onChange={setProtocol}
      />
      {protocol === "saml" ? (
        <SamlProviderForm provider={null} onSaved={saved("loginAdmin.providerCreated")} />
      ) : (
        <ProviderForm provider={null} onSaved={saved("loginAdmin.providerCreated")} />
      )}
    </>
  );
}

function ProviderTable({
  providers,
  pending,
  onEdit,
  onToggle,
}: {
  providers: readonly IdentityProviderView[];
  pending: boolean;
  onEdit: (id: string) => void;
  onToggle: (provider: IdentityProviderView, enabled: boolean) => void;
}) {
  const { t } = useT();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t("loginAdmin.providersCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("loginAdmin.providerName")}</th>
            <th scope="col">{t("loginAdmin.providerIssuer")}</th>
            <th scope="col">{t("loginAdmin.providerIdentifier")}</th>
            <th scope="col">{t("loginAdmin.providerAcr")}</th>
            <th scope="col">{t("loginAdmin.providerSecret")}</th>
            <th scope="col">{t("loginAdmin.providerStatus")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("loginAdmin.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {providers.map((p) => (
            <ProviderRow
              key={p.id}
              provider={p}
              pending={pending}
              onEdit={onEdit}
              onToggle={onToggle}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProviderRow({
  provider: p,
  pending,
  onEdit,
  onToggle,
}: {
  provider: IdentityProviderView;
  pending: boolean;
  onEdit: (id: string) => void;
  onToggle: (provider: IdentityProviderView, enabled: boolean) => void;
}) {
  const { t } = useT();
  return (
    <tr>
      <th scope="row">{p.displayName}</th>
      <td>
        <span className="break-anywhere">{p.issuer ?? p.saml?.entityId}</span>
        {p.saml && <SamlSecurity saml={p.saml} />}
      </td>
      <td>
        {t(identifierKindLabels[p.identifierKind])}
        <br />
        <code className="break-anywhere">{p.identifierClaim}</code>
      </td>
      <td className="break-anywhere">
        {/* Saved before a level was required: every login through it is refused. */}
        {p.acrValues.length === 0 ? (
          <strong>{t("loginAdmin.missingAcr")}</strong>
        ) : (
          p.acrValues.join(", ")
        )}
      </td>
      <td>
        <SecretState provider={p} />
      </td>
      <td>{p.enabled ? t("loginAdmin.enabled") : <strong>{t("loginAdmin.disabled")}</strong>}</td>
      <td className="nowrap">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t("loginAdmin.editLabel", { name: p.displayName })}
          onClick={() => onEdit(p.id)}
        >
          {t("loginAdmin.edit")}
        </button>{" "}
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t(p.enabled ? "loginAdmin.disableLabel" : "loginAdmin.enableLabel", {
            name: p.displayName,
          })}
          disabled={pending}
          onClick={() => onToggle(p, !p.enabled)}
        >
          {p.enabled ? t("loginAdmin.disable") : t("loginAdmin.enable")}
        </button>
      </td>
    </tr>
  );
}

function SecretState({ provider }: { provider: IdentityProviderView }) {
  const { t } = useT();
  // A SAML provider has no secret: what Frid trusts is its signing certificates.
  if (provider.saml)
    return (
      <>
        <CertificateList provider={provider} />
        <MetadataLink provider={provider} />
      </>
    );
  const name = provider.clientSecretEnv;
  if (!name) return <span className="muted">{t("loginAdmin.publicClient")}</span>;
  return provider.clientSecretSet ? (
    <span className="break-anywhere">{t("loginAdmin.secretSet", { name })}</span>
  ) : (
    <strong className="break-anywhere">{t("loginAdmin.secretMissing", { name })}</strong>
  );
}

/** Whether a SAML provider's assertions must come encrypted, and where it logs out. */
function SamlSecurity({ saml }: { saml: NonNullable<IdentityProviderView["saml"]> }) {
  const { t } = useT();
  const logout = saml.singleLogoutUrl;
  return (
    <ul className="plain-list">
      <li>
        {t(
          saml.wantEncryptedAssertions ? "loginAdmin.samlEncrypted" : "loginAdmin.samlNotEncrypted",
        )}
      </li>
      <li>
        {logout ? (
          <>
            {/* Words wrap between words, the address wherever it must. */}
            {t("loginAdmin.samlSingleLogoutAt")} <span className="break-anywhere">{logout}</span>
          </>
        ) : (
          t("loginAdmin.samlNoSingleLogout")
        )}
      </li>
    </ul>
  );
}
