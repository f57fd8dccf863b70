import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import type { SessionWarning } from "../../auth/session-clock";
import { useAuth } from "../../auth/useSession";
import { useSessionClock } from "../../auth/useSessionClock";
import { useSubmit } from "../../hooks/useSubmit";
import { formatTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { DialogSecondFactor } from "./KeyLogin";
import { LoginFields } from "./LoginFields";

/*
 * Typed work is never lost to an ended session: a warning before the end with a way to go
 * on, and, once the session has ended, a login dialog over the page. The page stays in
 * memory (nothing goes to web storage) but is hidden while the dialog is open: a session
 * ends because someone walked away, and the next person at the screen must not read on.
 */

export function SessionGuard() {
  const { api, state, relogin } = useAuth();
  const signedIn = state.status === "authenticated";
  const { warning, continueWorking } = useSessionClock(api, signedIn);
  if (!signedIn) return null;
  return (
    <>
      <SessionWarningBar warning={relogin.open ? null : warning} onContinue={continueWorking} />
      <ReloginDialog />
    </>
  );
}

function SessionWarningBar({
  warning,
  onContinue,
}: {
  warning: SessionWarning | null;
  onContinue: () => void;
}) {
  const { t, lang } = useT();
  // Put in the page when due, as ErrorSummary is: a new role="alert" is announced at once.
  if (!warning) return null;
  return (
    <div className="session-warning">
      <div role="alert" className="session-warning__body container">
        <p className="session-warning__text">
          {t(warning.endsBy === "idle" ? "session.warningIdle" : "session.warningAbsolute", {
            time: formatTime(new Date(warning.endsAt).toISOString(), lang),
          })}
        </p>
        {warning.endsBy === "idle" && (
          <button type="button" className="button" onClick={onContinue}>
            {t("session.continue")}
          </button>
        )}
      </div>
    </div>
  );
}

const dialogTitleId = "relogin-title";

function ReloginDialog() {
  const { t } = useT();
  const { relogin, logout } = useAuth();
  const dialog = useRef<HTMLDialogElement>(null);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (relogin.open && !element.open) {
      element.showModal();
      firstField.current?.focus();
    } else if (!relogin.open && element.open) {
      element.close();
    }
  }, [relogin]);

  return (
    <dialog
      ref={dialog}
      className="relogin"
      aria-labelledby={dialogTitleId}
      // Escape must not close it: the page behind holds someone's work and personal data.
      onCancel={(event) => event.preventDefault()}
      // A browser may close it anyway (a second Escape): while the session is still ended,
      // it opens again, since the page behind stays hidden until someone logs in.
      onClose={() => {
        if (relogin.open) dialog.current?.showModal();
      }}
    >
      {relogin.open && (
        <div className="relogin__body">
          <h2 id={dialogTitleId}>{t("relogin.title")}</h2>
          <p>{t("relogin.intro")}</p>
          {relogin.step === "password" ? (
            <PasswordForm username={relogin.username} firstField={firstField} />
          ) : (
            <DialogSecondFactor codeForm={<CodeForm firstField={firstField} />} />
          )}
          <div className="relogin__leave">
            <p className="field__hint">{t("relogin.logoutHint")}</p>
            <button type="button" className="button button--secondary" onClick={() => logout()}>
              {t("relogin.logout")}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}

function PasswordForm({
  username: known,
  firstField,
}: {
  username: string;
  firstField: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useT();
  const { reloginWithPassword } = useAuth();
  const submit = useSubmit(["username", "password"]);
  const [username, setUsername] = useState(known);
  const [password, setPassword] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(() => reloginWithPassword(username, password));
    // A failed attempt must not leave the password in the form for the next try's guesser.
    if (!ok) {
      setPassword("");
      firstField.current?.focus();
    }
  }

  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={handleSubmit} noValidate>
        <LoginFields
          username={username}
          onUsername={setUsername}
          password={password}
          onPassword={setPassword}
          fieldError={submit.fieldError}
          passwordRef={firstField}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("login.submit")}
        </button>
      </form>
    </>
  );
}

function CodeForm({ firstField }: { firstField: RefObject<HTMLInputElement | null> }) {
  const { t } = useT();
  const { reloginWithCode } = useAuth();
  const submit = useSubmit(["code"]);
  const [code, setCode] = useState("");

  // The code step replaces the password step: focus follows into it.
  useEffect(() => firstField.current?.focus(), [firstField]);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(() => reloginWithCode(code));
    if (!ok) setCode("");
  }

  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          ref={firstField}
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
        <button type="submit" className="button" disabled={submit.pending}>
          {t("mfa.submit")}
        </button>
      </form>
    </>
  );
}
