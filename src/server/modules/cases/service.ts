import { randomUUID } from "node:crypto";
import {
  type CaseList,
  type CaseListQuery,
  type CaseView,
  caseSortDefaultOrder,
} from "../../../shared/api/cases.ts";
import { encodeSortPlace, pageFrom, pageSize } from "../../../shared/api/paging.ts";
import { addMonths } from "../../../shared/calendar.ts";
import { InstrumentDefinition } from "../../../shared/instruments/definition.ts";
import { mainLevel, reassessMonths } from "../../../shared/instruments/engine.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type CaseCommand, runCaseCommand } from "../../access/case-command.ts";
import { caseNotFound, denyCase } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction } from "../../audit/events.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { CaseTypeName } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import type { SessionCheck } from "../../http/request-context.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";
import { countVisibleCases, listVisibleCases, toListItem } from "./list.ts";
import { abilities, type CaseAction, can, readOnlyThroughGrants } from "./policy.ts";
import {
  type CaseDetailRow,
  findVisibleCaseWithDetails,
  nextReference,
  toStatusChange,
  toSummary,
} from "./queries.ts";
import { readCaseAudited } from "./read.ts";

export function caseView(actor: Actor, row: CaseDetailRow): CaseView {
  const { assignees, grants } = row;
  return {
    ...toSummary(row, "workspace"),
    assignees: assignees.map((a) => ({
      userId: a.userId,
      displayName: a.displayName,
      assignedAt: new Date(a.assignedAt).toISOString(),
    })),
    grants: grants.map((g) => ({
      userId: g.userId,
      displayName: g.displayName,
      reason: g.reason,
      expiresAt: new Date(g.expiresAt).toISOString(),
      kind: g.kind === "break_glass" ? ("break_glass" as const) : ("grant" as const),
    })),
    closedReason: row.closed_reason,
    currentRisk: currentRisk(row.latest_assessment),
    statusHistory: pageFrom(row.status_history, pageSize.default, (h) => h.id, toStatusChange),
    abilities: abilities(actor, {
      unitId: row.unit_id,
      assignedToMe: Boolean(row.assigned_to_me),
      caseType: row.case_type,
      status: row.status,
      readOnly: readOnlyThroughGrants(actor, row),
    }),
  };
}

/** The professional's judgement in the latest completed assessment, worded by its own version. */
function currentRisk(latest: CaseDetailRow["latest_assessment"]): CaseView["currentRisk"] {
  if (!latest?.judgements) return null;
  const definition = InstrumentDefinition.parse(latest.definition);
  const level = mainLevel(definition, latest.judgements as Record<string, string>);
  if (!level) return null;
  // Read back from JSON, a date column is text already; a Date (pg) becomes its day.
  const assessedOn = String(latest.assessed_on).slice(0, 10);
  return {
    level,
    levelLabel: definition.judgement.levels.find((l) => l.value === level)?.label ?? level,
    instrumentName: definition.name,
    assessedOn,
    reassessDue: addMonths(assessedOn, reassessMonths(definition, level)),
  };
}

/**
 * Creates a case in status intake, its reference, and the opener's assignment (whoever
 * opens a case works it until the manager decides otherwise). The caller audits.
 */
export async function insertCase(
  trx: Trx,
  actor: Actor,
  input: { personId: string; unitId: string; caseType: CaseTypeName },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto("case")
    .values({
      id,
      org_id: actor.orgId,
      unit_id: input.unitId,
      person_id: input.personId,
      case_type: input.caseType,
      reference: await nextReference(trx, actor.orgId),
      opened_by: actor.userId,
    })
    .execute();
  await trx
    .insertInto("case_assignment")
    .values({ org_id: actor.orgId, case_id: id, user_id: actor.userId, assigned_by: actor.userId })
    .execute();
  return id;
}

