import { NavLink } from "react-router";
import { type NavTarget, navPaths, navTargets, type RoleAssignment } from "../auth/permissions";
import type { PlainMessageKey } from "../i18n/messages";
import { useT } from "../i18n/useT";

interface NavItem {
  to: string;
  label: PlainMessageKey;
  // "/" would otherwise count as active on every page.
  end?: boolean;
}

const items: Readonly<Record<NavTarget, NavItem>> = {
  myCases: { to: navPaths.myCases, label: "nav.myCases", end: true },
  personSearch: { to: navPaths.personSearch, label: "nav.personSearch" },
  search: { to: navPaths.search, label: "nav.search" },
  serviceContacts: { to: navPaths.serviceContacts, label: "nav.serviceContacts" },
  chat: { to: navPaths.chat, label: "nav.chat" },
  shelter: { to: navPaths.shelter, label: "nav.shelter" },
  vacancies: { to: navPaths.vacancies, label: "nav.vacancies" },
  places: { to: navPaths.places, label: "nav.places" },
  agencies: { to: navPaths.agencies, label: "nav.agencies" },
  agreements: { to: navPaths.agreements, label: "nav.agreements" },
  consultations: { to: navPaths.consultations, label: "nav.consultations" },
  competence: { to: navPaths.competence, label: "nav.competence" },
  audit: { to: navPaths.audit, label: "nav.audit" },
  protection: { to: navPaths.protection, label: "nav.protection" },
  retention: { to: navPaths.retention, label: "nav.retention" },
  routines: { to: navPaths.routines, label: "nav.routines" },
  actionPlans: { to: navPaths.actionPlans, label: "nav.actionPlans" },
  statistics: { to: navPaths.statistics, label: "nav.statistics" },
  yearlyReport: { to: navPaths.yearlyReport, label: "nav.yearlyReport" },
  costs: { to: navPaths.costs, label: "nav.costs" },
  surveys: { to: navPaths.surveys, label: "nav.surveys" },
  admin: { to: navPaths.admin, label: "nav.admin" },
};

/**
 * Only what the user's roles allow (the server checks every request anyway).
 * NavLink sets aria-current="page" on the link for the current page.
 */
export function MainNav({ roles }: { roles: readonly RoleAssignment[] }) {
  const { t } = useT();
  return (
    <nav className="site-nav" aria-label={t("shell.navLabel")}>
      <ul className="site-nav__list container">
        {navTargets(roles).map((target) => {
          const item = items[target];
          return (
            <li key={item.to}>
              <NavLink className="site-nav__link" to={item.to} end={item.end ?? false}>
                {t(item.label)}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
