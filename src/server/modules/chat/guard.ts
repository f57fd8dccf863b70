import type { Selectable } from "kysely";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import { chatUnitsOf } from "./policy.ts";

/**
 * Every staff command on one conversation passes here, as runCaseCommand does for a case: a
 * conversation the actor may not see answers like a missing one (404), audited in a
 * transaction of its own; the success event is written in the command's transaction. The
 * events name the conversation and never an address (the meta carries none: chatMeta).
 */
export const conversationNotFound = () =>
  new AppError(404, "not_found", "Samtalet finns inte längre, eller så saknar du behörighet.");

export type ConversationRow = Selectable<Database["chat_conversation"]>;

export interface ChatCommand<A extends AuditAction, T> {
  conversationId: string;
  action: A;
  /** Locks the conversation row: commands that change it never cross. */
  lock?: boolean;
  run: (trx: Trx, conversation: ConversationRow) => Promise<T>;
  event?: (result: NoInfer<T>) => AuditData<A>;
}

/** Request meta for the chat: the request id, never the client's address. */
export const chatMeta = (requestId: string): RequestMeta => ({ requestId, clientAddress: null });

export async function runChatCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: ChatCommand<A, T>,
): Promise<T> {
  const { conversationId, action } = command;
  const units = chatUnitsOf(actor);
  const outcome = await withActor(database.db, actor, async (trx) => {
    let query = trx.selectFrom("chat_conversation").selectAll().where("id", "=", conversationId);
    if (command.lock) query = query.forUpdate();
    const conversation = await query.executeTakeFirst();
    const mine =
      conversation &&
      (units.includes(conversation.unit_id) ||
        (conversation.handed_to_unit_id !== null &&
          units.includes(conversation.handed_to_unit_id)));
    if (!conversation || !mine) return null;
    const value = await command.run(trx, conversation);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        resourceType: "chat_conversation",
        resourceId: conversationId,
        unitId: conversation.unit_id,
        ...(command.event ? { data: command.event(value) } : {}),
      },
    ]);
    return { value };
  });
  if (outcome) return outcome.value;
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        outcome: "denied",
        resourceType: "chat_conversation",
        resourceId: conversationId,
      },
    ]),
  );
  throw conversationNotFound();
}
