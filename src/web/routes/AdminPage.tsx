import { ComingSoon } from "../components/ComingSoon";
import { Page } from "../components/Page";
import { useT } from "../i18n/useT";

export function AdminPage() {
  const { t } = useT();
  return (
    <Page title={t("admin.title")}>
      <ComingSoon description={t("admin.description")} />
    </Page>
  );
}
