import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { RoleHeld } from "../access/actor.ts";
import type { Config } from "../config.ts";
import type { Database, SessionStateName } from "../db/types.ts";

export const sessionCookie = "frid_session";

/** 256 random bits, base64url: the only copy is the user's cookie. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

export function newCsrfToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface LoadedSession {
  idHash: string;
  userId: string;
  orgId: string;
  state: SessionStateName;
  csrfToken: string;
  /** Sealed (db/sealed-columns.ts), as stored: opened only where a code is checked (mfa.ts). */
  pendingTotpSecret: string | null;
  username: string;
  displayName: string;
  mfaEnrolled: boolean;
  /** Sealed, as stored: opened only where a code is checked (mfa.ts). */
  totpSecret: string | null;
  lastSeenAt: Date;
  /** The absolute limit: no activity moves it. */
  expiresAt: Date;
  roles: RoleHeld[];
  /** A digest of the roles as loaded: a statement that trusts a cached session compares it. */
  rolesKey: string;
}

/**
 * The user's roles as one digest (id, role, unit and its name), so a statement can tell that
 * the roles a cached session carries are still the ones the tables hold.
 */
const rolesKeyOf = (userId: RawBuilder<unknown>) => sql<string>`(
  select md5(coalesce(string_agg(r.id::text || ':' || r.role || ':' || coalesce(r.unit_id::text, '')
                                 || ':' || coalesce(un.name, ''), ',' order by r.id), ''))
  from role_assignment r left join unit un on un.id = r.unit_id
  where r.user_id = ${userId})`;

export async function createSession(
  db: Kysely<Database>,
  config: Config,
  user: { id: string; orgId: string },
  state: SessionStateName,
  clientAddress: string | null,
): Promise<{ id: string; csrfToken: string }> {
  const id = newSessionId();
  const csrfToken = newCsrfToken();
  await db
    .insertInto("session")
    .values({
      id_hash: hashSessionId(id),
      user_id: user.id,
      org_id: user.orgId,
      state,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + config.session.absoluteHours * 3_600_000),
      client_address: clientAddress,
    })
    .execute();
  return { id, csrfToken };
}

/** A live session: not revoked, within the absolute limit, used within the idle limit, user active. */
export async function loadSession(
  db: Kysely<Database>,
  config: Config,
  id: string,
): Promise<LoadedSession | null> {
  const idleSince = new Date(Date.now() - config.session.idleMinutes * 60_000);
  const row = await db
    .selectFrom("session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select([
      "s.id_hash",
      "s.user_id",
      "s.org_id",
      "s.state",
      "s.csrf_token",
      "s.pending_totp_secret",
      "s.last_seen_at",
      "s.expires_at",
      "u.username",
      "u.display_name",
      "u.mfa_enrolled_at",
      "u.totp_secret",
      // The roles come along: one round trip per request for who the caller is.
      sql<RoleHeld[]>`(
        select coalesce(json_agg(json_build_object('id', r.id, 'unitId', r.unit_id, 'unitName', un.name, 'role', r.role)
                                 order by un.name, r.role), '[]'::json)
        from role_assignment r left join unit un on un.id = r.unit_id
        where r.user_id = s.user_id)`.as("roles"),
      rolesKeyOf(sql.ref("s.user_id")).as("roles_key"),
    ])
    .where("s.id_hash", "=", hashSessionId(id))
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", new Date())
    .where("s.last_seen_at", ">", idleSince)
    .where("u.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    orgId: row.org_id,
    state: row.state,
    csrfToken: row.csrf_token,
    pendingTotpSecret: row.pending_totp_secret,
    username: row.username,
    displayName: row.display_name,
    mfaEnrolled: row.mfa_enrolled_at !== null,
    totpSecret: row.totp_secret,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    roles: row.roles,
    rolesKey: row.roles_key,
  };
}

/** What a statement needs to check a session taken from memory (auth/session-cache.ts). */
export interface SessionProof {
  idHash: string;
  rolesKey: string;
  /** The request's moment and its idle limit, on the server's clock as loadSession uses. */
  at: Date;
  idleSince: Date;
}

