import { stockholmDate } from "../../../shared/calendar.ts";

/**
 * The demo's "now", fixed when seeding starts, so that the story's events keep their order:
 * two events given the same day are the same instant (or minutes apart, as told), never a
 * few milliseconds out of order because one was computed later. Days count back from it.
 */
const clock = { now: Date.now() };

/** Starts the demo's story at this moment (seedDemo, before it writes anything). */
export function startDemoClock(now = Date.now()): void {
  clock.now = now;
}

/** So many days before the seeding, and `minutes` after that (negative: before). */
export const daysAgo = (days: number, minutes = 0) =>
  new Date(clock.now - days * 86_400_000 + minutes * 60_000);

/** The Swedish calendar day so many days before the seeding. */
export const dayAgo = (days: number) => stockholmDate(daysAgo(days));

/** The seeding's own day (for dates counted forward, such as a follow-up). */
export const seedDay = () => stockholmDate(new Date(clock.now));
