import { type FormEvent, useState } from "react";
import { IdentifierKind } from "../../../shared/api/identity-providers";
import type { AccountIdentifier, IdentityProviderView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import { identifierKindLabels } from "./labels";

/**
 * A user's identifiers for logins through the organisation's identity providers (on the
 * administrator's user page). A personal identity number is never read back: once saved the
 * server keeps only its keyed hash, and the page says "stored".
 */
export function AccountIdentifiers({ userId }: { userId: string }) {
  const { t } = useT();
  const api = useApi();
  const data = useQuery(["admin", "user", userId, "identifiers"], async (signal) => {
    const [identifiers, providers] = await Promise.all([
      api.accountIdentifiers(userId, signal),
      api.identityProviders(signal),
    ]);
    return { identifiers: identifiers.identifiers, providers: providers.providers };
  });
  const remove = useSubmit();
  const [status, setStatus] = useState<string | null>(null);
  const { state } = data;

  async function removeIdentifier(identifierId: string) {
    if (state.status !== "ready") return;
    setStatus(null);
    const ok = await remove.run(async () => {
      await api.removeAccountIdentifier(identifierId);
      const identifiers = state.data.identifiers.filter((i) => i.id !== identifierId);
      data.setData({ ...state.data, identifiers });
    });
    if (ok) setStatus(t("identifiers.removed"));
  }

  return (
    <section className="section" aria-labelledby="identifiers-title">
      <h2 id="identifiers-title">{t("identifiers.title")}</h2>
      <p>{t("identifiers.intro")}</p>
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <QueryError error={state.error} />}
      <StatusMessage message={status} />
      {state.status === "ready" && (
        <>
          <ErrorSummary errors={remove.errors} />
          <IdentifierList
            identifiers={state.data.identifiers}
            providers={state.data.providers}
            pending={remove.pending}
            onRemove={removeIdentifier}
          />
          <AddIdentifierForm
            userId={userId}
            providers={state.data.providers}
            onAdded={(identifiers) => {
              data.setData({ ...state.data, identifiers });
              setStatus(t("identifiers.added"));
            }}
          />
        </>
      )}
    </section>
  );
}

function IdentifierList({
  identifiers,
  providers,
  pending,
  onRemove,
}: {
  identifiers: readonly AccountIdentifier[];
  providers: readonly IdentityProviderView[];
  pending: boolean;
  onRemove: (id: string) => void;
}) {
  const { t } = useT();
  if (identifiers.length === 0) return <p className="empty">{t("identifiers.none")}</p>;
  const shown = (i: AccountIdentifier) => {
    const value = i.value ?? t("identifiers.storedNumber");
    const provider = providers.find((p) => p.id === i.providerId);
    return provider
      ? t("identifiers.atProvider", { value, provider: provider.displayName })
      : value;
  };
  return (
    <ul className="item-list" aria-label={t("identifiers.list")}>
      {identifiers.map((i) => {
        const kind = t(identifierKindLabels[i.kind]);
        return (
          <li key={i.id} className="item-list__item">
            <span>
              {kind}: <span className="break-anywhere">{shown(i)}</span>
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={t("identifiers.removeLabel", { kind })}
              disabled={pending}
              onClick={() => onRemove(i.id)}
            >
              {t("identifiers.remove")}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function AddIdentifierForm({
  userId,
  providers,
  onAdded,
}: {
  userId: string;
  providers: readonly IdentityProviderView[];
  onAdded: (identifiers: AccountIdentifier[]) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["kind", "value", "providerId"]);
  const [kind, setKind] = useState<IdentifierKind>("hsa_id");
  const [value, setValue] = useState("");
  const [providerId, setProviderId] = useState("");
  const chosenProvider = providerId || providers[0]?.id || "";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const input = kind === "sub" ? { kind, value, providerId: chosenProvider } : { kind, value };
      const { identifiers } = await api.addAccountIdentifier(userId, input);
      // The number leaves the page once sent: it is not kept anywhere in the browser.
      setValue("");
      onAdded(identifiers);
    });
  }

  return (
    <div className="subsection">
      <h3 id="add-identifier-title">{t("identifiers.addTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form"
        aria-labelledby="add-identifier-title"
        onSubmit={handleSubmit}
        noValidate
      >
        <SelectField
          label={t("identifiers.kind")}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as IdentifierKind)}
          error={submit.fieldError("kind")}
        >
          {IdentifierKind.options.map((k) => (
            <option key={k} value={k}>
              {t(identifierKindLabels[k])}
            </option>
          ))}
        </SelectField>
        {kind === "sub" && (
          <SelectField
            label={t("identifiers.provider")}
            hint={
              providers.length === 0 ? t("identifiers.noProviders") : t("identifiers.providerHint")
            }
            name="providerId"
            value={chosenProvider}
            onChange={(e) => setProviderId(e.target.value)}
            error={submit.fieldError("providerId")}
          >
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t("identifiers.value")}
          hint={t(`identifiers.valueHint.${kind}`)}
          name="value"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={submit.fieldError("value")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("identifiers.addSubmit")}
        </button>
      </form>
    </div>
  );
}
