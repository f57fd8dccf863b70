import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type {
  CostReport,
  CostReportQuery,
  Invoice,
  InvoiceInput,
  StayCosts,
} from "../../../shared/api/costs.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { kronorToOre, monthWindow, oreToKronor } from "../../../shared/stay-costs.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { recordCaseRefusal } from "../../access/case-guard.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { costStay, costStaysInWindow, invoicesOf } from "./queries.ts";
import { costReport, stayCosts } from "./report.ts";

/**
 * Costs of stays. A stay's costs and invoices belong to its case: only those who may see the
 * case read or record them (runCaseCommand). A shelter's staff see the stay, never its case,
 * and so never what it costs (row-level security on stay_invoice says the same).
 */

const stayNotFound = () =>
  new AppError(404, "not_found", "Vistelsen finns inte, eller så saknar du behörighet.");

/**
 * The case of a stay, whoever asks (frid_stay_case: for the trail and the case guard only).
 * A stay that does not exist in the organisation is refused here, the attempt audited.
 */
async function caseOfStay(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  action: "stay_cost.read" | "stay_invoice.record",
): Promise<string> {
  const caseId = await withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{
      case_id: string | null;
    }>`select frid_stay_case(${stayId}::uuid) as case_id`.execute(trx);
    return rows[0]?.case_id ?? null;
  });
  if (caseId) return caseId;
  await recordCaseRefusal(database, actor, meta, null, action, { stayId });
  throw stayNotFound();
}

const today = () => stockholmDate(new Date());

/** GET /api/stays/:stayId/costs */
export async function readStayCosts(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
): Promise<StayCosts> {
  const caseId = await caseOfStay(database, actor, meta, stayId, "stay_cost.read");
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "stay_cost.read",
    run: async ({ trx }) => {
      const stay = await costStay(trx, stayId);
      if (!stay) throw stayNotFound();
      return stayCosts(stay, await invoicesOf(trx, [stay.id]), today());
    },
    event: () => ({ data: { stayId } }),
  });
}

/** POST /api/stays/:stayId/invoices: an invoice received for the stay. */
export async function recordInvoice(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  stayId: string,
  input: InvoiceInput,
): Promise<Invoice> {
  const caseId = await caseOfStay(database, actor, meta, stayId, "stay_invoice.record");
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "stay_invoice.record",
    // An invoice may come after the case has closed: recording it changes nothing in the
    // case's work, so a closed case takes it (the case is still locked, as for any write).
    changes: true,
    run: async ({ trx }) => {
      const stay = await costStay(trx, stayId);
      if (!stay) throw stayNotFound();
      const operatorName = input.operatorName ?? stay.segments.at(-1)?.operatorName;
      if (!operatorName)
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          operatorName: "Ange utföraren.",
        });
      const row = await trx
        .insertInto("stay_invoice")
        .values({
          id: randomUUID(),
          org_id: actor.orgId,
          stay_id: stayId,
          operator_name: operatorName,
          reference: input.reference || null,
          period_from: input.periodFrom,
          period_to: input.periodTo,
          amount_ore: Number(kronorToOre(input.amount)),
          recorded_by: actor.userId,
        })
        .returning(["id", "recorded_at"])
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        operatorName,
        reference: input.reference || null,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        amount: oreToKronor(kronorToOre(input.amount)),
        recordedAt: new Date(row.recorded_at).toISOString(),
      };
    },
    event: (invoice) => ({ data: { stayId, invoiceId: invoice.id } }),
  });
}

/**
 * The month's cost report over the stays whose cases the actor may see, one audit event for
 * the read (naming every case counted). A unit of another organisation is 404, audited.
 */
export async function readCostReport(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  query: CostReportQuery,
  format: "json" | "xlsx" | "csv",
): Promise<CostReport> {
  const found = await withActor(database.db, actor, async (trx) => {
    if (query.unitId) {
      const unit = await trx
        .selectFrom("unit")
        .select("id")
        .where("id", "=", query.unitId)
        .where("org_id", "=", actor.orgId)
        .executeTakeFirst();
      if (!unit) return null;
    }
    const window = monthWindow(query.month);
    const stays = await costStaysInWindow(trx, actor, { ...window, unitId: query.unitId });
    const invoices = await invoicesOf(
      trx,
      stays.map((s) => s.id),
    );
    const report = costReport(query.month, query.unitId ?? null, stays, invoices, today());
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "cost_report.read",
        {
          resourceType: "case",
          caseIds: stays.map((s) => s.caseId),
          personIds: stays.map((s) => s.personId),
          unitIds: stays.map((s) => s.unitId),
        },
        { data: { month: query.month, format, stays: stays.length } },
      ),
    ]);
    return report;
  });
  if (found) return found;
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "cost_report.read",
        outcome: "denied",
        resourceType: "unit",
        resourceId: query.unitId ?? null,
        data: { month: query.month, format, stays: 0 },
      },
    ]),
  );
  throw new AppError(404, "not_found", "Enheten finns inte.");
}
