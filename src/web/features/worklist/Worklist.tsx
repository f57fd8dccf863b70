import { Link } from "react-router";
import type { WorklistItem } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { worklistKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { movedLastDayText, shownLastDay } from "../../ui/deadline-model";
import { MovedNote } from "../../ui/MovedNote";
import { Loaded } from "../../ui/QueryError";
import { groupWorklist } from "../child-track/child-track-model";

/**
 * "Att göra": deadlines that have passed ("Försenat") or fall within 7 days, the caller's
 * own (scope mine) or, for a unit manager, the unit's. Overdue is said in words (the
 * table's caption), never by colour alone.
 */
export function Worklist({ scope }: { scope: "mine" | "unit" }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(
    ["worklist", scope],
    async (signal) => (await api.worklist(scope, signal)).items,
  );
  const unit = scope === "unit";
  const titleId = unit ? "worklist-unit-title" : "worklist-title";
  const { state } = query;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{unit ? t("worklist.unitTitle") : t("worklist.title")}</h2>
      <Loaded state={state}>
        {(data) =>
          data.length === 0 ? (
            <p className="empty">{unit ? t("worklist.unitEmpty") : t("worklist.empty")}</p>
          ) : (
            <WorklistGroups items={data} unit={unit} />
          )
        }
      </Loaded>
    </section>
  );
}

function WorklistGroups({ items, unit }: { items: readonly WorklistItem[]; unit: boolean }) {
  const { t } = useT();
  const groups = groupWorklist(items);
  return (
    <>
      {groups.overdue.length > 0 && (
        <WorklistTable
          caption={unit ? t("worklist.unitOverdue") : t("worklist.overdue")}
          items={groups.overdue}
          overdue
        />
      )}
      {groups.dueSoon.length > 0 && (
        <WorklistTable
          caption={unit ? t("worklist.unitDueSoon") : t("worklist.dueSoon")}
          items={groups.dueSoon}
          overdue={false}
        />
      )}
    </>
  );
}

function WorklistTable({
  caption,
  items,
  overdue,
}: {
  caption: string;
  items: readonly WorklistItem[];
  overdue: boolean;
}) {
  const { t, lang } = useT();
  return (
    <div className="table-scroll">
      <table className={overdue ? "table worklist worklist--overdue" : "table worklist"}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("worklist.what")}</th>
            <th scope="col">{t("worklist.case")}</th>
            <th scope="col">{t("worklist.person")}</th>
            <th scope="col">{t("worklist.due")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}-${item.caseId}-${item.due}`}>
              <th scope="row">{t(worklistKindLabels[item.kind])}</th>
              <td className="nowrap">
                <Link to={`/cases/${item.caseId}`}>{item.reference}</Link>
              </td>
              <td>{item.personName}</td>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
