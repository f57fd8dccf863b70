import { RateLimiter } from "../../http/rate-limit.ts";

/**
 * How often the young people's chat may be used, per client address (in memory only, never
 * stored or logged) and per connection. Behind a proxy Frid is not told to trust, every
 * young person shares the proxy's address: the per-address limits are therefore generous,
 * and a connection's own limit is what stops one flooding page.
 */
export const chatLimitValues = {
  /** Conversations started from one address. */
  starts: { limit: 10, windowMs: 10 * 60_000 },
  /** Tokens tried from one address (a token is 256 random bits: this only stops hammering). */
  hello: { limit: 30, windowMs: 60_000 },
  /** Messages from one address, over all its connections. */
  messages: { limit: 120, windowMs: 60_000 },
  /** Messages (young) or commands (staff) on one connection. */
  connection: { limit: 20, windowMs: 60_000 },
} as const;

export interface ChatLimits {
  starts: RateLimiter;
  hello: RateLimiter;
  messages: RateLimiter;
  newConnection(): RateLimiter;
}

export function chatLimits(values = chatLimitValues): ChatLimits {
  const of = (v: { limit: number; windowMs: number }) => new RateLimiter(v.limit, v.windowMs);
  return {
    starts: of(values.starts),
    hello: of(values.hello),
    messages: of(values.messages),
    newConnection: () => of(values.connection),
  };
}
