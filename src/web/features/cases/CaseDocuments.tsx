import { Link } from "react-router";
import type { CaseView } from "../../api/endpoints";
import { useT } from "../../i18n/useT";
import { caseSectionPath } from "./case-sections";

/**
 * Dokument: what the case has to print or hand over, in one place — the safety plan (its
 * own page, printable), the investigation report and the journal of a period (each made in
 * its own section), and a perpetrator's case adds its documents panel below.
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
        {/* The PDFs are made where their period or content is chosen: a link to each place. */}
        {(record.caseType === "adult_victim" || record.caseType === "child") && (
          <li>
            <Link to={caseSectionPath(record.id, "investigation")}>
              {t("case.documentsInvestigation")}
            </Link>
          </li>
        )}
        <li>
          <Link to={caseSectionPath(record.id, "journal")}>{t("case.documentsJournal")}</Link>
        </li>
      </ul>
    </section>
  );
}
