import { type FormEvent, useState } from "react";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";

/**
 * Current password, new password twice: the one form for changing a password, on Mitt konto
 * and at the first login with a one-time password. `change` calls the server; the fields
 * are emptied once it succeeds.
 */
export function PasswordChangeForm({
  labelledBy,
  currentLabel,
  submitLabel,
  change,
  onChanged,
}: {
  /** The heading that names the form, where the page has more than one. */
  labelledBy?: string;
  currentLabel: string;
  submitLabel: string;
  change: (currentPassword: string, newPassword: string) => Promise<void>;
  onChanged?: () => void;
}) {
  const form = usePasswordChange(change, onChanged);
  const { submit } = form;

  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={labelledBy} onSubmit={form.handleSubmit} noValidate>
        <TextField
          label={currentLabel}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={form.currentPassword}
          onChange={(e) => form.setCurrentPassword(e.target.value)}
          error={submit.fieldError("currentPassword")}
        />
        <NewPasswordFields
          newPassword={form.newPassword}
          repeatPassword={form.repeatPassword}
          onNewChange={form.setNewPassword}
          onRepeatChange={form.setRepeatPassword}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

/** The three passwords, and the change: refused before sending when the two new ones differ. */
function usePasswordChange(
  change: (currentPassword: string, newPassword: string) => Promise<void>,
  onChanged: (() => void) | undefined,
) {
  const { t } = useT();
  const submit = useSubmit(["currentPassword", "newPassword", "repeatPassword"]);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [repeatPassword, setRepeatPassword] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (newPassword !== repeatPassword) {
      return submit.reject({ repeatPassword: t("account.passwordMismatch") });
    }
    const ok = await submit.run(() => change(currentPassword, newPassword));
    if (ok) {
      setCurrentPassword("");
      setNewPassword("");
      setRepeatPassword("");
      onChanged?.();
    }
  }

  return {
    submit,
    currentPassword,
    setCurrentPassword,
    newPassword,
    setNewPassword,
    repeatPassword,
    setRepeatPassword,
    handleSubmit,
  };
}

/** The new password, and once more to catch a typing mistake (checked before sending). */
function NewPasswordFields({
  newPassword,
  repeatPassword,
  onNewChange,
  onRepeatChange,
  fieldError,
}: {
  newPassword: string;
  repeatPassword: string;
  onNewChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("account.newPassword")}
        hint={t("account.newPasswordHint")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => onNewChange(e.target.value)}
        error={fieldError("newPassword")}
      />
      <TextField
        label={t("account.repeatPassword")}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        value={repeatPassword}
        onChange={(e) => onRepeatChange(e.target.value)}
        error={fieldError("repeatPassword")}
      />
    </>
  );
}
