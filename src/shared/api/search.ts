import { z } from "zod";
import { CaseStatus, CaseType } from "./cases.ts";
import { int4 } from "./fields.ts";
import { JournalEntryType } from "./journal.ts";
import { idCursor, pageOf, pageSize } from "./paging.ts";

/**
 * Find (issue 15, item 2): a case by its number, and words in the journals of the cases the
 * caller may see. Both are POSTs, as the person search is: what someone typed (a name in a
 * journal search) never goes into a URL or a server log.
 */

/**
 * A case number as the organisation writes it ("2026-0042", "2026-D001"), from what someone
 * typed: spaces and case ignored, the hyphen optional, a short number padded ("2026 42" →
 * "2026-0042"). Null when it does not look like a case number at all.
 */
export function normaliseCaseReference(typed: string): string | null {
  const compact = typed.replace(/\s+/g, "").toUpperCase();
  const parts = /^(\d{4})[-–]?([A-Z]?)(\d{1,5})$/.exec(compact);
  if (!parts) return null;
  const [, year, letter, number] = parts as unknown as [string, string, string, string];
  return `${year}-${letter}${letter ? number : number.padStart(4, "0")}`;
}

export const CaseReferenceSearchBody = z
  .object({
    reference: z
      .string()
      .trim()
      .min(1, "Skriv ett ärendenummer.")
      .max(40, "Skriv högst 40 tecken."),
  })
  .strict()
  .meta({ id: "CaseReferenceSearchBody" });

export const CaseReferenceHit = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    caseType: CaseType,
    status: CaseStatus,
  })
  .meta({ id: "CaseReferenceHit" });
export type CaseReferenceHit = z.infer<typeof CaseReferenceHit>;

export const CaseReferenceResult = z
  .object({
    case: CaseReferenceHit.nullable().meta({
      description: "The case, if it exists and the caller may see it; otherwise null (the same)",
    }),
  })
  .meta({ id: "CaseReferenceResult" });
export type CaseReferenceResult = z.infer<typeof CaseReferenceResult>;

/** At least one letter or digit: punctuation alone is nothing to search for. */
const searchWords = z
  .string()
  .trim()
  .min(2, "Skriv minst två tecken.")
  .max(200, "Skriv högst 200 tecken.")
  .refine((text) => /[\p{L}\p{N}]/u.test(text), { error: "Skriv minst ett ord att söka efter." });

export const JournalSearchBody = z
  .object({
    query: searchWords,
    limit: int4()
      .min(1)
      .max(pageSize.max)
      .default(pageSize.default)
      .meta({ description: `How many entries (1–${pageSize.max}, default ${pageSize.default})` }),
    before: idCursor.optional().meta({
      description: "The nextCursor of the page before; leave out for the newest hits",
    }),
  })
  .strict()
  .meta({ id: "JournalSearchBody" });
export type JournalSearchBody = z.input<typeof JournalSearchBody>;

export const JournalSearchHit = z
  .object({
    entryId: z.uuid(),
    caseId: z.uuid(),
    caseReference: z.string(),
    entryType: JournalEntryType,
    occurredAt: z.string().meta({ description: "Time of the event" }),
    status: z.enum(["signed", "draft"]).meta({ description: "draft: only ever the caller's own" }),
    author: z.object({ id: z.uuid(), displayName: z.string() }),
    snippet: z
      .array(z.object({ text: z.string(), match: z.boolean() }))
      .meta({ description: "A short excerpt around the words found; match: a word found" }),
  })
  .meta({ id: "JournalSearchHit" });
export type JournalSearchHit = z.infer<typeof JournalSearchHit>;

export const JournalSearchPage = pageOf(JournalSearchHit).meta({ id: "JournalSearchPage" });
export type JournalSearchPage = z.infer<typeof JournalSearchPage>;
