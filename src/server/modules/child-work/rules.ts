import { invalid, notInFuture } from "../../http/errors.ts";

/** The rules of dates in a child's work: a fact lies in the past, and after the work began. */

/** Refuses (400) a day in the future, or one before `earliest` (the work's or series' start). */
export function checkDay(
  field: string,
  date: string,
  earliest: { on: string; message: string } | null,
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, field, date);
  if (!fields[field] && earliest && date < earliest.on) fields[field] = earliest.message;
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

export const beforeOpened = "Datumet kan inte ligga före den dag arbetet med barnet började.";
