import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  ApproverBody,
  RoutineApprover,
  RoutineBody,
  RoutineRegister,
  RoutineView,
  UpdateRoutineBody,
} from "../../../shared/api/routines.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import {
  notKeeper,
  notReader,
  recordRoutineRefusal,
  routineNotFound,
  runRoutineCommand,
} from "./guard.ts";
import { openComparisonsAnswers } from "./open-comparisons.ts";
import { keepsRoutines, readsRoutines } from "./policy.ts";
import { registerChoices, routineViews } from "./queries.ts";

/**
 * The routines register (issue 20, item 2): kept by managers and administrators, read by
 * everyone in the organisation, answering Öppna jämförelser. Every read, change and refusal
 * is audited; a change meets the routine's version (stale: 409).
 */
export const today = () => stockholmDate(new Date());

export async function readRegister(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  onDate: string = today(),
): Promise<RoutineRegister> {
  if (!readsRoutines(actor)) {
    await recordRoutineRefusal(database, actor, meta, "routine.read", null);
    throw notReader();
  }
  return withActor(database.db, actor, async (trx) => {
    const register = {
      routines: await routineViews(trx, onDate),
      ...(await registerChoices(trx, actor.orgId)),
      onDate,
      answers: await openComparisonsAnswers(trx, actor.orgId, onDate),
      abilities: { keep: keepsRoutines(actor) },
    };
    await recordAudit(trx, auditContext(actor, meta), [
      { action: "routine.read", resourceType: "routine", resourceId: null },
    ]);
    return register;
  });
}

async function oneRoutine(trx: Trx, id: string): Promise<RoutineView> {
  const [view] = await routineViews(trx, today(), [id]);
  if (!view) throw routineNotFound();
  return view;
}

type Input = z.output<typeof RoutineBody>;

/** The approver and the owner named are the organisation's: 400 otherwise. */
async function checkNamed(trx: Trx, actor: Actor, input: Input) {
  const fields: Record<string, string> = {};
  const approver = await trx
    .selectFrom("routine_approver")
    .select("id")
    .where("id", "=", input.approverId)
    .executeTakeFirst();
  if (!approver) fields.approverId = "Välj vem som har fastställt rutinen ur listan.";
  const owner = await trx
    .selectFrom("app_user")
    .select("id")
    .where("id", "=", input.ownerId)
    .where("org_id", "=", actor.orgId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!owner) fields.ownerId = "Välj rutinens ägare bland organisationens medarbetare.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

const columns = (input: Input) => ({
  title: input.title,
  area: input.area,
  approver_id: input.approverId,
  approved_on: input.approvedOn,
  review_on: input.reviewOn,
  owner_id: input.ownerId,
});

async function insertRoutine(trx: Trx, actor: Actor, input: Input, supersedes: string | null) {
  await checkNamed(trx, actor, input);
  const id = randomUUID();
  await trx
    .insertInto("routine")
    .values({
      id,
      org_id: actor.orgId,
      ...columns(input),
      supersedes_id: supersedes,
      created_by: actor.userId,
    })
    .execute();
  return id;
}

export async function createRoutine(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: Input,
): Promise<RoutineView> {
  if (!keepsRoutines(actor)) {
    await recordRoutineRefusal(database, actor, meta, "routine.create", null);
    throw notKeeper();
  }
  return withActor(database.db, actor, async (trx) => {
    const id = await insertRoutine(trx, actor, input, null);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "routine.create",
        resourceType: "routine",
        resourceId: id,
        data: { routineId: id },
      },
    ]);
    return oneRoutine(trx, id);
  });
}

type Update = z.output<typeof UpdateRoutineBody>;

/** Corrects a routine in place (a typo, a moved review date); its history is its audit trail. */
export function updateRoutine(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  routineId: string,
  input: Update,
) {
  return runRoutineCommand(database, actor, meta, {
    routineId,
    action: "routine.update",
    need: "keep",
    version: input.version,
    run: async (trx) => {
      await checkNamed(trx, actor, input);
      const before = await trx
        .selectFrom("routine")
        .select(["title", "area", "approver_id", "approved_on", "review_on", "owner_id"])
        .where("id", "=", routineId)
        .executeTakeFirstOrThrow();
      const after = columns(input);
      const fields = (Object.keys(after) as (keyof typeof after)[]).filter(
        (k) => before[k] !== after[k],
      );
      await trx
        .updateTable("routine")
        .set((eb) => ({ ...after, version: eb("version", "+", 1) }))
        .where("id", "=", routineId)
        .execute();
      return { view: await oneRoutine(trx, routineId), fields };
    },
    event: ({ fields }) => ({ routineId, fields }),
  }).then((r) => r.view);
}

/** A new version that supersedes the routine: the old one stays, marked as replaced. */
export function reviseRoutine(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  routineId: string,
  input: Update,
) {
  return runRoutineCommand(database, actor, meta, {
    routineId,
    action: "routine.revise",
    need: "keep",
    version: input.version,
    run: async (trx) => {
      const already = await trx
        .selectFrom("routine")
        .select("id")
        .where("supersedes_id", "=", routineId)
        .executeTakeFirst();
      if (already)
        throw new AppError(
          409,
          "conflict",
          "Rutinen har redan ersatts av en ny version. Revidera den senaste versionen.",
        );
      const id = await insertRoutine(trx, actor, input, routineId);
      // The old row's version moves too: a change sent for it after the revision is stale.
      await trx
        .updateTable("routine")
        .set((eb) => ({ version: eb("version", "+", 1) }))
        .where("id", "=", routineId)
        .execute();
      return oneRoutine(trx, id);
    },
    event: (view) => ({ routineId: view.id, supersededId: routineId }),
  });
}

export async function addApprover(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof ApproverBody>,
): Promise<RoutineApprover> {
  if (!keepsRoutines(actor)) {
    await recordRoutineRefusal(database, actor, meta, "routine.approver", null);
    throw notKeeper();
  }
  return withActor(database.db, actor, async (trx) => {
    const taken = await trx
      .selectFrom("routine_approver")
      .select("id")
      .where("name", "=", input.name)
      .executeTakeFirst();
    if (taken) throw invalid({ name: "Det finns redan en beslutsinstans med det namnet." });
    const id = randomUUID();
    await trx
      .insertInto("routine_approver")
      .values({ id, org_id: actor.orgId, ...input, created_by: actor.userId })
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "routine.approver",
        resourceType: "routine",
        resourceId: null,
        data: { approverId: id, management: input.management },
      },
    ]);
    return { id, ...input };
  });
}
