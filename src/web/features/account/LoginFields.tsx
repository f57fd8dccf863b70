import type { RefObject } from "react";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";

/**
 * The username and password fields of a login: one set, used by the login page and by the
 * dialog that asks for the password again when the session has ended (SessionGuard).
 */
export function LoginFields({
  username,
  onUsername,
  password,
  onPassword,
  fieldError,
  passwordRef,
}: {
  username: string;
  onUsername: (value: string) => void;
  password: string;
  onPassword: (value: string) => void;
  fieldError: (field: string) => string | undefined;
  passwordRef?: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("login.username")}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onChange={(e) => onUsername(e.target.value)}
        error={fieldError("username")}
      />
      <TextField
        ref={passwordRef}
        label={t("login.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={fieldError("password")}
      />
    </>
  );
}
