import { ComingSoon } from "../components/ComingSoon";
import { Page } from "../components/Page";
import { useT } from "../i18n/useT";

export function PersonSearchPage() {
  const { t } = useT();
  return (
    <Page title={t("personSearch.title")}>
      <ComingSoon description={t("personSearch.description")} />
    </Page>
  );
}
