import { Link } from "react-router";
import type { CaseView } from "../../api/endpoints";
import { useT } from "../../i18n/useT";
import { visibleCaseSections } from "./case-panels";
import { type CaseSectionId, caseSectionPath, caseSectionTitles } from "./case-sections";

/**
 * The case's sections as links, right under its header: the journal is a few Tab presses
 * from the top of the case, and each section has an address to come back to.
 */
export function CaseSectionNav({ record, current }: { record: CaseView; current: CaseSectionId }) {
  const { t } = useT();
  return (
    <nav className="case-nav" aria-label={t("case.sectionsLabel")}>
      <ul className="case-nav__list">
        {visibleCaseSections(record).map((id) => (
          <li key={id}>
            <Link
              className="case-nav__link"
              to={caseSectionPath(record.id, id)}
              aria-current={id === current ? "page" : undefined}
            >
              {t(caseSectionTitles[id])}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
