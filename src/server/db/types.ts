import type { ColumnType, Generated } from "kysely";

/**
 * The database as Kysely sees it. The SQL migrations are the source of truth; these types
 * follow them (the API tests run every query against a migrated database, so a drift fails).
 */
type CreatedAt = ColumnType<Date, never, never>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: "municipality" | "region" | "foundation" | "association";
  created_at: CreatedAt;
}

export interface UnitTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  kind: "adult_services" | "child_services" | "crisis_centre" | "resource_function";
  created_at: CreatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  org_id: string;
  username: string;
  display_name: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export type IdentityKind =
  | "personal_identity_number"
  | "coordination_number"
  | "reserve_number"
  | "unidentified";

export type ProtectionLevel =
  | "none"
  | "confidentiality_marking"
  | "protected_registration"
  | "fictitious_identity";

export interface PersonTable {
  id: Generated<string>;
  org_id: string;
  identity_kind: IdentityKind;
  identity_number: string | null;
  given_name: string;
  family_name: string;
  /** ISO date string: date columns are read as text, never as a local-midnight Date. */
  birth_date: string | null;
  sex: Generated<"female" | "male" | "other" | "unknown">;
  protection_level: Generated<ProtectionLevel>;
  created_at: CreatedAt;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface SeedRunTable {
  name: string;
  applied_at: ColumnType<Date, never, never>;
}

export interface Database {
  organisation: OrganisationTable;
  unit: UnitTable;
  app_user: AppUserTable;
  person: PersonTable;
  schema_migration: SchemaMigrationTable;
  seed_run: SeedRunTable;
}
