import { Link } from "react-router";
import { Page } from "../components/Page";
import { useT } from "../i18n/useT";

export function NotFoundPage() {
  const { t } = useT();
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.description")}</p>
      <p>
        <Link to="/">{t("notFound.backToStart")}</Link>
      </p>
    </Page>
  );
}
