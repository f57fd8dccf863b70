import { z } from "zod";
import { textProblem } from "./fields.ts";
import { intakeKinds } from "./intake.ts";
import { Sex } from "./persons.ts";

/**
 * The young people's chat (issue 17, item 6): a unit's settings, the public page's calls,
 * staff's queue and commands, and the WebSocket messages both sides exchange.
 */

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
  error: "Skriv tiden som TT:MM, till exempel 09:00.",
});

export const ChatPeriod = z
  .object({ weekday: z.number().int().min(1).max(7), from: clock, to: clock })
  .strict()
  .refine((p) => p.from < p.to, { error: "Stängningstiden måste vara efter öppningstiden." });

export const ChatSettingsBody = z
  .object({
    enabled: z.boolean(),
    hours: z.array(ChatPeriod).max(21),
    openOnDaysOff: z.boolean().default(false),
    retentionHours: z
      .number()
      .int()
      .min(1, { error: "Ett avslutat samtal sparas minst 1 timme." })
      .max(720, { error: "Ett avslutat samtal sparas högst 30 dygn (720 timmar)." })
      .default(24),
    welcomeText: z.string().trim().max(2000).nullable().default(null),
  })
  .strict()
  .meta({ id: "ChatSettingsBody" });
export type ChatSettingsBody = z.infer<typeof ChatSettingsBody>;

export const ChatSettingsView = z
  .object({
    unitId: z.uuid(),
    unitName: z.string(),
    enabled: z.boolean(),
    hours: z.array(ChatPeriod),
    openOnDaysOff: z.boolean(),
    retentionHours: z.number().int(),
    welcomeText: z.string().nullable(),
  })
  .meta({ id: "ChatSettings" });
export type ChatSettingsView = z.infer<typeof ChatSettingsView>;

export const ChatSettingsList = z
  .object({ units: z.array(ChatSettingsView) })
  .meta({ id: "ChatSettingsList" });

export const UnitParams = z.object({ unitId: z.uuid() });

// ── The public page ──────────────────────────────────────────────────────────────────────

export const PublicChatUnit = z
  .object({
    unitId: z.uuid(),
    name: z.string(),
    openNow: z.boolean(),
    hours: z.array(ChatPeriod),
    openOnDaysOff: z.boolean(),
    welcomeText: z.string().nullable(),
  })
  .meta({ id: "PublicChatUnit" });
export type PublicChatUnit = z.infer<typeof PublicChatUnit>;

export const PublicChatUnits = z
  .object({ units: z.array(PublicChatUnit), exitUrl: z.string() })
  .meta({ id: "PublicChatUnits" });
export type PublicChatUnits = z.infer<typeof PublicChatUnits>;

export const StartChatBody = z.object({ unitId: z.uuid() }).strict().meta({ id: "StartChatBody" });

export const StartChatResult = z
  .object({
    token: z.string().meta({
      description:
        "The conversation's secret: send it as the first WebSocket message; kept only in the page's memory",
    }),
  })
  .meta({ id: "StartChatResult" });

// ── Staff ────────────────────────────────────────────────────────────────────────────────

export const chatStatuses = ["waiting", "active", "closed"] as const;
export const ChatStatus = z.enum(chatStatuses);
export type ChatStatus = z.infer<typeof ChatStatus>;

export const ChatMessageView = z
  .object({
    id: z.uuid(),
    sender: z.enum(["young", "staff"]),
    /** Staff's name for staff; never shown to the young person. */
    authorName: z.string().nullable(),
    body: z.string(),
    sentAt: z.string(),
  })
  .meta({ id: "ChatMessage" });
export type ChatMessageView = z.infer<typeof ChatMessageView>;

export const ChatConsentView = z.object({
  askedBy: z.string(),
  at: z.string(),
  words: z.string(),
});

