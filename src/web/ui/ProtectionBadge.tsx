import type { ProtectionLevel } from "../../shared/protection";
import { protectionLevelLabels } from "../i18n/labels";
import { useT } from "../i18n/useT";

/**
 * A protected person's badge beside her name, wherever she is named (issue 19, item 1): the
 * level in words, never by colour alone. Nothing for a person without protection (or a line
 * that names nobody). Under fingerade personuppgifter the name beside it is "Skyddad
 * identitet" outside her case's own pages: the server withholds the rest.
 */
export function ProtectionBadge({ level }: { level: ProtectionLevel | null | undefined }) {
  const { t } = useT();
  if (!level || level === "none") return null;
  return (
    <span className="badge badge--protection">
      {t("person.protectionBadge", { level: t(protectionLevelLabels[level]) })}
    </span>
  );
}
