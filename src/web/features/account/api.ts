import { LoginResult, Me, MfaEnrolment, SessionStatus } from "../../../shared/api/auth";
import { PublicIdentityProviderList } from "../../../shared/api/identity-providers";
import { getJson, parseWith, postJson } from "../../api/client";
import type { Transport } from "../../api/transport";

/** The account calls of the Api (api/endpoints.ts assembles every feature's). */
export function accountApi({ call, get, post, postNoContent, opts }: Transport) {
  return {
    // Authentication. Login is the one change that needs no CSRF token. The login steps,
    // logout and "who am I" never wait for a login again: they are how one logs in.
    login: (username: string, password: string) =>
      call(
        async () =>
          parseWith(LoginResult, await postJson("/api/auth/login", { username, password })),
        false,
      ),
    startMfaEnrolment: () => post("/api/auth/mfa/enrolment", {}, MfaEnrolment),
    verifyMfa: (code: string) =>
      call(
        async () => parseWith(LoginResult, await postJson("/api/auth/mfa", { code }, opts())),
        false,
      ),
    replaceOneTimePassword: (currentPassword: string, newPassword: string) =>
      call(
        async () =>
          parseWith(
            LoginResult,
            await postJson("/api/auth/password", { currentPassword, newPassword }, opts()),
          ),
        false,
      ),
    logout: () =>
      call(async () => {
        await postJson("/api/auth/logout", {}, opts());
      }, false),
    me: (signal?: AbortSignal) =>
      call(async () => parseWith(Me, await getJson("/api/me", opts(signal))), false),
    /** How long the session has left; asking does not count as activity. */
    sessionStatus: () => get("/api/auth/session", SessionStatus),
    /** The user is typing: the idle clock starts again (within the absolute limit). */
    heartbeat: () => post("/api/auth/heartbeat", {}, SessionStatus),
    /** The organisations' identity providers, for the login page's buttons (public). */
    identityProviders: () =>
      call(
        async () =>
          parseWith(PublicIdentityProviderList, await getJson("/api/auth/identity-providers")),
        false,
      ),
    changePassword: (currentPassword: string, newPassword: string) =>
      postNoContent("/api/me/password", { currentPassword, newPassword }),
  };
}
