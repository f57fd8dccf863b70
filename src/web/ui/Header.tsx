import { Link, useNavigate } from "react-router";
import { useAuth } from "../auth/useSession";
import type { AppInfoState } from "../hooks/useAppInfo";
import { useT } from "../i18n/useT";
import { DemoBanner } from "./DemoBanner";
import { LanguageSwitch } from "./LanguageSwitch";

export function Header({ appInfo }: { appInfo: AppInfoState }) {
  const { t } = useT();
  const { state, logout } = useAuth();
  const navigate = useNavigate();

  async function handleLogout() {
    await logout();
    // The next person to sign in on this browser starts at the start page, not on a record
    // the previous user had open.
    navigate("/", { replace: true });
  }

  return (
    <header className="site-header">
      {appInfo.status === "ready" && appInfo.info.demo && <DemoBanner />}
      <div className="site-header__bar container">
        <div className="brand">
          <p className="brand__name">{t("app.name")}</p>
          <p className="brand__subtitle">{t("app.subtitle")}</p>
        </div>
        <div className="site-header__tools">
          {state.status === "authenticated" && (
            <section className="user-menu" aria-label={t("shell.userLabel")}>
              <p className="user-menu__name">
                <Link to="/account">
                  {state.me.user.displayName}
                  <span className="visually-hidden"> ({t("account.linkHint")})</span>
                </Link>
                <span className="user-menu__org">{state.me.organisation.name}</span>
              </p>
              <button type="button" className="button button--secondary" onClick={handleLogout}>
                {t("auth.logout")}
              </button>
            </section>
          )}
          <LanguageSwitch />
        </div>
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
