import type { RoleAssignment } from "../auth/permissions";
import { roleLabels } from "../i18n/labels";
import { useT } from "../i18n/useT";

/** "Handläggare, IFO Vuxen" or "Systemförvaltare, Hela organisationen". */
export function useRoleText(): (r: RoleAssignment) => string {
  const { t } = useT();
  return (r) =>
    t("admin.roleAt", {
      role: t(roleLabels[r.role]),
      unit: r.unitName ?? t("admin.wholeOrganisation"),
    });
}
