import { lazy, Suspense } from "react";
import { Link, useNavigate } from "react-router";
import { useAuth } from "../auth/useSession";
import type { AppInfoState } from "../hooks/useAppInfo";
import { wholeCatalogue } from "../i18n/catalogues";
import { useT } from "../i18n/useT";
import { DemoBanner } from "./DemoBanner";
import { LanguageSwitch } from "./LanguageSwitch";

// The notification centre is a feature: its chunk, and the whole catalogue its texts are in,
// load only once someone is signed in, never with the login page (docs/adr/0006).
const NotificationCentre = lazy(async () => {
  const [module] = await Promise.all([
    import("../features/notifications/NotificationCentre"),
    wholeCatalogue(),
  ]);
  return { default: module.NotificationCentre };
});

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
            <Suspense fallback={null}>
              <NotificationCentre />
            </Suspense>
          )}
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
