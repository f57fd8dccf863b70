import { type FormEvent, useRef, useState } from "react";
import type { MfaEnrolment } from "../../api/endpoints";
import type { LoginNotice } from "../../auth/context";
import { useAuth } from "../../auth/useSession";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { KeyLoginButton, useSecondFactorMethods } from "./KeyLogin";
import { LoginFields } from "./LoginFields";
import { CodeForm, MfaSetupSteps } from "./MfaSetup";
import { PasswordChangeForm } from "./PasswordChange";
import { ProviderLogins } from "./ProviderLogins";

/**
 * The login steps: password, then the one-time code or, the first time, setting up the app;
 * after a one-time password (npm run admin:create), a password of one's own.
 */
export function LoginPage() {
  const { state } = useAuth();
  if (state.status === "mfa_required") return <MfaStep />;
  if (state.status === "mfa_enrolment_required") return <EnrolmentStep />;
  if (state.status === "password_change_required") return <NewPasswordStep />;
  return <PasswordStep notice={state.status === "anonymous" ? state.notice : null} />;
}

const noticeText = {
  loggedOut: "login.loggedOut",
  loggedOutProviderOpen: "login.loggedOutProviderOpen",
  expired: "login.expired",
} as const;

function PasswordStep({ notice }: { notice: LoginNotice | null }) {
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
        {notice && !submit.errors && <p className="notice">{t(noticeText[notice])}</p>}
        <p>{t("login.intro")}</p>
        <ErrorSummary errors={submit.errors} />
        <form className="form" onSubmit={handleSubmit} noValidate>
          <LoginFields
            username={username}
            onUsername={setUsername}
            password={password}
            onPassword={setPassword}
            fieldError={submit.fieldError}
          />
          <button type="submit" className="button" disabled={submit.pending}>
            {t("login.submit")}
          </button>
        </form>
        <ProviderLogins />
      </div>
    </Page>
  );
}

/** The second factor: the one-time code, or a security key for a user who has one. */
function MfaStep() {
  const { t } = useT();
  const { logout, verifyKey } = useAuth();
  const { loading, ready, codeToo } = useSecondFactorMethods();
  return (
    <Page title={t(ready && !ready.totp ? "mfa.keyTitle" : "mfa.title")}>
      <div className="narrow">
        {loading && <Loading />}
        {ready?.keys && (
          <KeyLoginButton
            intro={t(ready.totp ? "mfa.keyIntro" : "mfa.keyOnlyIntro")}
            verify={verifyKey}
          />
        )}
        {codeToo && (
          <>
            <p>{t("mfa.intro")}</p>
            <CodeForm submitLabel={t("mfa.submit")} onCancel={() => logout()} />
          </>
        )}
        {ready && !ready.totp && (
          <button type="button" className="button button--secondary" onClick={() => logout()}>
            {t("mfa.cancel")}
          </button>
        )}
      </div>
    </Page>
  );
}

function EnrolmentStep() {
  const { t } = useT();
  const { api, logout } = useAuth();
  // Asking for a secret is a POST that creates one, so it is made once: the server keeps only
  // the latest secret, and a second request (StrictMode runs effects twice in development)
  // could leave it holding another secret than the one on screen.
  const request = useRef<Promise<MfaEnrolment> | null>(null);
  const enrolment = useQuery<MfaEnrolment>(
    ["mfa-enrolment"],
    () => {
      request.current ??= api.startMfaEnrolment();
      return request.current;
    },
    // Not a read but a new secret: never kept for another mount.
    { keep: false },
  );

  return (
    <Page title={t("mfaEnrol.title")}>
      <div className="narrow">
        <p>{t("mfaEnrol.intro")}</p>
        {enrolment.state.status === "loading" && <Loading />}
        {enrolment.state.status === "error" && <QueryError error={enrolment.state.error} />}
        {enrolment.state.status === "ready" && (
          <MfaSetupSteps
            enrolment={enrolment.state.data}
            submitLabel={t("mfaEnrol.submit")}
            onCancel={() => logout()}
          />
        )}
      </div>
    </Page>
  );
}

function NewPasswordStep() {
  const { t } = useT();
  const { replaceOneTimePassword, logout } = useAuth();
  return (
    <Page title={t("newPassword.title")}>
      <div className="narrow">
        <p>{t("newPassword.intro")}</p>
        <PasswordChangeForm
          currentLabel={t("newPassword.current")}
          submitLabel={t("newPassword.submit")}
          change={replaceOneTimePassword}
        />
        <button type="button" className="button button--secondary" onClick={() => logout()}>
          {t("mfa.cancel")}
        </button>
      </div>
    </Page>
  );
}
