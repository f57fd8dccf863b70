import type { RetentionItem } from "../../../shared/api/retention.ts";
import { showPerson, withheldName } from "../../../shared/protection.ts";
import type { Trx } from "../../access/transaction.ts";
import { activeRules, documentsOfKind, narratives, personFacts, personsShown } from "./queries.ts";
import { judge, type PersonFacts, type Rule } from "./rules.ts";

/** A listed record without her name: what a run stores (retention_run.items). */
export type StoredItem = Omit<RetentionItem, "person">;

export const itemKey = (i: Pick<StoredItem, "recordType" | "recordId" | "ruleCode">) =>
  `${i.recordType}:${i.recordId}:${i.ruleCode}`;

/** Each rule's records in the managed units that are due today: removed or kept, and why. */
export async function dueRecords(
  trx: Trx,
  orgId: string,
  units: string[],
  today: string,
): Promise<StoredItem[]> {
  const rules = await activeRules(trx, orgId);
  const facts = await personFacts(trx);
  const items: StoredItem[] = [];
  for (const rule of rules) items.push(...(await dueUnder(trx, rule, facts, units, today)));
  return items;
}

async function dueUnder(
  trx: Trx,
  rule: Rule,
  facts: Map<string, PersonFacts>,
  units: string[],
  today: string,
): Promise<StoredItem[]> {
  const out: StoredItem[] = [];
  const add = (
    recordType: StoredItem["recordType"],
    recordId: string,
    f: PersonFacts | undefined,
    caseClosed: string | null,
  ) => {
    if (!f) return;
    const v = judge(rule, f, today, caseClosed);
    if (!v.action) return;
    out.push({
      recordType,
      recordId,
      personId: f.personId,
      ruleCode: rule.code,
      eventDate: v.eventDate,
      dueOn: v.dueOn,
      action: v.action,
      keptBecause: v.keptBecause,
    });
  };
  if (rule.subject === "person_record")
    for (const f of facts.values()) add("person", f.personId, f, null);
  if (rule.subject === "document_kind" && rule.documentKind)
    for (const d of await documentsOfKind(trx, units, rule.documentKind))
      add("document", d.id, facts.get(d.person_id), d.closed);
  if (rule.subject === "journal_narrative")
    for (const j of await narratives(trx, units))
      add("journal_narrative", j.id, facts.get(j.person_id), j.closed);
  return out;
}

/** Counts per rule: exact, from the list itself. */
export function countsOf(items: StoredItem[], rules: string[]) {
  return rules.map((ruleCode) => ({
    ruleCode,
    remove: items.filter((i) => i.ruleCode === ruleCode && i.action === "remove").length,
    kept: items.filter((i) => i.ruleCode === ruleCode && i.action === "keep").length,
  }));
}

/** The items with each person as lists show her (a fictitious identity: never her name). */
export async function named(trx: Trx, items: StoredItem[]): Promise<RetentionItem[]> {
  const persons = await personsShown(trx, [...new Set(items.map((i) => i.personId))]);
  const label = new Map(
    persons.map((p) => {
      const shown = showPerson(
        {
          name: `${p.given_name} ${p.family_name}`,
          identityNumber: p.identity_number,
          protectionLevel: p.protection_level,
        },
        "list",
      );
      const name = shown.name ?? withheldName;
      return [p.id, shown.identityNumber ? `${name} (${shown.identityNumber})` : name];
    }),
  );
  // A person removed since the run was made is no longer there to name.
  return items.map((i) => ({ ...i, person: label.get(i.personId) ?? "Gallrad" }));
}
