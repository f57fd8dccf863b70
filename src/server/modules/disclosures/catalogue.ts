import type { Trx } from "../../access/transaction.ts";

/**
 * What the disclosure form chooses from: the secrecy-breaking rules with their legal
 * references (0063) and the directory's agencies with their units. Neither is a client's
 * data: not audited. The directory's rows follow its own rule (those who do case work); the
 * directory's own module (issue 18, item 1) keeps them.
 */
export async function disclosureCatalogue(trx: Trx) {
  const rules = await trx
    .selectFrom("secrecy_rule")
    .select(["code", "name_sv", "legal_ref"])
    .orderBy("sort_order")
    .execute();
  const agencies = await trx
    .selectFrom("agency")
    .select(["id", "name", "kind"])
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  const units = await trx
    .selectFrom("agency_unit")
    .select(["id", "name", "agency_id"])
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  return {
    secrecyRules: rules.map((r) => ({ code: r.code, name: r.name_sv, legalRef: r.legal_ref })),
    agencies: agencies.map((a) => ({
      ...a,
      units: units.filter((u) => u.agency_id === a.id).map((u) => ({ id: u.id, name: u.name })),
    })),
  };
}
