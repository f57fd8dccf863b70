import { type Kysely, sql } from "kysely";
import type { Database } from "../db/types.ts";
import { canonicalChain, canonicalText, chainHash, genesisHash } from "./chain.ts";

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  /** The first problem found, naming the event. */
  problem?: string;
}

export interface VerifyOptions {
  /** Seals (with their events) read per query; memory holds one batch at a time. */
  batchSize?: number;
  /** Told the size of each batch as it is checked (tests prove the batching with it). */
  onBatch?: (size: number) => void;
}

interface SealedEvent {
  event_id: number;
  chain: string;
  seq: number;
  prev_hash: string;
  hash: string;
  /** null when the sealed event is no longer there. */
  event_chain: string | null;
  text: string | null;
}

/**
 * One batch of seals in chain and position order, each with its event's canonical text,
 * after the position `after` (keyset on the seal's unique (chain, seq) index: every batch
 * costs the same however far into the trail it is).
 */
async function sealedBatch(
  db: Kysely<Database>,
  after: { chain: string; seq: number } | null,
  limit: number,
) {
  const { rows } = await sql<SealedEvent>`
    select s.event_id, s.chain, s.seq, s.prev_hash, s.hash,
      case when e.id is null then null else ${canonicalChain} end as event_chain,
      case when e.id is null then null else ${canonicalText} end as text
    from audit_seal s left join audit_event e on e.id = s.event_id
    ${after ? sql`where (s.chain, s.seq) > (${after.chain}, ${after.seq})` : sql``}
    order by s.chain, s.seq
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, seq: Number(r.seq), event_id: Number(r.event_id) }));
}

/** Walks the chains seal by seal, remembering only the previous hash and position. */
class ChainWalk {
  checked = 0;
  private chain = "";
  private expectedSeq = 1;
  private prev = genesisHash;

  /** The problem with this seal, or null when it follows the chain. */
  check(seal: SealedEvent): string | null {
    if (seal.chain !== this.chain) {
      this.chain = seal.chain;
      this.expectedSeq = 1;
      this.prev = genesisHash;
    }
    const where = `chain ${seal.chain}, position ${seal.seq}`;
    if (seal.seq !== this.expectedSeq) {
      return `the seal before position ${seal.seq} of chain ${seal.chain} is missing (expected position ${this.expectedSeq}): an event was removed together with its seal`;
    }
    if (seal.prev_hash !== this.prev) {
      return `audit event ${seal.event_id} (${where}) does not follow the event before it: the chain was rewritten`;
    }
    if (seal.text === null) return `audit event ${seal.event_id} (${where}) has been removed`;
    if (seal.event_chain !== seal.chain) {
      return `audit event ${seal.event_id} (${where}) has been moved to another organisation`;
    }
    if (chainHash(this.prev, seal.text) !== seal.hash) {
      return `audit event ${seal.event_id} (${where}) has been altered or reordered`;
    }
    this.prev = seal.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return null;
  }
}

/**
 * Walks every chain in seq order and recomputes each hash from the event as it is now.
 * An edited event, a removed event, or events moved between places all break the chain;
 * the first break is reported. Streams the trail in batches, so memory stays the same
 * whatever its size (issue 12: 1.1 million events once took 2 GB). Runs as the owner (it
 * reads every organisation's events).
 */
export async function verifyAuditTrail(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 5000;
  const walk = new ChainWalk();
  let after: { chain: string; seq: number } | null = null;
  for (;;) {
    const batch = await sealedBatch(db, after, batchSize);
    if (batch.length === 0) break;
    options.onBatch?.(batch.length);
    for (const seal of batch) {
      const problem = walk.check(seal);
      if (problem) return { ok: false, checked: walk.checked, unsealed: 0, problem };
    }
    const last = batch[batch.length - 1] as SealedEvent;
    after = { chain: last.chain, seq: last.seq };
    if (batch.length < batchSize) break;
  }
  return { ok: true, checked: walk.checked, unsealed: await countUnsealed(db) };
}

/** Events not yet in a chain (the sealer links them within seconds). */
async function countUnsealed(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from audit_event e
    where not exists (select 1 from audit_seal s where s.event_id = e.id)`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
