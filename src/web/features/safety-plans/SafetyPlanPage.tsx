import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useQuery } from "../../hooks/useQuery";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import { measureKindLabels, measureStatusLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { type PlanVersion, SafetyPlanForm } from "./SafetyPlanForm";
import { SafetyPlanHistory } from "./SafetyPlanHistory";

/**
 * The case's safety plan (säkerhetsplan): the current version's measures, a form that saves
 * a new version made from the one shown, the version history with earlier versions to read,
 * and the PDF to hand over in person.
 */
export function SafetyPlanPage() {
  const { t } = useT();
  const api = useApi();
  const { caseId = "" } = useParams();
  const caseQuery = useQuery(["case", caseId], (signal) => api.caseById(caseId, signal));
  const plan = useQuery(["case", caseId, "safety-plan"], (signal) =>
    api.safetyPlan(caseId, signal),
  );
  const [viewing, setViewing] = useState<number | null>(null);
  const old = useQuery(
    viewing === null ? null : ["case", caseId, "safety-plan", viewing],
    (signal) => api.safetyPlanVersion(caseId, viewing ?? 1, signal),
  );
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const focusLater = useFocusLater();

  const caseState = caseQuery.state;
  if (caseState.status === "error" || plan.state.status === "error") {
    const error =
      caseState.status === "error" ? caseState.error : (plan.state as { error: unknown }).error;
    return (
      <Page title={t("safetyPlan.title")}>
        {isNotFound(error) ? <p>{t("safetyPlan.notFound")}</p> : <QueryError error={error} />}
      </Page>
    );
  }
  if (caseState.status === "loading" || plan.state.status === "loading") {
    return (
      <Page title={t("safetyPlan.title")}>
        <Loading />
      </Page>
    );
  }
  const theCase = caseState.data;
  const { current, history } = plan.state.data;
  const closed = !theCase.abilities.change;

  function show(version: number | null) {
    setViewing(version === current?.version ? null : version);
    setSaved(null);
    focusLater("safety-plan-shown-title");
  }

  const shown:
    | { status: "loading" }
    | { status: "error"; error: unknown }
    | { status: "ready"; data: PlanVersion | null } =
    viewing === null
      ? { status: "ready", data: current }
      : old.state.status === "ready"
        ? { status: "ready", data: old.state.data.current }
        : old.state;

  return (
    <Page title={t("safetyPlan.title")}>
      <p className="page-context">
        <Link to={`/cases/${theCase.id}`}>
          {t("safetyPlan.forCase", { reference: theCase.reference })}
        </Link>{" "}
        · {theCase.person.name}
      </p>
      <StatusMessage message={saved} />

      <section className="section" aria-labelledby="safety-plan-shown-title">
        <h2 id="safety-plan-shown-title" tabIndex={-1}>
          {viewing === null
            ? t("safetyPlan.currentTitle")
            : t("safetyPlan.oldTitle", { version: viewing })}
        </h2>
        {conflict && (
          <div className="alert" role="alert">
            <p>{conflict}</p>
            <p>{t("safetyPlan.conflictReloaded")}</p>
          </div>
        )}
        {viewing !== null && (
          <div className="notice safety-plan__old">
            <p className="safety-plan__old-text">{t("safetyPlan.oldNotice")}</p>
            <button type="button" className="button button--secondary" onClick={() => show(null)}>
              {t("safetyPlan.showCurrent")}
            </button>
          </div>
        )}
        {shown.status === "loading" ? (
          <Loading />
        ) : shown.status === "error" ? (
          <QueryError error={shown.error} />
        ) : shown.data === null ? (
          <p className="empty">{t("safetyPlan.empty")}</p>
        ) : (
          <PlanVersionView version={shown.data} />
        )}

        {viewing === null && !closed && !editing && (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(true);
                setSaved(null);
                setConflict(null);
              }}
            >
              {current ? t("safetyPlan.edit") : t("safetyPlan.create")}
            </button>
          </p>
        )}
      </section>

      {editing && viewing === null && (
        <section className="section" aria-labelledby="safety-plan-form-title">
          <SafetyPlanForm
            key={current?.version ?? 0}
            caseId={caseId}
            basedOn={current}
            onSaved={(next) => {
              plan.setData(next);
              setEditing(false);
              setConflict(null);
              setSaved(t("safetyPlan.saved", { version: next.current?.version ?? 0 }));
              focusLater("safety-plan-shown-title");
            }}
            onConflict={(message) => {
              setEditing(false);
              setConflict(message);
              plan.reload();
              focusLater("safety-plan-shown-title");
            }}
            onCancel={() => {
              setEditing(false);
              focusLater("safety-plan-shown-title");
            }}
          />
        </section>
      )}

      {current && (
        <section className="section" aria-labelledby="safety-plan-print-title">
          <h2 id="safety-plan-print-title">{t("safetyPlan.printTitle")}</h2>
          <p className="notice">{t("safetyPlan.printNote")}</p>
          <p>
            <a className="button button--secondary" href={api.safetyPlanPdfUrl(caseId)} download>
              {t("safetyPlan.print")}
            </a>
          </p>
        </section>
      )}

      {history.items.length > 0 && (
        <section className="section" aria-labelledby="safety-plan-history-title">
          <h2 id="safety-plan-history-title">{t("safetyPlan.historyTitle")}</h2>
          <SafetyPlanHistory
            caseId={caseId}
            history={history}
            shownVersion={viewing ?? current?.version ?? null}
            onShow={show}
          />
        </section>
      )}
    </Page>
  );
}

function PlanVersionView({ version }: { version: PlanVersion }) {
  const { t, lang } = useT();
  const listId = useId();
  return (
    <>
      <p className="muted">
        {t("safetyPlan.versionLine", {
          version: version.version,
          date: formatDateTimeShort(version.savedAt, lang),
          who: version.savedBy,
        })}
      </p>
      <p id={listId} className="visually-hidden">
        {t("safetyPlan.measuresLabel", { version: version.version })}
      </p>
      <ul className="record-list" aria-labelledby={listId}>
        {version.measures.map((m, i) => (
          // Measures have no id of their own: their place in the version is who they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: a saved version never changes
          <li key={i} className="record-list__item">
            <article aria-labelledby={`${listId}-${i}`}>
              <h3 id={`${listId}-${i}`}>{t(measureKindLabels[m.kind])}</h3>
              <p className="multiline safety-plan__description">{m.description}</p>
              <dl className="details safety-plan__facts">
                <div>
                  <dt>{t("safetyPlan.forWhom")}</dt>
                  <dd>{m.forWhom}</dd>
                </div>
                <div>
                  <dt>{t("safetyPlan.responsible")}</dt>
                  <dd>{m.responsible}</dd>
                </div>
                <div>
                  <dt>{t("safetyPlan.status")}</dt>
                  <dd>{t(measureStatusLabels[m.status])}</dd>
                </div>
                <div>
                  <dt>{t("safetyPlan.reviewOn")}</dt>
                  <dd>{formatDay(m.reviewOn, lang)}</dd>
                </div>
              </dl>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
