import { type Dispatch, type FormEvent, type SetStateAction, useState } from "react";
import type { PartnerContactFigures, StatisticsPeriod } from "../../api/endpoints";
import { type FormErrors, toFormErrors } from "../../api/errors";
import { managedUnits, seesStatistics } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay, localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { UnitChoice } from "../../ui/UnitChoice";
import { CrisisCentreYearSection, ServiceFiguresSection } from "./CrisisCentreFigures";
import { FigureTable, type Group } from "./FigureTable";

/*
 * Statistik: partner contact in figures for a period, as the API groups them. Counts only,
 * never a person. A unit manager sees their own units' exact counts; an analyst sees the
 * organisation, where a count of 1–4 comes as null and is shown as "färre än 5".
 */

const fieldNames = ["from", "to", "unitId"] as const;

function defaultPeriod(): StatisticsPeriod {
  const today = new Date();
  return { from: `${today.getFullYear()}-01-01`, to: localDateInput(today) };
}

export function StatisticsPage() {
  const { t } = useT();
  const me = useMe();
  if (!seesStatistics(me.roles)) {
    return (
      <Page title={t("statistics.title")}>
        <p>{t("statistics.forbidden")}</p>
      </Page>
    );
  }
  return <Statistics />;
}

function Statistics() {
  const { t, lang } = useT();
  const api = useApi();
  const me = useMe();
  const units = managedUnits(me.roles);
  const [period, setPeriod] = useState<StatisticsPeriod>(defaultPeriod);
  const [draft, setDraft] = useState<StatisticsPeriod>(period);
  const [checked, setChecked] = useState<FormErrors | null>(null);
  const query = useQuery(["statistics", "partner-contact", period], (signal) =>
    api.partnerContactStatistics(period, signal),
  );
  const { state } = query;
  const errors =
    checked ?? (state.status === "error" ? toFormErrors(state.error, fieldNames, t, lang) : null);
  const fieldError = (name: string) => errors?.fields[name];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!draft.from) fields.from = t("statistics.errorFrom");
    if (!draft.to) fields.to = t("statistics.errorTo");
    if (Object.keys(fields).length > 0) {
      setChecked({ message: t("error.validation"), fields, other: [], requestId: null });
      return;
    }
    setChecked(null);
    const next = { ...draft, unitId: draft.unitId || undefined };
    if (JSON.stringify(next) === JSON.stringify(period)) query.reload();
    else setPeriod(next);
  }

  return (
    <Page title={t("statistics.title")}>
      <p>{t("statistics.intro")}</p>
      <section className="section" aria-labelledby="statistics-period-title">
        <h2 id="statistics-period-title">{t("statistics.periodTitle")}</h2>
        <ErrorSummary errors={errors} />
        <PeriodForm
          draft={draft}
          setDraft={setDraft}
          units={units}
          fieldError={fieldError}
          onSubmit={handleSubmit}
        />
      </section>
      {state.status === "loading" && <Loading />}
      {state.status === "ready" && <Figures figures={state.data} />}
      {/* Only for a period the server has accepted: a mistyped date is said once, above. */}
      {state.status === "ready" && <ServiceFiguresSection period={period} />}
      <CrisisCentreYearSection units={units} />
    </Page>
  );
}

/** The period (and, for a manager of several units, the unit) the figures are for. */
function PeriodForm({
  draft,
  setDraft,
  units,
  fieldError,
  onSubmit,
}: {
  draft: StatisticsPeriod;
  setDraft: Dispatch<SetStateAction<StatisticsPeriod>>;
  units: ReturnType<typeof managedUnits>;
  fieldError: (name: string) => string | undefined;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t } = useT();
  return (
    <form
      className="form form--inline"
      aria-labelledby="statistics-period-title"
      onSubmit={onSubmit}
      noValidate
    >
      <DateField
        label={t("statistics.from")}
        name="from"
        value={draft.from}
        onChange={(value) => setDraft((d) => ({ ...d, from: value }))}
        error={fieldError("from")}
      />
      <DateField
        label={t("statistics.to")}
        name="to"
        value={draft.to}
        onChange={(value) => setDraft((d) => ({ ...d, to: value }))}
        error={fieldError("to")}
      />
      <UnitChoice
        label={t("statistics.unit")}
        allLabel={t("statistics.allMyUnits")}
        units={units}
        value={draft.unitId}
        onChange={(unitId) => setDraft((d) => ({ ...d, unitId }))}
        error={fieldError("unitId")}
      />
      <button type="submit" className="button">
        {t("statistics.submit")}
      </button>
    </form>
  );
}

type T = ReturnType<typeof useT>["t"];

