import { randomUUID } from "node:crypto";
import type {
  ChatConversationSummary,
  ChatConversationView,
  ChatMessageView,
  ChatQueue,
} from "../../../shared/api/chat.ts";
import { registrarRoles } from "../../../shared/api/roles.ts";
import { type Actor, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { type ConversationRow, runChatCommand } from "./guard.ts";
import { answersNoChat, chatUnitsOf } from "./policy.ts";

/**
 * Staff's side of the chat: the queue of their units (and of conversations handed to them),
 * one conversation's messages, taking, closing, the young person's consent and handing over
 * to social services. Every read of a conversation writes chat.read naming it.
 */

const noChat = () => new AppError(403, "forbidden", "Du svarar inte i någon enhets chatt.");

function summaryQuery(trx: Trx) {
  return trx
    .selectFrom("chat_conversation as c")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .leftJoin("app_user as t", "t.id", "c.taken_by")
    .leftJoin("unit as h", "h.id", "c.handed_to_unit_id")
    .selectAll("c")
    .select(["u.name as unit_name", "t.display_name as taken_by_name", "h.name as handed_to_name"]);
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];

function toSummary(row: SummaryRow, actor: Actor): ChatConversationSummary {
  const units = chatUnitsOf(actor);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    takenByName: row.taken_by_name,
    takenByMe: row.taken_by === actor.userId,
    closedAt: row.closed_at?.toISOString() ?? null,
    purgeAfter: row.purge_after?.toISOString() ?? null,
    handedToUnitName: row.handed_to_name,
    handedToMe: row.handed_to_unit_id !== null && units.includes(row.handed_to_unit_id),
    consentGiven: row.consent_at !== null,
    intakeId: row.intake_id,
  };
}

/** The conversations of the actor's chat units and those handed to them; the units to choose. */
export async function chatQueue(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<ChatQueue> {
  const units = chatUnitsOf(actor);
  if (answersNoChat(actor)) {
    await withActor(database.db, actor, (trx) =>
      recordAudit(trx, auditContext(actor, meta), [
        { action: "chat.queue", outcome: "denied", resourceType: "chat_conversation" },
      ]),
    );
    throw noChat();
  }
  return withActor(database.db, actor, async (trx) => {
    const rows = await summaryQuery(trx)
      .where((eb) => eb.or([eb("c.unit_id", "in", units), eb("c.handed_to_unit_id", "in", units)]))
      .orderBy("c.started_at")
      .orderBy("c.id")
      .limit(200)
      .execute();
    const units_ = await trx
      .selectFrom("unit")
      .select(["id", "name", "kind"])
      .where("org_id", "=", actor.orgId)
      .where("kind", "in", ["child_services", "adult_services"])
      .orderBy("name")
      .execute();
    const intakeUnitIds = unitsWithRole(actor, registrarRoles);
    const intakeUnits = await trx
      .selectFrom("unit")
      .select(["id", "name"])
      .where("id", "in", intakeUnitIds.length > 0 ? intakeUnitIds : [actor.orgId])
      .where("kind", "in", ["child_services", "adult_services", "crisis_centre"])
      .orderBy("name")
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "chat.queue",
        resourceType: "chat_conversation",
        unitId: units.length === 1 ? units[0] : null,
      },
    ]);
    return {
      conversations: rows.map((r) => toSummary(r, actor)),
      handOverUnits: units_.map((u) => ({ id: u.id, name: u.name })),
      intakeUnits,
    };
  });
}

export async function conversationMessages(trx: Trx, id: string): Promise<ChatMessageView[]> {
  const rows = await trx
    .selectFrom("chat_message as m")
    .leftJoin("app_user as a", "a.id", "m.author_id")
    .select(["m.id", "m.sender", "m.body", "m.sent_at", "a.display_name"])
    .where("m.conversation_id", "=", id)
    .orderBy("m.sent_at")
    .orderBy("m.id")
    .execute();
  return rows.map((m) => ({
    id: m.id,
    sender: m.sender,
    authorName: m.display_name,
    body: m.body,
    sentAt: m.sent_at.toISOString(),
  }));
}

async function viewOf(trx: Trx, actor: Actor, id: string): Promise<ChatConversationView> {
  const row = await summaryQuery(trx)
    .leftJoin("app_user as ca", "ca.id", "c.consent_asked_by")
    .select("ca.display_name as consent_asked_by_name")
    .where("c.id", "=", id)
    .executeTakeFirstOrThrow();
  return {
    ...toSummary(row, actor),
    messages: await conversationMessages(trx, id),
    consent:
      row.consent_at && row.consent_words
        ? {
            askedBy: row.consent_asked_by_name ?? "",
            at: row.consent_at.toISOString(),
            words: row.consent_words,
          }
        : null,
  };
}

