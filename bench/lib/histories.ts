import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import { withActor } from "../../src/server/access/transaction.ts";
import { auditCase } from "../../src/server/audit/record.ts";
import type { DatabaseHandle } from "../../src/server/db/connection.ts";
import { openColumns } from "../../src/server/db/sealed-columns.ts";
import type { Database } from "../../src/server/db/types.ts";
import { requestMeta, requireActor } from "../../src/server/http/request-context.ts";
import { readCase } from "../../src/server/modules/cases/service.ts";
import { entryQuery, toEntryView } from "../../src/server/modules/journal/queries.ts";
import { JournalEntryView } from "../../src/shared/api/journal.ts";
import { SafetyMeasure } from "../../src/shared/api/safety-plans.ts";
import { assessments, barrierEvents } from "./histories-12-5.ts";
import { withVisibleCase } from "./visible-case.ts";

/** A case to fill: what buildWorkedCase gives. */
export interface Worked {
  orgId: string;
  userId: string;
  caseId: string;
}

/**
 * A history that grows with the case, as bench/histories.ts measures it: how to give a case
 * `rows` of it, the paged GET, and — kept here as the baseline — the unpaged read it had
 * before issue 12 (the whole history in one answer), with its answer's schema.
 */
export interface History {
  name: string;
  label: string;
  seed(owner: Kysely<Database>, worked: Worked, rows: number): Promise<void>;
  pagedUrl(caseId: string): string;
  unpagedView: z.ZodType;
  unpaged(database: DatabaseHandle, request: FastifyRequest): Promise<unknown>;
}

const caseId = (request: FastifyRequest) => (request.params as { id: string }).id;

const measure = {
  kind: "safe_place",
  description: "Går till grannen på nummer 14 om det blir farligt.",
  forWhom: "Klienten och barnen",
  responsible: "Klienten",
  status: "in_place",
  reviewOn: "2027-01-31",
} as const;

const PlanVersion = z.object({
  version: z.number().int(),
  measures: z.array(SafetyMeasure),
  savedAt: z.string(),
  savedBy: z.string(),
});

const safetyPlan: History = {
  name: "safety-plan",
  label: "Safety plan: GET /api/cases/:id/safety-plan (current version + history)",
  async seed(owner, worked, rows) {
    const values = Array.from({ length: rows }, (_, i) => ({
      org_id: worked.orgId,
      case_id: worked.caseId,
      version: i + 1,
      measures: JSON.stringify([measure, { ...measure, kind: "code_word" }]),
      saved_by: worked.userId,
    }));
    for (let i = 0; i < values.length; i += 500)
      await owner
        .insertInto("safety_plan_version")
        .values(values.slice(i, i + 500))
        .execute();
  },
  pagedUrl: (id) => `/api/cases/${id}/safety-plan`,
  unpagedView: z.object({
    current: PlanVersion.nullable(),
    history: z.array(
      z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string() }),
    ),
  }),
  // The read before paging: every version with its measures, newest first.
  unpaged(database, request) {
    const actor = requireActor(request);
    const meta = requestMeta(request);
    const id = caseId(request);
    return withVisibleCase(database, actor, meta, id, "safety_plan.read", async (trx, c) => {
      const rows = await trx
        .selectFrom("safety_plan_version as v")
        .innerJoin("app_user as u", "u.id", "v.saved_by")
        .select(["v.id", "v.org_id", "v.version", "v.measures", "v.saved_at", "u.display_name"])
        .where("v.case_id", "=", id)
        .orderBy("v.version", "desc")
        .execute();
      // Every version opened as the service opens one (sealed since 0086; legacy plain JSON).
      const all = [];
      for (const r of rows) {
        const opened = await openColumns(database.cipher, "safety_plan_version", r.org_id, r.id, r);
        all.push({
          version: r.version,
          measures: JSON.parse(opened.measures) as unknown,
          savedAt: r.saved_at.toISOString(),
          savedBy: r.display_name,
        });
      }
      await auditCase(trx, actor, meta, c, "safety_plan.read");
      return {
        current: all[0] ?? null,
        history: all.map(({ version, savedAt, savedBy }) => ({ version, savedAt, savedBy })),
      };
    });
  },
};

const StatusChangeOld = z.object({
  from: z.string(),
  to: z.string(),
  reason: z.string().nullable(),
  trigger: z.string().nullable(),
  comment: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string(),
});

