import { sql } from "kysely";
import {
  type ConsultationTextField,
  consultationFieldNames,
} from "../../../shared/api/consultations.ts";
import { likelyNames } from "../../../shared/likely-names.ts";
import type { Actor } from "../../access/actor.ts";
import { unitsWithRole } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { RoleName } from "../../db/types.ts";

/**
 * Who keeps a unit's consultation log: its staff, when the unit advises other professionals
 * (a resource function or a crisis centre). The same rule as frid_logs_consultations in
 * migration 0059; row-level security checks it again.
 */
export const consultationRoles: readonly RoleName[] = [
  "consultant",
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
];
const advisingUnitKinds = ["resource_function", "crisis_centre"] as const;

/** The units whose log the actor keeps, by name: their roles, and each unit's kind. */
export async function logUnits(trx: Trx, actor: Actor): Promise<{ id: string; name: string }[]> {
  const staffOf = unitsWithRole(actor, consultationRoles);
  if (staffOf.length === 0) return [];
  return trx
    .selectFrom("unit")
    .select(["id", "name"])
    .where("id", "in", staffOf)
    .where("org_id", "=", actor.orgId)
    .where("kind", "in", advisingUnitKinds)
    .orderBy("name")
    .execute();
}

/** The database's own answer (for the RLS tests: the same rule, asked of SQL). */
export async function logsConsultationsInSql(trx: Trx, unitId: string): Promise<boolean> {
  const { rows } = await sql<{
    ok: boolean;
  }>`select frid_logs_consultations(${unitId}::uuid) as ok`.execute(trx);
  return Boolean(rows[0]?.ok);
}

type Texts = Partial<Record<ConsultationTextField, string | null>>;

/**
 * What looks like a person's name in the texts, per field, worded for the form: the log never
 * holds the individual, so the sender must confirm (shared/likely-names.ts says how it looks).
 */
export function nameWarnings(texts: Texts): Record<string, string> {
  const warnings: Record<string, string> = {};
  for (const field of Object.keys(consultationFieldNames) as ConsultationTextField[]) {
    const names = likelyNames(texts[field] ?? "");
    if (names.length === 0) continue;
    const shown = names.map((n) => `”${n}”`).join(", ");
    warnings[field] =
      `${consultationFieldNames[field]}: ${shown} ser ut som ett namn. Konsultationen ska inte peka ut den enskilde – ta bort namnet, eller bekräfta att det inte är en persons namn (t.ex. en skolas).`;
  }
  return warnings;
}
