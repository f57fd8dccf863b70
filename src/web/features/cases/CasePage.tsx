import { Link, useParams } from "react-router";
import type { CaseView } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { BreakGlassBanner } from "../break-glass/BreakGlassBanner";
import { CaseHeader } from "./CaseHeader";
import { CaseSectionNav } from "./CaseSectionNav";
import { CaseSections, visibleCaseSections } from "./case-panels";
import { caseSectionPath, sectionOf } from "./case-sections";

export function CasePage() {
  const { t } = useT();
  const api = useApi();
  const { caseId = "", section } = useParams();
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
  return <CaseWorkspace record={state.data} onChange={query.setData} segment={section} />;
}

/**
 * The case workspace: the header that stays, the section navigation, and one section at a
 * time (/cases/:id for the overview, /cases/:id/journal …); the others stay mounted, hidden,
 * so nothing typed is lost by moving between them. Arriving at a named section puts focus
 * on its first heading (ui/page-focus.ts: data-page-focus), not the page's.
 */
function CaseWorkspace({
  record,
  onChange,
  segment,
}: {
  record: CaseView;
  onChange: (record: CaseView) => void;
  segment: string | undefined;
}) {
  const { t } = useT();
  const api = useApi();
  // Read once here for the two staff panels (case-panels.tsx): the unit's staff without
  // anyone an information barrier keeps from this case, whom the server would refuse.
  const needsStaff = record.abilities.assign || record.abilities.grant;
  const staff = useQuery(
    needsStaff ? ["case", record.id, "assignable-staff"] : null,
    async (signal) => (await api.assignableStaff(record.id, signal)).users,
  );

  const section = sectionOf(segment);
  const shown = section !== undefined && visibleCaseSections(record).includes(section);
  return (
    <Page title={t("case.title", { reference: record.reference })}>
      <BreakGlassBanner record={record} />
      <CaseHeader record={record} />
      <CaseSectionNav record={record} current={shown ? section : "overview"} />
      <CaseSections
        context={{ record, onChange, staff: staff.state }}
        current={shown ? section : undefined}
        focus={segment !== undefined}
      />
      {!shown && (
        <section className="section" aria-labelledby="case-no-section">
          <h2 id="case-no-section">{t("case.noSectionTitle")}</h2>
          <p>
            <Link to={caseSectionPath(record.id, "overview")}>{t("case.toOverview")}</Link>
          </p>
        </section>
      )}
    </Page>
  );
}
