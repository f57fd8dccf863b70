import { sql } from "kysely";
import type { ChildSchoolBody, StayView } from "../../../shared/api/stays.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { caseNotFound, recordCaseRefusal } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { rowKeyOf, sealColumns } from "../../db/sealed-columns.ts";
import { AppError } from "../../http/errors.ts";
import { refuseBoysOverAge } from "./boys-age.ts";
import { invalid, openSegment, takeRoom } from "./capacity.ts";
import { lockedStay, staysOf } from "./queries.ts";
import { checkPeriod } from "./start.ts";

/**
 * The case side of a stay: read, moved, its planned end changed, cancelled before it began,
 * followed up after it ended, each child's schooling. A stay's commands are commands on its
 * case (runCaseCommand: visibility, `change`, the audit event in the same transaction); the
 * shelter's own commands (check-in, check-out, notes) are the shelter part's.
 */

export function readCaseStays(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "stay.read",
    run: ({ trx }) => staysOf(trx, database.cipher, { caseId }),
  });
}

/** The stay's case, looked up for routing and the trail only (frid_stay_case, 0052). */
async function caseOfStay(database: DatabaseHandle, actor: Actor, stayId: string) {
  return withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{
      case_id: string | null;
    }>`select frid_stay_case(${stayId}::uuid) as case_id`.execute(trx);
    return rows[0]?.case_id ?? null;
  });
}

type StayRow = NonNullable<Awaited<ReturnType<typeof lockedStay>>>;

/**
 * A command on one stay, run as a command on its case. A stay that does not exist answers as
 * a case the caller may not see (404, the same words), audited.
 */
async function onStay<A extends AuditAction>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  command: {
    action: A;
    changes: boolean;
    run: (trx: Trx, stay: StayRow) => Promise<void>;
    data?: AuditData<A>;
  },
): Promise<StayView> {
  const caseId = await caseOfStay(database, actor, stayId);
  if (!caseId) {
    await recordCaseRefusal(database, actor, meta, null, command.action);
    throw caseNotFound();
  }
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: command.action,
    changes: command.changes,
    ...(command.changes
      ? { requires: ["change"], closedMessage: "Ärendet är avslutat. Öppna det igen först." }
      : {}),
    run: async ({ trx }) => {
      const stay = await lockedStay(trx, caseId, stayId);
      if (!stay) throw caseNotFound();
      await command.run(trx, stay);
      const [view] = await staysOf(trx, database.cipher, { stayIds: [stayId] });
      return view!;
    },
    event: () => (command.data ? { data: command.data } : {}),
  });
}

const conflict = (message: string) => new AppError(409, "conflict", message);

function refuseIfOver(stay: StayRow) {
  if (stay.cancelled_at) throw conflict("Vistelsen är avbokad.");
  if (stay.left_on) throw conflict("Vistelsen har redan avslutats.");
}

export function readStay(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
) {
  return onStay(database, actor, meta, stayId, {
    action: "stay.read",
    changes: false,
    run: async () => {},
    // The event names the stay read, not only its case.
    data: { stayId },
  });
}

/** A move: the current segment ends on `movedOn` and the next begins there, at the new place. */
export function moveStay(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  input: { placeId: string; movedOn: string },
) {
  return onStay(database, actor, meta, stayId, {
    action: "stay.move",
    changes: true,
    data: { stayId, placeId: input.placeId },
    run: async (trx, stay) => {
      refuseIfOver(stay);
      const current = await trx
        .selectFrom("stay_segment")
        .select(["id", "place_id", "from_on"])
        .where("stay_id", "=", stayId)
        .where("to_on", "is", null)
        .executeTakeFirstOrThrow();
      if (current.place_id === input.placeId)
        throw invalid({ placeId: "Vistelsen är redan på det boendet." });
      if (input.movedOn <= current.from_on)
        throw invalid({ movedOn: `Flytten måste ligga efter ${current.from_on}, då hon kom dit.` });
      const { rows: members } = await sql<{
        id: string;
        role: "adult" | "child";
        given_name: string;
        family_name: string;
      }>`select person_id as id, role, given_name, family_name
           from frid_stay_people(${stayId}::uuid)`.execute(trx);
      await refuseBoysOverAge(trx, actor, {
        placeId: input.placeId,
        day: input.movedOn,
        children: members.filter((m) => m.role === "child"),
        fieldOf: () => "placeId",
      });
      const terms = await takeRoom(trx, {
        placeId: input.placeId,
        day: input.movedOn,
        persons: members.length,
        decisionKind: stay.intervention_kind,
        withChildren: members.some((m) => m.role === "child"),
      });
      await trx
        .updateTable("stay_segment")
        .set({ to_on: input.movedOn })
        .where("id", "=", current.id)
        .execute();
      await openSegment(
        trx,
        { orgId: actor.orgId, stayId, placeId: input.placeId, fromOn: input.movedOn },
        terms,
      );
    },
  });
}

