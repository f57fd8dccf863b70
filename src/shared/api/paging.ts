import { z } from "zod";
import { invalidCursorMessage } from "../validation-messages.ts";
import { int4Max, int4Param } from "./fields.ts";

/**
 * How every history that grows with the case is paged (the safety plan's versions, the
 * status changes, the journal …): newest first, a page at a time, by keyset — the page after
 * is "the rows before the last one shown", never OFFSET, so a page costs the same at row 20
 * and at row 2,000, and a row added meanwhile neither repeats nor hides one.
 *
 * The client sends `limit` (default 20, at most 100) and, for a later page, `before`: the
 * `nextCursor` of the page it has. The cursor is opaque to the client (each history says
 * what it is made of, e.g. a version number or a row id); one it did not get from us answers
 * 400 with a message a person understands. The last page has `nextCursor: null`.
 */
export const pageSize = { default: 20, max: 100 } as const;

/** A cursor that is a version number (1 … int4): the page holds the versions below it. */
export const versionCursor = z
  .string()
  .refine((text) => /^[1-9]\d{0,9}$/.test(text) && Number(text) <= int4Max, {
    error: invalidCursorMessage,
  })
  .transform(Number);

/** A cursor that is a row's id: the page holds the rows that come after it, newest first. */
export const idCursor = z.uuid({ error: invalidCursorMessage });

/** The query string of a history page, its cursor read by `cursor`. */
export function pageQuery<C extends z.ZodType<unknown, string>>(cursor: C) {
  return z.object({
    limit: int4Param()
      .min(1)
      .max(pageSize.max)
      .default(pageSize.default)
      .meta({ description: `How many rows (1–${pageSize.max}, default ${pageSize.default})` }),
    before: cursor.optional().meta({
      description: "The nextCursor of the page before; leave out for the newest rows",
    }),
  });
}

/** One page of a history: its rows, newest first, and the cursor of the page after. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Send as `before` for the next page; null on the last page" }),
  });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A page from up to `limit + 1` rows read in the page's order: the extra row only says that
 * there is more, and the last row shown is where the next page starts.
 */
export function pageFrom<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => string,
  toItem: (row: R) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}

/**
 * Lists that grow with the organisation (the cases, the log review) are paged the same way,
 * by a cursor that carries the last row's place itself: its sort key and its id, base64url,
 * so the next page needs no look-up of that row (which the reader may no longer see). The
 * time is PostgreSQL's to the microsecond (a JavaScript Date would round it and repeat or
 * skip rows); the id breaks ties.
 */
const placePattern =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface TimePlace {
  /** The row's time as PostgreSQL keeps it, in UTC: 2026-12-04T21:05:09.123456Z. */
  at: string;
  id: string;
}

function fromBase64url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  try {
    return decodeURIComponent(escape(atob(b64)));
  } catch {
    return null;
  }
}

function toBase64url(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function encodeTimePlace(place: TimePlace): string {
  return toBase64url(`${place.at}~${place.id}`);
}

export function decodeTimePlace(text: string): TimePlace | null {
  const match = placePattern.exec(fromBase64url(text) ?? "");
  if (!match?.[1] || !match[2] || Number.isNaN(Date.parse(match[1]))) return null;
  return { at: match[1], id: match[2] };
}

/** A cursor that is a row's time and id (encodeTimePlace); anything else answers 400. */
export const timePlaceCursor = z
  .string()
  .refine((text) => decodeTimePlace(text) !== null, { error: invalidCursorMessage })
  .transform((text) => decodeTimePlace(text) as TimePlace);

/** A cursor that is a row's place in an ever-growing sequence (an audit event's number). */
export const sequenceCursor = z
  .string()
  .refine((text) => /^[1-9]\d{0,14}$/.test(fromBase64url(text) ?? ""), {
    error: invalidCursorMessage,
  })
  .transform((text) => Number(fromBase64url(text)));

export function encodeSequence(n: number): string {
  return toBase64url(String(n));
}

/**
 * The query string of a list page: a history's (`limit`, `before`) and `count=true` for the
 * number of rows in the whole list, which costs a count of every row the reader may see and
 * is therefore read only when asked (a first page that shows "23 av 1 204").
 */
export function listQuery<C extends z.ZodType<unknown, string>>(cursor: C) {
  return pageQuery(cursor).extend({
    count: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true")
      .meta({ description: "true: the answer says how many rows the whole list has (total)" }),
  });
}

/** A list page's own fields beside its rows: where it goes on, and the count when asked. */
export const listPageFields = {
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: "Send as `before` for the next page; null on the last page" }),
  total: z
    .number()
    .int()
    .nullable()
    .meta({ description: "How many rows the whole list has; null unless count=true" }),
};

/** Which way a sorted list runs. */
export const sortOrders = ["asc", "desc"] as const;
export type SortOrder = (typeof sortOrders)[number];

/**
 * Where a page of a list sorted by a column starts (issue 15): the sort and order it was
 * given for, the last row's value in that column, and its id, which breaks ties. Like a
 * time place, it carries the row's place itself; a cursor of another sort or order than
 * the query's answers 400, since it would start the page at a place of another list.
 */
export interface SortPlace {
  sort: string;
  order: SortOrder;
  /** The column's value as text (a time to the microsecond, a reference, a status …). */
  key: string;
  id: string;
}

const sortPlacePattern =
  /^([a-z]{1,20})\.(asc|desc)~(.{1,100})~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeSortPlace(place: SortPlace): string {
  return toBase64url(`${place.sort}.${place.order}~${place.key}~${place.id}`);
}

export function decodeSortPlace(text: string): SortPlace | null {
  const match = sortPlacePattern.exec(fromBase64url(text) ?? "");
  if (!match) return null;
  const [, sort, order, key, id] = match;
  if (!sort || !key || !id || (order !== "asc" && order !== "desc")) return null;
  return { sort, order, key, id };
}

/** A cursor of a sorted list (encodeSortPlace); whether its key fits its sort, the list says. */
export const sortPlaceCursor = z
  .string()
  .refine((text) => decodeSortPlace(text) !== null, { error: invalidCursorMessage })
  .transform((text) => decodeSortPlace(text) as SortPlace);

/** A time as a place cursor carries it: PostgreSQL's, in UTC, to the microsecond. */
export function isPlaceTime(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(text) && !Number.isNaN(Date.parse(text))
  );
}

/**
 * A sequence cursor that also says which way the list runs: the number alone (newest
 * first, as sequenceCursor gives it) or `n~asc` (oldest first).
 */
export interface SequencePlace {
  id: number;
  order: SortOrder;
}

function decodeSequencePlace(text: string): SequencePlace | null {
  const match = /^([1-9]\d{0,14})(~asc)?$/.exec(fromBase64url(text) ?? "");
  if (!match?.[1]) return null;
  return { id: Number(match[1]), order: match[2] ? "asc" : "desc" };
}

export function encodeSequencePlace(place: SequencePlace): string {
  return toBase64url(place.order === "asc" ? `${place.id}~asc` : String(place.id));
}

export const sequencePlaceCursor = z
  .string()
  .refine((text) => decodeSequencePlace(text) !== null, { error: invalidCursorMessage })
  .transform((text) => decodeSequencePlace(text) as SequencePlace);
