import { type FormEvent, useState } from "react";
import type { LoginPolicy } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";

const policyKey = ["admin", "login-policy"];

/** The policy as read; both sections show it and both change it. */
function usePolicy() {
  const api = useApi();
  return useQuery(policyKey, (signal) => api.loginPolicy(signal));
}

/** Local passwords on or off, the consequence said before, the server's refusal shown after. */
export function PasswordPolicySection() {
  const { t } = useT();
  const api = useApi();
  const policy = usePolicy();
  const submit = useSubmit();
  const [status, setStatus] = useState<string | null>(null);

  async function change(localPasswords: boolean) {
    setStatus(null);
    const ok = await submit.run(async () =>
      policy.setData(await api.setLoginPolicy(localPasswords)),
    );
    if (ok)
      setStatus(t(localPasswords ? "loginAdmin.policyTurnedOn" : "loginAdmin.policyTurnedOff"));
  }

  return (
    <section className="section" aria-labelledby="policy-title">
      <h2 id="policy-title">{t("loginAdmin.policyTitle")}</h2>
      {policy.state.status === "loading" && <Loading />}
      {policy.state.status === "error" && <QueryError error={policy.state.error} />}
      {policy.state.status === "ready" && (
        <>
          <p>
            <strong>
              {policy.state.data.localPasswords
                ? t("loginAdmin.policyOn")
                : t("loginAdmin.policyOff")}
            </strong>
          </p>
          <p>{t(`loginAdmin.basis.${policy.state.data.localPasswordsBasis}`)}</p>
          <p id="policy-consequence">{t("loginAdmin.policyConsequence")}</p>
          <StatusMessage message={status} />
          <ErrorSummary errors={submit.errors} />
          <button
            type="button"
            className="button button--secondary"
            aria-describedby="policy-consequence"
            disabled={submit.pending}
            onClick={() =>
              change(!(policy.state.status === "ready" && policy.state.data.localPasswords))
            }
          >
            {policy.state.data.localPasswords ? t("loginAdmin.turnOff") : t("loginAdmin.turnOn")}
          </button>
        </>
      )}
    </section>
  );
}

/** Who keeps a password login when passwords are off: listed, marked, unmarked. */
export function BreakGlassSection() {
  const { t } = useT();
  const policy = usePolicy();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="break-glass-title">
      <h2 id="break-glass-title">{t("loginAdmin.breakGlassTitle")}</h2>
      <p>{t("loginAdmin.breakGlassIntro")}</p>
      {policy.state.status === "loading" && <Loading />}
      {policy.state.status === "error" && <QueryError error={policy.state.error} />}
      {policy.state.status === "ready" && (
        <BreakGlassAccounts
          policy={policy.state.data}
          onChange={(message) => {
            setStatus(message);
            policy.reload();
          }}
          status={status}
        />
      )}
    </section>
  );
}

function BreakGlassAccounts({
  policy,
  onChange,
  status,
}: {
  policy: LoginPolicy;
  onChange: (message: string) => void;
  status: string | null;
}) {
  const { t } = useT();
  const api = useApi();
  const unmark = useSubmit();

  async function remove(account: LoginPolicy["breakGlassAccounts"][number]) {
    const ok = await unmark.run(async () => {
      await api.setBreakGlass(account.id, false);
    });
    if (ok) onChange(t("loginAdmin.unmarked", { name: account.displayName }));
  }

  return (
    <>
      <StatusMessage message={status} />
      <ErrorSummary errors={unmark.errors} />
      {policy.breakGlassAccounts.length === 0 ? (
        <p className="empty">{t("loginAdmin.noBreakGlass")}</p>
      ) : (
        <ul className="item-list" aria-label={t("loginAdmin.breakGlassList")}>
          {policy.breakGlassAccounts.map((a) => (
            <li key={a.id} className="item-list__item">
              <span>
                {a.displayName} ({a.username}) –{" "}
                {a.hardwareKey ? t("loginAdmin.hasKey") : <strong>{t("loginAdmin.noKey")}</strong>}
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t("loginAdmin.unmarkLabel", { name: a.displayName })}
                disabled={unmark.pending}
                onClick={() => remove(a)}
              >
                {t("loginAdmin.unmark")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <MarkBreakGlassForm marked={policy.breakGlassAccounts.map((a) => a.id)} onMarked={onChange} />
    </>
  );
}

/** Any active administrator not yet marked; the server says why one cannot be. */
function MarkBreakGlassForm({
  marked,
  onMarked,
}: {
  marked: readonly string[];
  onMarked: (message: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["breakGlass"]);
  const users = useQuery(["admin", "users"], async (signal) => (await api.users(signal)).users);
  const [userId, setUserId] = useState("");

  if (users.state.status === "loading") return <Loading />;
  if (users.state.status === "error") return <QueryError error={users.state.error} />;
  const candidates = users.state.data.filter(
    (u) => u.active && !marked.includes(u.id) && u.roles.some((r) => r.role === "administrator"),
  );
  const chosen = userId || candidates[0]?.id || "";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const user = candidates.find((u) => u.id === chosen);
    if (!user) return;
    const ok = await submit.run(async () => {
      await api.setBreakGlass(user.id, true);
    });
    if (ok) {
      setUserId("");
      onMarked(t("loginAdmin.marked", { name: user.displayName }));
    }
  }

  return (
    <div className="subsection">
      <h3 id="mark-break-glass-title">{t("loginAdmin.markTitle")}</h3>
      {candidates.length === 0 ? (
        <p className="empty">{t("loginAdmin.noCandidates")}</p>
      ) : (
        <>
          <ErrorSummary errors={submit.errors} />
          <form
            className="form"
            aria-labelledby="mark-break-glass-title"
            onSubmit={handleSubmit}
            noValidate
          >
            <SelectField
              label={t("loginAdmin.markAccount")}
              hint={t("loginAdmin.markAccountHint")}
              name="breakGlass"
              value={chosen}
              onChange={(e) => setUserId(e.target.value)}
              error={submit.fieldError("breakGlass")}
            >
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.username})
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button" disabled={submit.pending}>
              {t("loginAdmin.markSubmit")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
