import { z } from "zod";
import { isoDate, multiline } from "./fields.ts";
import { ProtectionLevel } from "./persons.ts";
import { stayEndReasons } from "./stays.ts";

/**
 * The stay commands both sides use (issue 16): the placing caseworker and the staff of the
 * shelter running the stay's current place. And the shelter's own view of its residents,
 * which never shows the case, the investigation, the decision, the costs or where she went.
 */
export const StayParams = z.object({ stayId: z.uuid() });

// One list of end reasons for both sides: the stays' own (shared/api/stays.ts).
export { stayEndReasons };
export const StayEndReason = z.enum(stayEndReasons);
export type StayEndReason = z.infer<typeof StayEndReason>;

export const stayNoteKinds = ["talk", "child_talk", "incident", "note"] as const;
export const StayNoteKind = z.enum(stayNoteKinds);
export type StayNoteKind = z.infer<typeof StayNoteKind>;

export const CheckInBody = z
  .object({ arrivedOn: isoDate().meta({ description: "The day she (and the children) came" }) })
  .strict()
  .meta({ id: "StayCheckInBody" });

export const CheckOutBody = z
  .object({
    leftOn: isoDate().meta({ description: "The day she left (not a night of the stay)" }),
    endReason: StayEndReason,
    wentTo: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .nullable()
      .optional()
      .meta({ description: "Where she went, if known: the placing caseworker only" }),
  })
  .strict()
  .meta({ id: "StayCheckOutBody" });

export const StayNoteBody = z
  .object({
    kind: StayNoteKind,
    personId: z.uuid().nullable().optional().meta({
      description: "Who the note is about: a member of the stay; required for child_talk",
    }),
    happenedOn: isoDate(),
    text: multiline(z.string().trim().min(1).max(8000)),
  })
  .strict()
  .meta({ id: "StayNoteBody" });

/** Where a stay stands after a command. */
export const StayStatus = z
  .object({
    id: z.uuid(),
    plannedFrom: z.string(),
    plannedTo: z.string().nullable(),
    arrivedOn: z.string().nullable(),
    leftOn: z.string().nullable(),
    endReason: StayEndReason.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "StayStatus" });
export type StayStatus = z.infer<typeof StayStatus>;

export const StayNote = z
  .object({
    id: z.uuid(),
    kind: StayNoteKind,
    personId: z.uuid().nullable(),
    happenedOn: z.string(),
    text: z.string(),
    writtenBy: z.string(),
    writtenAt: z.string(),
  })
  .meta({ id: "StayNote" });
export type StayNote = z.infer<typeof StayNote>;

export const StayNoteList = z.object({ notes: z.array(StayNote) }).meta({ id: "StayNoteList" });

/**
 * Who stays, as the shelter knows them: names and birth year, nothing else; a fictitious
 * identity as "Skyddad identitet" with an empty family name (issue 19), and the level for
 * the badge.
 */
export const Resident = z.object({
  personId: z.uuid(),
  role: z.enum(["adult", "child"]),
  givenName: z.string(),
  familyName: z.string(),
  birthYear: z.number().int().nullable(),
  protectionLevel: ProtectionLevel,
});
export type Resident = z.infer<typeof Resident>;

/**
 * A stay as the shelter sees it. `status`: expected (not yet arrived), current, left (checked
 * out from this place) or moved (on to another place: where, the shelter is not told).
 */
export const ShelterStay = z
  .object({
    id: z.uuid(),
    place: z.object({ id: z.uuid(), name: z.string() }),
    status: z.enum(["expected", "current", "left", "moved"]),
    plannedFrom: z.string(),
    plannedTo: z.string().nullable(),
    arrivedOn: z.string().nullable(),
    /** The last day at this place: checked out, or moved on. */
    leftOn: z.string().nullable(),
    endReason: StayEndReason.nullable(),
    residents: z.array(Resident),
  })
  .meta({ id: "ShelterStay" });
export type ShelterStay = z.infer<typeof ShelterStay>;

export const ShelterStayList = z
  .object({
    expected: z.array(ShelterStay),
    current: z.array(ShelterStay),
    /** Left or moved on within the last 30 days. */
    recentlyLeft: z.array(ShelterStay),
  })
  .meta({ id: "ShelterStayList" });
export type ShelterStayList = z.infer<typeof ShelterStayList>;
