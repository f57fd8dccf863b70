import { Link } from "react-router";
import type { CaseView } from "../../api/endpoints";
import { useT } from "../../i18n/useT";

/**
 * Dokument: what the case has to print or hand over, in one place — the safety plan (its
 * own page, printable), and the documents each kind of case makes (a perpetrator's case
 * adds its documents panel below).
 */
export function CaseDocumentsPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="case-documents-title">
      <h2 id="case-documents-title">{t("case.documentsTitle")}</h2>
      <ul className="link-list">
        <li>
          <Link to={`/cases/${record.id}/safety-plan`}>{t("case.safetyPlanLink")}</Link>
        </li>
      </ul>
    </section>
  );
}
