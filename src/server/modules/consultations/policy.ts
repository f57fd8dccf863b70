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
import { AppError } from "../../http/errors.ts";

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
 * What looks like a person's name in the texts, per field, worded for the form: a record
 * that never holds the individual (this log, a case's anonymised consultation) must have the
 * sender confirm (shared/likely-names.ts says how it looks). `fieldNames` names each field.
 */
export function nameWarningsIn<F extends string>(
  fieldNames: Record<F, string>,
  texts: Partial<Record<F, string | null>>,
): Record<string, string> {
  const warnings: Record<string, string> = {};
  for (const field of Object.keys(fieldNames) as F[]) {
    const names = likelyNames(texts[field] ?? "");
    if (names.length === 0) continue;
    const shown = names.map((n) => `”${n}”`).join(", ");
    warnings[field] =
      `${fieldNames[field]}: ${shown} ser ut som ett namn. Konsultationen ska inte peka ut den enskilde – ta bort namnet, eller bekräfta att det inte är en persons namn (t.ex. en skolas).`;
  }
  return warnings;
}

/** The log's own fields. */
export const nameWarnings = (texts: Texts) => nameWarningsIn(consultationFieldNames, texts);

/**
 * Refused unless the sender has confirmed texts that look like names (422 names_to_confirm,
 * per field); answers whether there were any, for the audit event.
 */
export function checkNames(warnings: Record<string, string>, confirmNames: boolean): boolean {
  if (Object.keys(warnings).length > 0 && !confirmNames)
    throw new AppError(
      422,
      "names_to_confirm",
      "Texten ser ut att innehålla ett namn. Kontrollera och bekräfta innan du sparar.",
      warnings,
    );
  return Object.keys(warnings).length > 0;
}
