import { type FormEvent, useId, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { measureKinds, type SafetyMeasure } from "../../../shared/api/safety-plans";
import { ApiError } from "../../api/client";
import type { SafetyPlan } from "../../api/endpoints";
import { errorMessage, isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import { measureKindLabels, measureStatusLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { SafetyPlanHistory } from "./SafetyPlanHistory";

type PlanVersion = NonNullable<SafetyPlan["current"]>;
type MeasureKind = SafetyMeasure["kind"];
type MeasureStatus = SafetyMeasure["status"];
const measureStatuses: readonly MeasureStatus[] = ["planned", "in_place", "ended"];

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

interface DraftMeasure {
  /** For React's list keys only; never sent. */
  rowId: number;
  kind: MeasureKind | "";
  description: string;
  forWhom: string;
  responsible: string;
  status: MeasureStatus;
  reviewOn: string;
}

const measureFields = ["kind", "description", "forWhom", "responsible", "status", "reviewOn"];

function SafetyPlanForm({
  caseId,
  basedOn,
  onSaved,
  onConflict,
  onCancel,
}: {
  caseId: string;
  basedOn: PlanVersion | null;
  onSaved: (plan: SafetyPlan) => void;
  onConflict: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const nextRowId = useRef(0);
  const newRow = (from?: SafetyMeasure): DraftMeasure => {
    nextRowId.current += 1;
    return {
      rowId: nextRowId.current,
      kind: from?.kind ?? "",
      description: from?.description ?? "",
      forWhom: from?.forWhom ?? "",
      responsible: from?.responsible ?? "",
      status: from?.status ?? "planned",
      reviewOn: from?.reviewOn ?? "",
    };
  };
  const [rows, setRows] = useState<DraftMeasure[]>(() =>
    basedOn && basedOn.measures.length > 0 ? basedOn.measures.map(newRow) : [newRow()],
  );
  const fieldNames = rows.flatMap((_, i) => measureFields.map((f) => `measures.${i}.${f}`));
  const submit = useSubmit(fieldNames);
  const focusLater = useFocusLater();
  const formId = useId();

  function change(rowId: number, changes: Partial<DraftMeasure>) {
    setRows((all) => all.map((r) => (r.rowId === rowId ? { ...r, ...changes } : r)));
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      try {
        const saved = await api.saveSafetyPlan(caseId, {
          measures: rows.map(({ rowId: _, ...m }) => ({ ...m, kind: m.kind as MeasureKind })),
          basedOnVersion: basedOn?.version ?? null,
        });
        onSaved(saved);
      } catch (error) {
        // Someone saved a newer version meanwhile: say so and show theirs.
        if (error instanceof ApiError && error.status === 409) {
          onConflict(errorMessage(error, t, lang));
          return;
        }
        throw error;
      }
    });
  }

  return (
    <>
      <h2 id="safety-plan-form-title">
        {basedOn ? t("safetyPlan.formTitleEdit") : t("safetyPlan.formTitleNew")}
      </h2>
      <p className="field__hint">{t("safetyPlan.formHint")}</p>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide safety-plan-form"
        aria-labelledby="safety-plan-form-title"
        onSubmit={handleSubmit}
        noValidate
      >
        {rows.map((row, i) => {
          const name = (field: string) => `measures.${i}.${field}`;
          const legendId = `${formId}-measure-${row.rowId}`;
          return (
            <fieldset key={row.rowId} className="fieldset safety-plan-form__measure">
              <legend id={legendId} tabIndex={-1}>
                {t("safetyPlan.measureLegend", { number: i + 1 })}
              </legend>
              <SelectField
                label={t("safetyPlan.kind")}
                name={name("kind")}
                value={row.kind}
                onChange={(e) => change(row.rowId, { kind: e.target.value as MeasureKind })}
                error={submit.fieldError(name("kind"))}
              >
                <option value="">{t("common.choose")}</option>
                {measureKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(measureKindLabels[kind])}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                label={t("safetyPlan.description")}
                name={name("description")}
                value={row.description}
                onChange={(e) => change(row.rowId, { description: e.target.value })}
                error={submit.fieldError(name("description"))}
              />
              <div className="field__row">
                <TextField
                  label={t("safetyPlan.forWhom")}
                  hint={t("safetyPlan.forWhomHint")}
                  name={name("forWhom")}
                  value={row.forWhom}
                  onChange={(e) => change(row.rowId, { forWhom: e.target.value })}
                  error={submit.fieldError(name("forWhom"))}
                />
                <TextField
                  label={t("safetyPlan.responsible")}
                  name={name("responsible")}
                  value={row.responsible}
                  onChange={(e) => change(row.rowId, { responsible: e.target.value })}
                  error={submit.fieldError(name("responsible"))}
                />
              </div>
              <div className="field__row">
                <SelectField
                  label={t("safetyPlan.status")}
                  name={name("status")}
                  value={row.status}
                  onChange={(e) => change(row.rowId, { status: e.target.value as MeasureStatus })}
                  error={submit.fieldError(name("status"))}
                >
                  {measureStatuses.map((status) => (
                    <option key={status} value={status}>
                      {t(measureStatusLabels[status])}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  type="date"
                  label={t("safetyPlan.reviewOn")}
                  name={name("reviewOn")}
                  value={row.reviewOn}
                  onChange={(e) => change(row.rowId, { reviewOn: e.target.value })}
                  error={submit.fieldError(name("reviewOn"))}
                />
              </div>
              {rows.length > 1 && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setRows((all) => all.filter((r) => r.rowId !== row.rowId));
                    focusLater(`${formId}-add`);
                  }}
                >
                  {t("safetyPlan.removeMeasure", { number: i + 1 })}
                </button>
              )}
            </fieldset>
          );
        })}
        <button
          id={`${formId}-add`}
          type="button"
          className="button button--secondary"
          onClick={() => {
            const row = newRow();
            setRows((all) => [...all, row]);
            focusLater(`${formId}-measure-${row.rowId}`);
          }}
        >
          {t("safetyPlan.addMeasure")}
        </button>
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.pending}>
            {t("safetyPlan.save")}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("safetyPlan.cancel")}
          </button>
        </div>
      </form>
    </>
  );
}
