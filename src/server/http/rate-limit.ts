import type { FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

/**
 * A limit on requests per key (a client address) in a fixed window, held in this process's
 * memory only: nothing about who asked is written anywhere, and it is forgotten when the
 * window ends. For public routes (no account), where auth/throttle.ts's counting of failed
 * logins in the database does not fit: an answer through a survey link is no failure, and its
 * address must not be stored. Behind a load balancer each process limits on its own.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Keys remembered at most; beyond it the oldest windows are forgotten (bounded memory). */
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one request; the seconds to wait when it is over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.windows.delete(key);
      this.windows.set(key, { startedAt: now, count: 1 });
      this.forgetOldest();
      return 0;
    }
    window.count += 1;
    if (window.count <= this.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000));
  }

  private forgetOldest() {
    // A Map keeps insertion order, and a key is re-inserted when its window restarts.
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.maxKeys) return;
      this.windows.delete(key);
    }
  }
}

/** An onRequest hook for a route: 429 with Retry-After before its input is even read. */
export function rateLimited(limiter: RateLimiter, message: string) {
  return async (request: FastifyRequest) => {
    const wait = limiter.hit(request.ip ?? "unknown");
    if (wait > 0)
      throw new AppError(429, "too_many_requests", message, {}, { "retry-after": String(wait) });
  };
}
