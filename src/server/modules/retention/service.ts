import type {
  RetentionExceptions,
  RetentionReceiptList,
  RetentionRuleList,
  RetentionRunList,
  RetentionRunView,
  UpdateRetentionRule,
} from "../../../shared/api/retention.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { hasRole, unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { countsOf, dueRecords, named, type StoredItem } from "./dry-run.ts";
import { activeRules } from "./queries.ts";

/**
 * Gallring (issue 19, item 8). Administrators keep the rules; a unit manager makes a dry
 * run over the units they manage and decides on it (removal.ts). Another unit's records are
 * never listed: the facts come only for persons with a case in the caller's managed units.
 */
export const notFound = () =>
  new AppError(404, "not_found", "Det finns inget att visa, eller så saknar du behörighet.");
const forbidden = (message: string) => new AppError(403, "forbidden", message);

export const managedUnits = (actor: Actor) => unitsWithRole(actor, ["unit_manager"]);

type RetentionAction =
  | "retention.rule_update"
  | "retention.dry_run"
  | "retention.read"
  | "retention.remove";

/** A refusal (403) is in the trail too: who tried which part of gallring. */
export async function refuse(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: RetentionAction,
  message: string,
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action, outcome: "denied", resourceType: "retention" },
    ]),
  );
  throw forbidden(message);
}

/** The units the caller manages, or a refusal: dry runs and decisions are the managers'. */
export async function requireManager(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: RetentionAction,
): Promise<string[]> {
  const units = managedUnits(actor);
  if (units.length === 0)
    return refuse(database, actor, meta, action, "Gallring beslutas av enhetschefen.");
  return units;
}

export async function listRules(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<RetentionRuleList> {
  const mayEdit = hasRole(actor, "administrator");
  const mayRun = managedUnits(actor).length > 0;
  if (!mayEdit && !mayRun)
    return refuse(
      database,
      actor,
      meta,
      "retention.read",
      "Gallring sköts av enhetschefer och systemförvaltare.",
    );
  const rows = await withActor(database.db, actor, (trx) =>
    trx
      .selectFrom("retention_rule as r")
      .leftJoin("app_user as v", "v.id", "r.verified_by")
      .selectAll("r")
      .select("v.display_name as verifier")
      .where("r.org_id", "=", actor.orgId)
      .orderBy("r.code")
      .execute(),
  );
  return {
    mayEdit,
    mayRun,
    rules: rows.map((r) => ({
      code: r.code,
      subject: r.subject as RetentionRuleList["rules"][number]["subject"],
      documentKind: r.document_kind as RetentionRuleList["rules"][number]["documentKind"],
      years: r.years,
      afterEvent: r.after_event as RetentionRuleList["rules"][number]["afterEvent"],
      exceptions: r.exceptions as RetentionExceptions,
      active: r.active,
      legalSource: r.legal_source,
      verified: r.verified_on ? { on: r.verified_on, by: r.verifier ?? "" } : null,
    })),
  };
}

/**
 * An administrator changes a rule. A change of what it says (years, on/off, source) clears
 * the record of who verified the source, unless verifiedOn comes in the same request; the
 * event says what changed from what to what, so a later reader knows what applied when.
 */
export async function updateRule(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  code: string,
  input: UpdateRetentionRule,
): Promise<RetentionRuleList> {
  if (!hasRole(actor, "administrator"))
    return refuse(
      database,
      actor,
      meta,
      "retention.rule_update",
      "Bara systemförvaltare kan ändra gallringsregler.",
    );
  await withActor(database.db, actor, async (trx) => {
    const before = await trx
      .selectFrom("retention_rule")
      .select(["years", "active", "legal_source", "verified_on"])
      .where("org_id", "=", actor.orgId)
      .where("code", "=", code)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    const { changes, clears } = ruleChanges(before, input);
    const verifiedOn =
      input.verifiedOn !== undefined ? input.verifiedOn : clears ? null : undefined;
    await trx
      .updateTable("retention_rule")
      .set({
        ...(input.years !== undefined ? { years: input.years } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.legalSource !== undefined ? { legal_source: input.legalSource } : {}),
        ...(verifiedOn !== undefined
          ? { verified_on: verifiedOn, verified_by: verifiedOn ? actor.userId : null }
          : {}),
        updated_at: new Date(),
        updated_by: actor.userId,
      })
      .where("org_id", "=", actor.orgId)
      .where("code", "=", code)
      .execute();
    if (verifiedOn !== undefined && verifiedOn !== before.verified_on)
      changes.verifiedOn = { from: before.verified_on, to: verifiedOn };
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "retention.rule_update",
        resourceType: "retention",
        data: {
          ruleCode: code,
          changes,
          verificationCleared: before.verified_on !== null && verifiedOn === null,
        },
      },
    ]);
  });
  return listRules(database, actor, meta);
}

type Change<T> = { from: T; to: T };
interface RuleChanges {
  years?: Change<number>;
  active?: Change<boolean>;
  legalSource?: Change<string>;
  verifiedOn?: Change<string | null>;
}

