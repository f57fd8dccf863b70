import { ComingSoon } from "../components/ComingSoon";
import { Page } from "../components/Page";
import { useT } from "../i18n/useT";

/** Start page: the cases assigned to the signed-in worker. */
export function MyCasesPage() {
  const { t } = useT();
  return (
    <Page title={t("myCases.title")}>
      <ComingSoon description={t("myCases.description")} />
    </Page>
  );
}
