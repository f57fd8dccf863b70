import { createContext } from "react";
import type { Me } from "../../shared/api/auth";
import type { Transport } from "../api/transport";
import type { accountApi } from "../features/account/api";

/** The calls the shell makes itself: logging in and out, the session clock. */
export type SessionApi = ReturnType<typeof accountApi>;

/**
 * What the login page says first: logged out (of Frid and, when it offers it, of the
 * organisation's identity provider), logged out of Frid only (the provider offers no logout:
 * its session may still be open), or the session ended on its own.
 */
export type LoginNotice = "loggedOut" | "loggedOutProviderOpen" | "expired";

/**
 * Where the browser's session stands. The CSRF token is not part of it: it is kept in a ref
 * inside AuthProvider (memory only, never web storage) and read by the Api per request.
 */
export type AuthState =
  | { status: "loading" }
  | { status: "anonymous"; notice: LoginNotice | null }
  | { status: "mfa_required" }
  | { status: "mfa_enrolment_required" }
  | { status: "password_change_required" }
  | { status: "authenticated"; me: Me };

/**
 * The session of a signed-in user ended (idle, absolute limit, logged out in another tab)
 * while the page holds their work: a dialog asks them to log in again, and the page's
 * requests wait until they have (see relogin.ts).
 */
export type Relogin =
  | { open: false }
  | { open: true; step: "password"; username: string }
  | { open: true; step: "code"; username: string };

export interface AuthValue {
  state: AuthState;
  /** The login steps' and session's calls; pages use useApi() (the whole API). */
  api: SessionApi;
  /** How calls reach the server for this session; useApi() builds on it. */
  transport: Transport;
  /** Password step; resolves once the state has moved on (to MFA or authenticated). */
  login(username: string, password: string): Promise<void>;
  /** One-time code step, for both an enrolled user and one completing enrolment. */
  verifyMfa(code: string): Promise<void>;
  /** The same step with a security key's signed answer (features/account/SecurityKeys). */
  verifyKey(credential: unknown): Promise<void>;
  /** Replaces a one-time password (after the code); resolves once authenticated. */
  replaceOneTimePassword(currentPassword: string, newPassword: string): Promise<void>;
  logout(): Promise<void>;
  relogin: Relogin;
  /** Logging in again in the dialog: the password step, then the code step if needed. */
  reloginWithPassword(username: string, password: string): Promise<void>;
  reloginWithCode(code: string): Promise<void>;
  reloginWithKey(credential: unknown): Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);
