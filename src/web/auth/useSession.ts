import { useContext } from "react";
import type { Me } from "../../shared/api/auth";
import { AuthContext, type AuthValue } from "./context";

/**
 * The session, for the shell (layout, header, login steps): no feature's API calls, so the
 * login page does not download them. Pages use useApi() from ./useAuth.
 */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}

/** The signed-in user; only for components rendered behind the login (see Layout). */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== "authenticated") throw new Error("useMe needs a signed-in user");
  return state.me;
}
