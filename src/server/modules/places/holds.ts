import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { HoldView, VacancyList } from "../../../shared/api/places.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { recordCaseRefusal } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { recordPlaceRefusal } from "./guard.ts";
import { doesCaseWork } from "./policy.ts";
import { occupancy, occupancyOf } from "./queries.ts";
import { freePlaces, type Household, vacancyOf } from "./vacancy.ts";

/**
 * The vacancy board and a case's holds. A hold locks its place (frid_lock_place, 0051) and
 * only then counts the ongoing stays and live holds, so of two holds racing for the last
 * place one is written and the other answers 409 — on PostgreSQL as on PGlite. A hold
 * counts until it expires (expires_at, by the clock: no job ends it), is released or
 * becomes a stay.
 */
const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);

export async function readVacancies(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  household: Household & { day?: string | undefined },
): Promise<VacancyList> {
  if (!doesCaseWork(actor)) {
    await recordPlaceRefusal(database, actor, meta, "place.read", null);
    throw new AppError(403, "forbidden", "Lediga platser visas för dem som arbetar med ärenden.");
  }
  const today = stockholmDate(new Date());
  const day = household.day ?? today;
  const rows = await withActor(database.db, actor, (trx) => occupancy(trx, day));
  return { day, vacancies: rows.map((row) => vacancyOf(row, household, today)) };
}

export async function holdsOf(trx: Trx, caseId: string): Promise<HoldView[]> {
  const rows = await trx
    .selectFrom("place_hold as h")
    .innerJoin("place as p", "p.id", "h.place_id")
    .innerJoin("app_user as u", "u.id", "h.held_by")
    .select([
      "h.id",
      "h.place_id",
      "p.name",
      "h.persons",
      "u.display_name",
      "h.held_at",
      "h.expires_at",
      "h.ended_reason",
      sql<boolean>`h.expires_at <= now()`.as("expired"),
    ])
    .where("h.case_id", "=", caseId)
    .orderBy("h.held_at", "desc")
    .orderBy("h.id")
    .execute();
  return rows.map((h) => ({
    id: h.id,
    placeId: h.place_id,
    placeName: h.name,
    persons: h.persons,
    heldBy: h.display_name,
    heldAt: h.held_at.toISOString(),
    expiresAt: h.expires_at.toISOString(),
    state: h.ended_reason ?? (h.expired ? "expired" : "live"),
  }));
}

export function readHolds(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "hold.read",
    run: ({ trx }) => holdsOf(trx, caseId),
  });
}

const noRoom = (persons: number) =>
  new AppError(
    409,
    "conflict",
    persons === 1
      ? "Platsen är inte längre ledig – någon annan hann reservera eller placera där först. Välj en annan plats på Lediga platser."
      : `Platsen har inte längre plats för ${persons} personer – någon annan hann reservera eller placera där först. Välj en annan plats på Lediga platser.`,
  );

export function holdPlace(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { placeId: string; persons: number },
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "hold.create",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att reservera en plats.",
    run: async ({ trx }) => {
      const { rows } = await sql<{
        id: string;
        kind: "emergency_flat" | "sheltered_housing" | "other_housing";
        places: number;
        hold_hours: number;
        closed_on: string | null;
      }>`
        select * from frid_lock_place(${input.placeId}::uuid)`.execute(trx);
      const place = rows[0];
      const today = stockholmDate(new Date());
      if (!place || (place.closed_on && place.closed_on <= today))
        throw invalid({ placeId: "Välj en öppen plats i registret." });
      const counts = await occupancyOf(trx, place.id, today);
      if (freePlaces({ ...place, ...counts }) < input.persons) throw noRoom(input.persons);
      const id = randomUUID();
      await trx
        .insertInto("place_hold")
        .values({
          id,
          org_id: actor.orgId,
          place_id: place.id,
          case_id: caseId,
          persons: input.persons,
          held_by: actor.userId,
          expires_at: sql<Date>`now() + make_interval(hours => ${place.hold_hours}::int)`,
        })
        .execute();
      const holds = await holdsOf(trx, caseId);
      return holds.find((h) => h.id === id) as HoldView;
    },
    event: (hold) => ({ data: { holdId: hold.id, placeId: hold.placeId, persons: hold.persons } }),
  });
}

/** The case of a hold or enquiry, for the command and the trail (null: none such here). */
export async function caseOf(
  database: DatabaseHandle,
  actor: Actor,
  fn: "frid_hold_case" | "frid_enquiry_case",
  id: string,
): Promise<string | null> {
  return withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{ case_id: string | null }>`
      select ${sql.raw(fn)}(${id}::uuid) as case_id`.execute(trx);
    return rows[0]?.case_id ?? null;
  });
}

export async function releaseHold(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  holdId: string,
) {
  const caseId = await caseOf(database, actor, "frid_hold_case", holdId);
  if (!caseId) {
    await recordCaseRefusal(database, actor, meta, null, "hold.release", { holdId });
    throw new AppError(
      404,
      "not_found",
      "Reservationen finns inte, eller så saknar du behörighet.",
    );
  }
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "hold.release",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att släppa reservationen.",
    run: async ({ trx }) => {
      const released = await trx
        .updateTable("place_hold")
        .set({ ended_at: new Date(), ended_reason: "released" })
        .where("id", "=", holdId)
        .where("ended_at", "is", null)
        .where(sql<boolean>`expires_at > now()`)
        .returning("id")
        .executeTakeFirst();
      if (!released)
        throw new AppError(
          409,
          "conflict",
          "Reservationen gäller inte längre: den har gått ut, släppts eller blivit en vistelse.",
        );
      return holdsOf(trx, caseId);
    },
    event: () => ({ data: { holdId } }),
  });
}
