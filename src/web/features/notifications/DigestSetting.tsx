import { type FormEvent, useEffect, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";

/**
 * Mitt konto: the daily e-mail digest, off until the user turns it on. It says what the
 * digest holds (counts and a link) and what it never holds, before anyone gives an address.
 */
export function DigestSetting() {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["notifications", "settings"], (signal) =>
    api.notificationSettings(signal),
  );
  const submit = useSubmit(["digest", "email"]);
  const [digest, setDigest] = useState(false);
  const [email, setEmail] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const saved = query.state.status === "ready" ? query.state.data : null;

  useEffect(() => {
    if (!saved) return;
    setDigest(saved.digest);
    setEmail(saved.email ?? "");
  }, [saved]);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    const ok = await submit.run(async () => {
      query.setData(
        await api.saveNotificationSettings({ digest, email: email.trim() === "" ? null : email }),
      );
    });
    if (ok) setStatus(t("notifications.digestSaved"));
  }

  return (
    <section className="section" aria-labelledby="account-digest-title">
      <h2 id="account-digest-title">{t("notifications.digestTitle")}</h2>
      <p>{t("notifications.digestIntro")}</p>
      {saved && !saved.mailConfigured && <p>{t("notifications.digestNoMail")}</p>}
      <StatusMessage message={status} />
      {query.state.status === "loading" ? (
        <Loading />
      ) : (
        <>
          <ErrorSummary errors={submit.errors} />
          <DigestForm
            digest={digest}
            email={email}
            onDigest={setDigest}
            onEmail={setEmail}
            submit={submit}
            onSubmit={handleSubmit}
          />
        </>
      )}
    </section>
  );
}

function DigestForm({
  digest,
  email,
  onDigest,
  onEmail,
  submit,
  onSubmit,
}: {
  digest: boolean;
  email: string;
  onDigest: (on: boolean) => void;
  onEmail: (email: string) => void;
  submit: Submit;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t } = useT();
  return (
    <form className="form" aria-labelledby="account-digest-title" onSubmit={onSubmit} noValidate>
      <CheckboxField
        label={t("notifications.digestEnabled")}
        name="digest"
        checked={digest}
        onChange={(e) => onDigest(e.target.checked)}
        error={submit.fieldError("digest")}
      />
      <TextField
        label={t("notifications.digestEmail")}
        hint={t("notifications.digestEmailHint")}
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => onEmail(e.target.value)}
        error={submit.fieldError("email")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("notifications.digestSave")}
      </button>
    </form>
  );
}
