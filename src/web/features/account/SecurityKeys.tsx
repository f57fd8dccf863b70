import { type FormEvent, useState } from "react";
import type { SecurityKey, SecurityKeyList } from "../../../shared/api/webauthn";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import { createKey } from "./key-ceremony";

/**
 * Mitt konto's security keys (ADR 0029): the keys with when they were added and last used,
 * renamed or removed one by one, and a new one added after the password.
 */
export function SecurityKeysSection() {
  const { t } = useT();
  const api = useApi();
  const keys = useQuery<SecurityKeyList>(["my-keys"], () => api.myKeys(), { keep: false });
  const [status, setStatus] = useState<string | null>(null);
  const done = (message: string) => {
    setStatus(message);
    keys.reload();
  };
  return (
    <section className="section" aria-labelledby="account-keys-title">
      <h2 id="account-keys-title">{t("keys.title")}</h2>
      <p>{t("keys.intro")}</p>
      <StatusMessage message={status} />
      {keys.state.status === "loading" && <Loading />}
      {keys.state.status === "error" && <QueryError error={keys.state.error} />}
      {keys.state.status === "ready" && (
        <>
          {keys.state.data.keys.length < 2 && <p className="notice">{t("keys.twoKeys")}</p>}
          <KeyList keys={keys.state.data.keys} onChanged={done} />
          <AddKeyForm onAdded={(name) => done(t("keys.added", { name }))} />
        </>
      )}
    </section>
  );
}

function KeyList({
  keys,
  onChanged,
}: {
  keys: SecurityKey[];
  onChanged: (message: string) => void;
}) {
  const { t } = useT();
  if (keys.length === 0) return <p>{t("keys.none")}</p>;
  return (
    <ul className="record-list" aria-label={t("keys.listLabel")}>
      {keys.map((key) => (
        <KeyRow key={key.id} securityKey={key} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function KeyRow({
  securityKey: key,
  onChanged,
}: {
  securityKey: SecurityKey;
  onChanged: (message: string) => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const submit = useSubmit(["name"]);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(key.name);

  async function rename(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => void (await api.renameKey(key.id, name)));
    if (ok) {
      setRenaming(false);
      onChanged(t("keys.renamed", { name: name.trim() }));
    }
  }
  async function remove() {
    const ok = await submit.run(() => api.removeKey(key.id));
    if (ok) onChanged(t("keys.removed", { name: key.name }));
  }

  return (
    <li className="record-list__item">
      <p>
        <strong>{key.name}</strong>
        <br />
        {t("keys.createdAt", { when: formatDateTime(key.createdAt, lang) })}
        {" · "}
        {key.lastUsedAt
          ? t("keys.lastUsedAt", { when: formatDateTime(key.lastUsedAt, lang) })
          : t("keys.neverUsed")}
      </p>
      <ErrorSummary errors={submit.errors} />
      {renaming ? (
        <form className="form" onSubmit={rename} noValidate>
          <TextField
            label={t("keys.newName", { name: key.name })}
            name="name"
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={submit.fieldError("name")}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={submit.pending}>
              {t("keys.saveName")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRenaming(false)}
            >
              {t("mfa.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setRenaming(true)}
          >
            {t("keys.rename", { name: key.name })}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={submit.pending}
            onClick={remove}
          >
            {t("keys.remove", { name: key.name })}
          </button>
        </div>
      )}
    </li>
  );
}

/** The password again, a name, then the browser asks for the key (touch it, or its PIN). */
function AddKeyForm({ onAdded }: { onAdded: (name: string) => void }) {
  const { t } = useT();
  const api = useApi();
  // The key's refusal (field "credential") is no field of the form: the summary lists it.
  const submit = useSubmit(["name", "password"]);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === "") return submit.reject({ name: t("keys.nameMissing") });
    const ok = await submit.run(async () => {
      const options = await api.startKeyRegistration(password);
      const credential = await createKey(options, t("keys.browserFailed"));
      await api.registerKey(name, credential);
    });
    setPassword("");
    if (ok) {
      onAdded(name.trim());
      setName("");
    }
  }

  return (
    <>
      <h3 id="account-add-key-title" className="keys__add-title">
        {t("keys.addTitle")}
      </h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form"
        aria-labelledby="account-add-key-title"
        onSubmit={handleSubmit}
        noValidate
      >
        <TextField
          label={t("keys.name")}
          hint={t("keys.nameHint")}
          name="name"
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={submit.fieldError("name")}
        />
        <TextField
          label={t("keys.password")}
          hint={t("keys.passwordHint")}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={submit.fieldError("password")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("keys.add")}
        </button>
      </form>
    </>
  );
}
