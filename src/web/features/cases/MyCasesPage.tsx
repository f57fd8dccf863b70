import { useCallback, useMemo } from "react";
import { Link } from "react-router";
import type { CaseList } from "../../../shared/api/cases";
import type { CaseSummary } from "../../api/endpoints";
import { isUnitManager, mayOpenCases } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useMorePages } from "../../hooks/useMorePages";
import { type QueryState, useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { LoadMore } from "../../ui/LoadMore";
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
  // The first page of each list, with its count; "Visa fler ärenden" the pages after.
  // Only those who work with cases get here (ui/Landing.tsx sends everyone else on).
  const mine = useQuery(["cases", "mine"], (signal) => api.cases("mine", { count: true }, signal));
  const all = useQuery(manager ? ["cases", "all"] : null, (signal) =>
    api.cases("all", { count: true }, signal),
  );

  return (
    <Page title={t("myCases.title")}>
      {mayOpenCases(me.roles) && (
        <p>
          <Link className="button" to="/persons/search">
            {t("myCases.newCase")}
          </Link>
        </p>
      )}
      <Worklist scope="mine" />
      {manager && <Worklist scope="unit" />}
      <section aria-labelledby="my-cases-title">
        <h2 id="my-cases-title">{t("myCases.mineTitle")}</h2>
        <CaseSection
          scope="mine"
          state={mine.state}
          caption={t("myCases.caption")}
          empty={t("myCases.empty")}
        />
      </section>
      {manager && (
        <section aria-labelledby="all-cases-title">
          <h2 id="all-cases-title">{t("myCases.allTitle")}</h2>
          <CaseSection
            scope="all"
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
  scope,
  state,
  caption,
  empty,
}: {
  scope: "mine" | "all";
  state: QueryState<CaseList>;
  caption: string;
  empty: string;
}) {
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <QueryError error={state.error} />;
  if (state.data.cases.length === 0) return <p className="empty">{empty}</p>;
  return <PagedCases scope={scope} first={state.data} caption={caption} />;
}

/** A case list a page at a time (shared/api/paging.ts): the first page, then "Visa fler". */
function PagedCases({
  scope,
  first,
  caption,
}: {
  scope: "mine" | "all";
  first: CaseList;
  caption: string;
}) {
  const { t } = useT();
  const api = useApi();
  const firstPage = useMemo(() => ({ items: first.cases, nextCursor: first.nextCursor }), [first]);
  const loadPage = useCallback(
    async (before: string) => {
      const page = await api.cases(scope, { before });
      return { items: page.cases, nextCursor: page.nextCursor };
    },
    [api, scope],
  );
  const pages = useMorePages(firstPage, loadPage);
  const focusLater = useFocusLater();
  const rowId = (c: CaseSummary) => `${scope}-case-${c.id}`;
  return (
    <>
      {first.total !== null && (
        <p>{t("myCases.shown", { shown: pages.items.length, total: first.total })}</p>
      )}
      <CaseTable caption={caption} cases={pages.items} rowId={rowId} />
      <LoadMore
        pages={pages}
        label={t("myCases.showMore")}
        focusRow={(c) => focusLater(rowId(c))}
      />
    </>
  );
}
