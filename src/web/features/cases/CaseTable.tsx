import { Link } from "react-router";
import type { CaseSummary } from "../../api/endpoints";
import { formatDate } from "../../i18n/dates";
import { caseStatusLabel, caseTypeLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";

/**
 * A table of cases. `rowId` names each row's link, so "Visa fler" can move focus to the
 * first case of the page it loaded.
 */
export function CaseTable({
  caption,
  cases,
  rowId,
}: {
  caption: string;
  cases: readonly CaseSummary[];
  rowId?: (c: CaseSummary) => string;
}) {
  const { t, lang } = useT();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cases.reference")}</th>
            <th scope="col">{t("cases.person")}</th>
            <th scope="col">{t("cases.unit")}</th>
            <th scope="col">{t("cases.type")}</th>
            <th scope="col">{t("cases.status")}</th>
            <th scope="col">{t("cases.openedAt")}</th>
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
              <td>{c.person.name}</td>
              <td>{c.unit.name}</td>
              <td>{caseTypeLabel(c.caseType, t)}</td>
              <td>{caseStatusLabel(c.status, t, c.caseType)}</td>
              <td>{formatDate(c.openedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