export function sessionProof(
  config: Config,
  session: LoadedSession,
  at = new Date(),
): SessionProof {
  return {
    idHash: session.idHash,
    rolesKey: session.rolesKey,
    at,
    idleSince: new Date(at.getTime() - config.session.idleMinutes * 60_000),
  };
}

/**
 * True while the session still holds exactly as loadSession would find it — logged in, not
 * revoked, within both limits, the user active, the roles unchanged. Folded into the
 * statement of a request that took its session from memory: a session ended anywhere (this
 * process or another) stops that very statement.
 */
export function sessionHolds(proof: SessionProof): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from session s join app_user u on u.id = s.user_id
    where s.id_hash = ${proof.idHash} and s.state = 'authenticated' and s.revoked_at is null
      and s.expires_at > ${proof.at} and s.last_seen_at > ${proof.idleSince} and u.active
      and ${rolesKeyOf(sql`s.user_id`)} = ${proof.rolesKey})`;
}

/**
 * Keeps the idle clock going. Written at most once a minute per session (a tenth of the idle
 * limit when that is shorter, so a short limit still sees every request as activity).
 */
export async function touchSession(
  db: Kysely<Database>,
  config: Config,
  session: LoadedSession,
): Promise<void> {
  const every = Math.min(60_000, config.session.idleMinutes * 6_000);
  if (Date.now() - session.lastSeenAt.getTime() < every) return;
  // Kept on the loaded session too: a session held in memory knows it was just seen.
  session.lastSeenAt = await extendSession(db, session);
}

/** The user is at work (a heartbeat): the idle clock starts again now. */
export async function extendSession(db: Kysely<Database>, session: LoadedSession): Promise<Date> {
  const now = new Date();
  await db
    .updateTable("session")
    .set({ last_seen_at: now })
    .where("id_hash", "=", session.idHash)
    .execute();
  return now;
}

export interface SessionTiming {
  idleLimitSeconds: number;
  endsInSeconds: number;
  /** Which limit ends it: only an idle end can be put off by working on. */
  endsBy: "idle" | "absolute";
}

/** How long a session has left, counted from the server's clock (no skew with the browser's). */
export function sessionTiming(config: Config, lastSeenAt: Date, expiresAt: Date): SessionTiming {
  const idleMs = config.session.idleMinutes * 60_000;
  const idleEnd = lastSeenAt.getTime() + idleMs;
  const end = Math.min(idleEnd, expiresAt.getTime());
  return {
    idleLimitSeconds: Math.round(idleMs / 1000),
    endsInSeconds: Math.max(0, Math.floor((end - Date.now()) / 1000)),
    endsBy: expiresAt.getTime() <= idleEnd ? "absolute" : "idle",
  };
}

/** Ends a session if it has not ended yet: whether this call ended it (one of two at once). */
export async function claimSession(db: Kysely<Database>, idHash: string): Promise<boolean> {
  const ended = await db
    .updateTable("session")
    .set({ revoked_at: new Date() })
    .where("id_hash", "=", idHash)
    .where("revoked_at", "is", null)
    .returning("id_hash")
    .executeTakeFirst();
  return ended !== undefined;
}

export async function revokeSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db
    .updateTable("session")
    .set({ revoked_at: new Date() })
    .where("id_hash", "=", idHash)
    .execute();
}

/** Ends every session of a user (deactivation, MFA reset), or all but one (password change). */
export async function revokeUserSessions(
  db: Kysely<Database>,
  userId: string,
  keepIdHash?: string,
): Promise<void> {
  let query = db
    .updateTable("session")
    .set({ revoked_at: new Date() })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keepIdHash) query = query.where("id_hash", "<>", keepIdHash);
  await query.execute();
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookieHeader(id: string | null, secure: boolean): string {
  const attributes = ["Path=/", "HttpOnly", "SameSite=Strict", ...(secure ? ["Secure"] : [])];
  if (id === null) return [`${sessionCookie}=`, "Max-Age=0", ...attributes].join("; ");
  return [`${sessionCookie}=${id}`, ...attributes].join("; ");
}
