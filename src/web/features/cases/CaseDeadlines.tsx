import { Link } from "react-router";
import type { CaseDeadline } from "../../../shared/api/worklist";
import type { CaseView } from "../../api/endpoints";
import { formatDay } from "../../i18n/dates";
import { worklistKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { movedLastDayText, shownLastDay } from "../../ui/deadline-model";
import { MovedNote } from "../../ui/MovedNote";
import { Loaded } from "../../ui/QueryError";
import { type CaseSectionId, caseSectionPath } from "./case-sections";
import { useCaseDeadlines } from "./useCaseDeadlines";

/** Where in the workspace a deadline's work is done. */
const sectionOfKind: Readonly<Record<CaseDeadline["kind"], CaseSectionId>> = {
  protection_assessment: "intakes",
  preliminary_assessment: "intakes",
  child_investigation: "investigation",
  unsigned_draft: "journal",
  follow_up: "decisions",
  children_to_assess: "overview",
  court_submission: "decisions",
  court_ruling: "decisions",
  placement_review: "decisions",
  consent_revoked: "decisions",
  reassessment: "assessments",
  safety_plan: "documents",
  barrier_notice: "partner-contact",
  risk_alert_escalated: "partner-contact",
  partner_unassigned: "status",
  partner_closing_conversation: "overview",
  partner_follow_up: "overview",
  child_concern: "overview",
  stay_decision_ends: "housing",
  stay_child_school: "housing",
  stay_follow_up: "housing",
  agreement_follow_up: "collaboration",
  agency_contact_unconfirmed: "collaboration",
  referral_unanswered: "collaboration",
  coordinated_plan_due: "collaboration",
  conference_action: "collaboration",
  restraining_order_ends: "collaboration",
  safety_alarm_follow_up: "collaboration",
  // A subject line, never a case's deadline: listed only for completeness.
  break_glass_review: "overview",
  protection_checklist: "overview",
  // Never on a case (a line about a review plan); listed for the record's completeness.
  log_review_due: "overview",
  routine_review: "overview",
  // Never on a case (lines about the action plan); listed for the record's completeness.
  action_plan_activity: "overview",
  action_plan_follow_up: "overview",
};

/**
 * Att göra i ärendet: every deadline of this case, soonest first, from the same deadline
 * module as the start page's Att göra — here also those weeks away. Each links to the
 * section where the work is done.
 */
export function CaseDeadlinesPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const { state } = useCaseDeadlines(record.id);
  return (
    <section className="section" aria-labelledby="case-deadlines-title">
      <h2 id="case-deadlines-title">{t("case.deadlinesTitle")}</h2>
      <Loaded state={state}>
        {(items) =>
          items.length === 0 ? (
            <p className="empty">{t("case.deadlinesEmpty")}</p>
          ) : (
            <ul className="deadline-list">
              {items.map((item) => (
                <DeadlineLine key={`${item.kind}-${item.due}`} caseId={record.id} item={item} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function DeadlineLine({ caseId, item }: { caseId: string; item: CaseDeadline }) {
  const { t, lang } = useT();
  return (
    <li className="deadline-list__item">
      <span className="deadline-list__due">
        {item.status === "overdue" && (
          <>
            <span className="badge badge--overdue">{t("worklist.overdue")}</span>{" "}
          </>
        )}
        <span className="nowrap">
          {t("worklist.dueDate", {
            date: formatDay(shownLastDay(item.dueDate, item.lastDay), lang),
          })}
        </span>
      </span>{" "}
      <Link to={caseSectionPath(caseId, sectionOfKind[item.kind])}>
        {t(worklistKindLabels[item.kind])}
      </Link>
      <MovedNote
        text={movedLastDayText(item.lastDay, t, lang, item.kind === "preliminary_assessment")}
      />
    </li>
  );
}
