import { useParams } from "react-router";
import type { CaseView } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { CasePanels } from "./case-panels";

export function CasePage() {
  const { t } = useT();
  const api = useApi();
  const { caseId = "" } = useParams();
  const query = useQuery(["case", caseId], (signal) => api.caseById(caseId, signal));
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
  // A panel whose command moves the case invalidates ["case", caseId]: it is read again.
  return <CaseDetails record={state.data} onChange={query.setData} />;
}

function CaseDetails({
  record,
  onChange,
}: {
  record: CaseView;
  onChange: (record: CaseView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  // Read once here for the two staff panels (case-panels.tsx).
  const needsStaff = record.abilities.assign || record.abilities.grant;
  const staff = useQuery(
    needsStaff ? ["unit", record.unit.id, "staff"] : null,
    async (signal) => (await api.staff(record.unit.id, signal)).users,
  );

  return (
    <Page title={t("case.title", { reference: record.reference })}>
      <CasePanels context={{ record, onChange, staff: staff.state }} />
    </Page>
  );
}
