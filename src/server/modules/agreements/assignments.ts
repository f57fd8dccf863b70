import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  AssignmentBody,
  AssignmentView,
  UpdateAssignmentBody,
} from "../../../shared/api/agreements.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { recordDirectoryRefusal } from "../agencies/guard.ts";
import { managedUnits, managesUnit } from "./policy.ts";
import { assignmentViews } from "./queries.ts";

/**
 * The committee's assignments to voluntary organisations (seed 000: clear assignments): the
 * organisation (a voluntary shelter or other agency of the directory), the decision, legal
 * basis, scope, period and follow-up. Kept by the managers of the unit that gives it.
 */
type Input = z.output<typeof AssignmentBody>;

const notFound = () =>
  new AppError(404, "not_found", "Uppdraget finns inte, eller så saknar du behörighet.");
const notManager = () =>
  new AppError(403, "forbidden", "Bara enhetschefen för enheten som gett uppdraget kan ändra det.");

async function checkInput(trx: Trx, actor: Actor, input: Input) {
  const fields: Record<string, string> = {};
  if (!managesUnit(actor, input.unitId)) fields.unitId = "Välj en enhet där du är enhetschef.";
  const agency = await trx
    .selectFrom("agency")
    .select("kind")
    .where("id", "=", input.agencyId)
    .where("org_id", "=", actor.orgId)
    .executeTakeFirst();
  if (!agency || !["voluntary_shelter", "other"].includes(agency.kind))
    fields.agencyId = "Välj en idéburen organisation (t.ex. kvinnojouren) ur aktörsregistret.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

const columns = (input: Input) => ({
  unit_id: input.unitId,
  agency_id: input.agencyId,
  decided_on: input.decidedOn,
  decision_reference: input.decisionReference,
  legal_basis: input.legalBasis,
  scope: input.scope,
  valid_from: input.validFrom,
  valid_until: input.validUntil,
  follow_up_on: input.followUpOn,
});

async function one(trx: Trx, actor: Actor, id: string): Promise<AssignmentView> {
  const [view] = await assignmentViews(trx, actor, [id]);
  if (!view) throw notFound();
  return view;
}

export async function createAssignment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: Input,
): Promise<AssignmentView> {
  if (managedUnits(actor).length === 0) {
    await recordDirectoryRefusal(database, actor, meta, "assignment.create", "agreement", null);
    throw new AppError(403, "forbidden", "Bara enhetschefer kan lägga till uppdrag.");
  }
  return withActor(database.db, actor, async (trx) => {
    await checkInput(trx, actor, input);
    const id = randomUUID();
    await trx
      .insertInto("voluntary_assignment")
      .values({ id, org_id: actor.orgId, ...columns(input), created_by: actor.userId })
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "assignment.create",
        resourceType: "agreement",
        resourceId: id,
        unitId: input.unitId,
        data: { assignmentId: id },
      },
    ]);
    return one(trx, actor, id);
  });
}

/** A change on the version the caller saw (stale: 409); the row is locked meanwhile. */
export async function updateAssignment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  assignmentId: string,
  input: z.output<typeof UpdateAssignmentBody>,
): Promise<AssignmentView> {
  type Outcome = { value: AssignmentView } | { refused: 404 | 403 };
  const outcome = await withActor(database.db, actor, async (trx): Promise<Outcome> => {
    const q = trx
      .selectFrom("voluntary_assignment")
      .select(["unit_id", "version"])
      .where("id", "=", assignmentId);
    const seen = await q.executeTakeFirst();
    if (!seen) return { refused: 404 };
    if (!managesUnit(actor, seen.unit_id)) return { refused: 403 };
    // Locked once allowed (FOR UPDATE reads under the update policy), and read again under it.
    const current = await q.forUpdate().executeTakeFirstOrThrow();
    if (current.version !== input.version)
      throw new AppError(
        409,
        "conflict",
        "Någon annan har ändrat uppdraget under tiden. Din ändring är inte sparad – ladda om sidan och gör den igen.",
      );
    await checkInput(trx, actor, input);
    await trx
      .updateTable("voluntary_assignment")
      .set((eb) => ({ ...columns(input), version: eb("version", "+", 1) }))
      .where("id", "=", assignmentId)
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "assignment.update",
        resourceType: "agreement",
        resourceId: assignmentId,
        unitId: input.unitId,
        data: { assignmentId },
      },
    ]);
    return { value: await one(trx, actor, assignmentId) };
  });
  if ("value" in outcome) return outcome.value;
  await recordDirectoryRefusal(
    database,
    actor,
    meta,
    "assignment.update",
    "agreement",
    assignmentId,
  );
  throw outcome.refused === 404 ? notFound() : notManager();
}