/**
 * The status history as the case view had it: every change, oldest first, in the case's
 * own read. The baseline route reads the case as GET /api/cases/:id does now and adds the
 * whole history beside it, as that read did before.
 */
const statusHistory: History = {
  name: "status-history",
  label: "Case status history: GET /api/cases/:id (the case with its status history)",
  async seed(owner, worked, rows) {
    const start = Date.now() - rows * 1000;
    const values = Array.from({ length: rows }, (_, i) => ({
      org_id: worked.orgId,
      case_id: worked.caseId,
      from_status: i % 2 === 0 ? ("closed" as const) : ("intake" as const),
      to_status: i % 2 === 0 ? ("intake" as const) : ("closed" as const),
      comment: i % 2 === 0 ? "Hon hörde av sig igen." : null,
      changed_by: worked.userId,
      changed_at: new Date(start + i * 1000),
    }));
    for (let i = 0; i < values.length; i += 500)
      await owner
        .insertInto("case_status_change")
        .values(values.slice(i, i + 500))
        .execute();
  },
  pagedUrl: (id) => `/api/cases/${id}`,
  unpagedView: z.object({ case: z.unknown(), statusHistory: z.array(StatusChangeOld) }),
  async unpaged(database, request) {
    const actor = requireActor(request);
    const meta = requestMeta(request);
    const id = caseId(request);
    const view = await readCase(database, actor, meta, id);
    const all = await withActor(database.db, actor, (trx) =>
      trx
        .selectFrom("case_status_change as h")
        .innerJoin("app_user as hu", "hu.id", "h.changed_by")
        .select([
          "h.from_status as from",
          "h.to_status as to",
          "h.reason_code as reason",
          "h.trigger_code as trigger",
          "h.comment",
          "h.changed_at as changedAt",
          "hu.display_name as changedBy",
        ])
        .where("h.case_id", "=", id)
        .orderBy("h.changed_at")
        .execute(),
    );
    const { statusHistory: _, ...rest } = view;
    return {
      case: rest,
      statusHistory: all.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
    };
  },
};

const note =
  "Samtal med klienten om boendet och kontakten med skolan. Hon berättade om helgen och vad som hänt sedan förra samtalet; vi gick igenom säkerhetsplanen och bokade ett nytt samtal. ";

/**
 * The journal as GET /api/cases/:id/journal answered it before paging: every entry the
 * caller may see, newest event first, in one answer. Every 20th entry corrects the one
 * before it. (The baseline reads each entry as the paged read does, so it also names what a
 * correction corrects, which the old read did not: it costs the old read a little more.)
 */
const journal: History = {
  name: "journal",
  label: "Journal: GET /api/cases/:id/journal (signed entries and my drafts)",
  async seed(owner, worked, rows) {
    const start = Date.now() - rows * 60_000;
    const ids = Array.from({ length: rows }, () => crypto.randomUUID());
    const values = ids.map((id, i) => ({
      id,
      org_id: worked.orgId,
      case_id: worked.caseId,
      author_id: worked.userId,
      entry_type: "conversation" as const,
      occurred_at: new Date(start + i * 60_000),
      body: note.repeat(3),
      signed_at: new Date(start + i * 60_000),
      corrects_id: i % 20 === 19 ? (ids[i - 1] ?? null) : null,
    }));
    for (let i = 0; i < values.length; i += 500)
      await owner
        .insertInto("journal_entry")
        .values(values.slice(i, i + 500))
        .execute();
  },
  pagedUrl: (id) => `/api/cases/${id}/journal`,
  unpagedView: z.object({ entries: z.array(JournalEntryView) }),
  unpaged(database, request) {
    const actor = requireActor(request);
    const meta = requestMeta(request);
    const id = caseId(request);
    return withVisibleCase(database, actor, meta, id, "journal.read", async (trx, c) => {
      const rows = await entryQuery(trx)
        .where("j.case_id", "=", id)
        .where((eb) =>
          eb.or([eb("j.signed_at", "is not", null), eb("j.author_id", "=", actor.userId)]),
        )
        .orderBy("j.occurred_at", "desc")
        .orderBy("j.written_at", "desc")
        .execute();
      await auditCase(trx, actor, meta, c, "journal.read");
      return { entries: rows.map((r) => toEntryView(actor, r)) };
    });
  },
};

export const histories: History[] = [
  safetyPlan,
  statusHistory,
  journal,
  barrierEvents,
  assessments,
];
