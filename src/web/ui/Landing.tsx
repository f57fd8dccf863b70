import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { landingPath, navPaths } from "../auth/permissions";
import { useMe } from "../auth/useAuth";

/**
 * The start page ("/") for those whose work starts there; everyone else is sent on, without
 * a history entry, to the first page of their menu (an analyst to Statistik).
 */
export function Landing({ children }: { children: ReactNode }) {
  const target = landingPath(useMe().roles);
  return target === navPaths.myCases ? children : <Navigate to={target} replace />;
}
