import { sectionNames } from "../../../shared/yearly-report-format";
import { useApi } from "../../auth/useAuth";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import type { YearlyReportView } from "./api";
import { ReportTable } from "./ReportTable";
import type { ReportChoice } from "./yearly-report-model";

type Section = YearlyReportView["sections"][number];

/** The report as the API gives it: what it covers, its files, its sections. */
export function ReportView({ report, choice }: { report: YearlyReportView; choice: ReportChoice }) {
  const { t, lang } = useT();
  const api = useApi();
  const units = report.units.map((u) => u.name).join(", ") || t("yearlyReport.noUnits");
  return (
    <section className="section" aria-labelledby="yearly-report-result">
      <h2 id="yearly-report-result">
        {t("yearlyReport.resultTitle", { year: String(report.year) })}
      </h2>
      <p>
        {t("yearlyReport.coverage", {
          units,
          from: formatDay(report.from, lang),
          to: formatDay(report.to, lang),
          made: formatDateTimeShort(report.generatedAt, lang),
        })}
      </p>
      {report.dataAsOf && (
        <p>{t("yearlyReport.dataAsOf", { asOf: formatDateTimeShort(report.dataAsOf, lang) })}</p>
      )}
      <p className={report.suppressed ? "notice" : undefined}>
        {report.suppressed ? t("yearlyReport.scopeOrganisation") : t("yearlyReport.scopeUnit")}
      </p>
      <p className="actions">
        <a className="button" href={api.yearlyReportFileUrl("pdf", choice)} download>
          {t("yearlyReport.downloadPdf")}
        </a>{" "}
        <a
          className="button button--secondary"
          href={api.yearlyReportFileUrl("xlsx", choice)}
          download
        >
          {t("yearlyReport.downloadXlsx")}
        </a>
      </p>
      {report.summary.length > 0 && (
        <>
          <h3>{t("yearlyReport.summaryTitle")}</h3>
          {report.summary.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </>
      )}
      {report.sections.length > 0 && (
        <nav aria-labelledby="yearly-report-contents">
          <h3 id="yearly-report-contents">{t("yearlyReport.contents")}</h3>
          <ul>
            {report.sections.map((section) => (
              <li key={section.id}>
                <a href={`#report-${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {report.sections.map((section) => (
        <ReportSection key={section.id} section={section} choice={choice} />
      ))}
      {report.omitted.length > 0 && (
        <>
          <h3>{t("yearlyReport.omittedTitle")}</h3>
          <ul>
            {report.omitted.map((o) => (
              <li key={o.id}>
                {sectionNames[o.id]}: {o.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ReportSection({ section, choice }: { section: Section; choice: ReportChoice }) {
  const { t } = useT();
  const headingId = `report-${section.id}`;
  return (
    <section className="report-section" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {section.title}
      </h3>
      {section.summary.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {section.tables.length === 0 && <p className="empty">{t("yearlyReport.noTables")}</p>}
      {section.tables.map((table) => (
        <ReportTable key={table.id} table={table} choice={choice} />
      ))}
    </section>
  );
}
