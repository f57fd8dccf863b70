import {
  type ChecklistItem,
  checklistItems,
  type ProtectionChecklist,
} from "../../../shared/api/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The routine for mail and payments on each case of a protected person (issue 19, item 3;
 * Trollhättan's routine for protected personal data, seed 001): mail goes through
 * Skatteverket's forwarding, payments go without an address, the records and the paper file
 * are marked and kept locked, and those the unit works with are told. Each item is ticked by
 * a worker of the case; until all are, the case's workers have a line on Att göra.
 */

/** What the checklist reads of a case (cases/queries.ts CaseRow has it; named here so the
 * protection module does not import the cases module, which imports persons → protection). */
type CaseRow = { id: string; protection_level: string | null };

const applies = (c: CaseRow) => c.protection_level !== null && c.protection_level !== "none";

async function load(trx: Trx, c: CaseRow): Promise<ProtectionChecklist> {
  const done = await trx
    .selectFrom("protection_checklist as k")
    .innerJoin("app_user as u", "u.id", "k.done_by")
    .select(["k.item", "k.done_at", "u.display_name"])
    .where("k.case_id", "=", c.id)
    .execute();
  const byItem = new Map(done.map((d) => [d.item, d]));
  return {
    applies: applies(c),
    items: checklistItems.map((item) => {
      const d = byItem.get(item);
      return {
        item,
        doneAt: d ? new Date(d.done_at).toISOString() : null,
        doneBy: d?.display_name ?? null,
      };
    }),
  };
}

export function readChecklist(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "protection.checklist_read",
    run: ({ trx, case: c }) => load(trx, c),
  });
}

/**
 * Ticks an item off (or takes the tick back); only on a protected person's open case. Once:
 * ticking a ticked item, or taking back one not ticked, answers 409.
 */
export function setChecklistItem(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  item: ChecklistItem,
  done: boolean,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "protection.checklist",
    changes: true,
    requires: ["change"],
    event: () => ({ data: { item, done } }),
    run: async ({ trx, case: c }) => {
      if (!applies(c))
        throw new AppError(
          409,
          "conflict",
          "Personen har inga skyddade personuppgifter: rutinen gäller inte ärendet.",
        );
      // A tick that changes nothing (two workers at once, a page not reloaded) is refused,
      // so one row and one event say who did it; the case lock orders the two.
      const changed = done
        ? await trx
            .insertInto("protection_checklist")
            .values({ org_id: actor.orgId, case_id: c.id, item, done_by: actor.userId })
            .onConflict((oc) => oc.columns(["case_id", "item"]).doNothing())
            .returning("item")
            .executeTakeFirst()
        : await trx
            .deleteFrom("protection_checklist")
            .where("case_id", "=", c.id)
            .where("item", "=", item)
            .returning("item")
            .executeTakeFirst();
      if (!changed)
        throw new AppError(
          409,
          "conflict",
          done
            ? "Punkten är redan avbockad. Ladda om sidan."
            : "Punkten är inte avbockad. Ladda om sidan.",
        );
      return load(trx, c);
    },
  });
}
