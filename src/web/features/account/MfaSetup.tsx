import { type FormEvent, useState } from "react";
import type { MfaEnrolment } from "../../api/endpoints";
import { useAuth } from "../../auth/useSession";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";

/** The one-time code form, for signing in and for confirming a newly set-up app. */
export function CodeForm({
  submitLabel,
  onCancel,
  onVerified,
}: {
  submitLabel: string;
  onCancel: () => void;
  onVerified?: () => void;
}) {
  const { t } = useT();
  const { verifyMfa } = useAuth();
  const submit = useSubmit(["code"]);
  const [code, setCode] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(() => verifyMfa(code));
    if (ok) onVerified?.();
    else setCode("");
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
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("mfa.cancel")}
          </button>
        </div>
      </form>
    </>
  );
}

/** Steps for adding Frid to an authenticator app: QR code, the key as text, then a code. */
export function MfaSetupSteps({
  enrolment,
  submitLabel,
  onCancel,
  onVerified,
}: {
  enrolment: MfaEnrolment;
  submitLabel: string;
  onCancel: () => void;
  onVerified?: () => void;
}) {
  const { t } = useT();
  return (
    <ol className="steps">
      <li>{t("mfaEnrol.step1")}</li>
      <li>
        {t("mfaEnrol.step2")}
        <img
          className="qr-code"
          src={enrolment.qrSvgDataUrl}
          alt={t("mfaEnrol.qrAlt")}
          width={200}
          height={200}
        />
        <p className="secret">
          <span className="secret__label">{t("mfaEnrol.secret")}:</span>{" "}
          <code className="secret__value">{groupSecret(enrolment.secret)}</code>
        </p>
      </li>
      <li>
        {t("mfaEnrol.step3")}
        <CodeForm submitLabel={submitLabel} onCancel={onCancel} onVerified={onVerified} />
      </li>
    </ol>
  );
}

/** Base32 in groups of four is far easier to type from the screen; apps ignore the spaces. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
