import { useApi } from "../../auth/useAuth";
import { useT } from "../../i18n/useT";

/**
 * The investigation as the PDF report the committee and the client receive (issue 15): a
 * plain link, since the session cookie is all the GET needs. Shown once the investigation
 * has been read, so only to those who may read it.
 */
export function InvestigationPdfLink({ caseId }: { caseId: string }) {
  const { t } = useT();
  const api = useApi();
  return (
    <p className="print-link">
      <a className="button button--secondary" href={api.investigationPdfUrl(caseId)} download>
        {t("investigation.print")}
      </a>
    </p>
  );
}
