import { useCallback } from "react";
import type { SafetyPlan } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useMorePages } from "../../hooks/useMorePages";
import { formatDateTimeShort } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { LoadMore } from "../../ui/LoadMore";

/**
 * The safety plan's versions, newest first: the newest page comes with the plan, older ones
 * a page at a time ("Visa äldre versioner"); each earlier version can be opened.
 */
export function SafetyPlanHistory({
  caseId,
  history,
  shownVersion,
  onShow,
}: {
  caseId: string;
  history: SafetyPlan["history"];
  shownVersion: number | null;
  onShow: (version: number) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const loadPage = useCallback(
    (before: string) => api.safetyPlanHistory(caseId, before),
    [api, caseId],
  );
  const pages = useMorePages(history, loadPage);
  const focusLater = useFocusLater();
  const rowId = (version: number) => `safety-plan-version-${version}`;
  return (
    <>
      <div className="table-scroll">
        <table className="table">
          <caption>{t("safetyPlan.historyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("safetyPlan.version")}</th>
              <th scope="col">{t("safetyPlan.savedAt")}</th>
              <th scope="col">{t("safetyPlan.savedBy")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("safetyPlan.view")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pages.items.map((h) => (
              <VersionRow
                key={h.version}
                version={h}
                rowId={rowId(h.version)}
                shown={h.version === shownVersion}
                onShow={onShow}
              />
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore
        pages={pages}
        label={t("safetyPlan.showOlder")}
        focusRow={(h) => focusLater(rowId(h.version))}
      />
    </>
  );
}

type VersionItem = SafetyPlan["history"]["items"][number];

/** One version: its number (where focus comes after "show older"), when, who, and "view". */
function VersionRow({
  version: h,
  rowId,
  shown,
  onShow,
}: {
  version: VersionItem;
  rowId: string;
  shown: boolean;
  onShow: (version: number) => void;
}) {
  const { t, lang } = useT();
  return (
    <tr>
      {/* Focus comes here when an older page has loaded: the first new row. */}
      <th scope="row" id={rowId} tabIndex={-1}>
        {h.version}
      </th>
      <td>{formatDateTimeShort(h.savedAt, lang)}</td>
      <td>{h.savedBy}</td>
      <td>
        {shown ? (
          <span className="muted">{t("safetyPlan.shown")}</span>
        ) : (
          // Short on screen, for narrow ones; the name says which version.
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t("safetyPlan.viewVersion", { version: h.version })}
            onClick={() => onShow(h.version)}
          >
            {t("safetyPlan.view")}
          </button>
        )}
      </td>
    </tr>
  );
}
