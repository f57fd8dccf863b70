import type { CaseView } from "../../api/endpoints";
import { useMe } from "../../auth/useAuth";
import { formatTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";

/**
 * On the case page while the reader sees the case through their own break-glass access
 * (issue 19, item 6): read only, and until when. The server refuses every change anyway.
 */
export function BreakGlassBanner({ record }: { record: CaseView }) {
  const { t, lang } = useT();
  const me = useMe();
  const mine = record.grants.filter((g) => g.userId === me.user.id);
  const glass = mine.find((g) => g.kind === "break_glass");
  if (!glass || mine.some((g) => g.kind === "grant") || record.assignedToMe) return null;
  return (
    <div className="notice" role="status">
      <p>
        <strong>{t("breakGlass.banner", { time: formatTime(glass.expiresAt, lang) })}</strong>
      </p>
      <p>{t("breakGlass.bannerText")}</p>
    </div>
  );
}