export const ChatConversationSummary = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    status: ChatStatus,
    startedAt: z.string(),
    lastActivityAt: z.string(),
    takenByName: z.string().nullable(),
    takenByMe: z.boolean(),
    closedAt: z.string().nullable(),
    purgeAfter: z.string().nullable(),
    handedToUnitName: z.string().nullable(),
    /** Handed to a unit of mine: I am here to make the intake. */
    handedToMe: z.boolean(),
    consentGiven: z.boolean(),
    intakeId: z.uuid().nullable(),
  })
  .meta({ id: "ChatConversationSummary" });
export type ChatConversationSummary = z.infer<typeof ChatConversationSummary>;

const UnitChoice = z.object({ id: z.uuid(), name: z.string() });

export const ChatQueue = z
  .object({
    conversations: z.array(ChatConversationSummary),
    /** Child and adult services units a conversation may be handed over to. */
    handOverUnits: z.array(UnitChoice),
    /** Units where the caller may record an intake (open a case). */
    intakeUnits: z.array(UnitChoice),
  })
  .meta({ id: "ChatQueue" });
export type ChatQueue = z.infer<typeof ChatQueue>;

export const ChatConversationView = ChatConversationSummary.extend({
  messages: z.array(ChatMessageView),
  consent: ChatConsentView.nullable(),
}).meta({ id: "ChatConversation" });
export type ChatConversationView = z.infer<typeof ChatConversationView>;

export const ChatConsentBody = z
  .object({
    words: z.string().trim().min(1, { error: "Citera vad den unga personen svarade." }).max(1000),
  })
  .strict()
  .meta({ id: "ChatConsentBody" });

export const ChatHandOverBody = z
  .object({ unitId: z.uuid() })
  .strict()
  .meta({ id: "ChatHandOverBody" });

export const ChatIntakeBody = z
  .object({
    unitId: z.uuid(),
    kind: z.enum(intakeKinds).exclude(["request_for_information"]),
    identityNumber: z.string().trim().min(1).max(20).nullable().default(null),
    givenName: z.string().trim().min(1, { error: "Skriv förnamnet." }).max(100),
    familyName: z.string().trim().min(1, { error: "Skriv efternamnet." }).max(100),
    sex: Sex.default("unknown"),
    askedAboutViolence: z.boolean().nullable().default(null),
    messageIds: z
      .array(z.uuid())
      .min(1, { error: "Välj vilka meddelanden som ska följa med till aktualiseringen." })
      .max(500),
  })
  .strict()
  .meta({ id: "ChatIntakeBody" });
export type ChatIntakeBody = z.infer<typeof ChatIntakeBody>;

export const ChatIntakeResult = z
  .object({ intakeId: z.uuid(), caseId: z.uuid().nullable(), personId: z.uuid() })
  .meta({ id: "ChatIntakeResult" });

// ── The WebSocket messages ───────────────────────────────────────────────────────────────

const messageBody = z
  .string()
  .trim()
  .min(1, { error: "Skriv ett meddelande." })
  .max(2000, { error: "Meddelandet är för långt (högst 2000 tecken)." })
  .refine((text) => textProblem(text, true) === null, {
    error: "Meddelandet innehåller tecken som inte kan skickas.",
  });

/** What the young person's page sends: the token first, then messages, or leaving. */
export const YoungSocketMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), token: z.string().min(20).max(100) }).strict(),
  z.object({ type: z.literal("send"), body: messageBody }).strict(),
  z.object({ type: z.literal("leave") }).strict(),
]);
export type YoungSocketMessage = z.infer<typeof YoungSocketMessage>;

/** What a staff member's page sends: follow a conversation (an audited read), answer. */
export const StaffSocketMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("watch"), conversationId: z.uuid() }).strict(),
  z.object({ type: z.literal("send"), conversationId: z.uuid(), body: messageBody }).strict(),
]);
export type StaffSocketMessage = z.infer<typeof StaffSocketMessage>;

/** What the server sends on either socket. */
export type ChatServerEvent =
  | { type: "ready"; status: ChatStatus; messages: ChatMessageView[] }
  | { type: "message"; conversationId: string; message: ChatMessageView }
  | { type: "status"; conversationId: string; status: ChatStatus }
  | { type: "queue" }
  | { type: "error"; code: string; message: string };
