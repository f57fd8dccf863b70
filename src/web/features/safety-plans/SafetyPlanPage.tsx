import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { SafetyPlan } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { type Query, useQuery } from "../../hooks/useQuery";
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
  const { caseId = "" } = useParams();
  const page = useSafetyPlanPage(caseId);
  const { caseQuery, plan, viewing } = page;

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

  return (
    <Page title={t("safetyPlan.title")}>
      <p className="page-context">
        <Link to={`/cases/${theCase.id}`}>
          {t("safetyPlan.forCase", { reference: theCase.reference })}
        </Link>{" "}
        · {theCase.person.name}
      </p>
      <StatusMessage message={page.saved} />
      <ShownPlanSection
        page={page}
        shown={shownVersion(viewing, current, page.old.state)}
        mayEdit={viewing === null && !closed && !page.editing && !current?.masked}
        hasCurrent={Boolean(current)}
      />
      {page.editing && viewing === null && (
        <FormSection caseId={caseId} current={current} page={page} />
      )}
      {current && <PrintSection caseId={caseId} masked={current.masked} />}
      {history.items.length > 0 && (
        <HistorySection caseId={caseId} history={history} current={current} page={page} />
      )}
    </Page>
  );
}

const shownTitleId = "safety-plan-shown-title";

/** The page's reads and what it is doing: which version is shown, editing, the last message. */
function useSafetyPlanPage(caseId: string) {
  const api = useApi();
  const caseQuery = useQuery(["case", caseId], (signal) => api.caseById(caseId, signal));
  const plan = useQuery(["case", caseId, "safety-plan"], (signal) =>
    api.safetyPlan(caseId, signal),
  );
  const [viewing, setViewing] = useState<number | null>(null);
  const old = useQuery(
    viewing === null ? null : ["case", caseId, "safety-plan", viewing],
    (signal) => api.safetyPlanVersion(caseId, viewing ?? 1, signal),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const focusLater = useFocusLater();
  const focusShown = () => focusLater(shownTitleId);
  const editing = useSafetyPlanEditing(plan, setSaved, focusShown);
  const current = plan.state.status === "ready" ? plan.state.data.current : null;

  function show(version: number | null) {
    setViewing(version === current?.version ? null : version);
    setSaved(null);
    focusShown();
  }
  return { caseQuery, plan, old, viewing, saved, show, ...editing };
}

/** Editing: the form opens from the version shown; saved or in conflict, focus goes back to it. */
function useSafetyPlanEditing(
  plan: Query<SafetyPlan>,
  setSaved: (message: string | null) => void,
  focusShown: () => void,
) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const endEditing = () => {
    setEditing(false);
    focusShown();
  };
  return {
    editing,
    conflict,
    startEditing() {
      setEditing(true);
      setSaved(null);
      setConflict(null);
    },
    onSaved(next: SafetyPlan) {
      plan.setData(next);
      setConflict(null);
      setSaved(t("safetyPlan.saved", { version: next.current?.version ?? 0 }));
      endEditing();
    },
    onConflict(message: string) {
      setConflict(message);
      plan.reload();
      endEditing();
    },
    onCancel: endEditing,
  };
}

type SafetyPlanPageState = ReturnType<typeof useSafetyPlanPage>;
type Shown =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "ready"; data: PlanVersion | null };

/** The version shown: the current one, or an older one once it has been read. */
function shownVersion(
  viewing: number | null,
  current: PlanVersion | null,
  old: SafetyPlanPageState["old"]["state"],
): Shown {
  if (viewing === null) return { status: "ready", data: current };
  return old.status === "ready" ? { status: "ready", data: old.data.current } : old;
}

/** The version shown, with the way back from an older one and the button that starts editing. */
function ShownPlanSection({
  page,
  shown,
  mayEdit,
  hasCurrent,
}: {
  page: SafetyPlanPageState;
  shown: Shown;
  mayEdit: boolean;
  hasCurrent: boolean;
}) {
  const { t } = useT();
  const { viewing, conflict } = page;
  return (
    <section className="section" aria-labelledby={shownTitleId}>
      <h2 id={shownTitleId} tabIndex={-1}>
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
          <button
            type="button"
            className="button button--secondary"
            onClick={() => page.show(null)}
          >
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
      {shown.status === "ready" && shown.data?.masked && (
        <p className="notice">{t("safetyPlan.maskedNotice")}</p>
      )}

      {mayEdit && (
        <p>
          <button type="button" className="button" onClick={page.startEditing}>
            {hasCurrent ? t("safetyPlan.edit") : t("safetyPlan.create")}
          </button>
        </p>
      )}
    </section>
  );
}

/** The form, keyed by the version it starts from: a newer version starts it afresh. */
function FormSection({
  caseId,
  current,
  page,
}: {
  caseId: string;
  current: PlanVersion | null;
  page: SafetyPlanPageState;
}) {
  return (
    <section className="section" aria-labelledby="safety-plan-form-title">
      <SafetyPlanForm
        key={current?.version ?? 0}
        caseId={caseId}
        basedOn={current}
        onSaved={page.onSaved}
        onConflict={page.onConflict}
        onCancel={page.onCancel}
      />
    </section>
  );
}

function HistorySection({
  caseId,
  history,
  current,
  page,
}: {
  caseId: string;
  history: SafetyPlan["history"];
  current: PlanVersion | null;
  page: SafetyPlanPageState;
}) {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="safety-plan-history-title">
      <h2 id="safety-plan-history-title">{t("safetyPlan.historyTitle")}</h2>
      <SafetyPlanHistory
        caseId={caseId}
        history={history}
        shownVersion={page.viewing ?? current?.version ?? null}
        onShow={page.show}
      />
    </section>
  );
}

/** The PDF to hand over in person; a plan with withheld secrets prints after a reveal. */
function PrintSection({ caseId, masked }: { caseId: string; masked: boolean }) {
  const { t } = useT();
  const api = useApi();
  return (
    <section className="section" aria-labelledby="safety-plan-print-title">
      <h2 id="safety-plan-print-title">{t("safetyPlan.printTitle")}</h2>
      <p className="notice">{t("safetyPlan.printNote")}</p>
      {masked ? (
        <p>{t("safetyPlan.printMasked")}</p>
      ) : (
        <p>
          <a className="button button--secondary" href={api.safetyPlanPdfUrl(caseId)} download>
            {t("safetyPlan.print")}
          </a>
        </p>
      )}
    </section>
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
              <p className="multiline safety-plan__description">
                {/* Withheld (a protected person's code word, safe place, emergency number). */}
                {version.masked && m.description === ""
                  ? t("safetyPlan.maskedMeasure")
                  : m.description}
              </p>
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
