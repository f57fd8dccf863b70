import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { LoginResult, Me } from "../../shared/api/auth";
import { ApiError } from "../api/client";
import { isAbort } from "../api/errors";
import { createTransport } from "../api/transport";
import { accountApi } from "../features/account/api";
import { AuthContext, type AuthState, type AuthValue, type Relogin } from "./context";
import { ReloginGate } from "./relogin";

/**
 * Where the session stands, and the Api bound to it: the CSRF token in memory only, and a
 * 401 handled by what the user was doing.
 */
function useSession() {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  const [relogin, setRelogin] = useState<Relogin>({ open: false });
  const csrfToken = useRef<string | null>(null);
  const status = useRef<AuthState["status"]>("loading");
  const me = useRef<Me | null>(null);

  const update = useCallback((next: AuthState) => {
    status.current = next.status;
    me.current = next.status === "authenticated" ? next.me : null;
    setState(next);
  }, []);

  // Opening the gate opens the dialog for the user whose work is on the page.
  const gate = useMemo(
    () =>
      new ReloginGate((open) =>
        setRelogin(
          open && me.current
            ? { open: true, step: "password", username: me.current.user.username }
            : { open: false },
        ),
      ),
    [],
  );

  // A 401 while signed in means the session ended (idle, absolute limit, logged out in
  // another tab): the page stays, with whatever the user typed, and its requests wait for
  // the login dialog. A 401 halfway through the MFA step sends the user back to the login
  // form; before that, a 401 is just a refused login.
  const transport = useMemo(
    () =>
      createTransport(
        () => csrfToken.current,
        (canWait) => {
          if (status.current === "authenticated") return canWait ? gate.wait() : undefined;
          if (status.current !== "anonymous" && status.current !== "loading") {
            csrfToken.current = null;
            update({ status: "anonymous", notice: "expired" });
          }
          return undefined;
        },
      ),
    [gate, update],
  );
  const api = useMemo(() => accountApi(transport), [transport]);
  return { state, relogin, setRelogin, csrfToken, me, update, gate, api, transport };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const { login, verifyMfa, verifyKey, replaceOneTimePassword, logout } = useLoginSteps(session);
  const { reloginWithPassword, reloginWithCode, reloginWithKey } = useReloginSteps({
    ...session,
    logout,
  });
  const { state, api, transport, relogin } = session;
  const value = useMemo<AuthValue>(
    () => ({
      state,
      api,
      transport,
      login,
      verifyMfa,
      verifyKey,
      replaceOneTimePassword,
      logout,
      relogin,
      reloginWithPassword,
      reloginWithCode,
      reloginWithKey,
    }),
    [
      state,
      api,
      transport,
      login,
      verifyMfa,
      verifyKey,
      replaceOneTimePassword,
      logout,
      relogin,
      reloginWithPassword,
      reloginWithCode,
      reloginWithKey,
    ],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

/** The provider's logout sent the browser to /logged-out (auth/oidc/addresses.ts): now "/". */
function backFromProviderLogout(): boolean {
  if (window.location.pathname !== "/logged-out") return false;
  window.history.replaceState(null, "", "/");
  return true;
}

/** Who is signed in when the app starts, the login page's steps, and logging out. */
function useLoginSteps({ api, csrfToken, update, gate }: ReturnType<typeof useSession>) {
  const loadMe = useCallback(
    async (signal?: AbortSignal) => {
      const next = await api.me(signal);
      csrfToken.current = next.csrfToken;
      update({ status: "authenticated", me: next });
    },
    [api, csrfToken, update],
  );

  useEffect(() => {
    const controller = new AbortController();
    loadMe(controller.signal).catch((error: unknown) => {
      if (isAbort(error) || controller.signal.aborted) return;
      // Not signed in (401), or the server could not say: either way, offer the login form —
      // saying so when the identity provider has just sent the browser back from its logout.
      update({ status: "anonymous", notice: backFromProviderLogout() ? "loggedOut" : null });
    });
    return () => controller.abort();
  }, [loadMe, update]);

  const follow = useCallback(
    async (result: LoginResult) => {
      csrfToken.current = result.csrfToken;
      if (result.state === "authenticated") await loadMe();
      else update({ status: result.state });
    },
    [csrfToken, loadMe, update],
  );

  const login = useCallback(
    async (username: string, password: string) => follow(await api.login(username, password)),
    [api, follow],
  );

  const verifyMfa = useCallback(
    async (code: string) => follow(await api.verifyMfa(code)),
    [api, follow],
  );

  const verifyKey = useCallback(
    async (credential: unknown) => follow(await api.finishKeyLogin(credential)),
    [api, follow],
  );

  const replaceOneTimePassword = useCallback(
    async (currentPassword: string, newPassword: string) =>
      follow(await api.replaceOneTimePassword(currentPassword, newPassword)),
    [api, follow],
  );

  const logout = useCallback(async () => {
    let result: Awaited<ReturnType<typeof api.logout>>;
    try {
      result = await api.logout();
    } catch {
      // The session is forgotten here either way; the server's expires on its own.
    }
    csrfToken.current = null;
    gate.refuse(new ApiError(401, "unauthenticated", "Logged out"));
    // A provider's session is ended at the provider, which sends the browser back.
    if (result?.providerLogoutUrl) {
      window.location.assign(result.providerLogoutUrl);
      return;
    }
    update({ status: "anonymous", notice: result ? "loggedOutProviderOpen" : "loggedOut" });
  }, [api, csrfToken, gate, update]);

  return { login, verifyMfa, verifyKey, replaceOneTimePassword, logout };
}

/**
 * Logging in again in the dialog, without leaving the page. Only the user whose work is on
 * the page gets it back: if someone else logs in, nothing that waited is sent and the page
 * is loaded afresh, so the first user's unsaved text is never shown to, or saved as, them.
 */
function useReloginSteps({
  api,
  gate,
  csrfToken,
  me,
  update,
  setRelogin,
  logout,
}: ReturnType<typeof useSession> & { logout: () => Promise<void> }) {
  const finish = useCallback(async () => {
    const next = await api.me();
    csrfToken.current = next.csrfToken;
    if (next.user.id !== me.current?.user.id) {
      gate.refuse(new ApiError(401, "unauthenticated", "Another user logged in"));
      window.location.replace("/");
      return;
    }
    update({ status: "authenticated", me: next });
    gate.pass();
  }, [api, gate, csrfToken, me, update]);

  const reloginWithPassword = useCallback(
    async (username: string, password: string) => {
      const result = await api.login(username, password);
      csrfToken.current = result.csrfToken;
      if (result.state === "authenticated") await finish();
      else if (result.state === "mfa_required") setRelogin({ open: true, step: "code", username });
      // Setting up an authenticator app again (after an MFA reset) is the login page's work.
      else await logout();
    },
    [api, csrfToken, finish, setRelogin, logout],
  );

  // The second step in the dialog, with a code or a key's answer alike.
  const secondStep = useCallback(
    async (prove: () => Promise<LoginResult>) => {
      try {
        const result = await prove();
        csrfToken.current = result.csrfToken;
      } catch (error) {
        // The half-done login ran out: start again from the password.
        if (error instanceof ApiError && error.status === 401 && me.current) {
          setRelogin({ open: true, step: "password", username: me.current.user.username });
        }
        throw error;
      }
      await finish();
    },
    [csrfToken, me, finish, setRelogin],
  );
  const reloginWithCode = useCallback(
    (code: string) => secondStep(() => api.verifyMfa(code)),
    [api, secondStep],
  );
  const reloginWithKey = useCallback(
    (credential: unknown) => secondStep(() => api.finishKeyLogin(credential)),
    [api, secondStep],
  );

  return { reloginWithPassword, reloginWithCode, reloginWithKey };
}
