import { builtinInstruments } from "../../../shared/instruments/builtin/index.ts";
import {
  type InstrumentDefinition as Definition,
  InstrumentDefinition,
} from "../../../shared/instruments/definition.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Which instruments an organisation has: the built-ins (latest version of each) today;
 * imported definitions join here later. A version is stored in the organisation's
 * instrument_version table the first time it is used, and read back from there ever after,
 * so an assessment renders with exactly the definition it was made with.
 */
export function latestInstruments(caseType?: string): Definition[] {
  const latest = new Map<string, Definition>();
  for (const d of builtinInstruments) {
    const seen = latest.get(d.id);
    if (!seen || seen.version < d.version) latest.set(d.id, d);
  }
  return [...latest.values()].filter(
    (d) => !caseType || (d.caseTypes as readonly string[]).includes(caseType),
  );
}

/** Stores the version if it is new to the organisation, and returns it. */
export async function useVersion(trx: Trx, orgId: string, d: Definition) {
  await trx
    .insertInto("instrument_version")
    .values({
      org_id: orgId,
      instrument_id: d.id,
      version: d.version,
      definition: JSON.stringify(d),
    })
    .onConflict((oc) => oc.columns(["org_id", "instrument_id", "version"]).doNothing())
    .execute();
  return d;
}

/** The definition an assessment was made with, as stored. */
export async function storedVersion(
  trx: Trx,
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
