import { randomUUID } from "node:crypto";
import type { SaveCoordinatedPlanBody } from "../../../shared/api/coordinated-plans.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type CaseContext, runCaseCommand } from "../../access/case-command.ts";
import { RecordNotInCase } from "../../access/case-guard.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { planOptions, readPlans } from "./queries.ts";
import { checkPlanSave, requireAgency, requireAgencyConsent } from "./references.ts";

/**
 * SIP, the coordinated individual plan: a case command for every read and change. Opening it
 * takes her consent to share with the region's agency; every agency that joins later takes
 * its own consent (one per agency, each checked). The plan is saved as a whole from the
 * version the worker saw (stale → 409). Printing it is disclosing it: see print.ts.
 */

const closedMessage = "Ärendet är avslutat. Öppna det igen för att ändra planen.";
const notFound = () => new RecordNotInCase("Planen finns inte i ärendet.");

export async function onePlan(trx: Trx, caseId: string, planId: string, today: string) {
  const [plan] = await readPlans(trx, caseId, today, planId);
  if (!plan) throw notFound();
  return plan;
}

export function listPlans(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "coordinated_plan.read",
    run: async ({ trx }) => ({ plans: await readPlans(trx, caseId, stockholmDate(new Date())) }),
  });
}

/** Her consents to share and the directory's contacts of those agencies, for the forms. */
export function readPlanOptions(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "coordinated_plan.read",
    run: ({ trx, case: c }) => planOptions(trx, c.person_id, stockholmDate(new Date())),
  });
}

export function readPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  planId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "coordinated_plan.read",
    run: ({ trx }) => onePlan(trx, caseId, planId, stockholmDate(new Date())),
    event: (plan) => ({ resourceId: plan.id }),
  });
}

/** A new SIP with the region's agency, on her consent to share with it — or none (409). */
export function openPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  body: { agencyId: string; consentId: string },
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "coordinated_plan.open",
    changes: true,
    requires: ["change"],
    closedMessage,
    run: async ({ trx, case: c }) => {
      const today = stockholmDate(new Date());
      await requireAgency(trx, body.agencyId, true);
      await requireAgencyConsent(trx, { ...body, personId: c.person_id, on: today });
      const id = randomUUID();
      await trx
        .insertInto("coordinated_plan")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          person_id: c.person_id,
          opened_on: today,
          created_by: actor.userId,
          updated_by: actor.userId,
        })
        .execute();
      await joinAgencies(trx, { ...ctxOf(actor, caseId, id), today }, [body]);
      return onePlan(trx, caseId, id, today);
    },
    event: (plan) => ({ resourceId: plan.id, data: { ...body } }),
  });
}

const ctxOf = (actor: Actor, caseId: string, planId: string) => ({
  orgId: actor.orgId,
  userId: actor.userId,
  caseId,
  planId,
});

async function joinAgencies(
  trx: Trx,
  at: ReturnType<typeof ctxOf> & { today: string },
  agencies: readonly { agencyId: string; consentId: string }[],
) {
  if (agencies.length === 0) return;
  await trx
    .insertInto("coordinated_plan_agency")
    .values(
      agencies.map((a) => ({
        id: randomUUID(),
        org_id: at.orgId,
        plan_id: at.planId,
        case_id: at.caseId,
        agency_id: a.agencyId,
        consent_id: a.consentId,
        joined_on: at.today,
        recorded_by: at.userId,
      })),
    )
    .execute();
}

const savedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har sparat planen under tiden. Ladda om och gör ändringen i den senaste versionen.",
  );

/** The plan saved as a whole from the version the worker saw. */
export function savePlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  planId: string,
  body: SaveCoordinatedPlanBody,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "coordinated_plan.save",
    changes: true,
    requires: ["change"],
    closedMessage,
    run: (ctx) => saveRun(ctx, planId, body),
    event: ({ plan, joined }) => ({
      resourceId: plan.id,
      data: { version: plan.version, agenciesJoined: joined },
    }),
  });
}

async function saveRun(ctx: CaseContext, planId: string, body: SaveCoordinatedPlanBody) {
  const { trx, actor, case: c } = ctx;
  const today = stockholmDate(new Date());
  const current = await onePlan(trx, c.id, planId, today);
  if (current.version !== body.version) throw savedMeanwhile();
  const joining = await checkPlanSave(
    trx,
    { orgId: actor.orgId, personId: c.person_id, today, openedOn: current.openedOn },
    body,
    current.agencies.map((a) => a.agencyId),
  );
  await joinAgencies(trx, { ...ctxOf(actor, c.id, planId), today }, joining);
  // The version in the WHERE: of two saves from the same version only one changes the row.
  const updated = await trx
    .updateTable("coordinated_plan")
    .set({
      goals: JSON.stringify(body.goals),
      participants: JSON.stringify(body.participants),
      responsibilities: JSON.stringify(body.responsibilities),
      meetings: JSON.stringify(body.meetings),
      coordinator_key: body.coordinatorKey,
      follow_up_on: body.followUpOn,
      followed_up_on: body.followedUpOn,
      follow_up_findings: body.followUpFindings,
      version: body.version + 1,
      updated_by: actor.userId,
      updated_at: new Date(),
    })
    .where("id", "=", planId)
    .where("version", "=", body.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw savedMeanwhile();
  return { plan: await onePlan(trx, c.id, planId, today), joined: joining.length };
}