export async function openCase(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: { personId: string; unitId: string; caseType: CaseTypeName },
): Promise<CaseView> {
  if (!can(actor, "case.open", { unitId: input.unitId })) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      unitId: "Du kan bara öppna ärenden på en enhet där du har en roll.",
    });
  }
  const view = await withActor(database.db, actor, async (trx) => {
    if (!(await findVisiblePerson(trx, actor, input.personId))) return null;
    const id = await insertCase(trx, actor, input);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "case.open",
        resourceType: "case",
        resourceId: id,
        personId: input.personId,
        unitId: input.unitId,
      },
    ]);
    const row = await findVisibleCaseWithDetails(trx, actor, id);
    if (!row) throw new Error("opened case is not visible to its opener");
    return caseView(actor, row);
  });
  return view ?? denyPerson(database, actor, meta, input.personId, "case.open");
}

/**
 * GET /api/cases/:id: the case and its audit event in one statement (read.ts). The refusal
 * is as every case command's (404, the attempt audited with the case's person); a session
 * taken from memory that the statement found ended answers 401, and one whose roles changed
 * reads again as the actor is now.
 */
export async function readCase(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  session: SessionCheck | null = null,
): Promise<CaseView> {
  const row = await readCaseAudited(database, actor, meta, id, session?.proof ?? null);
  if (row) return caseView(actor, row);
  if (session) {
    const now = await session.reload();
    if (!now) throw new AppError(401, "unauthenticated", "Du behöver logga in.");
    return readCase(database, now, meta, id);
  }
  return denyCase(database, actor, meta, id, "case.read");
}

/**
 * A page of the case list (shared/api/paging.ts), filtered and sorted as asked, with the
 * count only when asked. One audit event per request naming exactly the cases and persons
 * this page showed.
 */
export async function listCases(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  query: CaseListQuery,
): Promise<CaseList> {
  const { scope, limit, before, count, sort, status, type, worker } = query;
  const order = query.order ?? caseSortDefaultOrder[sort];
  const filters = { status, type, worker };
  return withActor(database.db, actor, async (trx) => {
    const rows = await listVisibleCases(trx, actor, scope, {
      limit,
      sort,
      order,
      filters,
      ...(before ? { before } : {}),
    });
    const page = pageFrom(
      rows,
      limit,
      (r) => encodeSortPlace({ sort, order, key: r.place_key, id: r.id }),
      (r) => r,
    );
    const shown = page.items;
    const total = count ? await countVisibleCases(trx, actor, scope, filters) : null;
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "case.list",
        {
          resourceType: "case",
          personIds: shown.map((r) => r.person_id),
          caseIds: shown.map((r) => r.id),
          unitIds: shown.map((r) => r.unit_id),
        },
        { data: { scope } },
      ),
    ]);
    return { cases: shown.map(toListItem), nextCursor: page.nextCursor, total };
  });
}

const roleRefusal = (action: CaseAction) =>
  action === "case.status"
    ? "Bara de som arbetar med ärendet och enhetschefen kan ändra dess status."
    : "Bara enhetschefen för ärendets enhet kan göra det.";

/**
 * A command on the case itself (status, assignments, grants) through runCaseCommand: locked,
 * 404 (audited) when not visible, 403 (audited) when the role rule of `action` does not let
 * the actor do it. Answers with the case as it is afterwards.
 */
export async function caseCommand<A extends CaseAction & AuditAction, R>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  action: A,
  command: Pick<CaseCommand<A, R>, "run" | "event">,
): Promise<CaseView> {
  const { view } = await runCaseCommand(database, actor, meta, {
    caseId,
    action,
    changes: true,
    requires: [{ role: action, refusal: roleRefusal(action) }],
    run: async (ctx) => {
      const result = await command.run(ctx);
      const updated = await findVisibleCaseWithDetails(ctx.trx, actor, caseId);
      return { result, view: updated ? caseView(actor, updated) : null };
    },
    event: (r, ctx) => command.event?.(r.result, ctx) ?? {},
  });
  // Kept, but no longer visible to the one who did it: answered as a missing case.
  if (!view) throw caseNotFound();
  return view;
}
