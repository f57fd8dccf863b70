import type { ReactNode } from "react";
import type { SecondFactorMethods } from "../../../shared/api/webauthn";
import { useAuth } from "../../auth/useSession";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { ErrorSummary } from "../../ui/Messages";
import { signWithKey } from "./key-ceremony";

/**
 * "Använd säkerhetsnyckel": the server's challenge, the browser's key, the signed answer
 * handed to `verify` (the login page's step, or the login dialog's).
 */
export function KeyLoginButton({
  intro,
  verify,
}: {
  intro: string;
  verify: (credential: unknown) => Promise<void>;
}) {
  const { t } = useT();
  const { api } = useAuth();
  const submit = useSubmit();
  const useKey = () =>
    submit.run(async () => {
      const options = await api.startKeyLogin();
      await verify(await signWithKey(options, t("mfa.keyFailed")));
    });
  return (
    <div>
      <p>{intro}</p>
      <ErrorSummary errors={submit.errors} />
      <button type="button" className="button" disabled={submit.pending} onClick={useKey}>
        {t("mfa.useKey")}
      </button>
    </div>
  );
}

/**
 * Which second factors the waiting session may use. Without an answer (an error), the code
 * form is offered as before keys existed; a break-glass account of an organisation without
 * passwords is offered its key only (the server refuses its code).
 */
export function useSecondFactorMethods() {
  const { api } = useAuth();
  const methods = useQuery<SecondFactorMethods>(["mfa-methods"], () => api.secondFactorMethods(), {
    keep: false,
  });
  const ready = methods.state.status === "ready" ? methods.state.data : null;
  const codeToo = methods.state.status === "error" || ready?.totp === true;
  return { loading: methods.state.status === "loading", ready, codeToo };
}

/** The login dialog's second factor: the key for a user who has one, the code form if allowed. */
export function DialogSecondFactor({ codeForm }: { codeForm: ReactNode }) {
  const { t } = useT();
  const { reloginWithKey } = useAuth();
  const { ready, codeToo } = useSecondFactorMethods();
  return (
    <>
      {ready?.keys && (
        <KeyLoginButton
          intro={t(ready.totp ? "mfa.keyIntro" : "mfa.keyOnlyIntro")}
          verify={reloginWithKey}
        />
      )}
      {codeToo && codeForm}
    </>
  );
}
