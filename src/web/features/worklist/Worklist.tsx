import { Link } from "react-router";
import {
  deadlineFilters,
  subjectPath,
  type WorklistSort,
  worklistKinds,
  worklistSorts,
} from "../../../shared/api/worklist";
import type { WorklistItem } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { type ListControls, useListControls } from "../../hooks/useListParams";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { worklistKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { movedLastDayText, shownLastDay } from "../../ui/deadline-model";
import { FilterBar, type FilterChoice, ResponsibleText, SortHeader } from "../../ui/ListControls";
import { definedParams } from "../../ui/list-params";
import { MovedNote } from "../../ui/MovedNote";
import { ProtectionBadge } from "../../ui/ProtectionBadge";
import { Loaded } from "../../ui/QueryError";
import { useManagedStaff, workerOptions } from "../cases/useManagedStaff";
import { groupWorklist } from "../child-track/child-track-model";

type WorklistFilter = "kind" | "worker" | "deadline";
type Controls = ListControls<WorklistFilter, WorklistSort>;
/** What each Att göra filters by, in the query string as todo.kind, unittodo.worker … */
const filterSpecs = {
  mine: { kind: worklistKinds, deadline: deadlineFilters },
  unit: { kind: worklistKinds, worker: null, deadline: deadlineFilters },
} as const;
const prefixes = { mine: "todo", unit: "unittodo" } as const;
const sortSpec = {
  columns: worklistSorts,
  defaultSort: "due" as WorklistSort,
  firstOrder: () => "asc" as const,
};

/** The choices of Att göra's filter bar; the worker only on the unit's. */
function useWorklistFilters(unit: boolean): FilterChoice<WorklistFilter>[] {
  const { t } = useT();
  const staff = useManagedStaff();
  const choices: FilterChoice<WorklistFilter>[] = [
    {
      name: "kind",
      label: t("worklist.what"),
      options: worklistKinds.map((k) => ({ value: k, label: t(worklistKindLabels[k]) })),
    },
    {
      name: "deadline",
      label: t("list.deadline"),
      options: deadlineFilters.map((d) => ({ value: d, label: t(`list.deadline.${d}`) })),
    },
  ];
  if (!unit) return choices;
  const worker = { name: "worker" as const, label: t("list.responsible") };
  return [...choices, { ...worker, options: workerOptions(staff, t("list.noneResponsible")) }];
}

/**
 * "Att göra": deadlines that have passed ("Försenat") or fall within 7 days, the caller's
 * own (scope mine) or, for a unit manager, the unit's, filtered and sorted as the query
 * string says (the server chooses the lines). Overdue is said in words (the table's
 * caption), never by colour alone.
 */
export function Worklist({ scope }: { scope: "mine" | "unit" }) {
  const { t } = useT();
  const api = useApi();
  const controls = useListControls<WorklistFilter, WorklistSort>(
    prefixes[scope],
    filterSpecs[scope],
    sortSpec,
  );
  const list = definedParams({ ...controls.filters, ...controls.sort });
  const query = useQuery(
    ["worklist", scope, list],
    async (signal) => (await api.worklist(scope, list, signal)).items,
  );
  const unit = scope === "unit";
  const titleId = unit ? "worklist-unit-title" : "worklist-title";
  const title = unit ? t("worklist.unitTitle") : t("worklist.title");
  const choices = useWorklistFilters(unit);
  const { state } = query;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <FilterBar
        label={t("list.filterOf", { list: title })}
        choices={choices}
        controls={controls}
      />
      <Loaded state={state}>
        {(data) =>
          data.length === 0 ? (
            <p className="empty">
              {controls.filtered
                ? t("list.noMatch")
                : unit
                  ? t("worklist.unitEmpty")
                  : t("worklist.empty")}
            </p>
          ) : (
            <WorklistGroups items={data} unit={unit} controls={controls} />
          )
        }
      </Loaded>
    </section>
  );
}

function WorklistGroups({
  items,
  unit,
  controls,
}: {
  items: readonly WorklistItem[];
  unit: boolean;
  controls: Controls;
}) {
  const { t } = useT();
  const groups = groupWorklist(items);
  return (
    <>
      {groups.overdue.length > 0 && (
        <WorklistTable
          caption={unit ? t("worklist.unitOverdue") : t("worklist.overdue")}
          items={groups.overdue}
          overdue
          unit={unit}
          controls={controls}
        />
      )}
      {groups.dueSoon.length > 0 && (
        <WorklistTable
          caption={unit ? t("worklist.unitDueSoon") : t("worklist.dueSoon")}
          items={groups.dueSoon}
          overdue={false}
          unit={unit}
          controls={controls}
        />
      )}
    </>
  );
}

function WorklistTable({
  caption,
  items,
  overdue,
  unit,
  controls,
}: {
  caption: string;
  items: readonly WorklistItem[];
  overdue: boolean;
  unit: boolean;
  controls: Controls;
}) {
  const { t, lang } = useT();
  return (
    <div className="table-scroll">
      <table className={overdue ? "table worklist worklist--overdue" : "table worklist"}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {/* The last day first: on a phone the table scrolls sideways, and the day is what
                must never be out of sight. */}
            <SortHeader column="due" label={t("worklist.due")} controls={controls} />
            <SortHeader column="kind" label={t("worklist.what")} controls={controls} />
            <SortHeader column="reference" label={t("worklist.case")} controls={controls} />
            <SortHeader column="person" label={t("worklist.person")} controls={controls} />
            {unit && <th scope="col">{t("list.responsible")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}-${item.caseId ?? item.subject?.id}-${item.due}`}>
              <td>
                {overdue && <span className="badge badge--overdue">{t("worklist.overdue")}</span>}{" "}
                <span className="nowrap">
                  {t("worklist.dueDate", {
                    date: formatDay(shownLastDay(item.dueDate, item.lastDay), lang),
                  })}
                </span>
                <MovedNote
                  text={movedLastDayText(
                    item.lastDay,
                    t,
                    lang,
                    item.kind === "preliminary_assessment",
                  )}
                />
              </td>
              <th scope="row">{t(worklistKindLabels[item.kind])}</th>
              <td className="nowrap">
                {/* A line about no case leads to its subject's page (an agreement, an agency). */}
                {item.subject ? (
                  <Link to={subjectPath(item.subject)}>{item.subject.title}</Link>
                ) : (
                  <Link to={`/cases/${item.caseId}`}>{item.reference}</Link>
                )}
              </td>
              <td>
                {item.personName ?? ""} <ProtectionBadge level={item.protectionLevel} />
              </td>
              {unit && (
                <td>
                  <ResponsibleText responsible={item.responsible} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
