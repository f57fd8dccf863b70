import { useParams } from "react-router";
import type { CaseView, DecisionView } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { type QueryState, useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { CasePanels } from "./case-panels";

export function CasePage() {
  const { t } = useT();
  const api = useApi();
  const { caseId = "" } = useParams();
  const query = useQuery(caseId, (signal) => api.caseById(caseId, signal));
  const { state } = query;

  if (state.status === "loading") {
    return (
      <Page title={t("case.titleLoading")}>
        <Loading />
      </Page>
    );
  }
  if (state.status === "error") {
    return (
      <Page title={t("case.titleLoading")}>
        {/* Missing and not allowed look the same, on purpose: nothing more is said. */}
        {isNotFound(state.error) ? <p>{t("case.notFound")}</p> : <QueryError error={state.error} />}
      </Page>
    );
  }
  return <CaseDetails record={state.data} onChange={query.setData} onReload={query.reload} />;
}

function CaseDetails({
  record,
  onChange,
  onReload,
}: {
  record: CaseView;
  onChange: (record: CaseView) => void;
  /** Loads the case again, e.g. after a decision that moved its status. */
  onReload: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  // Read once here and handed to the panels that share them (case-panels.tsx).
  const needsStaff = record.abilities.assign || record.abilities.grant;
  const staff = useQuery(
    needsStaff ? record.unit.id : null,
    async (signal) => (await api.staff(record.unit.id, signal)).users,
  );
  // Shared by Beslut and Genomförandeplan: a granted decision gets a plan.
  const decisions = useQuery(record.id, (signal) => api.decisions(record.id, signal));
  const decisionList: QueryState<DecisionView[]> =
    decisions.state.status === "ready"
      ? { status: "ready", data: decisions.state.data.decisions }
      : decisions.state;
  // Shared by Uppgifter and Utredning: saving the investigation may put a task on the case.
  const tasks = useQuery(record.id, async (signal) => (await api.tasks(record.id, signal)).tasks);

  return (
    <Page title={t("case.title", { reference: record.reference })}>
      <CasePanels
        context={{ record, onChange, onReload, staff: staff.state, tasks, decisions, decisionList }}
      />
    </Page>
  );
}
