import {
  LoginResult,
  LogoutResult,
  Me,
  MfaEnrolment,
  SessionStatus,
} from "../../../shared/api/auth";
import { PublicIdentityProviderList } from "../../../shared/api/identity-providers";
import {
  KeyCreationOptions,
  KeyRequestOptions,
  SecondFactorMethods,
  SecurityKey,
  SecurityKeyList,
} from "../../../shared/api/webauthn";
import { deleteJson, getJson, parseWith, patchJson, postJson } from "../../api/client";
import type { Transport } from "../../api/transport";

/** The account calls of the Api (api/endpoints.ts assembles every feature's). */
export function accountApi({ call, get, post, postNoContent, opts, id }: Transport) {
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
    /** Undefined: Frid's own session (204); else where to log out at the provider. */
    logout: () =>
      call(async () => {
        const body = await postJson("/api/auth/logout", {}, opts());
        return body === undefined ? undefined : parseWith(LogoutResult, body);
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
    // Security keys (ADR 0029): the login step's, then Mitt konto's.
    secondFactorMethods: () => get("/api/auth/mfa/methods", SecondFactorMethods),
    startKeyLogin: () =>
      call(
        async () =>
          parseWith(KeyRequestOptions, await postJson("/api/auth/webauthn/options", {}, opts())),
        false,
      ),
    finishKeyLogin: (credential: unknown) =>
      call(
        async () =>
          parseWith(LoginResult, await postJson("/api/auth/webauthn", { credential }, opts())),
        false,
      ),
    myKeys: () => get("/api/me/keys", SecurityKeyList),
    startKeyRegistration: (password: string) =>
      post("/api/me/keys/options", { password }, KeyCreationOptions),
    registerKey: (name: string, credential: unknown) =>
      post("/api/me/keys", { name, credential }, SecurityKey),
    renameKey: (keyId: string, name: string) =>
      call(async () =>
        parseWith(SecurityKey, await patchJson(`/api/me/keys/${id(keyId)}`, { name }, opts())),
      ),
    removeKey: (keyId: string) =>
      call(async () => {
        await deleteJson(`/api/me/keys/${id(keyId)}`, opts());
      }),
  };
}
