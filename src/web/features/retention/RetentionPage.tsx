import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { stockholmDate } from "../../../shared/calendar";
import { isAdministrator, isUnitManager } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { CheckboxField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import type { RetentionRuleList, RetentionRunView } from "./api";
import { RunList, RunReceipts } from "./RunTables";

/*
 * Gallring (issue 19, item 8): the organisation's rules, each flagged until an administrator
 * records who verified its source; a unit manager's dry run, the list with the reason for
 * each record, the decision and its receipts. The server decides who may do what.
 */
export function RetentionPage() {
  const { t } = useT();
  const roles = useMe().roles;
  if (!isUnitManager(roles) && !isAdministrator(roles))
    return (
      <Page title={t("retention.title")}>
        <p>{t("retention.forbidden")}</p>
      </Page>
    );
  return <Retention />;
}

function Retention() {
  const { t } = useT();
  const api = useApi();
  const rules = useQuery(["retention", "rules"], (signal) => api.retentionRules(signal));
  return (
    <Page title={t("retention.title")}>
      <p>{t("retention.intro")}</p>
      {rules.state.status === "loading" && <Loading />}
      {rules.state.status === "error" && <QueryError error={rules.state.error} />}
      {rules.state.status === "ready" && <Rules list={rules.state.data} />}
      {rules.state.status === "ready" && rules.state.data.mayRun && <DryRun />}
    </Page>
  );
}

function Rules({ list }: { list: RetentionRuleList }) {
  const { t } = useT();
  const api = useApi();
  const client = useQueryClient();
  const submit = useSubmit();
  const [status, setStatus] = useState<string | null>(null);
  const titleId = useId();

  async function verify(code: string) {
    setStatus(null);
    const ok = await submit.run(async () => {
      await api.updateRetentionRule(code, { verifiedOn: stockholmDate(new Date()) });
      await client.invalidateQueries({ queryKey: ["retention", "rules"] });
    });
    if (ok) setStatus(t("retention.rule.verifiedNow"));
  }

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("retention.rules")}</h2>
      <ErrorSummary errors={submit.errors} />
      <StatusMessage message={status} />
      {list.rules.map((r) => (
        <article key={r.code} className="notice">
          {/* Headed by what the rule removes, in words; the code is the rule's name in lists. */}
          <h3>
            {r.subject === "document_kind" && r.documentKind
              ? t("retention.subject.document_kind", {
                  kind: t(`retention.kind.${r.documentKind}`),
                })
              : t(
                  r.subject === "person_record"
                    ? "retention.subject.person_record"
                    : "retention.subject.journal_narrative",
                )}
          </h3>
          <dl>
            <dt>{t("retention.rule.code")}</dt>
            <dd>
              <code>{r.code}</code>
            </dd>
            <dt>{t("retention.rule.when")}</dt>
            <dd>{t(`retention.event.${r.afterEvent}`, { years: String(r.years) })}</dd>
            <dt>{t("retention.rule.exceptions")}</dt>
            <dd>
              <Exceptions exceptions={r.exceptions} />
            </dd>
            <dt>{t("retention.rule.source")}</dt>
            <dd>{r.legalSource}</dd>
            <dt>{t("retention.rule.verified")}</dt>
            <dd>
              {r.verified ? (
                t("retention.rule.verifiedBy", { on: r.verified.on, by: r.verified.by })
              ) : (
                <strong className="badge badge--overdue">{t("retention.rule.unverified")}</strong>
              )}
            </dd>
          </dl>
          {!r.active && <p>{t("retention.rule.inactive")}</p>}
          {list.mayEdit && !r.verified && (
            <button
              type="button"
              className="button button--secondary"
              disabled={submit.pending}
              onClick={() => void verify(r.code)}
            >
              {t("retention.rule.verify", { code: r.code })}
            </button>
          )}
        </article>
      ))}
    </section>
  );
}

function Exceptions({
  exceptions,
}: {
  exceptions: RetentionRuleList["rules"][number]["exceptions"];
}) {
  const { t } = useT();
  const lines: string[] = [];
  if (exceptions.birthDays?.length)
    lines.push(t("retention.exception.birthDays", { days: exceptions.birthDays.join(", ") }));
  if (exceptions.childPlaced) lines.push(t("retention.exception.childPlaced"));
  if (exceptions.childYearsFromBirth)
    lines.push(
      t("retention.exception.childYears", { years: String(exceptions.childYearsFromBirth) }),
    );
  if (lines.length === 0) return <>{t("retention.exception.none")}</>;
  return (
    <ul>
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

function DryRun() {
  const { t, lang } = useT();
  const api = useApi();
  const submit = useSubmit(["confirm"]);
  const [run, setRun] = useState<RetentionRunView | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const titleId = useId();
  const decideId = useId();

  async function start() {
    await submit.run(async () => {
      setRun(await api.retentionDryRun());
      setConfirmed(false);
    });
  }
  async function decide(current: RetentionRunView) {
    if (!confirmed) return submit.reject({ confirm: t("retention.decide.mustConfirm") });
    await submit.run(async () => setRun(await api.decideRetentionRun(current.id)));
  }

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("retention.dryRun")}</h2>
      <ErrorSummary errors={submit.errors} />
      <button
        type="button"
        className="button"
        disabled={submit.pending}
        onClick={() => void start()}
      >
        {t("retention.dryRun.start")}
      </button>
      {!run && <p>{t("retention.dryRun.none")}</p>}
      {run && (
        <>
          <p>
            {t("retention.dryRun.made", {
              at: formatDateTime(run.createdAt, lang),
              by: run.createdBy,
            })}
          </p>
          <RunList run={run} />
          {run.decision ? (
            <>
              <p role="status">
                {t("retention.decided", {
                  at: formatDateTime(run.decision.at, lang),
                  by: run.decision.by,
                  removed: String(run.decision.removed),
                  skipped: String(run.decision.skipped),
                })}
              </p>
              <RunReceipts runId={run.id} />
            </>
          ) : (
            <form
              className="form"
              aria-labelledby={decideId}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void decide(run);
              }}
            >
              <h3 id={decideId}>{t("retention.decide")}</h3>
              <p>{t("retention.decide.explain")}</p>
              <CheckboxField
                label={t("retention.decide.confirm")}
                name="confirm"
                checked={confirmed}
                onChange={(e) => setConfirmed(e.target.checked)}
                error={submit.fieldError("confirm")}
              />
              <button type="submit" className="button" disabled={submit.pending}>
                {t("retention.decide.button")}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
