import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../db/types.ts";
import type { Actor } from "./actor.ts";
import { unitsWithRole } from "./actor.ts";

type WithCase = Database & { c: Database["case"] };

/**
 * The access rule for cases, as the application applies it to every list and search (a
 * query over `"case" as c`). Row-level security repeats it in PostgreSQL (the policy
 * case_select, migration 0034), so a query that forgot this still leaks nothing.
 *
 * A case is visible to its assigned workers, the managers of its unit, and users with a
 * live time-limited grant; never across a barrier to anyone who has worked the other side.
 *
 * Written for the planner (ADR 0009): the actor's cases worked now and the persons they are
 * barred from are each read once per statement (a scalar subquery: an InitPlan) by the same
 * security-definer functions the policy uses — they read assignments and grants the actor's
 * row-level security hides — and each row is compared with `= any` / `<> all`, which an
 * index scan can use. No function runs per row.
 */
/**
 * Two writings of the same rule, for two shapes of query (ADR 0009):
 * - "set" (lists, searches, counts): the actor's cases worked now and barred persons are each
 *   read once per statement (a scalar subquery: an InitPlan) by security-definer functions and
 *   each row is compared with `= any` / `<> all`, which an index scan can use to find the
 *   actor's few hundred cases among the organisation's thousands;
 * - "probe" (a query that finds ONE case by its id): each part is asked of that row as an
 *   EXISTS on the views frid_current_work and frid_barred_person (migration 0043), which the
 *   planner answers with an index probe of the (case, user) rows, so one case costs the same
 *   whether the reader works 3 cases or 10,000. The sets would build all 10,000.
 * scope-rls.test.ts checks both against row-level security.
 */
export type RuleForm = "set" | "probe";

/**
 * The user is (now) assigned to the case `c`: as a set, the user's current assignments read
 * once per statement (frid_assigned_cases, migration 0038), not an EXISTS on case_assignment,
 * whose row-level security asks frid_can_see_case of every assignment row; as a probe, the
 * (case, user) row of frid_current_work. Only ever compared with cases the caller reads under
 * the case rule, so it reveals nothing.
 */
export function isAssigned(
  _eb: ExpressionBuilder<WithCase, "c">,
  userId: string,
  form: RuleForm = "set",
) {
  return form === "probe"
    ? sql<SqlBool>`exists (select 1 from frid_current_work w
                    where w.case_id = c.id and w.user_id = ${userId}::uuid and w.assigned)`
    : sql<SqlBool>`c.id = any ((select frid_assigned_cases(${userId}::uuid))::uuid[])`;
}

export function accessibleCases(actor: Actor, form: RuleForm = "set") {
  const managed = unitsWithRole(actor, ["unit_manager"]);
  return (eb: ExpressionBuilder<WithCase, "c">): Expression<SqlBool> =>
    eb.and([
      eb("c.org_id", "=", actor.orgId),
      eb.or([
        // The unit first: for a manager it decides without looking at the case list.
        managed.length > 0 ? eb("c.unit_id", "in", managed) : sql<SqlBool>`false`,
        // Assigned now, or a grant neither revoked nor expired (frid_current_cases).
        form === "probe"
          ? sql<SqlBool>`exists (select 1 from frid_current_work w
                          where w.case_id = c.id and w.user_id = ${actor.userId}::uuid)`
          : sql<SqlBool>`c.id = any ((select frid_current_cases(${actor.userId}::uuid))::uuid[])`,
      ]),
      form === "probe"
        ? sql<SqlBool>`not exists (select 1 from frid_barred_person b
                        where b.person_id = c.person_id and b.user_id = ${actor.userId}::uuid)`
        : barredPersonOf(actor, sql.ref("c.person_id")),
    ]);
}

/**
 * Not a person the actor is barred from: every person with a case behind a barrier from a
 * case the actor has ever worked (frid_barred_persons, read from the actor's side; the other
 * side's assignments are rows this actor may not read, yet they decide what the actor sees).
 */
function barredPersonOf(actor: Actor, personId: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`${personId} <> all ((select frid_barred_persons(${actor.userId}::uuid))::uuid[])`;
}

type WithPerson = Database & { p: Database["person"] };

/**
 * The actor may see one of the person's own cases: only then do they see the person as the
 * organisation knows them (stored name, sex, protection level). Whoever only registered the
 * person sees what they typed in (issue 11: registering a known number reveals nothing).
 */
export function knowsThroughCase(actor: Actor) {
  return (eb: ExpressionBuilder<WithPerson, "p">): Expression<SqlBool> =>
    eb.exists(
      eb
        .selectFrom("case as c")
        .select("c.id")
        .whereRef("c.person_id", "=", "p.id")
        .where(accessibleCases(actor)),
    );
}

/**
 * A person is visible to whoever registered them and to whoever may see one of their cases —
 * never to someone who has worked the other side of a barrier from one of their cases
 * (migration 0023: the barrier holds between the two people, not only the two cases).
 * `knows` is knowsThroughCase(actor) for this row when the caller has computed it already.
 */
export function accessiblePersons(actor: Actor, knows?: Expression<SqlBool>) {
  return (eb: ExpressionBuilder<WithPerson, "p">): Expression<SqlBool> =>
    eb.and([
      eb("p.org_id", "=", actor.orgId),
      barredPersonOf(actor, sql.ref("p.id")),
      eb.or([
        eb.exists(
          eb
            .selectFrom("person_registration as r")
            .select("r.person_id")
            .whereRef("r.person_id", "=", "p.id")
            .where("r.user_id", "=", actor.userId),
        ),
        // Already asked once for this row by a caller that needs it for its columns too.
        knows ?? knowsThroughCase(actor)(eb),
        // A relative recorded in a case the actor may see (migration 0016).
        eb.exists(
          eb
            .selectFrom("relation as rel")
            .innerJoin("case as c", "c.id", "rel.case_id")
            .select("rel.id")
            .whereRef("rel.other_person_id", "=", "p.id")
            .where(accessibleCases(actor)),
        ),
      ]),
    ]);
}
