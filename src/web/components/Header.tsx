import type { AppInfoState } from "../hooks/useAppInfo";
import { useT } from "../i18n/useT";
import { DemoBanner } from "./DemoBanner";
import { LanguageSwitch } from "./LanguageSwitch";

export function Header({ appInfo }: { appInfo: AppInfoState }) {
  const { t } = useT();
  return (
    <header className="site-header">
      {appInfo.status === "ready" && appInfo.info.demo && <DemoBanner />}
      <div className="site-header__bar container">
        <div className="brand">
          <p className="brand__name">{t("app.name")}</p>
          <p className="brand__subtitle">{t("app.subtitle")}</p>
        </div>
        <LanguageSwitch />
      </div>
      {appInfo.status === "error" && (
        <div className="container">
          <p className="alert" role="alert">
            {t("app.loadError")}
          </p>
        </div>
      )}
    </header>
  );
}
