import { Link, Navigate } from "react-router";
import type { CaseSummary } from "../../api/endpoints";
import { isAdministrator, isUnitManager, worksWithCases } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { type QueryState, useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { Worklist } from "../worklist/Worklist";
import { CaseTable } from "./CaseTable";

/** Start page: the cases assigned to the signed-in worker, and a unit manager's whole unit. */
export function MyCasesPage() {
  const { t } = useT();
  const me = useMe();
  const api = useApi();
  const manager = isUnitManager(me.roles);
  // A system administrator never works with cases; their start is the administration.
  const toAdmin = !worksWithCases(me.roles) && isAdministrator(me.roles);
  const mine = useQuery(
    toAdmin ? null : ["cases", "mine"],
    async (signal) => (await api.cases("mine", signal)).cases,
  );
  const all = useQuery(
    manager ? ["cases", "all"] : null,
    async (signal) => (await api.cases("all", signal)).cases,
  );

  if (toAdmin) return <Navigate to="/admin" replace />;

  return (
    <Page title={t("myCases.title")}>
      <p>
        <Link className="button" to="/persons/search">
          {t("myCases.newCase")}
        </Link>
      </p>
      <Worklist scope="mine" />
      {manager && <Worklist scope="unit" />}
      <section aria-labelledby="my-cases-title">
        <h2 id="my-cases-title">{t("myCases.mineTitle")}</h2>
        <CaseSection state={mine.state} caption={t("myCases.caption")} empty={t("myCases.empty")} />
      </section>
      {manager && (
        <section aria-labelledby="all-cases-title">
          <h2 id="all-cases-title">{t("myCases.allTitle")}</h2>
          <CaseSection
            state={all.state}
            caption={t("myCases.allCaption")}
            empty={t("myCases.allEmpty")}
          />
        </section>
      )}
    </Page>
  );
}

function CaseSection({
  state,
  caption,
  empty,
}: {
  state: QueryState<CaseSummary[]>;
  caption: string;
  empty: string;
}) {
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <QueryError error={state.error} />;
  if (state.data.length === 0) return <p className="empty">{empty}</p>;
  return <CaseTable caption={caption} cases={state.data} />;
}
