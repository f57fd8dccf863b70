import { Link } from "react-router";
import type { CaseListItem, CaseSort } from "../../../shared/api/cases";
import type { ListControls } from "../../hooks/useListParams";
import { formatDate } from "../../i18n/dates";
import { caseStatusLabel, caseTypeLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { ResponsibleText, SortHeader } from "../../ui/ListControls";
import { ProtectionBadge } from "../../ui/ProtectionBadge";

/**
 * A table of cases, sorted by a click on a column's header (the server sorts: the list is
 * paged). `rowId` names each row's link, so "Visa fler" can move focus to the first case of
 * the page it loaded. `showResponsible`: the unit's list names who works each case, and
 * says so when nobody does.
 */
export function CaseTable<F extends string>({
  caption,
  cases,
  rowId,
  controls,
  showResponsible = false,
}: {
  caption: string;
  cases: readonly CaseListItem[];
  rowId?: (c: CaseListItem) => string;
  controls: ListControls<F, CaseSort>;
  showResponsible?: boolean;
}) {
  const { t, lang } = useT();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <SortHeader column="reference" label={t("cases.reference")} controls={controls} />
            <th scope="col">{t("cases.person")}</th>
            <th scope="col">{t("cases.unit")}</th>
            <SortHeader column="type" label={t("cases.type")} controls={controls} />
            <SortHeader column="status" label={t("cases.status")} controls={controls} />
            {showResponsible && <th scope="col">{t("list.responsible")}</th>}
            <SortHeader column="opened" label={t("cases.openedAt")} controls={controls} />
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/cases/${c.id}`} id={rowId?.(c)}>
                  {c.reference}
                </Link>
              </th>
              <td>
                {c.person.name} <ProtectionBadge level={c.person.protectionLevel} />
              </td>
              <td>{c.unit.name}</td>
              <td>{caseTypeLabel(c.caseType, t)}</td>
              <td>{caseStatusLabel(c.status, t, c.caseType)}</td>
              {showResponsible && (
                <td>
                  <ResponsibleText responsible={c.responsible} />
                </td>
              )}
              <td>{formatDate(c.openedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
