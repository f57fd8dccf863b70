import type { Language } from "./messages";

const locales: Readonly<Record<Language, string>> = { sv: "sv-SE", en: "en-GB" };

/** A date for tables: 2026-11-22 in Swedish, 22/11/2026 in English. */
export function formatDate(iso: string, lang: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: "short", timeZone }).format(date);
}

/** Date and time to the second, as an access log needs: 2026-11-22 14:03:07. */
export function formatDateTime(iso: string, lang: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone,
  }).format(date);
}

/**
 * "Valid through 2026-12-01" from a date input → the last second of that day in the
 * browser's time zone, as ISO 8601. Anything that is not a date is passed on unchanged, so
 * the server's validation message reaches the field.
 */
export function endOfDayIso(dateInput: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInput)) return dateInput;
  const date = new Date(`${dateInput}T23:59:59`);
  return Number.isNaN(date.getTime()) ? dateInput : date.toISOString();
}

/** YYYY-MM-DD of the local date `days` after `from`: a date input's value. */
export function localDateInput(from: Date, days = 0): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Date and time to the minute, as a journal shows them: 2026-11-22 14:03. */
export function formatDateTimeShort(iso: string, lang: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], {
    dateStyle: "short",
    timeStyle: "short",
    timeZone,
  }).format(date);
}

/** A time of day, hours and minutes (14:32), e.g. when a session ends. */
export function formatTime(iso: string, lang: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { timeStyle: "short", timeZone }).format(date);
}

const pad2 = (n: number) => String(Math.abs(n)).padStart(2, "0");

/**
 * A date input (YYYY-MM-DD) and a time input (HH:MM, or HH:MM:SS) read as the browser's
 * local time → ISO 8601 with that moment's UTC offset, e.g. 2026-11-22T14:03:00+01:00
 * (Stockholm in winter) or 2026-07-01T09:30:00+02:00 (summer time). A time that does not
 * exist locally (the hour skipped when summer time starts) becomes the moment the clock
 * shows then, one hour later. Null for anything that is not a real date and time.
 */
export function localDateTimeIso(dateInput: string, timeInput: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateInput);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(timeInput);
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hours, minutes, seconds] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const local = new Date(year, month - 1, day, hours, minutes, seconds);
  // new Date() rolls 2026-02-30 over to March and maps years 0–99 to the 1900s: not a date.
  if (
    Number.isNaN(local.getTime()) ||
    local.getFullYear() !== year ||
    local.getMonth() !== month - 1 ||
    local.getDate() !== day
  ) {
    return null;
  }
  const offset = -local.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  return (
    `${local.getFullYear()}-${pad2(local.getMonth() + 1)}-${pad2(local.getDate())}` +
    `T${pad2(local.getHours())}:${pad2(local.getMinutes())}:${pad2(local.getSeconds())}` +
    `${sign}${pad2(Math.floor(Math.abs(offset) / 60))}:${pad2(Math.abs(offset) % 60)}`
  );
}

/** The values of a date and a time input (to the minute) showing `iso` in local time. */
export function localDateTimeInputs(iso: string | Date): { date: string; time: string } {
  const at = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(at.getTime())) return { date: "", time: "" };
  return { date: localDateInput(at), time: `${pad2(at.getHours())}:${pad2(at.getMinutes())}` };
}

/**
 * A calendar day the server sends as YYYY-MM-DD (already a Swedish date, e.g. a deadline's
 * last day): 2026-11-25 in Swedish, 25/11/2026 in English, with no time zone to shift it.
 * An ISO instant is shown as its date in local time; anything else as it is.
 */
export function formatDay(value: string, lang: Language): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!day) return formatDate(value, lang);
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  if (Number.isNaN(date.getTime())) return value;
  return formatDate(date.toISOString(), lang, "UTC");
}
