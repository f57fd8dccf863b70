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
