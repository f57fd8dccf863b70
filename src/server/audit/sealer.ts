import { type Kysely, sql } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../db/types.ts";
import { canonicalEvents, chainHash, genesisHash, systemChain } from "./chain.ts";

/**
 * Links new audit events into a hash chain per organisation, outside any request: requests
 * only insert their events and never wait for the chain. Several app processes may run a
 * sealer; an advisory lock per chain makes them take turns. Events are sealed in the order
 * the sealer first sees them committed (the chain's seq), which need not be id order.
 */
/**
 * How far before the last sealed id a chain looks for events: an event whose transaction
 * committed late has a lower id than events already sealed.
 */
const lookBack = 10_000;

export async function sealPending(db: Kysely<Database>, batch = 5000): Promise<number> {
  // One statement when nothing is new (issue 14): only chains with unsealed events are worked.
  const { rows } = await sql<{
    chain: string;
  }>`select chain from frid_unsealed_chains(${lookBack}) as chain`.execute(db);
  let sealed = 0;
  for (const { chain } of rows) sealed += await sealChain(db, chain, batch);
  return sealed;
}

async function sealChain(db: Kysely<Database>, chain: string, batch: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const org = chain === systemChain ? "" : chain;
    await sql`select set_config('role', 'frid_app', true), set_config('frid.org_id', ${org}, true),
                     pg_advisory_xact_lock(hashtext(${`frid.seal.${chain}`}))`.execute(trx);
    const last = await trx
      .selectFrom("audit_seal")
      .select(["seq", "hash", "event_id"])
      .where("chain", "=", chain)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const from = Math.max(0, (last?.event_id ?? 0) - lookBack);
    const { rows } = await canonicalEvents(
      trx,
      sql`e.id > ${from} and ${chain === systemChain ? sql`e.org_id is null` : sql`e.org_id = ${chain}::uuid`}
          and not exists (select 1 from audit_seal s where s.event_id = e.id)`,
      batch,
    );
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? genesisHash;
    const seals = rows.map((event) => {
      seq += 1;
      const hash = chainHash(prev, event.text);
      const seal = { event_id: event.id, chain, seq, prev_hash: prev, hash };
      prev = hash;
      return seal;
    });
    for (let i = 0; i < seals.length; i += 1000) {
      await trx
        .insertInto("audit_seal")
        .values(seals.slice(i, i + 1000))
        .execute();
    }
    return seals.length;
  });
}

/**
 * Seals every few seconds until stopped. Failures are logged, never thrown at requests.
 * Stopping seals once more, so a graceful shutdown (after the last request, before the
 * database closes) leaves no event of its run unsealed until the next start.
 */
export function startSealer(
  db: Kysely<Database>,
  logger: Logger,
  intervalMs: number,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const round = () => {
    running = running.then(() =>
      sealPending(db).catch((err: unknown) => logger.error({ err }, "audit sealer failed")),
    );
    return running;
  };
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await round();
  };
}
