import { useState } from "react";
import type { CaseView, PlanView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useQuery } from "../../hooks/useQuery";
import { interventionLabel } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { useCaseDecisions } from "../decisions/Decisions";
import { decisionsNeedingPlan } from "../decisions/decisions-model";
import { Plan, planElementId } from "./Plan";
import { PlanForm } from "./PlanForm";

/*
 * Genomförandeplan och uppföljning: each granted intervention gets a plan (goals; what is
 * done, by whom and when; start; first follow-up). Each follow-up records how far the goal
 * was reached and when to follow up next; Att göra watches the next date.
 */

const titleId = "plans-title";

export function PlansPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const plans = usePlans(record);
  const { state } = plans;
  // A closed case gets no new plans or follow-ups; it can be reopened.
  const canWrite = record.abilities.change;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("plans.title")}</h2>
      <StatusMessage message={plans.message && t(plans.message)} />
      <Loaded state={state}>
        {(data) => (
          <>
            {data.length === 0 && <p className="empty">{t("plans.empty")}</p>}
            {data.length > 0 && (
              <PlansList caseId={record.id} data={data} canWrite={canWrite} plans={plans} />
            )}
            {canWrite &&
              plans.needing.map((decision) => (
                <PlanForm
                  key={decision.id}
                  caseId={record.id}
                  decision={decision}
                  beforeChange={plans.beforeChange}
                  onSaved={(list) => {
                    const plan = list.find((p) => p.decisionId === decision.id);
                    plans.changed(list, "plans.saved", plan ? planElementId(plan.id) : titleId);
                  }}
                />
              ))}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** The case's plans, the decisions still needing one, and what the panel last said. */
function usePlans(record: CaseView) {
  const { t } = useT();
  const api = useApi();
  // The case's decisions (shared with the decisions panel): which still need a plan.
  const decisions = useCaseDecisions(record.id).state;
  const query = useQuery(
    ["case", record.id, "plans"],
    async (signal) => (await api.plans(record.id, signal)).plans,
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData, reload } = query;
  const decided = decisions.status === "ready" ? decisions.data.decisions : [];
  const needing = state.status === "ready" ? decisionsNeedingPlan(decided, state.data) : [];

  /** The intervention's name in the UI's language, found through the plan's decision. */
  const interventionOf = (plan: PlanView) => {
    const decision = decided.find((d) => d.id === plan.decisionId);
    return decision
      ? interventionLabel(decision.interventionKind, plan.interventionName, t)
      : plan.interventionName;
  };

  function changed(plans: PlanView[], key: PlainMessageKey, focusId: string) {
    setData(plans);
    setMessage(key);
    focusLater(focusId);
  }

  const beforeChange = () => setMessage(null);
  return { state, reload, needing, message, beforeChange, interventionOf, changed };
}

function PlansList({
  caseId,
  data,
  canWrite,
  plans,
}: {
  caseId: string;
  data: PlanView[];
  canWrite: boolean;
  plans: ReturnType<typeof usePlans>;
}) {
  const { t } = useT();
  return (
    <ul className="record-list" aria-label={t("plans.listCaption")}>
      {data.map((plan) => (
        <li key={plan.id} className="record-list__item">
          <Plan
            caseId={caseId}
            plan={plan}
            intervention={plans.interventionOf(plan)}
            canWrite={canWrite}
            beforeChange={plans.beforeChange}
            onFollowedUp={(list) =>
              plans.changed(list, "plans.followUpRecorded", planElementId(plan.id))
            }
            onStale={plans.reload}
          />
        </li>
      ))}
    </ul>
  );
}
