import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { RecordPoliceIncidentBody } from "../../../shared/api/police-collaboration.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type CaseContext, runCaseCommand } from "../../access/case-command.ts";
import { recordCaseRefusal } from "../../access/case-guard.ts";
import type { Trx } from "../../access/transaction.ts";
import type { AuditAction } from "../../audit/events.ts";
import { caseEntry, listEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import {
  type AlarmInput,
  checkAlarm,
  checkIncident,
  checkOrder,
  type OrderInput,
} from "./checks.ts";
import { readPoliceCollaboration } from "./queries.ts";

/**
 * Police collaboration in a case (issue 18, item 9): police-reported incidents, restraining
 * orders and safety alarms, each a case command (runCaseCommand: visibility, 404 audited,
 * closed case 409). Every answer is the whole panel, and its event names every person shown.
 */

type IncidentInput = z.output<typeof RecordPoliceIncidentBody>;
const closedMessage = "Ärendet är avslutat. Öppna det igen för att registrera.";

/** The panel, with the read it is: every person it names (her, her children, relatives). */
async function panel(trx: Trx, c: CaseRow) {
  return readPoliceCollaboration(trx, c);
}
function shown(
  c: CaseContext["case"],
  result: { shownPersons: string[] },
  change?: ReturnType<typeof caseEntry>,
) {
  return [
    ...(change ? [change] : []),
    listEntry(
      "police_collaboration.read",
      {
        resourceType: "case",
        personIds: result.shownPersons,
        caseIds: [c.id],
        unitIds: [c.unit_id],
      },
      { personId: c.person_id, resourceId: c.id },
    ),
  ];
}

export function readPolice(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "police_collaboration.read",
    run: ({ trx, case: c }) => panel(trx, c),
    event: (result, { case: c }) => shown(c, result),
  }).then((r) => r.view);
}

/**
 * A change in the case, answered with the panel: the change's event, then the read's. A
 * record named that is not in this case (`change` answers null) is refused as a case the
 * caller may not see: 404, the attempt audited, nothing written.
 */
async function command<A extends AuditAction>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  action: A,
  change: (ctx: CaseContext) => Promise<Parameters<typeof caseEntry<A>>[2] | null>,
) {
  const result = await runCaseCommand(database, actor, meta, {
    caseId,
    action,
    changes: true,
    requires: ["change"],
    closedMessage,
    run: async (ctx) => {
      const extra = await change(ctx);
      return extra === null ? null : { extra, ...(await panel(ctx.trx, ctx.case)) };
    },
    event: (done, { case: c }) =>
      done === null ? [] : shown(c, done, caseEntry(c, action, done.extra)),
  });
  if (result === null) {
    await recordCaseRefusal(database, actor, meta, caseId, action);
    throw new AppError(404, "not_found", "Uppgiften finns inte, eller så saknar du behörighet.");
  }
  return result.view;
}

export function recordIncident(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: IncidentInput,
) {
  checkIncident(input);
  return command(database, actor, meta, caseId, "police_incident.record", async ({ trx }) => {
    const id = randomUUID();
    await trx
      .insertInto("police_incident")
      .values({
        id,
        org_id: actor.orgId,
        case_id: caseId,
        occurred_on: input.occurredOn,
        reported_on: input.reportedOn,
        police_reference: input.policeReference,
        crime_category: input.crimeCategory,
        description: input.description,
        recorded_by: actor.userId,
      })
      .execute();
    return { data: { incidentId: id } };
  });
}

const orderColumns = (input: OrderInput) => ({
  kind: input.kind,
  status: input.status,
  protected_person_id: input.protectedPersonId,
  against_relation_id: input.againstRelationId,
  against_name: input.againstName,
  applied_on: input.appliedOn,
  valid_from: input.validFrom,
  valid_until: input.validUntil,
  ended_on: input.endedOn,
  reference: input.reference,
  decided_by: input.decidedBy,
  police_assessment_id: input.policeAssessmentId,
  renewal_considered_on: input.renewalConsideredOn,
  note: input.note,
});

export function recordOrder(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: OrderInput,
) {
  return command(database, actor, meta, caseId, "restraining_order.record", async (ctx) => {
    await checkOrder(ctx.trx, ctx.case, input);
    const id = randomUUID();
    await ctx.trx
      .insertInto("restraining_order")
      .values({
        id,
        org_id: actor.orgId,
        case_id: caseId,
        ...orderColumns(input),
        recorded_by: actor.userId,
      })
      .execute();
    return { data: { orderId: id, status: input.status } };
  });
}

/** Whether the record is this case's (locked: the case is, and its records change under it). */
async function inCase(
  trx: Trx,
  table: "restraining_order" | "safety_alarm",
  id: string,
  caseId: string,
) {
  const found = await trx
    .selectFrom(table)
    .select("id")
    .where("id", "=", id)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  return found !== undefined;
}

const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat uppgiften under tiden. Din ändring är inte sparad – ladda om och gör den igen.",
  );

export function updateOrder(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { caseId: string; orderId: string },
  input: OrderInput & { version: number },
) {
  return command(database, actor, meta, ids.caseId, "restraining_order.update", async (ctx) => {
    if (!(await inCase(ctx.trx, "restraining_order", ids.orderId, ids.caseId))) return null;
    await checkOrder(ctx.trx, ctx.case, input);
    const done = await ctx.trx
      .updateTable("restraining_order")
      .set((eb) => ({
        ...orderColumns(input),
        version: eb("version", "+", 1),
        updated_by: actor.userId,
        updated_at: new Date(),
      }))
      .where("id", "=", ids.orderId)
      .where("case_id", "=", ids.caseId)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (done.numUpdatedRows === 0n) throw changedMeanwhile();
    return { data: { orderId: ids.orderId, status: input.status } };
  });
}

const alarmColumns = (input: AlarmInput) => ({
  kind: input.kind,
  valid_from: input.validFrom,
  valid_until: input.validUntil,
  follow_up_on: input.followUpOn,
  followed_up_on: input.followedUpOn,
  supplied_by: input.suppliedBy,
  returned_on: input.returnedOn,
  police_assessment_id: input.policeAssessmentId,
  note: input.note,
});

export function recordAlarm(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: AlarmInput,
) {
  return command(database, actor, meta, caseId, "safety_alarm.record", async ({ trx }) => {
    await checkAlarm(trx, caseId, input);
    const id = randomUUID();
    await trx
      .insertInto("safety_alarm")
      .values({
        id,
        org_id: actor.orgId,
        case_id: caseId,
        ...alarmColumns(input),
        recorded_by: actor.userId,
      })
      .execute();
    return { data: { alarmId: id } };
  });
}

export function updateAlarm(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { caseId: string; alarmId: string },
  input: AlarmInput & { version: number },
) {
  return command(database, actor, meta, ids.caseId, "safety_alarm.update", async ({ trx }) => {
    if (!(await inCase(trx, "safety_alarm", ids.alarmId, ids.caseId))) return null;
    await checkAlarm(trx, ids.caseId, input);
    const done = await trx
      .updateTable("safety_alarm")
      .set((eb) => ({
        ...alarmColumns(input),
        version: eb("version", "+", 1),
        updated_by: actor.userId,
        updated_at: new Date(),
      }))
      .where("id", "=", ids.alarmId)
      .where("case_id", "=", ids.caseId)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (done.numUpdatedRows === 0n) throw changedMeanwhile();
    return { data: { alarmId: ids.alarmId } };
  });
}
