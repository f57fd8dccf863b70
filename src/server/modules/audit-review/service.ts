import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type {
  AuditEventList,
  AuditEventView,
  AuditReviewQuery,
} from "../../../shared/api/audit.ts";
import { encodeSequencePlace, pageFrom } from "../../../shared/api/paging.ts";
import { addDays, startOfDay } from "../../../shared/calendar.ts";
import { shownName } from "../../../shared/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Loggkontroll (SoLPuL 10 §: recurring checks for unauthorised access). A unit manager
 * reviews who accessed the data of a person who has a case in their unit, and what a user
 * of their unit accessed. The review itself is audited.
 */
const notFound = () =>
  new AppError(404, "not_found", "Det finns inget att visa, eller så saknar du behörighet.");

/**
 * The organisation's events, newest first (or oldest, order=asc), a page at a time: keyset
 * on the event's number (`before`), so the (org_id, actor_user_id, id) and (org_id,
 * person_id, id) indexes serve the order and a page reads its own rows only, however long
 * the trail. The filters narrow the rows those indexes lead to (filtered).
 */
function events(db: Kysely<Database>, orgId: string, page: AuditReviewQuery) {
  const asc = page.order === "asc";
  const before = page.before?.id;
  return filtered(
    db
      .selectFrom("audit_event as e")
      .leftJoin("app_user as u", "u.id", "e.actor_user_id")
      .select([
        "e.id",
        "e.occurred_at",
        "e.actor_user_id",
        "u.username",
        "u.display_name",
        "e.actor_role",
        "e.action",
        "e.outcome",
        "e.resource_type",
        "e.resource_id",
        "e.person_id",
        "e.person_ids",
        "e.reason",
        "e.client_address",
      ])
      .where("e.org_id", "=", orgId),
    page,
  )
    .$if(before !== undefined, (q) => q.where("e.id", asc ? ">" : "<", before as number))
    .orderBy("e.id", asc ? "asc" : "desc")
    .limit(page.limit + 1);
}

/** What the reviewer narrowed the review to: outcome, kind of action, user, period. */
function filtered<
  Q extends SelectQueryBuilder<Database & { e: Database["audit_event"] }, "e", object>,
>(q: Q, page: AuditReviewQuery): Q {
  let out = q;
  if (page.outcome) out = out.where("e.outcome", "=", page.outcome) as Q;
  if (page.action) out = out.where("e.action", "=", page.action) as Q;
  if (page.user) out = out.where("e.actor_user_id", "=", page.user) as Q;
  // Days in Swedish time: from the start of `from` to the start of the day after `to`.
  if (page.from) out = out.where("e.occurred_at", ">=", startOfDay(page.from)) as Q;
  if (page.to) out = out.where("e.occurred_at", "<", startOfDay(addDays(page.to, 1))) as Q;
  return out;
}

/** Whether the review is as it was before it could be narrowed: all of it, newest first. */
function plain(page: AuditReviewQuery): boolean {
  return (
    page.order === "desc" &&
    [page.outcome, page.action, page.user, page.from, page.to].every((f) => f === undefined)
  );
}

type EventRow = Awaited<ReturnType<ReturnType<typeof events>["execute"]>>[number];
/** Which events a review shows: about a person, or done by a user. */
type Subject = (
  eb: ExpressionBuilder<Database & { e: Database["audit_event"] }, "e">,
) => Expression<SqlBool>;

/**
 * A page of the review (up to limit + 1 rows read: pageFrom) and, only when asked, how
 * many events the whole review has.
 */
