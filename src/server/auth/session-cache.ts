import type { Config } from "../config.ts";
import type { LoadedSession } from "./sessions.ts";

/**
 * Logged-in sessions as last loaded, keyed by the hash of their id (issue 14, ADR 0010), so
 * the audited case read need not load its session first. Memory is never the authority: a
 * route may take a session from here only if its own statement checks that the session still
 * holds (sessions.ts sessionHolds) — revoked, expired, idle, user deactivated or roles changed,
 * by this process or any other — and the route loads the session again when it does not.
 *
 * An entry is used for at most `maxAgeMs` after its load and only while its own clocks
 * (the absolute and the idle limit) say it is alive; the TOTP secrets are never kept here.
 */
export class SessionCache {
  readonly #entries = new Map<string, { session: LoadedSession; loadedAt: number }>();

  constructor(
    private readonly config: Config,
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(idHash: string, now = Date.now()): LoadedSession | undefined {
    const entry = this.#entries.get(idHash);
    if (!entry) return undefined;
    const { session, loadedAt } = entry;
    const idleMs = this.config.session.idleMinutes * 60_000;
    if (
      now - loadedAt >= this.maxAgeMs ||
      session.expiresAt.getTime() <= now ||
      session.lastSeenAt.getTime() + idleMs <= now
    ) {
      this.#entries.delete(idHash);
      return undefined;
    }
    return session;
  }

  /** Keeps a freshly loaded, fully logged-in session (a copy without its secrets). */
  set(session: LoadedSession, now = Date.now()): LoadedSession {
    if (session.state !== "authenticated") return session;
    const kept = { ...session, totpSecret: null, pendingTotpSecret: null };
    this.#entries.delete(session.idHash);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(session.idHash, { session: kept, loadedAt: now });
    return session;
  }

  drop(idHash: string): void {
    this.#entries.delete(idHash);
  }
}
