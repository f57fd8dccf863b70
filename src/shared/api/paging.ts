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
