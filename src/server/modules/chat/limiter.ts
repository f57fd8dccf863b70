/**
 * A fixed-window counter per key, in memory only: the young people's chat limits how often a
 * conversation starts and how often messages come, per connection and per address, without
 * storing an address anywhere (the keys live here until their window ends, never in a table
 * or a log). Unlike the login throttle (auth/throttle.ts), nothing here must survive a
 * restart or be shared between processes: a restart forgets, which costs an abuser nothing
 * they could not get by waiting a minute.
 */
export class WindowLimiter {
  private readonly counts = new Map<string, { count: number; endsAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one event for the key; false when the key has used its window's allowance. */
  take(key: string, now: number = Date.now()): boolean {
    if (this.counts.size > 10_000) this.forgetEnded(now);
    const entry = this.counts.get(key);
    if (!entry || entry.endsAt <= now) {
      this.counts.set(key, { count: 1, endsAt: now + this.windowMs });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  private forgetEnded(now: number) {
    for (const [key, entry] of this.counts) if (entry.endsAt <= now) this.counts.delete(key);
  }
}
