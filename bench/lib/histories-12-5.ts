import { randomUUID } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import { auditCase } from "../../src/server/audit/record.ts";
import type { Database } from "../../src/server/db/types.ts";
import { requestMeta, requireActor } from "../../src/server/http/request-context.ts";
import { ensureStored } from "../../src/server/modules/assessments/registry.ts";
import { buildCase } from "../../src/server/testing/factories.ts";
import { builtinInstruments } from "../../src/shared/instruments/builtin/index.ts";
import type { History, Worked } from "./histories.ts";
import { withVisibleCase } from "./visible-case.ts";

/*
 * Issue 12, item 5 continued: the barrier events and a case's risk assessments, each with the
 * unpaged read it had before (every row in one answer) as the baseline.
 */

const caseId = (request: FastifyRequest) => (request.params as { id: string }).id;

/** A second case of the same person and unit, and a partner-contact barrier to it. */
async function otherSide(owner: Kysely<Database>, worked: Worked) {
  const c = await owner
    .selectFrom("case")
    .select(["unit_id", "person_id"])
    .where("id", "=", worked.caseId)
    .executeTakeFirstOrThrow();
  const other = await buildCase(owner, {
    orgId: worked.orgId,
    unitId: c.unit_id,
    personId: c.person_id,
    openedBy: worked.userId,
    assignees: [],
  });
  const barrier = await owner
    .insertInto("barrier")
    .values({
      org_id: worked.orgId,
      case_a_id: worked.caseId,
      case_b_id: other.id,
      reason: "Partnerkontakt",
      purpose: "partner_contact",
      created_by: worked.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { otherId: other.id, barrierId: barrier.id };
}

export const barrierEvents: History = {
  name: "barrier-events",
  label: "Barrier events: GET /api/cases/:id/barrier-events (newest page + waiting ones)",
  async seed(owner, worked, rows) {
    const { otherId, barrierId } = await otherSide(owner, worked);
    const start = Date.now() - rows * 1000;
    const values = Array.from({ length: rows }, (_, i) => {
      const sent = i % 2 === 0;
      return {
        id: randomUUID(),
        org_id: worked.orgId,
        barrier_id: barrierId,
        from_case_id: sent ? worked.caseId : otherId,
        to_case_id: sent ? otherId : worked.caseId,
        kind: "absence" as const,
        event_on: "2026-01-01",
        created_by: worked.userId,
        created_at: new Date(start + i * 1000),
        acknowledged_at: sent ? null : new Date(),
        acknowledged_by: sent ? null : worked.userId,
      };
    });
    for (let i = 0; i < values.length; i += 500)
      await owner
        .insertInto("barrier_event")
        .values(values.slice(i, i + 500))
        .execute();
  },
  pagedUrl: (id) => `/api/cases/${id}/barrier-events`,
  unpagedView: z.object({ events: z.array(z.unknown()) }),
  // The read before paging: every event sent or received, newest first, in one answer.
  unpaged(database, request) {
    const actor = requireActor(request);
    const meta = requestMeta(request);
    const id = caseId(request);
    return withVisibleCase(database, actor, meta, id, "barrier_event.read", async (trx, c) => {
      const rows = await trx
        .selectFrom("barrier_event as e")
        .leftJoin("risk_alert_reason as r", (j) =>
          j.onRef("r.event_id", "=", "e.id").on("r.case_id", "=", id),
        )
        .leftJoin("app_user as ack", "ack.id", "e.acknowledged_by")
        .select(["e.id", "e.kind", "e.event_on", "e.created_at", "ack.display_name", "r.reason"])
        .where((eb) => eb.or([eb("e.from_case_id", "=", id), eb("e.to_case_id", "=", id)]))
        .orderBy("e.created_at", "desc")
        .execute();
      await auditCase(trx, actor, meta, c, "barrier_event.read");
      return { events: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() })) };
    });
  },
};

export const assessments: History = {
  name: "assessments",
  label: "Risk assessments: GET /api/cases/:id/assessments (drafts + newest completed page)",
  async seed(owner, worked, rows) {
    // The instrument version the assessments were made with, stored as a first start would.
    const danger = builtinInstruments.find((d) => d.id === "danger_assessment" && d.version === 1);
    if (danger) await ensureStored(owner, worked.orgId, danger);
    const start = Date.now() - rows * 1000;
    const values = Array.from({ length: rows }, (_, i) => ({
      id: randomUUID(),
      org_id: worked.orgId,
      case_id: worked.caseId,
      instrument_id: "danger_assessment",
      instrument_version: 1,
      assessed_on: "2026-01-01",
      result: JSON.stringify({ scores: [], flags: [], suggestedLevel: null }),
      judgements: JSON.stringify({ risk: "medium" }),
      reasons: "Bedömd vid uppföljning.",
      created_by: worked.userId,
      created_at: new Date(start + i * 1000),
      completed_at: new Date(start + i * 1000),
      completed_by: worked.userId,
    }));
    for (let i = 0; i < values.length; i += 500)
      await owner
        .insertInto("assessment")
        .values(values.slice(i, i + 500))
        .execute();
  },
  pagedUrl: (id) => `/api/cases/${id}/assessments`,
  unpagedView: z.object({ assessments: z.array(z.unknown()) }),
  // The read before paging: every assessment with its answers and result, newest first.
  unpaged(database, request) {
    const actor = requireActor(request);
    const meta = requestMeta(request);
    const id = caseId(request);
    return withVisibleCase(database, actor, meta, id, "assessment.read", async (trx, c) => {
      const rows = await trx
        .selectFrom("assessment as a")
        .innerJoin("app_user as u", "u.id", "a.created_by")
        .leftJoin("app_user as d", "d.id", "a.completed_by")
        .selectAll("a")
        .select(["u.display_name as created_by_name", "d.display_name as completed_by_name"])
        .where("a.case_id", "=", id)
        .orderBy("a.created_at", "desc")
        .execute();
      await auditCase(trx, actor, meta, c, "assessment.read");
      return { assessments: rows.map((r) => ({ id: r.id, answers: r.answers, result: r.result })) };
    });
  },
};
