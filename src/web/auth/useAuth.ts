import { useContext } from "react";
import type { Api, Me } from "../api/endpoints";
import { AuthContext, type AuthValue } from "./context";

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}

export function useApi(): Api {
  return useAuth().api;
}

/** The signed-in user; only for components rendered behind the login (see Layout). */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== "authenticated") throw new Error("useMe needs a signed-in user");
  return state.me;
}
