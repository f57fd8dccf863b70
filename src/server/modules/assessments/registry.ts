import type { Kysely } from "kysely";
import { builtinInstruments } from "../../../shared/instruments/builtin/index.ts";
import {
  type InstrumentDefinition as Definition,
  InstrumentDefinition,
} from "../../../shared/instruments/definition.ts";
import type { Trx } from "../../access/transaction.ts";
import type { Database } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Which instruments an organisation has: the built-ins, and definitions it has imported
 * (e.g. an official instrument it is licensed for). Every version used or imported is stored
 * in instrument_version and never changes, so an assessment always renders with exactly the
 * definition it was made with. The latest version of each instrument is the one offered.
 */
export async function availableInstruments(
  trx: Trx | Kysely<Database>,
  orgId: string,
  caseType?: string,
): Promise<Definition[]> {
  const stored = await trx
    .selectFrom("instrument_version")
    .select("definition")
    .where("org_id", "=", orgId)
    .execute();
  const latest = new Map<string, Definition>();
  for (const d of [
    ...builtinInstruments,
    ...stored.map((r) => InstrumentDefinition.parse(r.definition)),
  ]) {
    const seen = latest.get(d.id);
    if (!seen || seen.version < d.version) latest.set(d.id, d);
  }
  return [...latest.values()]
    .filter((d) => !caseType || (d.caseTypes as readonly string[]).includes(caseType))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/**
 * Stores a version for the organisation. The same id and version again is accepted only if
 * it is the same definition: a published version never changes under old assessments.
 */
export async function storeVersion(
  trx: Trx | Kysely<Database>,
  orgId: string,
  d: Definition,
): Promise<"stored" | "already_there"> {
  const existing =
    (await storedVersion(trx, orgId, d.id, d.version)) ??
    builtinInstruments.find((b) => b.id === d.id && b.version === d.version) ??
    null;
  if (existing) {
    if (JSON.stringify(existing) === JSON.stringify(d)) {
      await insert(trx, orgId, d);
      return "already_there";
    }
    throw new AppError(
      409,
      "conflict",
      `Version ${d.version} av ${d.id} finns redan med annat innehåll. Ge den nya definitionen ett högre versionsnummer.`,
    );
  }
  await insert(trx, orgId, d);
  return "stored";
}

/**
 * Makes sure the version an assessment starts on is stored. If the organisation already has
 * it, the stored copy stands (even if the built-in's text was since tidied): assessments made
 * with it keep rendering exactly as they were.
 */
export function ensureStored(trx: Trx | Kysely<Database>, orgId: string, d: Definition) {
  return insert(trx, orgId, d);
}

function insert(trx: Trx | Kysely<Database>, orgId: string, d: Definition) {
  return trx
    .insertInto("instrument_version")
    .values({
      org_id: orgId,
      instrument_id: d.id,
      version: d.version,
      definition: JSON.stringify(d),
    })
    .onConflict((oc) => oc.columns(["org_id", "instrument_id", "version"]).doNothing())
    .execute();
}

/** The definition an assessment was made with, as stored. */
export async function storedVersion(
  trx: Trx | Kysely<Database>,
  orgId: string,
  instrumentId: string,
  version: number,
): Promise<Definition | null> {
  const row = await trx
    .selectFrom("instrument_version")
    .select("definition")
    .where("org_id", "=", orgId)
    .where("instrument_id", "=", instrumentId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row ? InstrumentDefinition.parse(row.definition) : null;
}

/** What a list of instruments shows of each: enough to choose one and see its source. */
export function instrumentSummary(d: Definition) {
  return { id: d.id, version: d.version, name: d.name, kind: d.kind, sourceNote: d.sourceNote };
}
