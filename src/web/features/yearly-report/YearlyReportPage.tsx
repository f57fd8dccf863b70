import { type FormEvent, useState } from "react";
import { type FormErrors, toFormErrors } from "../../api/errors";
import { managedUnits, seesStatistics } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { type Draft, ReportChoiceForm } from "./ReportChoiceForm";
import { ReportView } from "./ReportView";
import { defaultYear, type ReportChoice, yearOf } from "./yearly-report-model";

/*
 * Årsrapport (issue 20, item 4): the committee's yearly report for a year and units, as the
 * API gives it — each section's sentences, each table with its chart and the table beside it,
 * a figure a link where the report gives one — and as PDF, XLSX and a CSV per table. A unit
 * manager chooses among her units; an analyst gets the organisation's, small counts hidden.
 */

const fieldNames = ["year", "unitId"] as const;

export function YearlyReportPage() {
  const { t } = useT();
  const me = useMe();
  if (!seesStatistics(me.roles)) {
    return (
      <Page title={t("yearlyReport.title")}>
        <p>{t("yearlyReport.forbidden")}</p>
      </Page>
    );
  }
  return <YearlyReport />;
}

function YearlyReport() {
  const { t, lang } = useT();
  const api = useApi();
  const me = useMe();
  const units = managedUnits(me.roles);
  const [choice, setChoice] = useState<ReportChoice>(() => ({
    year: defaultYear(new Date()),
    unitIds: [],
  }));
  const [draft, setDraft] = useState<Draft>(() => ({
    year: String(choice.year),
    unitIds: [],
  }));
  const [checked, setChecked] = useState<FormErrors | null>(null);
  const query = useQuery(["yearly-report", choice], (signal) => api.yearlyReport(choice, signal));
  const { state } = query;
  const errors =
    checked ?? (state.status === "error" ? toFormErrors(state.error, fieldNames, t, lang) : null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const year = yearOf(draft.year);
    if ("error" in year) {
      const fields = { year: t(year.error) };
      setChecked({ message: t("error.validation"), fields, other: [], requestId: null });
      return;
    }
    setChecked(null);
    const next = { year: year.year, unitIds: draft.unitIds };
    if (JSON.stringify(next) === JSON.stringify(choice)) query.reload();
    else setChoice(next);
  }

  return (
    <Page title={t("yearlyReport.title")}>
      <p>{t("yearlyReport.intro")}</p>
      <section className="section" aria-labelledby="yearly-report-choice">
        <h2 id="yearly-report-choice">{t("yearlyReport.choiceTitle")}</h2>
        <ErrorSummary errors={errors} />
        <ReportChoiceForm
          draft={draft}
          setDraft={setDraft}
          units={units}
          fieldError={(name) => errors?.fields[name]}
          onSubmit={handleSubmit}
        />
      </section>
      {state.status === "loading" && <Loading />}
      {state.status === "ready" && <ReportView report={state.data} choice={choice} />}
    </Page>
  );
}
