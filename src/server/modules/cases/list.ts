import {
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import {
  type CaseListItem,
  type CaseListQuery,
  type CaseSort,
  caseTypes,
} from "../../../shared/api/cases.ts";
import type { SortOrder, SortPlace } from "../../../shared/api/paging.ts";
import { caseStatuses } from "../../../shared/case-status.ts";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases, isAssigned } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";
import type { Database } from "../../db/types.ts";
import { summaryCaseColumns, summaryPersonColumns, toSummary } from "./queries.ts";

/** The case lists (mine, all): filtered, sorted by a column, a page at a time by keyset. */

/** The flow's and the list's order of statuses and types, as constant SQL arrays. */
const statusOrder = sql.raw(`'{${caseStatuses.join(",")}}'`);
const typeOrder = sql.raw(`'{${caseTypes.join(",")}}'`);

/** A case's place in the list, to the microsecond as stored (a Date would round it). */
const openedPlace = sql<string>`to_char(c.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** What a case list asks for beyond its scope: filters, and where its page starts. */
export interface CaseListPage {
  limit: number;
  sort: CaseSort;
  order: SortOrder;
  before?: SortPlace;
  filters: CaseFilters;
}
export type CaseFilters = Pick<CaseListQuery, "status" | "type" | "worker">;

/**
 * Each sort's column, the value of a row's place in it (the cursor's key, as text) and the
 * cursor's key turned back into that column's type. Status and type sort in their flow's and
 * list's order (the position in caseStatuses / caseTypes), not by their codes' spelling.
 */
const sortColumns = {
  opened: {
    column: sql`c.opened_at`,
    place: openedPlace,
    key: (k: string) => sql`${k}::timestamptz`,
  },
  reference: {
    column: sql`c.reference`,
    place: sql<string>`c.reference`,
    key: (k: string) => sql`${k}`,
  },
  status: {
    column: sql`array_position(${statusOrder}::text[], c.status)`,
    place: sql<string>`c.status`,
    key: (k: string) => sql`array_position(${statusOrder}::text[], ${k}::text)`,
  },
  type: {
    column: sql`array_position(${typeOrder}::text[], c.case_type)`,
    place: sql<string>`c.case_type`,
    key: (k: string) => sql`array_position(${typeOrder}::text[], ${k}::text)`,
  },
} satisfies Record<
  CaseSort,
  {
    column: RawBuilder<unknown>;
    place: RawBuilder<string>;
    key: (k: string) => RawBuilder<unknown>;
  }
>;

/**
 * The list's filters on `case as c`. A worker's cases are found from that worker's current
 * assignments ((user_id, case_id) where current, 0045: a few hundred rows, each under
 * case_assignment's own rule), not by a look at each of the reader's cases; "none" asks each
 * case whether anybody is assigned, by the (case_id, user_id) index of current assignments.
 */
function filtered<Q extends SelectQueryBuilder<Database & { c: Database["case"] }, "c", object>>(
  q: Q,
  filters: CaseFilters,
): Q {
  const { status, type, worker } = filters;
  let out = q;
  if (status) out = out.where("c.status", "=", status) as Q;
  if (type) out = out.where("c.case_type", "=", type) as Q;
  if (worker === "none") {
    out = out.where(
      sql<SqlBool>`not exists (select 1 from case_assignment a
                    where a.case_id = c.id and a.unassigned_at is null)`,
    ) as Q;
  } else if (worker) {
    out = out.where(
      sql<SqlBool>`c.id in (select a.case_id from case_assignment a
                    where a.user_id = ${worker}::uuid and a.unassigned_at is null)`,
    ) as Q;
  }
  return out;
}

/**
 * A page of the case list (every case the actor may see, or, mine, those assigned to them),
 * filtered and in the order asked for, keyset (sort column, id) after `before`: up to
 * `limit + 1` rows (pageFrom). The default order, newest opened first, is served by
 * migration 0036's (org_id, opened_at, id) and (unit_id, opened_at, id) indexes; a reference
 * by the organisation's unique (org_id, reference). Status and type sort the reader's
 * visible cases (a top-N sort: docs/architecture.md says what that costs).
 */
export function listVisibleCases(
  trx: Trx,
  actor: Actor,
  scope: "mine" | "all",
  page: CaseListPage,
) {
  const { before, order } = page;
  const by = sortColumns[page.sort];
  const direction = order === "desc" ? sql`desc` : sql`asc`;
  const after = order === "desc" ? sql`<` : sql`>`;
  // The page's cases first, from "case" alone; their persons and units joined to those 21
  // rows afterwards. Joined in one query, the planner (which cannot see how many cases the
  // actor's sets hold) read the person, and asked her row-level rule, for each of a unit
  // manager's 25,000 cases before sorting: 0.7 s at a million cases. Nor may the page come
  // back as `c.id in (…)`: PostgreSQL 18 (PGlite) ran that LIMITed subquery again for each
  // of a caseworker's 346 cases (105 ms).
  const cases = filtered(
    trx
      .selectFrom("case as c")
      .select((eb) => [
        ...summaryCaseColumns,
        by.place.as("place_key"),
        by.column.as("sort_key"),
        isAssigned(eb, actor.userId).as("assigned_to_me"),
      ])
      .where(accessibleCases(actor))
      .$if(scope === "mine", (q) => q.where((eb) => isAssigned(eb, actor.userId))),
    page.filters,
  )
    .$if(before !== undefined, (q) =>
      q.where(
        sql<boolean>`(${by.column}, c.id) ${after} (${by.key(before?.key ?? "")}, ${before?.id}::uuid)`,
      ),
    )
    .orderBy(sql`${by.column} ${direction}`)
    .orderBy(sql`c.id ${direction}`)
    .limit(page.limit + 1);
  return trx
    .selectFrom(cases.as("c"))
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .selectAll("c")
    .select(summaryPersonColumns)
    .select((eb) => jsonArrayFrom(responsibleOf(eb)).as("responsible"))
    .orderBy(sql`c.sort_key ${direction}`)
    .orderBy(sql`c.id ${direction}`)
    .execute();
}

/** The workers assigned to a case of the page now (read for the page's rows only). */
function responsibleOf(eb: ExpressionBuilder<Database & { c: { id: string } }, "c">) {
  return eb
    .selectFrom("case_assignment as a")
    .innerJoin("app_user as au", "au.id", "a.user_id")
    .select(["a.user_id as userId", "au.display_name as displayName"])
    .whereRef("a.case_id", "=", "c.id")
    .where("a.unassigned_at", "is", null)
    .orderBy("a.assigned_at")
    .orderBy("a.user_id");
}

/** How many cases the whole (filtered) list has (count=true only: it counts every one). */
export async function countVisibleCases(
  trx: Trx,
  actor: Actor,
  scope: "mine" | "all",
  filters: CaseFilters,
): Promise<number> {
  const q = trx.selectFrom("case as c").where(accessibleCases(actor));
  const row = await filtered(
    scope === "mine" ? q.where((eb) => isAssigned(eb, actor.userId)) : q,
    filters,
  )
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type CaseListRow = Awaited<ReturnType<typeof listVisibleCases>>[number];

export function toListItem(row: CaseListRow): CaseListItem {
  return { ...toSummary(row, "list"), responsible: row.responsible };
}
