import { type Dispatch, type FormEvent, type SetStateAction, useState } from "react";
import { type FormErrors, toFormErrors } from "../../api/errors";
import { managedUnits, seesCosts } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { TextField } from "../../ui/Field";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { UnitChoice } from "../../ui/UnitChoice";
import type { CostReportView } from "./api";
import { CostTables } from "./CostTables";
import { monthOf, monthPattern } from "./costs-model";

/*
 * Kostnader: the month's cost of sheltered housing and emergency flats per placing unit, place
 * and operator, over the stays whose cases the user may see; the same as XLSX and CSV. No
 * person and no address is on the page or in the files.
 */

const fieldNames = ["month", "unitId"] as const;

interface Choice {
  month: string;
  unitId?: string;
}

export function CostsPage() {
  const { t } = useT();
  const me = useMe();
  if (!seesCosts(me.roles)) {
    return (
      <Page title={t("costs.title")}>
        <p>{t("costs.forbidden")}</p>
      </Page>
    );
  }
  return <Costs />;
}

function Costs() {
  const { t, lang } = useT();
  const api = useApi();
  const me = useMe();
  const units = managedUnits(me.roles);
  const [choice, setChoice] = useState<Choice>(() => ({ month: monthOf(new Date()) }));
  const [draft, setDraft] = useState<Choice>(choice);
  const [checked, setChecked] = useState<FormErrors | null>(null);
  const query = useQuery(["costs", choice], (signal) =>
    api.costReport(choice.month, choice.unitId, signal),
  );
  const { state } = query;
  const errors =
    checked ?? (state.status === "error" ? toFormErrors(state.error, fieldNames, t, lang) : null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!monthPattern.test(draft.month)) {
      setChecked({
        message: t("error.validation"),
        fields: { month: t("costs.errorMonth") },
        other: [],
        requestId: null,
      });
      return;
    }
    setChecked(null);
    const next = { month: draft.month, unitId: draft.unitId || undefined };
    if (JSON.stringify(next) === JSON.stringify(choice)) query.reload();
    else setChoice(next);
  }

  return (
    <Page title={t("costs.title")}>
      <p>{t("costs.intro")}</p>
      <section className="section" aria-labelledby="costs-month-title">
        <h2 id="costs-month-title">{t("costs.monthTitle")}</h2>
        <ErrorSummary errors={errors} />
        <MonthForm
          draft={draft}
          setDraft={setDraft}
          units={units}
          fieldError={(name) => errors?.fields[name]}
          onSubmit={handleSubmit}
        />
      </section>
      {state.status === "loading" && <Loading />}
      {state.status === "ready" && <Report report={state.data} />}
    </Page>
  );
}

/** The month (and, for a manager of several units, the unit) the costs are for. */
function MonthForm({
  draft,
  setDraft,
  units,
  fieldError,
  onSubmit,
}: {
  draft: Choice;
  setDraft: Dispatch<SetStateAction<Choice>>;
  units: ReturnType<typeof managedUnits>;
  fieldError: (name: string) => string | undefined;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t } = useT();
  return (
    <form
      className="form form--inline"
      aria-labelledby="costs-month-title"
      onSubmit={onSubmit}
      noValidate
    >
      <TextField
        label={t("costs.month")}
        hint={t("costs.monthHint")}
        name="month"
        inputMode="numeric"
        value={draft.month}
        onChange={(e) => setDraft((d) => ({ ...d, month: e.target.value }))}
        error={fieldError("month")}
      />
      <UnitChoice
        label={t("costs.unit")}
        allLabel={t("costs.allUnits")}
        units={units}
        value={draft.unitId}
        onChange={(unitId) => setDraft((d) => ({ ...d, unitId }))}
        error={fieldError("unitId")}
      />
      <button type="submit" className="button">
        {t("costs.submit")}
      </button>
    </form>
  );
}

function Report({ report }: { report: CostReportView }) {
  const { t } = useT();
  const api = useApi();
  const unitId = report.unitId ?? undefined;
  return (
    <section className="section" aria-labelledby="costs-result-title">
      <h2 id="costs-result-title">{t("costs.resultTitle", { month: report.month })}</h2>
      <p>{t("costs.stays", { count: report.stays })}</p>
      <p className="actions">
        <a
          className="button button--secondary"
          href={api.costReportXlsxUrl(report.month, unitId)}
          download
        >
          {t("costs.downloadXlsx")}
        </a>{" "}
        <a
          className="button button--secondary"
          href={api.costReportCsvUrl(report.month, unitId)}
          download
        >
          {t("costs.downloadCsv")}
        </a>
      </p>
      {report.stays === 0 ? <p>{t("costs.none")}</p> : <CostTables report={report} />}
    </section>
  );
}
