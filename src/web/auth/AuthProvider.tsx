import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createApi, type LoginResult } from "../api/endpoints";
import { isAbort } from "../api/errors";
import { AuthContext, type AuthState, type AuthValue } from "./context";

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  const csrfToken = useRef<string | null>(null);
  const status = useRef<AuthState["status"]>("loading");

  const update = useCallback((next: AuthState) => {
    status.current = next.status;
    setState(next);
  }, []);

  // A 401 on any call with a session (signed in, or halfway through the MFA step) means the
  // session ended (expired, or signed out in another tab): forget the token and show the
  // login form where the user is. Before that, a 401 is just a refused login.
  const api = useMemo(
    () =>
      createApi(
        () => csrfToken.current,
        () => {
          if (status.current !== "anonymous" && status.current !== "loading") {
            csrfToken.current = null;
            update({ status: "anonymous", notice: "expired" });
          }
        },
      ),
    [update],
  );

  const loadMe = useCallback(
    async (signal?: AbortSignal) => {
      const me = await api.me(signal);
      csrfToken.current = me.csrfToken;
      update({ status: "authenticated", me });
    },
    [api, update],
  );

  useEffect(() => {
    const controller = new AbortController();
    loadMe(controller.signal).catch((error: unknown) => {
      if (isAbort(error) || controller.signal.aborted) return;
      // Not signed in (401), or the server could not say: either way, offer the login form.
      update({ status: "anonymous", notice: null });
    });
    return () => controller.abort();
  }, [loadMe, update]);

  const follow = useCallback(
    async (result: LoginResult) => {
      csrfToken.current = result.csrfToken;
      if (result.state === "authenticated") await loadMe();
      else update({ status: result.state });
    },
    [loadMe, update],
  );

  const login = useCallback(
    async (username: string, password: string) => follow(await api.login(username, password)),
    [api, follow],
  );

  const verifyMfa = useCallback(
    async (code: string) => follow(await api.verifyMfa(code)),
    [api, follow],
  );

  const replaceOneTimePassword = useCallback(
    async (currentPassword: string, newPassword: string) =>
      follow(await api.replaceOneTimePassword(currentPassword, newPassword)),
    [api, follow],
  );

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The session is forgotten here either way; the server's expires on its own.
    }
    csrfToken.current = null;
    update({ status: "anonymous", notice: "loggedOut" });
  }, [api, update]);

  const value = useMemo<AuthValue>(
    () => ({ state, api, login, verifyMfa, replaceOneTimePassword, logout }),
    [state, api, login, verifyMfa, replaceOneTimePassword, logout],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
