import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";
import { useAuth } from "../auth/useSession";
import { LoginPage } from "../features/account/LoginPage";
import { useAppInfo } from "../hooks/useAppInfo";
import { useT } from "../i18n/useT";
import { Footer } from "./Footer";
import { Header } from "./Header";
import { MainNav } from "./MainNav";
import { focusPageHeading } from "./page-focus";
import { SkipLink } from "./SkipLink";

const mainId = "main";

/**
 * Every page's frame. Behind it, only a signed-in user sees the page at the address: anyone
 * else gets the login steps in its place, at the same address, so after signing in the user
 * is where they were going.
 */
export function Layout() {
  const appInfo = useAppInfo();
  const { state, relogin } = useAuth();
  const { t } = useT();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // A new address or a new login step is a new page for a screen reader.
  const view = `${state.status}:${pathname}`;
  const lastView = useRef(view);

  // After client-side navigation, focus would stay on the clicked link and screen readers
  // would not notice the new page; move it to the page heading instead. Not on first load,
  // so the skip link stays the first thing Tab reaches. Comparing views (not a "first run"
  // flag) keeps this correct under StrictMode's double effects. The first answer about the
  // session (loading → something) is still the first load.
  useEffect(() => {
    if (lastView.current === view) return;
    const wasLoading = lastView.current.startsWith("loading:");
    lastView.current = view;
    if (wasLoading) return;
    focusPageHeading(mainRef.current);
  }, [view]);

  // While the login dialog (SessionGuard) is open the page is kept, with the user's typing,
  // but hidden from sight and from assistive technology.
  return (
    <div className={relogin.open ? "shell shell--covered" : "shell"} inert={relogin.open}>
      <SkipLink targetId={mainId} />
      <Header appInfo={appInfo} />
      {state.status === "authenticated" && <MainNav roles={state.me.roles} />}
      <main id={mainId} ref={mainRef} tabIndex={-1} className="site-main container">
        {state.status === "authenticated" ? (
          <Outlet />
        ) : state.status === "loading" ? (
          <p className="loading">{t("auth.checking")}</p>
        ) : (
          <LoginPage />
        )}
      </main>
      <Footer appInfo={appInfo} />
    </div>
  );
}
