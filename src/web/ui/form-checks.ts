import type { PlainMessageKey } from "../i18n/messages";

/*
 * What every form's check before sending shares: a date input's value is a whole day, and
 * a check answers either the body to send or the fields to correct (the server checks
 * everything again).
 */

/** A date input's value: YYYY-MM-DD (an empty or half-typed date is not). */
export const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Either the body to send, or a message key per field to correct. */
export type Checked<B, F extends string> =
  | { ok: true; body: B }
  | { ok: false; fields: Partial<Record<F, PlainMessageKey>> };
