import { z } from "zod";
import { dayNotBefore, isoDate, isoDateTime, multiline } from "./fields.ts";
import { idCursor, pageOf, pageQuery } from "./paging.ts";

/** Kinds of journal entry (journalanteckning), as the UI offers them. */
export const journalEntryTypes = [
  "conversation", // samtal
  "home_visit", // hembesök
  "phone", // telefonsamtal
  "meeting", // möte
  "agency_consultation", // samråd med annan myndighet
  "other", // övrigt
] as const;
export const JournalEntryType = z.enum(journalEntryTypes);
export type JournalEntryType = z.infer<typeof JournalEntryType>;

export const WriteJournalEntryBody = z
  .object({
    entryType: JournalEntryType,
    occurredAt: isoDateTime({ offset: true }).meta({
      description: "When what is written about happened",
    }),
    body: multiline(z.string().trim().min(1).max(20_000)),
    correctsId: z
      .uuid()
      .nullable()
      .default(null)
      .meta({ description: "A signed entry this one corrects (signed entries never change)" }),
  })
  .strict()
  .meta({ id: "WriteJournalEntryBody" });

export const UpdateJournalDraftBody = z
  .object({
    entryType: JournalEntryType.optional(),
    occurredAt: isoDateTime({ offset: true }).optional(),
    body: multiline(z.string().trim().min(1).max(20_000)).optional(),
  })
  .strict()
  .meta({ id: "UpdateJournalDraftBody" });

export const JournalEntryView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    entryType: JournalEntryType,
    occurredAt: z.string().meta({ description: "Time of the event" }),
    writtenAt: z.string().meta({ description: "Time of writing (the draft was created)" }),
    updatedAt: z.string(),
    body: z.string(),
    status: z.enum(["draft", "signed"]),
    signedAt: z.string().nullable(),
    author: z.object({ id: z.uuid(), displayName: z.string() }),
    correctsId: z.uuid().nullable(),
    // What a correction corrects and what corrected an entry, named by id and time: the other
    // entry may be on a page not loaded yet, and the reader must still be told.
    corrects: z
      .object({ id: z.uuid(), occurredAt: z.string() })
      .nullable()
      .meta({ description: "The signed entry this one corrects, with its time of event" }),
    correctedBy: z
      .array(z.object({ id: z.uuid(), writtenAt: z.string() }))
      .meta({ description: "Signed corrections of this entry, oldest first" }),
    abilities: z.object({ edit: z.boolean(), sign: z.boolean() }),
  })
  .meta({ id: "JournalEntry" });
export type JournalEntryView = z.infer<typeof JournalEntryView>;

/**
 * A page of the journal: signed entries, newest event first (keyset on occurred_at,
 * written_at, id; the cursor is the last entry's id). The first page also carries all the
 * caller's own drafts, wherever their time of event falls: they wait to be signed.
 */
export const JournalPage = pageOf(JournalEntryView)
  .extend({
    drafts: z
      .array(JournalEntryView)
      .meta({ description: "My unsigned drafts, all of them, on the first page; [] after it" }),
  })
  .meta({ id: "JournalPage" });
export type JournalPage = z.infer<typeof JournalPage>;
export const JournalPageQuery = pageQuery(idCursor);

/** The journal printed for a period: the days (Swedish time) of the first and last events. */
export const JournalPdfQuery = z
  .object({
    from: isoDate().meta({ description: "The first day of the period (YYYY-MM-DD)" }),
    to: isoDate().meta({ description: "The last day of the period (YYYY-MM-DD)" }),
  })
  .strict()
  .check(dayNotBefore("to", "from", "periodEndBeforeStart"));
