import { type FormEvent, useId, useRef, useState } from "react";
import { measureKinds, type SafetyMeasure } from "../../../shared/api/safety-plans";
import { ApiError } from "../../api/client";
import type { SafetyPlan } from "../../api/endpoints";
import { errorMessage } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useSubmit } from "../../hooks/useSubmit";
import { measureKindLabels, measureStatusLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";

/*
 * The form that saves a new version of the safety plan, made from the version shown; a
 * conflict (someone saved meanwhile) goes back to the page, which shows theirs.
 */

export type PlanVersion = NonNullable<SafetyPlan["current"]>;
type MeasureKind = SafetyMeasure["kind"];
type MeasureStatus = SafetyMeasure["status"];
const measureStatuses: readonly MeasureStatus[] = ["planned", "in_place", "ended"];
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

/** The measures as typed, each with a row id of its own (for keys and focus), made from `basedOn`. */
function useMeasureRows(basedOn: PlanVersion | null, formId: string) {
  const focusLater = useFocusLater();
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
  function change(rowId: number, changes: Partial<DraftMeasure>) {
    setRows((all) => all.map((r) => (r.rowId === rowId ? { ...r, ...changes } : r)));
  }
  // A new measure takes focus at its legend; after a removal focus goes to "add" below the list.
  function add() {
    const row = newRow();
    setRows((all) => [...all, row]);
    focusLater(`${formId}-measure-${row.rowId}`);
  }
  function remove(rowId: number) {
    setRows((all) => all.filter((r) => r.rowId !== rowId));
    focusLater(`${formId}-add`);
  }

  return { rows, change, add, remove };
}

type SafetyPlanFormProps = {
  caseId: string;
  basedOn: PlanVersion | null;
  onSaved: (plan: SafetyPlan) => void;
  onConflict: (message: string) => void;
  onCancel: () => void;
};

export function SafetyPlanForm(props: SafetyPlanFormProps) {
  const { basedOn, onCancel } = props;
  const { t } = useT();
  const formId = useId();
  const { rows, change, add, remove } = useMeasureRows(basedOn, formId);
  const { submit, handleSubmit } = useSaveSafetyPlan(props, rows);

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
        {rows.map((row, i) => (
          <MeasureFieldset
            key={row.rowId}
            row={row}
            index={i}
            legendId={`${formId}-measure-${row.rowId}`}
            change={(changes) => change(row.rowId, changes)}
            fieldError={submit.fieldError}
            onRemove={rows.length > 1 ? () => remove(row.rowId) : null}
          />
        ))}
        <button
          id={`${formId}-add`}
          type="button"
          className="button button--secondary"
          onClick={add}
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

/** Saves a new version made from `basedOn`; a conflict (someone saved meanwhile) goes to the page. */
function useSaveSafetyPlan(
  { caseId, basedOn, onSaved, onConflict }: SafetyPlanFormProps,
  rows: DraftMeasure[],
) {
  const { t, lang } = useT();
  const api = useApi();
  const fieldNames = rows.flatMap((_, i) => measureFields.map((f) => `measures.${i}.${f}`));
  const submit = useSubmit(fieldNames);

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

  return { submit, handleSubmit };
}

/** One measure of the plan: its fieldset, named by its number, with its remove button. */
function MeasureFieldset({
  row,
  index: i,
  legendId,
  change,
  fieldError,
  onRemove,
}: {
  row: DraftMeasure;
  index: number;
  legendId: string;
  change: (changes: Partial<DraftMeasure>) => void;
  fieldError: (name: string) => string | undefined;
  onRemove: (() => void) | null;
}) {
  const { t } = useT();
  const name = (field: string) => `measures.${i}.${field}`;
  return (
    <fieldset className="fieldset safety-plan-form__measure">
      <legend id={legendId} tabIndex={-1}>
        {t("safetyPlan.measureLegend", { number: i + 1 })}
      </legend>
      <SelectField
        label={t("safetyPlan.kind")}
        name={name("kind")}
        value={row.kind}
        onChange={(e) => change({ kind: e.target.value as MeasureKind })}
        error={fieldError(name("kind"))}
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
        onChange={(e) => change({ description: e.target.value })}
        error={fieldError(name("description"))}
      />
      <MeasureWhoFields row={row} name={name} change={change} fieldError={fieldError} />
      <MeasureStatusFields row={row} name={name} change={change} fieldError={fieldError} />
      {onRemove && (
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {t("safetyPlan.removeMeasure", { number: i + 1 })}
        </button>
      )}
    </fieldset>
  );
}

type MeasureRowProps = {
  row: DraftMeasure;
  name: (field: string) => string;
  change: (changes: Partial<DraftMeasure>) => void;
  fieldError: (name: string) => string | undefined;
};

/** For whom the measure is, and who is responsible for it. */
function MeasureWhoFields({ row, name, change, fieldError }: MeasureRowProps) {
  const { t } = useT();
  return (
    <div className="field__row">
      <TextField
        label={t("safetyPlan.forWhom")}
        hint={t("safetyPlan.forWhomHint")}
        name={name("forWhom")}
        value={row.forWhom}
        onChange={(e) => change({ forWhom: e.target.value })}
        error={fieldError(name("forWhom"))}
      />
      <TextField
        label={t("safetyPlan.responsible")}
        name={name("responsible")}
        value={row.responsible}
        onChange={(e) => change({ responsible: e.target.value })}
        error={fieldError(name("responsible"))}
      />
    </div>
  );
}

/** Where the measure stands, and when it is to be looked at again. */
function MeasureStatusFields({ row, name, change, fieldError }: MeasureRowProps) {
  const { t } = useT();
  return (
    <div className="field__row">
      <SelectField
        label={t("safetyPlan.status")}
        name={name("status")}
        value={row.status}
        onChange={(e) => change({ status: e.target.value as MeasureStatus })}
        error={fieldError(name("status"))}
      >
        {measureStatuses.map((status) => (
          <option key={status} value={status}>
            {t(measureStatusLabels[status])}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t("safetyPlan.reviewOn")}
        name={name("reviewOn")}
        value={row.reviewOn}
        onChange={(value) => change({ reviewOn: value })}
        error={fieldError(name("reviewOn"))}
      />
    </div>
  );
}
