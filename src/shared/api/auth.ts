import { z } from "zod";
import { Role } from "./roles.ts";

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict()
  .meta({ id: "LoginBody" });

/**
 * Where a session stands. Only "authenticated" may use the API beyond the auth endpoints;
 * "mfa_required": enter the one-time code; "mfa_enrolment_required": set up an authenticator
 * app first (production requires MFA of everyone); "password_change_required": replace a
 * one-time password (POST /api/auth/password), after the code and before anything else.
 */
export const SessionState = z.enum([
  "authenticated",
  "mfa_required",
  "mfa_enrolment_required",
  "password_change_required",
]);
export type SessionState = z.infer<typeof SessionState>;

export const LoginResult = z
  .object({
    state: SessionState,
    csrfToken: z
      .string()
      .meta({ description: "Send as the x-csrf-token header on POST/PATCH/PUT/DELETE" }),
  })
  .meta({ id: "LoginResult" });
export type LoginResult = z.infer<typeof LoginResult>;

/**
 * The answer to logging out of a session begun through an identity provider (a session of
 * Frid's own gets 204): where the browser goes to log out at the provider too, or null when
 * the provider offers no logout — its own session may then still be open.
 */
export const LogoutResult = z
  .object({
    providerLogoutUrl: z.url().nullable().meta({
      description: "The provider's end-session address (RP-initiated logout); null: none",
    }),
  })
  .meta({ id: "LogoutResult" });
export type LogoutResult = z.infer<typeof LogoutResult>;

export const MfaBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "Ange de sex siffrorna från appen."),
  })
  .strict()
  .meta({ id: "MfaBody" });

export const MfaEnrolment = z
  .object({
    secret: z.string().meta({ description: "Base32 secret, for typing into an app by hand" }),
    otpauthUri: z.string(),
    qrSvgDataUrl: z.string().meta({ description: "data:image/svg+xml QR code of otpauthUri" }),
  })
  .meta({ id: "MfaEnrolment" });
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

export const RoleAssignmentView = z
  .object({
    id: z.uuid(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    role: Role,
  })
  .meta({ id: "RoleAssignment" });
export type RoleAssignmentView = z.infer<typeof RoleAssignmentView>;

export const Me = z
  .object({
    user: z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      mfaEnrolled: z.boolean(),
    }),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    roles: z.array(RoleAssignmentView),
    csrfToken: z.string(),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(12, "Lösenordet måste ha minst 12 tecken.").max(256),
  })
  .strict()
  .meta({ id: "ChangePasswordBody" });

/**
 * How long the session has left, counted on the server (GET /api/auth/session, POST
 * /api/auth/heartbeat). In seconds from now, so the browser's clock does not matter.
 */
export const SessionStatus = z
  .object({
    idleLimitSeconds: z.number().int().nonnegative(),
    endsInSeconds: z.number().int().nonnegative(),
    endsBy: z.enum(["idle", "absolute"]).meta({
      description: "idle: working on (a heartbeat) puts the end off; absolute: nothing does",
    }),
  })
  .meta({ id: "SessionStatus" });
export type SessionStatus = z.infer<typeof SessionStatus>;
