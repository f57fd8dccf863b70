import { z } from "zod";
import { isoDateTime, multiline } from "./fields.ts";

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
    correctedByIds: z.array(z.uuid()),
    abilities: z.object({ edit: z.boolean(), sign: z.boolean() }),
  })
  .meta({ id: "JournalEntry" });
export type JournalEntryView = z.infer<typeof JournalEntryView>;

export const JournalEntryList = z
  .object({
    entries: z
      .array(JournalEntryView)
      .meta({ description: "Newest event first; drafts only the author's own" }),
  })
  .meta({ id: "JournalEntryList" });
