import { Username } from "../../../shared/api/admin.ts";
import { organisationWideRoles, type Role, roles } from "../../../shared/api/roles.ts";
import { normaliseIdentifier } from "../../auth/oidc/identifiers.ts";
import { type FileRow, importHeaderWidth } from "./read-file.ts";

/**
 * One row checked on its own: every problem it has, in Swedish, so the administrator fixes
 * the file once. Identifiers are normalised as the login compares them (HSA-id in capitals,
 * e-mail in lower case, a personal identity number as its twelve digits — hashed later).
 */
export type ImportedKind = "hsa_id" | "email" | "personal_identity_number";
export interface CheckedRow {
  line: number;
  username: string | null;
  name: string | null;
  roles: { role: Role; unitId: string | null; unitName: string | null }[];
  identifiers: { kind: ImportedKind; value: string }[];
  errors: string[];
}

const roleList = roles.join(", ");

function checkName(raw: string, errors: string[]) {
  const name = raw.trim();
  if (name.length >= 2 && name.length <= 100) return name;
  errors.push("Namnet ska ha 2–100 tecken.");
  return null;
}

function checkUsername(raw: string, errors: string[]) {
  const parsed = Username.safeParse(raw);
  if (parsed.success) return parsed.data;
  errors.push(`Användarnamnet: ${parsed.error.issues[0]?.message ?? "ogiltigt."}`);
  return null;
}

function checkRoles(
  fields: FileRow["fields"],
  units: ReadonlyMap<string, { id: string; name: string }>,
  errors: string[],
): CheckedRow["roles"] {
  const unitText = fields.unit.trim();
  const unit = unitText === "" ? null : (units.get(unitText.toLowerCase()) ?? null);
  if (unitText !== "" && !unit) errors.push(`Enheten ”${unitText}” finns inte i organisationen.`);
  const names = fields.roles
    .split("|")
    .map((r) => r.trim().toLowerCase())
    .filter((r) => r !== "");
  const checked: CheckedRow["roles"] = [];
  for (const name of names) {
    const role = roles.find((r) => r === name);
    if (!role) {
      errors.push(`Rollen ”${name}” finns inte. Roller: ${roleList} (flera skiljs med |).`);
    } else if (unitText === "" && !organisationWideRoles.includes(role)) {
      errors.push(`Rollen ${role} gäller i en enhet: ange enheten i kolumnen unit.`);
    } else if (unitText === "" || unit) {
      checked.push({ role, unitId: unit?.id ?? null, unitName: unit?.name ?? null });
    }
  }
  return checked;
}

function checkIdentifiers(fields: FileRow["fields"], errors: string[]) {
  const identifiers: CheckedRow["identifiers"] = [];
  const labels: Record<ImportedKind, string> = {
    hsa_id: "HSA-id",
    email: "E-postadressen",
    personal_identity_number: "Personnumret",
  };
  for (const kind of ["hsa_id", "email", "personal_identity_number"] as const) {
    const raw = fields[kind].trim();
    if (raw === "") continue;
    const normalised = normaliseIdentifier(kind, raw);
    if (normalised.ok) identifiers.push({ kind, value: normalised.value });
    else errors.push(`${labels[kind]}: ${normalised.message}`);
  }
  return identifiers;
}

export function checkRow(
  row: FileRow,
  units: ReadonlyMap<string, { id: string; name: string }>,
): CheckedRow {
  const errors: string[] = [];
  if (row.width !== importHeaderWidth)
    errors.push(`Raden har ${row.width} fält; rubrikraden har ${importHeaderWidth}.`);
  const name = checkName(row.fields.name, errors);
  const username = checkUsername(row.fields.username, errors);
  const checkedRoles = checkRoles(row.fields, units, errors);
  const identifiers = checkIdentifiers(row.fields, errors);
  return { line: row.line, username, name, roles: checkedRoles, identifiers, errors };
}