/** What the request changes of what a rule says, and so whether its verification lapses. */
function ruleChanges(
  before: { years: number; active: boolean; legal_source: string },
  input: UpdateRetentionRule,
): { changes: RuleChanges; clears: boolean } {
  const changes: RuleChanges = {};
  if (input.years !== undefined && input.years !== before.years)
    changes.years = { from: before.years, to: input.years };
  if (input.active !== undefined && input.active !== before.active)
    changes.active = { from: before.active, to: input.active };
  if (input.legalSource !== undefined && input.legalSource !== before.legal_source)
    changes.legalSource = { from: before.legal_source, to: input.legalSource };
  return { changes, clears: Object.keys(changes).length > 0 };
}

/** A dry run over the caller's managed units, stored with its counts, listed with names. */
export async function dryRun(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<RetentionRunView> {
  const units = await requireManager(database, actor, meta, "retention.dry_run");
  const today = stockholmDate(new Date());
  const id = await withActor(database.db, actor, async (trx) => {
    const items = await dueRecords(trx, actor.orgId, units, today);
    const rules = (await activeRules(trx, actor.orgId)).map((r) => r.code);
    const counts = countsOf(items, rules);
    const run = await trx
      .insertInto("retention_run")
      .values({
        org_id: actor.orgId,
        unit_ids: units,
        created_by: actor.userId,
        counts: JSON.stringify(counts),
        items: JSON.stringify(items),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "retention.dry_run",
        { resourceType: "retention", personIds: items.map((i) => i.personId), unitIds: units },
        {
          resourceId: run.id,
          data: {
            runId: run.id,
            remove: items.filter((i) => i.action === "remove").length,
            kept: items.filter((i) => i.action === "keep").length,
          },
        },
      ),
    ]);
    return run.id;
  });
  return readRun(database, actor, meta, id, false);
}

export async function loadRun(trx: Trx, id: string) {
  return trx
    .selectFrom("retention_run as r")
    .innerJoin("app_user as u", "u.id", "r.created_by")
    .leftJoin("app_user as d", "d.id", "r.decided_by")
    .selectAll("r")
    .select(["u.display_name as creator", "d.display_name as decider"])
    .where("r.id", "=", id)
    .executeTakeFirst();
}

/** A run as made (and decided): read again, it is a look at every person it names. */
export async function readRun(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  audited = true,
): Promise<RetentionRunView> {
  await requireManager(database, actor, meta, "retention.read");
  const view = await withActor(database.db, actor, async (trx) => {
    const run = await loadRun(trx, id);
    if (!run) return null;
    const items = run.items as StoredItem[];
    if (audited)
      await recordAudit(trx, auditContext(actor, meta), [
        listEntry(
          "retention.read",
          { resourceType: "retention", personIds: items.map((i) => i.personId) },
          { resourceId: id, data: { runId: id } },
        ),
      ]);
    return {
      id: run.id,
      createdAt: run.created_at.toISOString(),
      createdBy: run.creator,
      counts: run.counts as RetentionRunView["counts"],
      items: await named(trx, items),
      decision: run.decided_at
        ? {
            at: run.decided_at.toISOString(),
            by: run.decider ?? "",
            removed: run.removed ?? 0,
            skipped: run.skipped ?? 0,
          }
        : null,
    };
  });
  return view ?? denyRun(database, actor, meta, id);
}

/** Someone else's run (or none): 404, and the attempt is in the trail. */
export async function denyRun(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "retention.read",
        outcome: "denied",
        resourceType: "retention",
        resourceId: id,
        data: { runId: id },
      },
    ]),
  );
  throw notFound();
}

export async function listRuns(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<RetentionRunList> {
  await requireManager(database, actor, meta, "retention.read");
  const rows = await withActor(database.db, actor, (trx) =>
    trx
      .selectFrom("retention_run")
      .select(["id", "created_at", "counts", "decided_at", "removed"])
      .orderBy("created_at", "desc")
      .limit(50)
      .execute(),
  );
  return {
    runs: rows.map((r) => {
      const counts = r.counts as RetentionRunView["counts"];
      return {
        id: r.id,
        createdAt: r.created_at.toISOString(),
        remove: counts.reduce((n, c) => n + c.remove, 0),
        kept: counts.reduce((n, c) => n + c.kept, 0),
        decidedAt: r.decided_at?.toISOString() ?? null,
        removed: r.removed,
      };
    }),
  };
}

/** The receipts of a run: what, when, which rule, by whom — no content. */
export async function runReceipts(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
): Promise<RetentionReceiptList> {
  await requireManager(database, actor, meta, "retention.read");
  const list = await withActor(database.db, actor, async (trx) => {
    if (!(await loadRun(trx, id))) return null;
    const rows = await trx
      .selectFrom("retention_receipt as r")
      .innerJoin("app_user as u", "u.id", "r.removed_by")
      .select([
        "r.record_type",
        "r.record_id",
        "r.rule_code",
        "r.rule_years",
        "r.rule_after_event",
        "r.removed_at",
        "u.display_name",
      ])
      .where("r.run_id", "=", id)
      .orderBy("r.removed_at")
      .orderBy("r.record_type")
      .orderBy("r.record_id")
      .execute();
    return {
      receipts: rows.map((r) => ({
        recordType: r.record_type as RetentionReceiptList["receipts"][number]["recordType"],
        recordId: r.record_id,
        ruleCode: r.rule_code,
        ruleYears: r.rule_years,
        ruleAfterEvent:
          r.rule_after_event as RetentionReceiptList["receipts"][number]["ruleAfterEvent"],
        removedAt: r.removed_at.toISOString(),
        removedBy: r.display_name,
      })),
    };
  });
  return list ?? denyRun(database, actor, meta, id);
}