/** One conversation with its messages: an audited read. */
export function readConversation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  conversationId: string,
): Promise<ChatConversationView> {
  return runChatCommand(database, actor, meta, {
    conversationId,
    action: "chat.read",
    run: (trx) => viewOf(trx, actor, conversationId),
  });
}

const alreadyClosed = () => new AppError(409, "conflict", "Samtalet är redan avslutat.");

/** Takes a waiting conversation (or one a colleague left): it is now the actor's to answer. */
export function takeConversation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  conversationId: string,
): Promise<ChatConversationView> {
  return runChatCommand(database, actor, meta, {
    conversationId,
    action: "chat.take",
    lock: true,
    run: async (trx, c) => {
      if (c.status === "closed") throw alreadyClosed();
      if (c.status === "active" && c.taken_by !== actor.userId) {
        throw new AppError(409, "conflict", "En kollega har redan tagit samtalet.");
      }
      await trx
        .updateTable("chat_conversation")
        .set({ status: "active", taken_by: actor.userId })
        .where("id", "=", c.id)
        .execute();
      return viewOf(trx, actor, conversationId);
    },
  });
}

/** Closes the conversation: the unit's retention starts now (0061's trigger sets purge_after). */
export function closeConversation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  conversationId: string,
): Promise<ChatConversationView> {
  return runChatCommand(database, actor, meta, {
    conversationId,
    action: "chat.close",
    lock: true,
    run: async (trx, c) => {
      if (c.status === "closed") throw alreadyClosed();
      await trx
        .updateTable("chat_conversation")
        .set({ status: "closed", closed_by: "staff", taken_by: null })
        .where("id", "=", c.id)
        .execute();
      return viewOf(trx, actor, conversationId);
    },
  });
}

/** The young person said yes to carrying the conversation further: who asked, when, her words. */
export function recordConsent(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  conversationId: string,
  words: string,
): Promise<ChatConversationView> {
  return runChatCommand(database, actor, meta, {
    conversationId,
    action: "chat.consent",
    lock: true,
    run: async (trx, c) => {
      if (c.consent_at) {
        throw new AppError(409, "conflict", "Samtycket är redan antecknat för samtalet.");
      }
      await trx
        .updateTable("chat_conversation")
        .set({ consent_asked_by: actor.userId, consent_at: new Date(), consent_words: words })
        .where("id", "=", c.id)
        .execute();
      return viewOf(trx, actor, conversationId);
    },
  });
}

/** Hands the conversation, with consent recorded, to a child or adult services unit. */
export function handOver(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  conversationId: string,
  unitId: string,
): Promise<ChatConversationView> {
  return runChatCommand(database, actor, meta, {
    conversationId,
    action: "chat.hand_over",
    lock: true,
    run: async (trx, c) => {
      requireConsent(c);
      const unit = await trx
        .selectFrom("unit")
        .select("id")
        .where("id", "=", unitId)
        .where("org_id", "=", actor.orgId)
        .where("kind", "in", ["child_services", "adult_services"])
        .executeTakeFirst();
      if (!unit) {
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          unitId: "Välj en enhet inom socialtjänsten (barn och unga eller vuxen).",
        });
      }
      await trx
        .updateTable("chat_conversation")
        .set({ handed_to_unit_id: unitId, handed_by: actor.userId, handed_at: new Date() })
        .where("id", "=", c.id)
        .execute();
      return viewOf(trx, actor, conversationId);
    },
    event: () => ({ unitId }),
  });
}

export function requireConsent(c: ConversationRow): void {
  if (!c.consent_at) {
    throw new AppError(
      409,
      "conflict",
      "Fråga först i chatten om den unga personen samtycker, och anteckna svaret.",
    );
  }
}

/** A staff member's answer, in a conversation they have taken. */
export function staffSend(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  conversationId: string,
  body: string,
): Promise<ChatMessageView> {
  return runChatCommand(database, actor, meta, {
    conversationId,
    action: "chat.answer",
    run: async (trx, c) => {
      if (c.status === "closed") throw alreadyClosed();
      if (c.taken_by !== actor.userId) {
        throw new AppError(409, "conflict", "Ta samtalet innan du svarar.");
      }
      const sentAt = new Date();
      const id = randomUUID();
      await trx
        .insertInto("chat_message")
        .values({
          id,
          org_id: actor.orgId,
          conversation_id: c.id,
          sender: "staff",
          author_id: actor.userId,
          body,
          sent_at: sentAt,
        })
        .execute();
      await trx
        .updateTable("chat_conversation")
        .set({ last_activity_at: sentAt })
        .where("id", "=", c.id)
        .execute();
      return {
        id,
        sender: "staff" as const,
        authorName: actor.displayName,
        body,
        sentAt: sentAt.toISOString(),
      };
    },
  });
}
