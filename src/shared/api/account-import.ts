import { z } from "zod";

/**
 * Importing staff accounts from a CSV file (issue 21, item 3): the body is the file itself
 * (text/csv, UTF-8), a dry run by default; `mode=apply` writes the same file in one
 * transaction. The header, in any order: name,username,email,roles,unit,hsa_id,
 * personal_identity_number (README: Importing accounts).
 */
export const importColumns = [
  "name",
  "username",
  "email",
  "roles",
  "unit",
  "hsa_id",
  "personal_identity_number",
] as const;

/** At most this many accounts in one file: a larger organisation imports in parts. */
export const maxImportRows = 5000;
/** The file's bytes: 5,000 rows of generous width. */
export const maxImportBytes = 2 * 1024 * 1024;

export const ImportQuery = z
  .object({
    mode: z
      .enum(["dry-run", "apply"], { error: "Ange mode=dry-run (provkörning) eller mode=apply." })
      .default("dry-run"),
  })
  .strict();

/** What an import changes in an account: the UI names each. */
export const ImportChange = z.enum([
  "name",
  "roles",
  "hsa_id",
  "email",
  "personal_identity_number",
]);
export type ImportChange = z.infer<typeof ImportChange>;

export const ImportOutcome = z.enum(["create", "update", "unchanged", "error"]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportRowResult = z
  .object({
    /** The row's line in the file (the header is line 1). */
    line: z.number().int(),
    username: z.string().nullable(),
    name: z.string().nullable(),
    outcome: ImportOutcome,
    changes: z.array(ImportChange),
    /** Why the row cannot be imported, in Swedish; empty unless the outcome is error. */
    errors: z.array(z.string()),
  })
  .meta({ id: "AccountImportRow" });
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportResult = z
  .object({
    /** False for a dry run: nothing was written. */
    applied: z.boolean(),
    counts: z.object({
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      error: z.number().int(),
    }),
    rows: z.array(ImportRowResult),
  })
  .meta({ id: "AccountImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;
