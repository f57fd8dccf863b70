import { type Kysely, sql } from "kysely";
import type { Actor, RequestMeta } from "../../src/server/access/actor.ts";
import { withActor } from "../../src/server/access/transaction.ts";
import { type AuditEntry, auditContext, recordAudit } from "../../src/server/audit/record.ts";
import type { DatabaseHandle } from "../../src/server/db/connection.ts";
import type { Database } from "../../src/server/db/types.ts";
import { reviewPerson, reviewUser } from "../../src/server/modules/audit-review/service.ts";
import { readRelations } from "../../src/server/modules/cases/relations.ts";
import { listCases } from "../../src/server/modules/cases/service.ts";
import { searchPersons } from "../../src/server/modules/persons/service.ts";
import { worklist } from "../../src/server/modules/worklist/service.ts";
import { pageSize } from "../../src/shared/api/paging.ts";
import type { Seeded } from "./seed.ts";

/**
 * Audit rows and bytes per list request, AFTER (the code as it is: one event naming every
 * person and case shown) against BEFORE (the per-row scheme the lists used until issue 12,
 * written here from the very rows the same request showed), in the same database.
 */
export interface ListCase {
  label: string;
  actor: Actor;
  /** Runs the request as the app does; answers the rows shown. */
  run(meta: RequestMeta): Promise<unknown>;
  /** The events the per-row scheme wrote for that answer. */
  before(shown: unknown): Promise<AuditEntry[]>;
}

export interface Figures {
  rows: number;
  /** Tuple bytes (pg_column_size of each row). */
  tupleBytes: number;
  /** Growth of the table with its indexes and TOAST, per request. */
  diskBytes: number;
}

export interface ListResult {
  label: string;
  shown: number;
  after: Figures;
  before: Figures;
}

