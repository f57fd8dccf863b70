import { z } from "zod";
import {
  ChangePasswordBody,
  LoginBody,
  LoginResult,
  LogoutResult,
  Me,
  MfaBody,
  MfaEnrolment,
} from "../../shared/api/auth.ts";
import { withActor } from "../access/transaction.ts";
import { recordAudit } from "../audit/record.ts";
import type { App, AppContext, RouteModule } from "../http/context.ts";
import { requestMeta, requireActor } from "../http/request-context.ts";
import { login } from "./login.ts";
import { changeOwnPassword, readMe } from "./me.ts";
import { confirmSecondFactor, startMfaEnrolment } from "./mfa.ts";
import { providerLogoutOf } from "./oidc/logout.ts";
import { replaceOneTimePassword } from "./one-time-password.ts";
import { revokeSession, sessionCookieHeader } from "./sessions.ts";

const tags = ["auth"];
const secure = (protocol: string) => protocol === "https";

export const authRoutes: RouteModule = (app, context) => {
  registerLoginRoutes(app, context);
  registerPasswordAndLogoutRoutes(app, context);
  registerMeRoutes(app, context);
};

/** Logging in: the password, then the one-time code (and setting up the app that makes it). */
function registerLoginRoutes(app: App, { config, database }: AppContext): void {
  const { db } = database;
  app.post(
    "/api/auth/login",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Log in with username and password",
        body: LoginBody,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const outcome = await login(config, database, request.body, requestMeta(request));
      // A new session id at every login; any session the browser had is ended.
      if (request.authSession) await revokeSession(db, request.authSession.idHash);
      reply.header("set-cookie", sessionCookieHeader(outcome.sessionId, secure(request.protocol)));
      return { state: outcome.state, csrfToken: outcome.csrfToken };
    },
  );

  app.post(
    "/api/auth/mfa/enrolment",
    {
      config: { allowPendingSession: true },
      schema: {
        tags,
        summary: "Start setting up an authenticator app",
        response: { 200: MfaEnrolment },
      },
    },
    async (request) => startMfaEnrolment(db, database.cipher, request.authSession!),
  );

  app.post(
    "/api/auth/mfa",
    {
      config: { allowPendingSession: true },
      schema: {
        tags,
        summary: "Confirm the one-time code (login or enrolment)",
        body: MfaBody,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const { state, next } = await confirmSecondFactor(
        config,
        db,
        database.cipher,
        request.authSession!,
        request.body.code,
        requestMeta(request),
      );
      reply.header("set-cookie", sessionCookieHeader(next.id, secure(request.protocol)));
      return { state, csrfToken: next.csrfToken };
    },
  );
}

/** A one-time password replaced (the last step of logging in with one), and logging out. */
function registerPasswordAndLogoutRoutes(app: App, { config, database }: AppContext): void {
  const { db } = database;
  app.post(
    "/api/auth/password",
    {
      config: { allowPendingSession: true },
      schema: {
        tags,
        summary: "Replace a one-time password (the session's state is password_change_required)",
        body: ChangePasswordBody,
        response: { 200: LoginResult },
      },
    },
    async (request, reply) => {
      const next = await replaceOneTimePassword(
        config,
        db,
        request.authSession!,
        request.body,
        requestMeta(request),
      );
      reply.header("set-cookie", sessionCookieHeader(next.id, secure(request.protocol)));
      return { state: "authenticated" as const, csrfToken: next.csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { allowPendingSession: true },
      schema: {
        tags,
        summary:
          "Log out (ends the session on the server; a provider's session: where to log out there)",
        response: { 200: LogoutResult, 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const session = request.authSession!;
      // Asked before the session ends: the session names its provider (auth/oidc/logout.ts).
      const atProvider = await providerLogoutOf(
        config,
        database,
        session.idHash,
        request.socket.localPort,
      );
      // The end of the session and its audit event in one transaction: both or neither.
      await withActor(db, { userId: session.userId, orgId: session.orgId }, async (trx) => {
        await revokeSession(trx, session.idHash);
        await recordAudit(
          trx,
          { actor: null, userId: session.userId, orgId: session.orgId, meta: requestMeta(request) },
          [{ action: "logout", resourceType: "session", data: logoutData(atProvider) }],
        );
      });
      reply.header("set-cookie", sessionCookieHeader(null, secure(request.protocol)));
      if (!atProvider) return reply.status(204).send();
      return { providerLogoutUrl: atProvider.location };
    },
  );
}

const logoutData = (atProvider: Awaited<ReturnType<typeof providerLogoutOf>>) =>
  atProvider
    ? {
        providerId: atProvider.providerId,
        atProvider: atProvider.location ? ("redirected" as const) : ("not_offered" as const),
      }
    : {};

/** Who I am, and a change of my own password. */
function registerMeRoutes(app: App, { config, database }: AppContext): void {
  const { db } = database;
  app.get(
    "/api/me",
    {
      schema: {
        tags,
        summary: "Who am I: user, organisation, roles, CSRF token",
        response: { 200: Me },
      },
    },
    async (request) => readMe(db, requireActor(request), request.authSession!),
  );

  app.post(
    "/api/me/password",
    {
      schema: {
        tags,
        summary: "Change my password",
        body: ChangePasswordBody,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        config,
        db,
        requireActor(request),
        request.authSession!,
        request.body,
        requestMeta(request),
      );
      return reply.status(204).send();
    },
  );
}