function Figures({ figures }: { figures: PartnerContactFigures }) {
  const { t, lang } = useT();
  const { alerts } = figures;
  const count = (value: number | null) =>
    value === null
      ? t("statistics.suppressed")
      : value.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB");

  return (
    <section className="section" aria-labelledby="statistics-result-title">
      <h2 id="statistics-result-title">
        {t("statistics.resultTitle", {
          from: formatDay(figures.from, lang),
          to: formatDay(figures.to, lang),
        })}
      </h2>
      <p>
        {figures.scope === "unit" ? t("statistics.scopeUnit") : t("statistics.scopeOrganisation")}
      </p>
      {figures.suppressed && <p className="notice">{t("statistics.suppressedExplanation")}</p>}
      <div className="columns">
        {figureGroups(figures).map((group) => (
          <FigureTable key={String(group.caption)} group={group} count={count} />
        ))}
        <AlertTimesTable alerts={alerts} />
      </div>
    </section>
  );
}

/** The counts in the API's groups, each row a label and its count (null: fewer than 5). */
function figureGroups({
  treatment,
  partnerContact,
  partners,
  alerts,
}: PartnerContactFigures): readonly Group[] {
  return [
    {
      caption: "statistics.treatment",
      rows: [
        ["statistics.treatment.inTreatment", treatment.inTreatment],
        ["statistics.treatment.referred.self", treatment.referred.self],
        ["statistics.treatment.referred.social_services", treatment.referred.social_services],
        ["statistics.treatment.referred.police_probation", treatment.referred.police_probation],
        ["statistics.treatment.ended.completed", treatment.ended.completed],
        ["statistics.treatment.ended.dropped_out", treatment.ended.dropped_out],
        ["statistics.treatment.ended.ended_by_unit", treatment.ended.ended_by_unit],
      ],
    },
    partnerContactGroup(partnerContact),
    {
      caption: "statistics.partners",
      rows: [
        ["statistics.partners.contacted", partners.contacted],
        ["statistics.partners.reached", partners.reached],
        ["statistics.partners.accepted", partners.accepted],
        ["statistics.partners.declined", partners.declined],
        ["statistics.partners.notReachable", partners.notReachable],
      ],
    },
    {
      caption: "statistics.alerts",
      rows: [
        ["statistics.alerts.raised", alerts.raised],
        ["statistics.alerts.fromTreatmentSide", alerts.fromTreatmentSide],
        ["statistics.alerts.fromPartnerSide", alerts.fromPartnerSide],
        ["statistics.alerts.acknowledged", alerts.acknowledged],
        ["statistics.alerts.unacknowledged", alerts.unacknowledged],
      ],
    },
  ];
}

function partnerContactGroup(partnerContact: PartnerContactFigures["partnerContact"]): Group {
  return {
    caption: "statistics.partnerContact",
    rows: [
      ["statistics.partnerContact.informed", partnerContact.informed],
      ["statistics.partnerContact.consentGiven", partnerContact.consentGiven],
      ["statistics.partnerContact.consentWithdrawn", partnerContact.consentWithdrawn],
      ["statistics.partnerContact.refused", partnerContact.refused],
      ["statistics.partnerContact.refusedAndContinued", partnerContact.refusedAndContinued],
      [
        "statistics.partnerContact.exception.sheltered_housing",
        partnerContact.exceptions.sheltered_housing,
      ],
      ["statistics.partnerContact.exception.abroad", partnerContact.exceptions.abroad],
      ["statistics.partnerContact.exception.long_ended", partnerContact.exceptions.long_ended],
      [
        "statistics.partnerContact.exception.controlling_pattern",
        partnerContact.exceptions.controlling_pattern,
      ],
    ],
  };
}

/** How long alerts waited to be acknowledged: the median and the longest. */
function AlertTimesTable({ alerts }: { alerts: PartnerContactFigures["alerts"] }) {
  const { t } = useT();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t("statistics.alertTimes")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("statistics.measure")}</th>
            <th scope="col">{t("statistics.time")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("statistics.alerts.median")}</th>
            <td>{duration(alerts, alerts.medianMinutesToAcknowledge, t)}</td>
          </tr>
          <tr>
            <th scope="row">{t("statistics.alerts.longest")}</th>
            <td>{duration(alerts, alerts.longestMinutesToAcknowledge, t)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** No time: suppressed when the acknowledged count is, otherwise none was acknowledged. */
function duration(alerts: PartnerContactFigures["alerts"], minutes: number | null, t: T) {
  if (minutes === null) {
    return alerts.acknowledged === null ? t("statistics.timeSuppressed") : t("statistics.noTime");
  }
  const total = Math.round(minutes);
  if (total < 60) return t("statistics.minutes", { minutes: total });
  return t("statistics.hoursMinutes", { hours: Math.floor(total / 60), minutes: total % 60 });
}
