import { NavLink } from "react-router";
import type { PlainMessageKey } from "../i18n/messages";
import { useT } from "../i18n/useT";

interface NavItem {
  to: string;
  label: PlainMessageKey;
  // "/" would otherwise count as active on every page.
  end?: boolean;
}

const items: readonly NavItem[] = [
  { to: "/", label: "nav.myCases", end: true },
  { to: "/persons/search", label: "nav.personSearch" },
  { to: "/admin", label: "nav.admin" },
];

/** NavLink sets aria-current="page" on the link for the current page. */
export function MainNav() {
  const { t } = useT();
  return (
    <nav className="site-nav" aria-label={t("shell.navLabel")}>
      <ul className="site-nav__list container">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink className="site-nav__link" to={item.to} end={item.end ?? false}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
