import { stockholmDate, timeZone } from "./calendar.ts";
import { swedishHolidayNames } from "./working-hours.ts";

/**
 * When a unit's chat for young people is open: hours per weekday in Swedish time ("during the
 * day, outside the family's control"), closed on public holidays and the eves treated as such
 * unless the unit says otherwise. One rule for the server (may a conversation start now?) and
 * the pages (is it open, when).
 */
export interface ChatPeriod {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:MM", Swedish time. */
  from: string;
  /** "HH:MM" after `from`; "24:00" is the end of the day. */
  to: string;
}
export type ChatHours = ChatPeriod[];

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

const clockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone,
  hourCycle: "h23",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
});
const weekdayNumbers: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

/** The weekday (1 = Monday) and "HH:MM" in Stockholm at an instant. */
export function stockholmClock(instant: Date): { weekday: number; time: string } {
  const parts = Object.fromEntries(
    clockFormat.formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return {
    weekday: weekdayNumbers[parts.weekday ?? ""] ?? 0,
    time: `${parts.hour}:${parts.minute}`,
  };
}

export function isChatOpen(hours: ChatHours, openOnDaysOff: boolean, now: Date): boolean {
  const date = stockholmDate(now);
  if (!openOnDaysOff && swedishHolidayNames(Number(date.slice(0, 4))).has(date)) return false;
  const { weekday, time } = stockholmClock(now);
  return hours.some((p) => p.weekday === weekday && p.from <= time && time < p.to);
}

/** The demo's and a new unit's default: Monday to Friday, 08–17. */
export const defaultChatHours: ChatHours = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  from: "08:00",
  to: "17:00",
}));
