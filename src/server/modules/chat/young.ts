import { createHash, randomBytes, randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { ChatMessageView, ChatStatus, PublicChatUnit } from "../../../shared/api/chat.ts";
import { type ChatHours, isChatOpen } from "../../../shared/chat-hours.ts";
import type { Trx } from "../../access/transaction.ts";
import { appRole } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The young person's side: no account, no actor, no address. Her page holds a random token
 * in memory; the database knows only its hash, and her transactions carry that hash
 * (frid.chat_token), which is all row-level security lets them see or write (0061).
 */

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Runs `fn` as frid_app with no actor, for the conversation whose token hashes to `hash`. */
export function withChatToken<T>(
  db: Kysely<Database>,
  orgId: string,
  hash: string,
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${appRole}, true),
                     set_config('frid.user_id', '', true),
                     set_config('frid.org_id', ${orgId}, true),
                     set_config('frid.chat_token', ${hash}, true)`.execute(trx);
    return fn(trx);
  });
}

/** Without any identity: only security-definer functions answer (the open units, an org). */
function anonymously<T>(db: Kysely<Database>, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${appRole}, true), set_config('frid.user_id', '', true),
                     set_config('frid.org_id', '', true), set_config('frid.chat_token', '', true)`.execute(
      trx,
    );
    return fn(trx);
  });
}

interface OpenUnitRow {
  unit_id: string;
  org_id: string;
  unit_name: string;
  hours: ChatHours | string;
  open_on_days_off: boolean;
  welcome_text: string | null;
}

async function chatUnits(db: Kysely<Database>): Promise<OpenUnitRow[]> {
  return anonymously(db, async (trx) => {
    const { rows } = await sql<OpenUnitRow>`select * from frid_chat_units()`.execute(trx);
    return rows;
  });
}

const hoursOf = (row: OpenUnitRow): ChatHours =>
  typeof row.hours === "string" ? (JSON.parse(row.hours) as ChatHours) : row.hours;

/** The units whose chat is on, and whether each is open now. */
export async function publicChatUnits(db: Kysely<Database>, now: Date): Promise<PublicChatUnit[]> {
  return (await chatUnits(db)).map((row) => ({
    unitId: row.unit_id,
    name: row.unit_name,
    openNow: isChatOpen(hoursOf(row), row.open_on_days_off, now),
    hours: hoursOf(row),
    openOnDaysOff: row.open_on_days_off,
    welcomeText: row.welcome_text,
  }));
}

const chatClosed = () =>
  new AppError(
    409,
    "conflict",
    "Chatten är stängd just nu. Se öppettiderna och välkommen tillbaka.",
  );

/** Starts a conversation in a unit whose chat is open now; answers its token (once). */
export async function startConversation(
  db: Kysely<Database>,
  unitId: string,
  now: Date,
): Promise<{ token: string; conversationId: string; unitId: string }> {
  const unit = (await chatUnits(db)).find((u) => u.unit_id === unitId);
  if (!unit) {
    throw new AppError(404, "not_found", "Den chatten finns inte. Välj en av chattarna på sidan.");
  }
  if (!isChatOpen(hoursOf(unit), unit.open_on_days_off, now)) throw chatClosed();
  const token = randomBytes(32).toString("base64url");
  const id = randomUUID();
  await withChatToken(db, unit.org_id, tokenHash(token), (trx) =>
    trx
      .insertInto("chat_conversation")
      .values({ id, org_id: unit.org_id, unit_id: unitId, token_hash: tokenHash(token) })
      .execute(),
  );
  return { token, conversationId: id, unitId };
}

/** The young person's conversation, found by her token: what her page needs to go on. */
export interface YoungSession {
  conversationId: string;
  orgId: string;
  unitId: string;
  hash: string;
}

export async function openByToken(
  db: Kysely<Database>,
  token: string,
): Promise<(YoungSession & { status: ChatStatus; messages: ChatMessageView[] }) | null> {
  const hash = tokenHash(token);
  const orgId = await anonymously(db, async (trx) => {
    const { rows } = await sql<{
      org: string | null;
    }>`select frid_chat_org(${hash}) as org`.execute(trx);
    return rows[0]?.org ?? null;
  });
  if (!orgId) return null;
  return withChatToken(db, orgId, hash, async (trx) => {
    const conversation = await trx
      .selectFrom("chat_conversation")
      .select(["id", "unit_id", "status"])
      .where("token_hash", "=", hash)
      .executeTakeFirst();
    if (!conversation) return null;
    const messages = await youngMessages(trx, conversation.id);
    return {
      conversationId: conversation.id,
      orgId,
      unitId: conversation.unit_id,
      hash,
      status: conversation.status,
      messages,
    };
  });
}

/** Her view of the messages: who wrote is "you" or "the staff", never a staff member's name. */
async function youngMessages(trx: Trx, conversationId: string): Promise<ChatMessageView[]> {
  const rows = await trx
    .selectFrom("chat_message")
    .select(["id", "sender", "body", "sent_at"])
    .where("conversation_id", "=", conversationId)
    .orderBy("sent_at")
    .orderBy("id")
    .execute();
  return rows.map((m) => ({
    id: m.id,
    sender: m.sender,
    authorName: null,
    body: m.body,
    sentAt: m.sent_at.toISOString(),
  }));
}

const conversationClosed = () =>
  new AppError(409, "conflict", "Samtalet är avslutat. Du kan starta ett nytt.");

/** Her message, in her open conversation. */
export async function youngSend(
  db: Kysely<Database>,
  session: YoungSession,
  body: string,
): Promise<ChatMessageView> {
  return withChatToken(db, session.orgId, session.hash, async (trx) => {
    const touched = await trx
      .updateTable("chat_conversation")
      .set({ last_activity_at: new Date() })
      .where("id", "=", session.conversationId)
      .where("status", "<>", "closed")
      .returning("id")
      .executeTakeFirst();
    if (!touched) throw conversationClosed();
    const message = { id: randomUUID(), sentAt: new Date() };
    await trx
      .insertInto("chat_message")
      .values({
        id: message.id,
        org_id: session.orgId,
        conversation_id: session.conversationId,
        sender: "young",
        author_id: null,
        body,
        sent_at: message.sentAt,
      })
      .execute();
    return {
      id: message.id,
      sender: "young" as const,
      authorName: null,
      body,
      sentAt: message.sentAt.toISOString(),
    };
  });
}

/** She left (the quick exit): the conversation closes, and its unit's retention starts. */
export async function youngLeave(db: Kysely<Database>, session: YoungSession): Promise<boolean> {
  return withChatToken(db, session.orgId, session.hash, async (trx) => {
    const closed = await trx
      .updateTable("chat_conversation")
      .set({ status: "closed", closed_by: "young", taken_by: null })
      .where("id", "=", session.conversationId)
      .where("status", "<>", "closed")
      .returning("id")
      .executeTakeFirst();
    return closed !== undefined;
  });
}
