import { type Kysely, sql } from "kysely";
import { canonicalEvents, chainHash, genesisHash } from "../../src/server/audit/chain.ts";
import type { VerifyResult } from "../../src/server/audit/verify.ts";
import type { Database } from "../../src/server/db/types.ts";

/**
 * The baseline for bench/audit.ts: audit:verify as it was before issue 12, reading every
 * seal and every event into memory at once. Kept only to measure against; never used.
 *
 * Walks every chain in seq order and recomputes each hash from the event as it is now.
 * An edited event, a removed event, or events moved between places all break the chain;
 * the first break is reported. Runs as the owner (it reads every organisation's events).
 */
export async function verifyInMemory(db: Kysely<Database>): Promise<VerifyResult> {
  const seals = await db
    .selectFrom("audit_seal")
    .select(["event_id", "chain", "seq", "prev_hash", "hash"])
    .orderBy("chain")
    .orderBy("seq")
    .execute();
  const { rows: events } = await canonicalEvents(db, sql`true`);
  const byId = new Map(events.map((e) => [e.id, e]));
  const sealedIds = new Set<number>();

  let checked = 0;
  let chain = "";
  let expectedSeq = 1;
  let prev = genesisHash;
  for (const seal of seals) {
    if (seal.chain !== chain) {
      chain = seal.chain;
      expectedSeq = 1;
      prev = genesisHash;
    }
    const where = `chain ${chain}, position ${seal.seq}`;
    if (seal.seq !== expectedSeq) {
      return fail(
        checked,
        `the seal before position ${seal.seq} of chain ${chain} is missing (expected position ${expectedSeq}): an event was removed together with its seal`,
      );
    }
    if (seal.prev_hash !== prev) {
      return fail(
        checked,
        `audit event ${seal.event_id} (${where}) does not follow the event before it: the chain was rewritten`,
      );
    }
    const event = byId.get(seal.event_id);
    if (!event) return fail(checked, `audit event ${seal.event_id} (${where}) has been removed`);
    if (event.chain !== chain) {
      return fail(
        checked,
        `audit event ${seal.event_id} (${where}) has been moved to another organisation`,
      );
    }
    if (chainHash(prev, event.text) !== seal.hash) {
      return fail(checked, `audit event ${seal.event_id} (${where}) has been altered or reordered`);
    }
    sealedIds.add(seal.event_id);
    prev = seal.hash;
    expectedSeq += 1;
    checked += 1;
  }
  const unsealed = events.filter((e) => !sealedIds.has(e.id)).length;
  return { ok: true, checked, unsealed };

  function fail(n: number, problem: string): VerifyResult {
    return { ok: false, checked: n, unsealed: 0, problem };
  }
}
