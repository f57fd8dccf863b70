import { randomUUID } from "node:crypto";
import type {
  StayEndReason,
  StayNote,
  StayNoteKind,
  StayStatus,
} from "../../../shared/api/shelter.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { type Cipher, sealColumns } from "../../db/sealed-columns.ts";
import { AppError } from "../../http/errors.ts";
import { readStayRow, runStayCommand, type StayContext, type StayRow } from "./stay-command.ts";

/**
 * Check-in, check-out and notes of a stay, for the placing caseworker and the shelter's staff
 * alike (stay-command.ts decides who is who). The rules are the stay's own: one check-in, not
 * on a cancelled stay; check-out only after check-in, never before it, closing the open
 * segment the same day; where she went is the caseworker's to write, never the shelter's.
 */
const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
const conflict = (message: string) => new AppError(409, "conflict", message);

const today = () => stockholmDate(new Date());

function toStatus(s: StayRow): StayStatus {
  return {
    id: s.id,
    plannedFrom: s.planned_from,
    plannedTo: s.planned_to,
    arrivedOn: s.arrived_on,
    leftOn: s.left_on,
    endReason: s.end_reason as StayEndReason | null,
    version: s.version,
  };
}

async function reread(trx: Trx, stayId: string): Promise<StayStatus> {
  const row = await readStayRow(trx, stayId);
  if (!row) throw new Error(`stay ${stayId} vanished inside its own command`);
  return toStatus(row);
}

export function checkIn(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  input: { arrivedOn: string },
): Promise<StayStatus> {
  return runStayCommand(database, actor, meta, {
    stayId,
    action: "stay.check_in",
    changes: true,
    run: async ({ trx, stay }) => {
      if (stay.cancelled_at) throw conflict("Vistelsen är avbruten och kan inte checkas in.");
      if (stay.arrived_on) throw conflict(`Vistelsen är redan incheckad (${stay.arrived_on}).`);
      if (input.arrivedOn > today())
        throw invalid({ arrivedOn: "Incheckningen kan inte ligga i framtiden." });
      await trx
        .updateTable("stay")
        .set((eb) => ({ arrived_on: input.arrivedOn, version: eb("version", "+", 1) }))
        .where("id", "=", stayId)
        .execute();
      // Before arrival the stay has one segment, from the planned day: its nights (and so its
      // cost) begin the day she actually came.
      await trx
        .updateTable("stay_segment")
        .set({ from_on: input.arrivedOn })
        .where("stay_id", "=", stayId)
        .where("to_on", "is", null)
        .execute();
      return reread(trx, stayId);
    },
    data: (_result, ctx) => ({ stayId, side: ctx.side }),
  });
}

export function checkOut(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  input: { leftOn: string; endReason: StayEndReason; wentTo?: string | null | undefined },
): Promise<StayStatus> {
  return runStayCommand(database, actor, meta, {
    stayId,
    action: "stay.check_out",
    changes: true,
    run: (ctx) => closeStay(ctx, database.cipher, actor.orgId, input),
    data: (_result, ctx) => ({ stayId, side: ctx.side, endReason: input.endReason }),
  });
}

async function closeStay(
  { trx, side, stay }: StayContext,
  cipher: Cipher,
  orgId: string,
  input: { leftOn: string; endReason: StayEndReason; wentTo?: string | null | undefined },
): Promise<StayStatus> {
  if (side === "shelter" && input.wentTo)
    throw invalid({
      wentTo: "Vart hon flyttade skriver handläggaren, inte boendet. Lämna fältet tomt.",
    });
  if (stay.cancelled_at) throw conflict("Vistelsen är avbruten.");
  if (!stay.arrived_on) throw conflict("Vistelsen är inte incheckad ännu. Checka in först.");
  if (stay.left_on) throw conflict(`Vistelsen är redan utcheckad (${stay.left_on}).`);
  if (input.leftOn < stay.arrived_on)
    throw invalid({
      leftOn: `Utcheckningen kan inte ligga före incheckningen (${stay.arrived_on}).`,
    });
  if (input.leftOn > today())
    throw invalid({ leftOn: "Utcheckningen kan inte ligga i framtiden." });
  const open = await trx
    .selectFrom("stay_segment")
    .select(["id", "from_on"])
    .where("stay_id", "=", stay.id)
    .where("to_on", "is", null)
    .executeTakeFirst();
  if (open && input.leftOn < open.from_on)
    throw invalid({
      leftOn: `Hon bor på nuvarande plats sedan ${open.from_on}: utcheckningen kan inte ligga före det.`,
    });
  const { went_to } = await sealColumns(cipher, "stay", orgId, stay.id, {
    went_to: side === "case" ? (input.wentTo ?? null) : null,
  });
  await trx
    .updateTable("stay")
    .set((eb) => ({
      left_on: input.leftOn,
      end_reason: input.endReason,
      went_to,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", stay.id)
    .execute();
  if (open)
    await trx
      .updateTable("stay_segment")
      .set({ to_on: input.leftOn })
      .where("id", "=", open.id)
      .execute();
  return reread(trx, stay.id);
}

export function addNote(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  input: {
    kind: StayNoteKind;
    personId?: string | null | undefined;
    happenedOn: string;
    text: string;
  },
): Promise<StayNote> {
  return runStayCommand(database, actor, meta, {
    stayId,
    action: "stay.note",
    changes: true,
    run: async ({ trx, stay, members }) => {
      const personId = input.personId ?? null;
      const member = members.find((m) => m.person_id === personId);
      if (input.kind === "child_talk" && member?.role !== "child")
        throw invalid({ personId: "Välj vilket av barnen i vistelsen samtalet var med." });
      if (personId && !member)
        throw invalid({ personId: "Personen bor inte i den här vistelsen." });
      if (input.happenedOn > today())
        throw invalid({ happenedOn: "Dagen kan inte ligga i framtiden." });
      if (stay.cancelled_at) throw conflict("Vistelsen är avbruten.");
      const id = randomUUID();
      await trx
        .insertInto("stay_note")
        .values({
          id,
          org_id: actor.orgId,
          stay_id: stayId,
          kind: input.kind,
          person_id: personId,
          happened_on: input.happenedOn,
          text: input.text,
          written_by: actor.userId,
        })
        .execute();
      const [note] = await notesOf(trx, stayId, id);
      return note as StayNote;
    },
    data: (note, ctx) => ({ stayId, noteId: note.id, kind: note.kind, side: ctx.side }),
  });
}

export function readNotes(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
): Promise<StayNote[]> {
  return runStayCommand(database, actor, meta, {
    stayId,
    action: "stay.notes_read",
    run: ({ trx }) => notesOf(trx, stayId),
    data: (_notes, ctx) => ({ stayId, side: ctx.side }),
  });
}

/** The stay's notes, newest day first (or the one note `onlyId`). */
async function notesOf(trx: Trx, stayId: string, onlyId?: string): Promise<StayNote[]> {
  let query = trx
    .selectFrom("stay_note as n")
    .innerJoin("app_user as u", "u.id", "n.written_by")
    .select([
      "n.id",
      "n.kind",
      "n.person_id",
      "n.happened_on",
      "n.text",
      "n.written_at",
      "u.display_name",
    ])
    .where("n.stay_id", "=", stayId);
  if (onlyId) query = query.where("n.id", "=", onlyId);
  const rows = await query
    .orderBy("n.happened_on", "desc")
    .orderBy("n.written_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as StayNoteKind,
    personId: r.person_id,
    happenedOn: r.happened_on,
    text: r.text,
    writtenBy: r.display_name,
    writtenAt: r.written_at.toISOString(),
  }));
}