/** Extra setup: a unit manager, open tasks (work-list rows) and three relatives on one case. */
export async function listSetup(owner: Kysely<Database>, seeded: Seeded, worklistRows: number) {
  const { orgId, userId } = seeded.actor;
  const manager = await owner
    .insertInto("app_user")
    .values({
      org_id: orgId,
      username: "bench.manager",
      display_name: "Bänk Chef",
      password_hash: "x",
    })
    .returning(["id", "username", "display_name"])
    .executeTakeFirstOrThrow();
  const role = await owner
    .insertInto("role_assignment")
    .values({ org_id: orgId, user_id: manager.id, unit_id: seeded.unitId, role: "unit_manager" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const monthAgo = new Date(Date.now() - 30 * 86_400_000);
  const tasks = seeded.caseIds.slice(0, worklistRows).map((caseId) => ({
    org_id: orgId,
    case_id: caseId,
    kind: "assess_children_witnessed_violence" as const,
    created_by: userId,
    created_at: monthAgo,
  }));
  for (let i = 0; i < tasks.length; i += 1000) {
    await owner
      .insertInto("case_task")
      .values(tasks.slice(i, i + 1000))
      .execute();
  }
  const cases = await owner
    .selectFrom("case")
    .select(["id", "person_id"])
    .where("id", "in", seeded.caseIds.slice(0, 4))
    .execute();
  const [first, ...others] = cases as [(typeof cases)[number], ...typeof cases];
  await owner
    .insertInto("relation")
    .values(
      others.map((o) => ({
        org_id: orgId,
        case_id: first.id,
        person_id: first.person_id,
        other_person_id: o.person_id,
        kind: "sibling" as const,
        recorded_by: userId,
      })),
    )
    .execute();
  const managerActor: Actor = {
    userId: manager.id,
    orgId,
    username: manager.username,
    displayName: manager.display_name,
    roles: [{ id: role.id, unitId: seeded.unitId, unitName: "", role: "unit_manager" }],
  };
  return { manager: managerActor, relationsCaseId: first.id, reviewedPersonId: first.person_id };
}

/** The person of each case, for the per-row scheme of lists that show cases. */
async function personsOf(owner: Kysely<Database>, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, { person: string; unit: string }>();
  const rows = await owner
    .selectFrom("case")
    .select(["id", "person_id", "unit_id"])
    .where(sql<boolean>`id = any(${caseIds}::uuid[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, { person: r.person_id, unit: r.unit_id }]));
}

/** A review's first page as the web asks for it. */
const onePage = { limit: pageSize.default, count: false, order: "desc" as const };

type CaseRows = { id: string; person: { id: string }; unitId?: string }[];

/** The requests measured: every list that shows persons. */
export function measuredLists(
  database: DatabaseHandle,
  seeded: Seeded,
  setup: Awaited<ReturnType<typeof listSetup>>,
): ListCase[] {
  const worker = seeded.actor;
  const { manager } = setup;
  const unitId = seeded.unitId;
  const caseList = (actor: Actor, scope: "mine" | "all"): ListCase => ({
    label: `GET /api/cases?scope=${scope}`,
    actor,
    // A request shows one page now (issue 14): the default page size.
    run: async (meta) =>
      (
        await listCases(database, actor, meta, {
          scope,
          limit: pageSize.default,
          count: false,
          sort: "opened",
        })
      ).cases,
    before: async (shown) =>
      (shown as CaseRows).map((c) => ({
        action: "case.list" as const,
        resourceType: "case" as const,
        resourceId: c.id,
        personId: c.person.id,
        unitId,
        data: { scope },
      })),
  });
  const work = (actor: Actor, scope: "mine" | "unit"): ListCase => ({
    label: `GET /api/worklist?scope=${scope}`,
    actor,
    run: (meta) => worklist(database, actor, meta, scope),
    before: async (shown) => {
      const items = shown as { caseId: string }[];
      const of = await personsOf(
        database.owner,
        items.map((i) => i.caseId),
      );
      return items.map((i) => ({
        action: "worklist.read" as const,
        resourceType: "case" as const,
        resourceId: i.caseId,
        personId: of.get(i.caseId)?.person ?? null,
        unitId: of.get(i.caseId)?.unit ?? null,
      }));
    },
  });
  return [
    caseList(worker, "mine"),
    caseList(manager, "all"),
    work(worker, "mine"),
    work(manager, "unit"),
    {
      label: "POST /api/persons/search (a name)",
      actor: worker,
      run: async (meta) =>
        (await searchPersons(database, worker, meta, { query: "Testperson1", limit: 20 })).persons,
      before: async (shown) => {
        const found = shown as { id: string }[];
        const data = { queryKind: "name" as const, resultCount: found.length };
        return found.map((p) => ({
          action: "person.search" as const,
          resourceType: "person" as const,
          resourceId: p.id,
          personId: p.id,
          data,
        }));
      },
    },
    {
      label: "GET /api/cases/{id}/relations",
      actor: worker,
      run: (meta) => readRelations(database, worker, meta, setup.relationsCaseId),
      before: async (shown) => [
        {
          action: "relation.read",
          resourceType: "case",
          resourceId: setup.relationsCaseId,
          personId: setup.reviewedPersonId,
          unitId,
        },
        ...(shown as { otherPerson: { id: string } }[]).map((r) => ({
          action: "relation.read" as const,
          resourceType: "case" as const,
          resourceId: setup.relationsCaseId,
          personId: r.otherPerson.id,
          unitId,
        })),
      ],
    },
    {
      label: "GET /api/audit/persons/{id} (log review)",
      actor: manager,
      run: async (meta) =>
        (await reviewPerson(database, manager, meta, setup.reviewedPersonId, onePage)).events,
      before: async () => [
        {
          action: "audit.review",
          resourceType: "audit",
          personId: setup.reviewedPersonId,
          data: { subject: "person", subjectId: setup.reviewedPersonId },
        },
      ],
    },
    {
      // Before, the review of a user named none of the persons it showed.
      label: "GET /api/audit/users/{id} (log review)",
      actor: manager,
      run: async (meta) =>
        (await reviewUser(database, manager, meta, worker.userId, onePage)).events,
      before: async () => [
        {
          action: "audit.review",
          resourceType: "audit",
          resourceId: worker.userId,
          data: { subject: "user", subjectId: worker.userId },
        },
      ],
    },
  ];
}

async function tableBytes(owner: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`
    select pg_total_relation_size('audit_event') as n`.execute(owner);
  return Number(rows[0]?.n ?? 0);
}

async function figuresOf(owner: Kysely<Database>, prefix: string, growth: number, n: number) {
  const { rows } = await sql<{ rows: string | number; bytes: string | number | null }>`
    select count(*) as rows, sum(pg_column_size(e.*)) as bytes
    from audit_event e where e.request_id like ${`${prefix}%`}`.execute(owner);
  return {
    rows: Number(rows[0]?.rows ?? 0) / n,
    tupleBytes: Number(rows[0]?.bytes ?? 0) / n,
    diskBytes: growth / n,
  };
}

/** Runs one list `n` times (after), then writes what the per-row scheme wrote (before). */
export async function measureList(
  database: DatabaseHandle,
  list: ListCase,
  key: string,
  n: number,
): Promise<ListResult> {
  const { owner } = database;
  const answers: unknown[] = [];
  let start = await tableBytes(owner);
  for (let i = 0; i < n; i++) {
    answers.push(await list.run({ requestId: `after-${key}-${i}`, clientAddress: "127.0.0.1" }));
  }
  const after = await figuresOf(owner, `after-${key}-`, (await tableBytes(owner)) - start, n);
  start = await tableBytes(owner);
  for (let i = 0; i < n; i++) {
    const entries = await list.before(answers[i]);
    const meta = { requestId: `before-${key}-${i}`, clientAddress: "127.0.0.1" };
    await withActor(database.db, list.actor, (trx) =>
      recordAudit(trx, auditContext(list.actor, meta), entries),
    );
  }
  const before = await figuresOf(owner, `before-${key}-`, (await tableBytes(owner)) - start, n);
  const first = answers[0];
  return { label: list.label, shown: Array.isArray(first) ? first.length : 0, after, before };
}
