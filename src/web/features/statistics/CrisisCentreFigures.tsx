import { type FormEvent, useState } from "react";
import {
  serviceChannels,
  serviceContactKinds,
  subjectKinds,
} from "../../../shared/api/service-contacts";
import type { CrisisCentreYear, ServiceFigures, StatisticsPeriod } from "../../api/endpoints";
import type { managedUnits } from "../../auth/permissions";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { Loaded } from "../../ui/QueryError";
import { UnitChoice } from "../../ui/UnitChoice";
import { FigureTable, type Group, useCountText } from "./FigureTable";

/*
 * Statistik for the crisis centre (issue 17): seed 001's yearly table of the children's
 * crisis centre, and the service contacts' figures for the page's period. Shown to everyone
 * who sees Statistik: the server answers each for the units it may count (a manager her
 * own, exact; an analyst the organisation, 1–4 suppressed).
 */

/** The years offered: this one and the five before it. */
function recentYears(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 6 }, (_, i) => now - i);
}

export function CrisisCentreYearSection({ units }: { units: ReturnType<typeof managedUnits> }) {
  const { t } = useT();
  const api = useApi();
  const [chosen, setChosen] = useState({ year: new Date().getFullYear(), unitId: "" });
  const [draft, setDraft] = useState(chosen);
  const query = useQuery(["statistics", "crisis-centre-year", chosen], (signal) =>
    api.crisisCentreYear({ year: chosen.year, unitId: chosen.unitId || undefined }, signal),
  );
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (JSON.stringify(draft) === JSON.stringify(chosen)) query.reload();
    else setChosen(draft);
  }
  return (
    <section className="section" aria-labelledby="statistics-crisis-title">
      <h2 id="statistics-crisis-title">{t("statistics.crisis.title")}</h2>
      <p>{t("statistics.crisis.intro")}</p>
      <form
        className="form form--inline"
        aria-labelledby="statistics-crisis-title"
        onSubmit={handleSubmit}
        noValidate
      >
        <SelectField
          label={t("statistics.crisis.year")}
          name="year"
          value={String(draft.year)}
          onChange={(e) => setDraft((d) => ({ ...d, year: Number(e.target.value) }))}
        >
          {recentYears().map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </SelectField>
        <UnitChoice
          label={t("statistics.unit")}
          allLabel={t("statistics.allMyUnits")}
          units={units}
          value={draft.unitId}
          onChange={(unitId) => setDraft((d) => ({ ...d, unitId }))}
          error={undefined}
        />
        <button type="submit" className="button">
          {t("statistics.crisis.submit")}
        </button>
      </form>
      <Loaded state={query.state}>{(figures) => <CrisisCentreTable figures={figures} />}</Loaded>
    </section>
  );
}

/** Seed 001's seven rows, in the seed's order and words. */
function CrisisCentreTable({ figures }: { figures: CrisisCentreYear }) {
  const { t } = useT();
  const count = useCountText();
  const group: Group = {
    caption: { text: t("statistics.crisis.caption", { year: String(figures.year) }) },
    rows: [
      ["statistics.crisis.currentChildren", figures.currentChildren],
      ["statistics.crisis.policeReports", figures.policeReports],
      ["statistics.crisis.medicalExams", figures.medicalExams],
      ["statistics.crisis.childrenInCrisisTalks", figures.childrenInCrisisTalks],
      ["statistics.crisis.consultations", figures.consultations],
      ["statistics.crisis.studyVisitsAndTrainings", figures.studyVisitsAndTrainings],
      ["statistics.crisis.supervisionSessions", figures.supervisionSessions],
    ],
  };
  return (
    <>
      <p>
        {figures.scope === "unit" ? t("statistics.scopeUnit") : t("statistics.scopeOrganisation")}
      </p>
      {figures.suppressed && <p className="notice">{t("statistics.suppressedExplanation")}</p>}
      <div className="columns">
        <FigureTable group={group} count={count} />
      </div>
      <p className="muted">{t("statistics.crisis.registerNote")}</p>
    </>
  );
}

/** The service contacts of the page's period (and unit). */
export function ServiceFiguresSection({ period }: { period: StatisticsPeriod }) {
  const { t, lang } = useT();
  const api = useApi();
  const query = useQuery(["statistics", "service-contacts", period], (signal) =>
    api.serviceContactFigures(period, signal),
  );
  return (
    <section className="section" aria-labelledby="statistics-service-title">
      <h2 id="statistics-service-title">
        {t("statistics.service.title")}, {formatDay(period.from, lang)} –{" "}
        {formatDay(period.to, lang)}
      </h2>
      <p>{t("statistics.service.intro")}</p>
      <Loaded state={query.state}>{(figures) => <ServiceTables figures={figures} />}</Loaded>
    </section>
  );
}

function ServiceTables({ figures }: { figures: ServiceFigures }) {
  const { t } = useT();
  const count = useCountText();
  const groups: Group[] = [
    {
      caption: "statistics.service.totals",
      rows: [
        ["statistics.service.contacts", figures.contacts],
        ["statistics.service.courses", figures.courses],
        ["statistics.service.persons", figures.persons],
        ["statistics.service.women", figures.women],
        ["statistics.service.men", figures.men],
        ["statistics.service.children", figures.children],
        ["statistics.service.minutes", figures.minutes],
        ["statistics.service.referred", figures.referred],
        ["statistics.service.intakesMade", figures.intakesMade],
      ],
    },
    {
      caption: "statistics.service.byKind",
      rows: serviceContactKinds.map(
        (k) => [`serviceContacts.kind.${k}`, figures.byKind[k]] as const,
      ),
    },
    {
      caption: "statistics.service.byChannel",
      rows: serviceChannels.map(
        (c) => [`serviceContacts.channel.${c}`, figures.byChannel[c]] as const,
      ),
    },
    {
      caption: "statistics.service.bySubject",
      rows: subjectKinds.map(
        (s) => [`statistics.service.subject.${s}`, figures.bySubject[s]] as const,
      ),
    },
  ];
  return (
    <>
      {figures.suppressed && <p className="notice">{t("statistics.suppressedExplanation")}</p>}
      <div className="columns">
        {groups.map((group) => (
          <FigureTable key={String(group.caption)} group={group} count={count} />
        ))}
      </div>
    </>
  );
}
