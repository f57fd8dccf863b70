import { useState } from "react";
import type { MfaEnrolment } from "../../api/endpoints";
import { useApi, useMe } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { useRoleText } from "../../ui/RoleText";
import { DigestSetting } from "../notifications/DigestSetting";
import { MfaSetupSteps } from "./MfaSetup";
import { PasswordChangeForm } from "./PasswordChange";
import { SecurityKeysSection } from "./SecurityKeys";

/** Mitt konto: who I am here, two-step verification, my password, the daily e-mail digest. */
export function AccountPage() {
  const { t } = useT();
  const me = useMe();
  const roleText = useRoleText();
  return (
    <Page title={t("account.title")}>
      <section className="section" aria-labelledby="account-details-title">
        <h2 id="account-details-title">{t("account.detailsTitle")}</h2>
        <dl className="details">
          <div>
            <dt>{t("admin.displayName")}</dt>
            <dd>{me.user.displayName}</dd>
          </div>
          <div>
            <dt>{t("admin.username")}</dt>
            <dd>{me.user.username}</dd>
          </div>
          <div>
            <dt>{t("account.organisation")}</dt>
            <dd>{me.organisation.name}</dd>
          </div>
          <div>
            <dt>{t("admin.roles")}</dt>
            <dd>
              {me.roles.length === 0 ? (
                t("admin.noRoles")
              ) : (
                <ul className="plain-list">
                  {me.roles.map((r) => (
                    <li key={r.id}>{roleText(r)}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </section>
      <MfaSection />
      <SecurityKeysSection />
      <PasswordSection />
      <DigestSetting />
    </Page>
  );
}

function MfaSection() {
  const { t } = useT();
  const api = useApi();
  const me = useMe();
  const start = useSubmit();
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function begin() {
    setStatus(null);
    await start.run(async () => setEnrolment(await api.startMfaEnrolment()));
  }

  return (
    <section className="section" aria-labelledby="account-mfa-title">
      <h2 id="account-mfa-title">{t("account.mfaTitle")}</h2>
      <StatusMessage message={status} />
      {me.user.mfaEnrolled ? (
        <p>{t("account.mfaEnrolled")}</p>
      ) : enrolment ? (
        <MfaSetupSteps
          enrolment={enrolment}
          submitLabel={t("account.mfaSubmit")}
          onCancel={() => setEnrolment(null)}
          onVerified={() => {
            setEnrolment(null);
            setStatus(t("account.mfaDone"));
          }}
        />
      ) : (
        <>
          <p>{t("account.mfaNotEnrolled")}</p>
          <ErrorSummary errors={start.errors} />
          <button type="button" className="button" disabled={start.pending} onClick={begin}>
            {t("account.mfaStart")}
          </button>
        </>
      )}
    </section>
  );
}

function PasswordSection() {
  const { t } = useT();
  const api = useApi();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="account-password-title">
      <h2 id="account-password-title">{t("account.passwordTitle")}</h2>
      <StatusMessage message={status} />
      <PasswordChangeForm
        labelledBy="account-password-title"
        currentLabel={t("account.currentPassword")}
        submitLabel={t("account.passwordSubmit")}
        change={(current, next) => {
          setStatus(null);
          return api.changePassword(current, next);
        }}
        onChanged={() => setStatus(t("account.passwordChanged"))}
      />
    </section>
  );
}
