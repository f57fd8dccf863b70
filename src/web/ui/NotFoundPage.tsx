import { Link } from "react-router";
import { useT } from "../i18n/useT";
import { Page } from "./Page";

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
