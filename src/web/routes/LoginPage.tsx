import { type FormEvent, useState } from "react";
import type { MfaEnrolment } from "../api/endpoints";
import { toFormErrors } from "../api/errors";
import { useAuth } from "../auth/useAuth";
import { TextField } from "../components/Field";
import { ErrorSummary, Loading } from "../components/Messages";
import { Page } from "../components/Page";
import { useQuery } from "../hooks/useQuery";
import { useSubmit } from "../hooks/useSubmit";
import { useT } from "../i18n/useT";

/** The login steps: password, then the one-time code or, the first time, setting up the app. */
export function LoginPage() {
  const { state } = useAuth();
  if (state.status === "mfa_required") return <MfaStep />;
  if (state.status === "mfa_enrolment_required") return <EnrolmentStep />;
  return <PasswordStep notice={state.status === "anonymous" ? state.notice : null} />;
}

function PasswordStep({ notice }: { notice: "loggedOut" | "expired" | null }) {
  const { t } = useT();
  const { login } = useAuth();
  const submit = useSubmit(["username", "password"]);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(() => login(username, password));
    // A failed attempt must not leave the password in the form for the next try's guesser.
    if (!ok) setPassword("");
  }

  return (
    <Page title={t("login.title")}>
      <div className="narrow">
        {notice && !submit.errors && (
          <p className="notice">{t(notice === "expired" ? "login.expired" : "login.loggedOut")}</p>
        )}
        <p>{t("login.intro")}</p>
        <ErrorSummary errors={submit.errors} />
        <form className="form" onSubmit={handleSubmit} noValidate>
          <TextField
            label={t("login.username")}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={submit.fieldError("username")}
          />
          <TextField
            label={t("login.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={submit.fieldError("password")}
          />
          <button type="submit" className="button" disabled={submit.pending}>
            {t("login.submit")}
          </button>
        </form>
      </div>
    </Page>
  );
}

function CodeForm({ submitLabel }: { submitLabel: string }) {
  const { t } = useT();
  const { verifyMfa, logout } = useAuth();
  const submit = useSubmit(["code"]);
  const [code, setCode] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(() => verifyMfa(code));
    if (!ok) setCode("");
  }

  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          label={t("mfa.code")}
          hint={t("mfa.codeHint")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\s/g, ""))}
          error={submit.fieldError("code")}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.pending}>
            {submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={() => logout()}>
            {t("mfa.cancel")}
          </button>
        </div>
      </form>
    </>
  );
}

function MfaStep() {
  const { t } = useT();
  return (
    <Page title={t("mfa.title")}>
      <div className="narrow">
        <p>{t("mfa.intro")}</p>
        <CodeForm submitLabel={t("mfa.submit")} />
      </div>
    </Page>
  );
}

function EnrolmentStep() {
  const { t, lang } = useT();
  const { api } = useAuth();
  // Asking for a secret is a POST (it creates one), made once when this step is shown.
  const enrolment = useQuery<MfaEnrolment>("enrolment", () => api.startMfaEnrolment());

  return (
    <Page title={t("mfaEnrol.title")}>
      <div className="narrow">
        <p>{t("mfaEnrol.intro")}</p>
        {enrolment.state.status === "loading" && <Loading />}
        {enrolment.state.status === "error" && (
          <ErrorSummary errors={toFormErrors(enrolment.state.error, [], t, lang)} />
        )}
        {enrolment.state.status === "ready" && (
          <ol className="steps">
            <li>{t("mfaEnrol.step1")}</li>
            <li>
              {t("mfaEnrol.step2")}
              <img
                className="qr-code"
                src={enrolment.state.data.qrSvgDataUrl}
                alt={t("mfaEnrol.qrAlt")}
                width={200}
                height={200}
              />
              <p className="secret">
                <span className="secret__label">{t("mfaEnrol.secret")}:</span>{" "}
                <code className="secret__value">{groupSecret(enrolment.state.data.secret)}</code>
              </p>
            </li>
            <li>
              {t("mfaEnrol.step3")}
              <CodeForm submitLabel={t("mfaEnrol.submit")} />
            </li>
          </ol>
        )}
      </div>
    </Page>
  );
}

/** Base32 in groups of four is far easier to type from the screen; apps ignore the spaces. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
