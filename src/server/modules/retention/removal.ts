import { sql } from "kysely";
import { documentKinds } from "../../../shared/api/documents.ts";
import type { RetentionRunView } from "../../../shared/api/retention.ts";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { type AuditEntry, auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { type CaseRow, findVisibleCase } from "../cases/queries.ts";
import { destroyDocuments } from "../documents/service.ts";
import { dueRecords, itemKey, type StoredItem } from "./dry-run.ts";
import { activeRules, tombstone } from "./queries.ts";
import type { Rule } from "./rules.ts";
import { denyRun, loadRun, readRun, requireManager } from "./service.ts";

/** A decision rests on a recent dry run: older lists may no longer say what is true. */
export const runValidDays = 7;

type Receipt = {
  recordType: StoredItem["recordType"];
  recordId: string;
  ruleCode: string;
  personId: string;
};

interface Removal {
  trx: Trx;
  /** Where a destroyed document's key is shredded, after the commit (documents/content.ts). */
  database: DatabaseHandle;
  actor: Actor;
  meta: RequestMeta;
  today: string;
  receipts: Receipt[];
  /** Records the decision found due but could not remove now (counted as skipped). */
  held: number;
}

/**
 * The manager's decision on a dry run: every record the run would remove is checked again
 * now (one that got a new entry since, or is otherwise no longer due, is skipped and
 * counted) and removed with a receipt. Narratives and documents first, whole persons last.
 */
export async function decideRun(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
): Promise<RetentionRunView> {
  const units = await requireManager(database, actor, meta, "retention.remove");
  const today = stockholmDate(new Date());
  const found = await withActor(database.db, actor, async (trx) => {
    const run = await loadRun(trx, id);
    if (!run) return false;
    if (stockholmDate(run.created_at) < addDays(today, -runValidDays))
      throw new AppError(409, "conflict", "Provkörningen är äldre än 7 dagar. Gör en ny.");
    // Claimed first: a second decision on the same run finds it taken (409).
    const claimed = await trx
      .updateTable("retention_run")
      .set({ decided_by: actor.userId, decided_at: new Date() })
      .where("id", "=", id)
      .where("decided_at", "is", null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n)
      throw new AppError(409, "conflict", "Beslut om den här provkörningen är redan fattat.");
    const now = new Map(
      (await dueRecords(trx, actor.orgId, units, today)).map((i) => [itemKey(i), i]),
    );
    const planned = (run.items as StoredItem[]).filter((i) => i.action === "remove");
    const still = planned.filter((i) => now.get(itemKey(i))?.action === "remove");
    const r: Removal = { trx, database, actor, meta, today, receipts: [], held: 0 };
    await removeNarratives(
      r,
      still.filter((i) => i.recordType === "journal_narrative"),
    );
    await removeDocuments(
      r,
      still.filter((i) => i.recordType === "document"),
    );
    for (const p of still.filter((i) => i.recordType === "person")) await removePerson(r, p);
    await writeReceipts(r, id, await activeRules(trx, actor.orgId));
    await trx
      .updateTable("retention_run")
      .set({ removed: r.receipts.length, skipped: planned.length - still.length + r.held })
      .where("id", "=", id)
      .execute();
    return true;
  });
  if (!found) return denyRun(database, actor, meta, id);
  return readRun(database, actor, meta, id, false);
}

async function removeNarratives(r: Removal, items: StoredItem[]) {
  for (const i of items) {
    await sql`select frid_retention_remove_entry(${i.recordId}::uuid, ${tombstone(i.ruleCode, r.today)})`.execute(
      r.trx,
    );
    r.receipts.push(i);
  }
}

/** Through destroyDocuments, the one way a document's content is destroyed (and shredded). */
async function removeDocuments(r: Removal, items: StoredItem[]) {
  if (items.length === 0) return;
  const docs = await r.trx
    .selectFrom("document")
    .select(["id", "case_id", "kind"])
    .where(
      "id",
      "in",
      items.map((i) => i.recordId),
    )
    .execute();
  const byId = new Map(docs.map((d) => [d.id, d]));
  // Exactly the documents due, by id — not every document of that kind on the case.
  const groups = new Map<string, { caseId: string; ids: string[]; rule: string }>();
  for (const i of items) {
    const d = byId.get(i.recordId);
    if (!d) continue;
    const key = `${d.case_id}:${i.ruleCode}`;
    const group = groups.get(key) ?? { caseId: d.case_id, ids: [], rule: i.ruleCode };
    group.ids.push(d.id);
    groups.set(key, group);
  }
  // A receipt only for what destroyDocuments destroyed: never one for a document left as it was.
  const destroyed = new Set<string>();
  for (const g of groups.values()) {
    const c = await findVisibleCase(r.trx, r.actor, g.caseId);
    if (!c) continue;
    const ids = await destroyDocuments(
      r.trx,
      r.database,
      r.actor,
      r.meta,
      c,
      { documentIds: g.ids },
      `Gallring enligt regel ${g.rule}.`,
    );
    for (const d of ids) destroyed.add(d);
  }
  for (const i of items) {
    if (destroyed.has(i.recordId)) r.receipts.push(i);
    else r.held += 1;
  }
}

/**
 * Her whole record: every document's content destroyed first (so a shredded key reaches the
 * backups), then her cases and everything in them, and her person row unless a row outside
 * her removed cases still names her (0085 frid_retention_remove_person). A case of hers the
 * manager cannot see (a barrier) holds the whole record back: nothing of hers is removed.
 */
async function removePerson(r: Removal, item: StoredItem) {
  const ids = await r.trx
    .selectFrom("case")
    .select("id")
    .where("person_id", "=", item.personId)
    .execute();
  const seen: CaseRow[] = [];
  for (const { id } of ids) {
    const c = await findVisibleCase(r.trx, r.actor, id);
    if (c) seen.push(c);
  }
  if (seen.length !== ids.length) {
    r.held += 1;
    return;
  }
  for (const c of seen) {
    for (const kind of documentKinds)
      await destroyDocuments(
        r.trx,
        r.database,
        r.actor,
        r.meta,
        c,
        kind,
        `Gallring enligt regel ${item.ruleCode}.`,
      );
  }
  const { rows } = await sql<{ case_id: string; person_removed: boolean }>`
    select * from frid_retention_remove_person(${item.personId}::uuid)`.execute(r.trx);
  for (const row of rows)
    r.receipts.push({
      recordType: "case",
      recordId: row.case_id,
      ruleCode: item.ruleCode,
      personId: item.personId,
    });
  if (rows[0]?.person_removed) r.receipts.push(item);
}

/** Each receipt with the period its rule had at the removal (a later change leaves it be). */
async function writeReceipts(r: Removal, runId: string, rules: Rule[]) {
  if (r.receipts.length === 0) return;
  const rule = new Map(rules.map((x) => [x.code, x]));
  await r.trx
    .insertInto("retention_receipt")
    .values(
      r.receipts.map((x) => ({
        org_id: r.actor.orgId,
        run_id: runId,
        record_type: x.recordType,
        record_id: x.recordId,
        rule_code: x.ruleCode,
        rule_years: rule.get(x.ruleCode)?.years ?? null,
        rule_after_event: rule.get(x.ruleCode)?.afterEvent ?? null,
        removed_by: r.actor.userId,
      })),
    )
    .execute();
  const entries: AuditEntry[] = r.receipts.map((x) => ({
    action: "retention.remove",
    resourceType: "retention",
    resourceId: runId,
    personId: x.personId,
    data: { runId, recordType: x.recordType, recordId: x.recordId, ruleCode: x.ruleCode },
  }));
  await recordAudit(r.trx, auditContext(r.actor, r.meta), entries);
}
