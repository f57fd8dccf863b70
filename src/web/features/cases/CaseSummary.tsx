import { Link } from "react-router";
import type { CaseView, CurrentRisk } from "../../api/endpoints";
import { formatDate, formatDay, localDateInput } from "../../i18n/dates";
import { caseStatusLabel, caseTypeLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { isDayPast } from "../decisions/decisions-model";

/** Uppgifter om ärendet: the current risk, the safety plan link and what the case is. */
export function CaseSummary({ record }: { record: CaseView }) {
  const { t, lang } = useT();
  return (
    <section className="section" aria-labelledby="case-details-title">
      <h2 id="case-details-title">{t("case.detailsTitle")}</h2>
      <CaseRisk risk={record.currentRisk} />
      <p>
        <Link to={`/cases/${record.id}/safety-plan`}>{t("case.safetyPlanLink")}</Link>
      </p>
      <dl className="details">
        <div>
          <dt>{t("cases.person")}</dt>
          <dd>
            <Link to={`/persons/${record.person.id}`}>{record.person.name}</Link>
            {record.person.identityNumber && (
              <span className="details__extra">{record.person.identityNumber}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("cases.unit")}</dt>
          <dd>{record.unit.name}</dd>
        </div>
        <div>
          <dt>{t("cases.type")}</dt>
          <dd>{caseTypeLabel(record.caseType, t)}</dd>
        </div>
        <div>
          <dt>{t("cases.status")}</dt>
          <dd>{caseStatusLabel(record.status, t, record.caseType)}</dd>
        </div>
        <div>
          <dt>{t("cases.openedAt")}</dt>
          <dd>{formatDate(record.openedAt, lang)}</dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * The current risk level in words (never by colour alone): the professional's judgement in
 * the latest completed assessment, and when the next one is due.
 */
function CaseRisk({ risk }: { risk: CurrentRisk | null }) {
  const { t, lang } = useT();
  if (!risk) return <p className="case-risk case-risk--none">{t("case.riskNone")}</p>;
  // Overdue the day after its last day, as every date on Att göra.
  const overdue =
    risk.reassessDue !== null && isDayPast(risk.reassessDue, localDateInput(new Date()));
  return (
    <p className="case-risk">
      <strong className="case-risk__level">{t("case.risk", { level: risk.levelLabel })}</strong>
      {" – "}
      {t("case.riskFrom", {
        instrument: risk.instrumentName,
        date: formatDay(risk.assessedOn, lang),
      })}
      {risk.reassessDue && (
        <>
          {" "}
          <span className="nowrap">
            {t("case.riskReassess", { date: formatDay(risk.reassessDue, lang) })}
          </span>
          {overdue && (
            <>
              {" "}
              <span className="badge badge--overdue">{t("case.riskOverdue")}</span>
            </>
          )}
        </>
      )}
    </p>
  );
}