async function reviewPage(
  trx: Trx,
  orgId: string,
  page: AuditReviewQuery,
  subject: Subject,
  counted: Subject = subject,
) {
  const rows = await events(trx, orgId, page).where(subject).execute();
  const total = page.count
    ? Number(
        (
          await filtered(trx.selectFrom("audit_event as e").where("e.org_id", "=", orgId), page)
            .where(counted)
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      )
    : null;
  const { items, nextCursor } = pageFrom(
    rows,
    page.limit,
    (r) => encodeSequencePlace({ id: r.id, order: page.order }),
    (r) => r,
  );
  return { items, nextCursor, total };
}

/**
 * Events about a person, and list events that showed her among others (0030): their ids are
 * found by the two indexes (frid_person_events, migration 0038, which applies the audit
 * policy's own rule), and the events are read by id under row-level security. Written as the
 * OR of `person_id =` and `person_ids @>`, the non-leakproof `@>` kept PostgreSQL from using
 * either index under the policy: it scanned the organisation's trail. Newest first, below
 * `before`, at most `limit` (null: all, for the count).
 */
export function eventsAbout(
  personId: string,
  before: number | null,
  limit: number | null,
): Subject {
  return () =>
    sql<SqlBool>`e.id = any ((select frid_person_events(${personId}::uuid, ${before}::bigint, ${limit}::integer))::bigint[])`;
}

type Named = AuditEventView["person"] & {};

/**
 * The persons' names as the reviewer may see them (row-level security); "–" otherwise. A
 * log review is a list: a fictitious identity stands as "Skyddad identitet" (issue 19).
 */
async function names(trx: Trx, ids: Iterable<string>): Promise<(id: string) => Named> {
  const wanted = [...new Set(ids)];
  const rows =
    wanted.length === 0
      ? []
      : await trx
          .selectFrom("person")
          .select(["id", "given_name", "family_name", "protection_level"])
          .where(sql<boolean>`id = any(${wanted}::uuid[])`)
          .execute();
  const byId = new Map(
    rows.map((r) => [
      r.id,
      shownName(
        { name: `${r.given_name} ${r.family_name}`, protectionLevel: r.protection_level },
        "list",
      ),
    ]),
  );
  return (id) => ({ id, name: byId.get(id) ?? "–" });
}

function toView(r: EventRow, person: Named | null, persons: Named[]): AuditEventView {
  return {
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actor:
      r.actor_user_id && r.username
        ? { id: r.actor_user_id, username: r.username, displayName: r.display_name ?? "" }
        : null,
    role: r.actor_role,
    action: r.action,
    outcome: r.outcome,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    person,
    persons,
    reason: r.reason,
    clientAddress: r.client_address,
  };
}

export async function reviewPerson(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
  page: AuditReviewQuery,
): Promise<AuditEventList> {
  const managed = unitsWithRole(actor, ["unit_manager"]);
  const rows = await withActor(database.db, actor, async (trx) => {
    if (managed.length === 0) return null;
    const inMyUnit = await trx
      .selectFrom("case")
      .select("id")
      .where("person_id", "=", personId)
      .where("unit_id", "in", managed)
      .executeTakeFirst();
    if (!inMyUnit) return null;
    // Events about her, and list events that showed her among others (0030, GIN index).
    const { items: found, ...rest } = await reviewPage(
      trx,
      actor.orgId,
      page,
      // Narrowed or oldest first, the page is found among all her events' ids (the function
      // gives the newest below a number); as before, the newest page below the cursor.
      plain(page)
        ? eventsAbout(personId, page.before?.id ?? null, page.limit + 1)
        : eventsAbout(personId, null, null),
      eventsAbout(personId, null, null),
    );
    const name = await names(trx, [personId]);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "audit.review",
        resourceType: "audit",
        personId,
        data: { subject: "person", subjectId: personId },
      },
    ]);
    // Every event shown names her: as its person, or among the persons a list showed (then
    // the event's own person, e.g. the case whose relatives were listed, is not hers to
    // review, and she stands in the list). The others a list showed are not hers either.
    const shown = found.map((r) =>
      r.person_id === personId ? toView(r, name(personId), []) : toView(r, null, [name(personId)]),
    );
    return { events: shown, ...rest };
  });
  if (!rows) return deny(database, actor, meta, "person", personId);
  return rows;
}

export async function reviewUser(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  userId: string,
  page: AuditReviewQuery,
): Promise<AuditEventList> {
  const managed = unitsWithRole(actor, ["unit_manager"]);
  const rows = await withActor(database.db, actor, async (trx) => {
    if (managed.length === 0) return null;
    const inMyUnit = await trx
      .selectFrom("role_assignment")
      .select("id")
      .where("user_id", "=", userId)
      .where("unit_id", "in", managed)
      .executeTakeFirst();
    if (!inMyUnit) return null;
    const { items: found, ...rest } = await reviewPage(trx, actor.orgId, page, (eb) =>
      eb("e.actor_user_id", "=", userId),
    );
    const shown = found.flatMap((r) => [
      ...(r.person_id ? [r.person_id] : []),
      ...(r.person_ids ?? []),
    ]);
    const name = await names(trx, shown);
    // The review shows the persons the user looked at: it is itself a look at each of them.
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "audit.review",
        { resourceType: "audit", personIds: shown },
        { resourceId: userId, data: { subject: "user", subjectId: userId } },
      ),
    ]);
    const shownEvents = found.map((r) =>
      toView(r, r.person_id ? name(r.person_id) : null, (r.person_ids ?? []).map(name)),
    );
    return { events: shownEvents, ...rest };
  });
  if (!rows) return deny(database, actor, meta, "user", userId);
  return rows;
}

async function deny(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  subject: "person" | "user",
  id: string,
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "audit.review",
        outcome: "denied",
        resourceType: "audit",
        personId: subject === "person" ? id : null,
        resourceId: id,
        data: { subject, subjectId: id },
      },
    ]),
  );
  throw notFound();
}
