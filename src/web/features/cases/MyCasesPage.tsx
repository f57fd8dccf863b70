import { useCallback, useMemo } from "react";
import { Link } from "react-router";
import {
  type CaseList,
  type CaseSort,
  caseSortDefaultOrder,
  caseSorts,
  caseTypes,
} from "../../../shared/api/cases";
import { caseStatuses } from "../../../shared/case-status";
import type { CaseSummary } from "../../api/endpoints";
import { isUnitManager, mayOpenCases } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { type ListControls, useListControls } from "../../hooks/useListParams";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { caseStatusLabel, caseTypeLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { FilterBar, type FilterChoice } from "../../ui/ListControls";
import { LoadMore } from "../../ui/LoadMore";
import { definedParams } from "../../ui/list-params";
import { Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { Worklist } from "../worklist/Worklist";
import { CaseTable } from "./CaseTable";
import { useManagedStaff, workerOptions } from "./useManagedStaff";

/** Start page: the cases assigned to the signed-in worker, and a unit manager's whole unit. */
export function MyCasesPage() {
  const { t } = useT();
  const me = useMe();
  const manager = isUnitManager(me.roles);
  // Only those who work with cases get here (ui/Landing.tsx sends everyone else on).
  return (
    <Page title={t("myCases.title")}>
      {mayOpenCases(me.roles) && (
        <p>
          <Link className="button" to="/persons/search">
            {t("myCases.newCase")}
          </Link>{" "}
          {/* Break-glass (issue 19, item 6): for case work, to a case outside one's access. */}
          <Link to="/break-glass">{t("breakGlass.link")}</Link>
        </p>
      )}
      <Worklist scope="mine" />
      {manager && <Worklist scope="unit" />}
      <section aria-labelledby="my-cases-title">
        <h2 id="my-cases-title">{t("myCases.mineTitle")}</h2>
        <CaseSection scope="mine" caption={t("myCases.caption")} empty={t("myCases.empty")} />
      </section>
      {manager && (
        <section aria-labelledby="all-cases-title">
          <h2 id="all-cases-title">{t("myCases.allTitle")}</h2>
          <CaseSection
            scope="all"
            caption={t("myCases.allCaption")}
            empty={t("myCases.allEmpty")}
          />
        </section>
      )}
    </Page>
  );
}

type CaseFilter = "status" | "type" | "worker";
/** What each list filters by (in the query string as mine.status, all.worker …). */
const filterSpecs = {
  mine: { status: caseStatuses, type: caseTypes },
  all: { status: caseStatuses, type: caseTypes, worker: null },
} as const;
const caseSortSpec = {
  columns: caseSorts,
  defaultSort: "opened" as CaseSort,
  firstOrder: (s: CaseSort) => caseSortDefaultOrder[s],
};

/** The choices of a case list's filter bar; the worker only on the unit's list. */
function useCaseFilters(scope: "mine" | "all"): FilterChoice<CaseFilter>[] {
  const { t } = useT();
  const staff = useManagedStaff();
  const choices: FilterChoice<CaseFilter>[] = [
    {
      name: "status",
      label: t("cases.status"),
      options: caseStatuses.map((s) => ({ value: s, label: caseStatusLabel(s, t) })),
    },
    {
      name: "type",
      label: t("cases.type"),
      options: caseTypes.map((c) => ({ value: c, label: caseTypeLabel(c, t) })),
    },
  ];
  if (scope === "mine") return choices;
  const worker = { name: "worker" as const, label: t("list.responsible") };
  return [...choices, { ...worker, options: workerOptions(staff, t("list.noneResponsible")) }];
}

/**
 * One case list: its filter bar, then its first page with the count (filtered and sorted
 * as the query string says), then "Visa fler ärenden" for the pages after.
 */
function CaseSection({
  scope,
  caption,
  empty,
}: {
  scope: "mine" | "all";
  caption: string;
  empty: string;
}) {
  const { t } = useT();
  const api = useApi();
  const controls = useListControls<CaseFilter, CaseSort>(scope, filterSpecs[scope], caseSortSpec);
  const list = definedParams({ ...controls.filters, ...controls.sort });
  const first = useQuery(["cases", scope, list], (signal) =>
    api.cases(scope, { count: true, list }, signal),
  );
  const choices = useCaseFilters(scope);
  const { state } = first;
  return (
    <>
      <FilterBar
        label={t("list.filterOf", { list: caption })}
        choices={choices}
        controls={controls}
      />
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <QueryError error={state.error} />}
      {state.status === "ready" &&
        (state.data.cases.length === 0 ? (
          <p className="empty">{controls.filtered ? t("list.noMatch") : empty}</p>
        ) : (
          <PagedCases
            scope={scope}
            first={state.data}
            caption={caption}
            list={list}
            controls={controls}
          />
        ))}
    </>
  );
}

/** A case list a page at a time (shared/api/paging.ts): the first page, then "Visa fler". */
function PagedCases({
  scope,
  first,
  caption,
  list,
  controls,
}: {
  scope: "mine" | "all";
  first: CaseList;
  caption: string;
  list: Record<string, string>;
  controls: ListControls<CaseFilter, CaseSort>;
}) {
  const { t } = useT();
  const api = useApi();
  const listText = JSON.stringify(list);
  const firstPage = useMemo(() => ({ items: first.cases, nextCursor: first.nextCursor }), [first]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list's text is what counts
  const loadPage = useCallback(
    async (before: string) => {
      const page = await api.cases(scope, { before, list });
      return { items: page.cases, nextCursor: page.nextCursor };
    },
    [api, scope, listText],
  );
  const pages = useMorePages(firstPage, loadPage);
  const focusLater = useFocusLater();
  const rowId = (c: CaseSummary) => `${scope}-case-${c.id}`;
  return (
    <>
      {first.total !== null && (
        <p>{t("myCases.shown", { shown: pages.items.length, total: first.total })}</p>
      )}
      <CaseTable
        caption={caption}
        cases={pages.items}
        rowId={rowId}
        controls={controls}
        showResponsible={scope === "all"}
      />
      <LoadMore
        pages={pages}
        label={t("myCases.showMore")}
        focusRow={(c) => focusLater(rowId(c))}
      />
    </>
  );
}