export function changePlannedEnd(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  plannedTo: string | null,
) {
  return onStay(database, actor, meta, stayId, {
    action: "stay.update",
    changes: true,
    data: { stayId, change: "planned_end" },
    run: async (trx, stay) => {
      refuseIfOver(stay);
      checkPeriod(
        { period_from: null, period_to: stay.decision_period_to },
        stay.planned_from,
        plannedTo,
      );
      await trx
        .updateTable("stay")
        .set((eb) => ({ planned_to: plannedTo, version: eb("version", "+", 1) }))
        .where("id", "=", stayId)
        .execute();
    },
  });
}

/** A stay that never began is cancelled: it held room from its first day until now. */
export function cancelStay(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
) {
  return onStay(database, actor, meta, stayId, {
    action: "stay.update",
    changes: true,
    data: { stayId, change: "cancel" },
    run: async (trx, stay) => {
      if (stay.cancelled_at) throw conflict("Vistelsen är redan avbokad.");
      if (stay.arrived_on)
        throw conflict("Hon har redan checkats in. En påbörjad vistelse avslutas med utcheckning.");
      await trx
        .updateTable("stay")
        .set((eb) => ({ cancelled_at: new Date(), version: eb("version", "+", 1) }))
        .where("id", "=", stayId)
        .execute();
      // No night was spent: the open segment ends where it began, so no cost is counted.
      await trx
        .updateTable("stay_segment")
        .set((eb) => ({ to_on: eb.ref("from_on") }))
        .where("stay_id", "=", stayId)
        .where("to_on", "is", null)
        .execute();
    },
  });
}

export function recordStayFollowUp(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  input: { followedUpOn: string; note: string | null },
) {
  return onStay(database, actor, meta, stayId, {
    action: "stay.update",
    changes: true,
    data: { stayId, change: "follow_up" },
    run: async (trx, stay) => {
      if (!stay.left_on)
        throw conflict("Uppföljningen görs när vistelsen har avslutats (efter utcheckning).");
      if (input.followedUpOn < stay.left_on)
        throw invalid({ followedUpOn: `Uppföljningen kan inte ligga före ${stay.left_on}.` });
      await trx
        .updateTable("stay")
        .set((eb) => ({
          followed_up_on: input.followedUpOn,
          follow_up_note: input.note,
          version: eb("version", "+", 1),
        }))
        .where("id", "=", stayId)
        .execute();
    },
  });
}

/** A child's schooling while in the stay, the shelter's contact person and the child's own view. */
export function saveChildSchool(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  personId: string,
  input: Required<ChildSchoolBody>,
) {
  return onStay(database, actor, meta, stayId, {
    action: "stay.child",
    changes: true,
    data: { stayId, childId: personId },
    run: async (trx, stay) => {
      if (stay.cancelled_at) throw conflict("Vistelsen är avbokad.");
      if (
        input.schoolArrangedOn &&
        input.schoolContactedOn &&
        input.schoolArrangedOn < input.schoolContactedOn
      )
        throw invalid({
          schoolArrangedOn: "Skolan kan inte vara ordnad före den första kontakten.",
        });
      const { school_name } = await sealColumns(
        database.cipher,
        "stay_member",
        actor.orgId,
        rowKeyOf(stayId, personId),
        { school_name: input.schoolName || null },
      );
      const changed = await trx
        .updateTable("stay_member")
        .set({
          school_kind: input.schoolKind,
          school_name,
          school_municipality: input.schoolMunicipality || null,
          school_contacted_on: input.schoolContactedOn,
          school_arranged_on: input.schoolArrangedOn,
          school_transport: input.schoolTransport || null,
          shelter_contact_person: input.shelterContactPerson || null,
          child_view: input.childView || null,
        })
        .where("stay_id", "=", stayId)
        .where("person_id", "=", personId)
        .where("role", "=", "child")
        .executeTakeFirst();
      if (changed.numUpdatedRows !== 1n)
        throw invalid({ personId: "Barnet finns inte bland dem som bor i vistelsen." });
    },
  });
}
