import { Link } from "react-router";
import type { CaseView, CurrentRisk } from "../../api/endpoints";
import { formatDay, localDateInput } from "../../i18n/dates";
import { caseStatusLabel, caseTypeLabel, worklistKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { shownLastDay } from "../../ui/deadline-model";
import { ProtectionBadge } from "../../ui/ProtectionBadge";
import { isDayPast } from "../decisions/decisions-model";
import { useCaseDeadlines } from "./useCaseDeadlines";

/**
 * The header every section of the case shares: who the case is about (with a protected
 * identity's badge), what kind of case it is, its status, the current risk, what is due
 * next and who is responsible, so a worker never has to go looking for them.
 */
export function CaseHeader({ record }: { record: CaseView }) {
  const { t } = useT();
  return (
    <section className="case-header" aria-label={t("case.headerLabel")}>
      <dl className="case-header__facts">
        <div>
          <dt>{t("cases.person")}</dt>
          <dd>
            <Link to={`/persons/${record.person.id}`}>{record.person.name}</Link>
            {record.person.identityNumber && (
              <span className="details__extra">{record.person.identityNumber}</span>
            )}
            <ProtectionBadge level={record.person.protectionLevel} />
          </dd>
        </div>
        <div>
          <dt>{t("cases.status")}</dt>
          <dd>{caseStatusLabel(record.status, t, record.caseType)}</dd>
        </div>
        <div className="case-header__risk">
          <dt>{t("case.riskLabel")}</dt>
          <dd>
            <CaseRisk risk={record.currentRisk} />{" "}
            <Link className="case-header__extra" to={`/cases/${record.id}/safety-plan`}>
              {t("case.safetyPlanLink")}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t("case.nextDeadline")}</dt>
          <dd>
            <NextDeadline caseId={record.id} />
          </dd>
        </div>
        <div>
          <dt>{t("case.kindAndUnit")}</dt>
          <dd>
            {caseTypeLabel(record.caseType, t)}, {record.unit.name}
          </dd>
        </div>
        <div>
          <dt>{t("case.responsible")}</dt>
          <dd>
            {record.assignees.length === 0 ? (
              <span className="badge badge--overdue">{t("case.nobodyResponsible")}</span>
            ) : (
              record.assignees.map((a) => a.displayName).join(", ")
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The soonest deadline of the case, in words (overdue said, never by colour alone). */
function NextDeadline({ caseId }: { caseId: string }) {
  const { t, lang } = useT();
  const { state } = useCaseDeadlines(caseId);
  if (state.status === "loading") return <span className="muted">{t("common.loading")}</span>;
  if (state.status === "error") return <span className="muted">{t("case.deadlinesUnknown")}</span>;
  const next = state.data[0];
  if (!next) return <>{t("case.noDeadline")}</>;
  return (
    <>
      {next.status === "overdue" && (
        <>
          <span className="badge badge--overdue">{t("worklist.overdue")}</span>{" "}
        </>
      )}
      <span className="nowrap">{formatDay(shownLastDay(next.dueDate, next.lastDay), lang)}</span>{" "}
      <span className="case-header__extra">{t(worklistKindLabels[next.kind])}</span>
    </>
  );
}

/**
 * The current risk level in words (never by colour alone): the professional's judgement in
 * the latest completed assessment, and when the next one is due.
 */
function CaseRisk({ risk }: { risk: CurrentRisk | null }) {
  const { t, lang } = useT();
  if (!risk) return <span className="case-risk case-risk--none">{t("case.riskNone")}</span>;
  // Overdue the day after its last day, as every date on Att göra.
  const overdue =
    risk.reassessDue !== null && isDayPast(risk.reassessDue, localDateInput(new Date()));
  return (
    <span className="case-risk">
      <strong className="case-risk__level">{risk.levelLabel}</strong>
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
    </span>
  );
}
