import type { LightMyRequestResponse } from "fastify";

export interface RaceOutcome {
  /** How many answers had each status code, e.g. { 200: 1, 409: 19 }. */
  counts: Record<number, number>;
  responses: LightMyRequestResponse[];
}

/**
 * Fires `n` requests at once (all started before any is awaited) and counts the answers.
 * On PostgreSQL each request gets its own connection from the pool, so they really run
 * side by side; on PGlite they queue, which is the baseline they must agree with.
 * `fire(i)` gets the request's index, so a test can alternate users or payloads; a test then
 * asserts the whole tally, e.g. `expect(outcome.counts).toEqual({ 200: 1, 409: 19 })`.
 */
export async function race(
  n: number,
  fire: (i: number) => Promise<LightMyRequestResponse>,
): Promise<RaceOutcome> {
  const responses = await Promise.all(Array.from({ length: n }, (_, i) => fire(i)));
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return { counts, responses };
}
