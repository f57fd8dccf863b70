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

/** The login dialog's key, for a user who has one (the code form stays beside it). */
export function DialogKeyStep() {
  const { t } = useT();
  const { api, reloginWithKey } = useAuth();
  const methods = useQuery<SecondFactorMethods>(["mfa-methods"], () => api.secondFactorMethods(), {
    keep: false,
  });
  if (methods.state.status !== "ready" || !methods.state.data.keys) return null;
  return <KeyLoginButton intro={t("mfa.keyIntro")} verify={reloginWithKey} />;
}
