import QRCode from "qrcode";
import { z } from "zod";
import {
  ChangePasswordBody,
  LoginBody,
  LoginResult,
  Me,
  MfaBody,
  MfaEnrolment,
} from "../../shared/api/auth.ts";
import { withActor } from "../access/transaction.ts";
import { recordAudit } from "../audit/record.ts";
import type { RouteModule } from "../http/context.ts";
import { AppError } from "../http/errors.ts";
import { requestMeta, requireActor } from "../http/request-context.ts";
import { login } from "./login.ts";
import {
  afterSecondFactor,
  passwordChangeRequired,
  replaceOneTimePassword,
} from "./one-time-password.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import {
  createSession,
  revokeSession,
  revokeUserSessions,
  sessionCookieHeader,
} from "./sessions.ts";
import { lockedForSeconds, recordFailure, tooManyAttempts } from "./throttle.ts";
import { generateTotpSecret, otpauthUri, verifyTotp } from "./totp.ts";

const tags = ["auth"];

export const authRoutes: RouteModule = (app, { config, database }) => {
  const { db } = database;
  const secure = (protocol: string) => protocol === "https";

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
    async (request) => {
      const session = request.authSession!;
      // Only an account without an app sets one up; a session waiting for its one-time code
      // (or for a new password, after the code) cannot swap the app for another.
      if (session.state === "mfa_required" || session.mfaEnrolled) {
        throw new AppError(
          409,
          "conflict",
          "Tvåstegsverifiering är redan inställd. Be systemförvaltaren återställa den.",
        );
      }
      const secret = generateTotpSecret();
      await db
        .updateTable("session")
        .set({ pending_totp_secret: secret })
        .where("id_hash", "=", session.idHash)
        .execute();
      const uri = otpauthUri(secret, session.username);
      const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      return {
        secret,
        otpauthUri: uri,
        qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
      };
    },
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
      const session = request.authSession!;
      const meta = requestMeta(request);
      const enrolling = session.pendingTotpSecret !== null;
      const secret = session.pendingTotpSecret ?? session.totpSecret;
      const audit = (
        action: "login.mfa_failed" | "login.mfa_succeeded" | "mfa.enrolled",
        outcome: "allowed" | "denied",
      ) =>
        withActor(db, { userId: session.userId, orgId: session.orgId }, (trx) =>
          recordAudit(trx, { actor: null, userId: session.userId, orgId: session.orgId, meta }, [
            { action, outcome, resourceType: "session", data: {} },
          ]),
        );
      // Codes are throttled like passwords: six digits would otherwise fall to guessing.
      const wait = await lockedForSeconds(db, config, session.username, meta.clientAddress);
      if (wait > 0) {
        await audit("login.mfa_failed", "denied");
        throw tooManyAttempts(wait);
      }
      if (!secret || !verifyTotp(secret, request.body.code)) {
        await recordFailure(db, config, session.username, meta.clientAddress);
        await audit("login.mfa_failed", "denied");
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          code: "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök igen.",
        });
      }
      if (enrolling) {
        await db
          .updateTable("app_user")
          .set({ totp_secret: secret, mfa_enrolled_at: new Date() })
          .where("id", "=", session.userId)
          .execute();
        await audit("mfa.enrolled", "allowed");
      }
      await audit("login.mfa_succeeded", "allowed");
      // Rotate: the session that proved the second factor gets a new id.
      await revokeSession(db, session.idHash);
      const state = afterSecondFactor(await passwordChangeRequired(db, session.userId));
      const next = await createSession(
        db,
        config,
        { id: session.userId, orgId: session.orgId },
        state,
        meta.clientAddress,
      );
      reply.header("set-cookie", sessionCookieHeader(next.id, secure(request.protocol)));
      return { state, csrfToken: next.csrfToken };
    },
  );

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
        summary: "Log out (ends the session on the server)",
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const session = request.authSession!;
      // The end of the session and its audit event in one transaction: both or neither.
      await withActor(db, { userId: session.userId, orgId: session.orgId }, async (trx) => {
        await revokeSession(trx, session.idHash);
        await recordAudit(
          trx,
          { actor: null, userId: session.userId, orgId: session.orgId, meta: requestMeta(request) },
          [{ action: "logout", resourceType: "session", data: {} }],
        );
      });
      reply.header("set-cookie", sessionCookieHeader(null, secure(request.protocol)));
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/me",
    {
      schema: {
        tags,
        summary: "Who am I: user, organisation, roles, CSRF token",
        response: { 200: Me },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const org = await db
        .selectFrom("organisation")
        .select(["id", "name"])
        .where("id", "=", actor.orgId)
        .executeTakeFirstOrThrow();
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          mfaEnrolled: request.authSession!.mfaEnrolled,
        },
        organisation: org,
        roles: actor.roles,
        csrfToken: request.authSession!.csrfToken,
      };
    },
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
      const actor = requireActor(request);
      const user = await db
        .selectFrom("app_user")
        .select("password_hash")
        .where("id", "=", actor.userId)
        .executeTakeFirstOrThrow();
      if (
        !user.password_hash ||
        !(await verifyPassword(user.password_hash, request.body.currentPassword))
      ) {
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          currentPassword: "Lösenordet stämmer inte.",
        });
      }
      const hash = await hashPassword(request.body.newPassword);
      await withActor(db, actor, async (trx) => {
        await trx
          .updateTable("app_user")
          .set({ password_hash: hash })
          .where("id", "=", actor.userId)
          .execute();
        await recordAudit(trx, { actor, orgId: actor.orgId, meta: requestMeta(request) }, [
          { action: "password.changed", resourceType: "user", resourceId: actor.userId, data: {} },
        ]);
      });
      // Other sessions of this user end; this one goes on.
      await revokeUserSessions(db, actor.userId, request.authSession!.idHash);
      return reply.status(204).send();
    },
  );
};
