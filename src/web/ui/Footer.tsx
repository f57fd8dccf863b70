import type { AppInfoState } from "../hooks/useAppInfo";
import { useT } from "../i18n/useT";

export function Footer({ appInfo }: { appInfo: AppInfoState }) {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          {t("app.name")}
          {appInfo.status === "ready" && (
            <> · {t("shell.footerVersion", { version: appInfo.info.version })}</>
          )}
        </p>
      </div>
    </footer>
  );
}
