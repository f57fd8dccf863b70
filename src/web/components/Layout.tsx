import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";
import { useAppInfo } from "../hooks/useAppInfo";
import { Footer } from "./Footer";
import { Header } from "./Header";
import { MainNav } from "./MainNav";
import { SkipLink } from "./SkipLink";

const mainId = "main";

export function Layout() {
  const appInfo = useAppInfo();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const lastPathname = useRef(pathname);

  // After client-side navigation, focus would stay on the clicked link and screen readers
  // would not notice the new page; move it to the page heading instead. Not on first load,
  // so the skip link stays the first thing Tab reaches. Comparing paths (not a "first run"
  // flag) keeps this correct under StrictMode's double effects.
  useEffect(() => {
    if (lastPathname.current === pathname) return;
    lastPathname.current = pathname;
    const main = mainRef.current;
    const heading = main?.querySelector<HTMLElement>("h1");
    (heading ?? main)?.focus();
  }, [pathname]);

  return (
    <div className="shell">
      <SkipLink targetId={mainId} />
      <Header appInfo={appInfo} />
      <MainNav />
      <main id={mainId} ref={mainRef} tabIndex={-1} className="site-main container">
        <Outlet />
      </main>
      <Footer appInfo={appInfo} />
    </div>
  );
}
