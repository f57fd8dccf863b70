import { type Kysely, sql } from "kysely";
import type { Database } from "../db/types.ts";
import { canonicalChain, canonicalText, genesisHash } from "./chain.ts";

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  /** The first problem found, naming the event. */
  problem?: string;
}

export interface VerifyOptions {
  /** Seals (with their events) checked per query; memory holds one batch's answer at a time. */
  batchSize?: number;
  /** Told the size of each batch as it is checked (tests prove the batching with it). */
  onBatch?: (size: number) => void;
}

/** Where the walk stands: the last seal checked. */
interface Position {
  chain: string;
  seq: number;
  hash: string;
}

/** A batch's answer: its size, its last seal, and its first problem (if any). */
interface BatchAnswer {
  n: number;
  last_chain: string | null;
  last_seq: number | string | null;
  last_hash: string | null;
  /** Seals before the first problem in this batch. */
  good: number | string;
  problem: "gap" | "relinked" | "removed" | "moved" | "altered" | null;
  event_id: number | string | null;
  chain: string | null;
  seq: number | string | null;
  expected_seq: number | string | null;
}

/**
 * Checks one batch of seals in chain and position order, after `from` (keyset on the seal's
 * unique (chain, seq) index: every batch costs the same however far into the trail it is).
 * PostgreSQL recomputes each hash (pg_catalog.sha256 over the same bytes the sealer hashed:
 * the previous hash, a newline, the event's canonical text) and answers one row: moving
 * the events' text to this process was what made verification slow (PGlite hands over
 * about 10 MB/s). Each seal must follow the one before it — the previous batch's last for
 * the first — in position and in hash.
 */
async function checkBatch(db: Kysely<Database>, from: Position | null, limit: number) {
  const { rows } = await sql<BatchAnswer>`
    with walked as (
      select s.event_id, s.chain, s.seq, s.prev_hash, s.hash,
        coalesce(ev.present, false) as present, ev.event_chain,
        encode(pg_catalog.sha256(convert_to(s.prev_hash || E'\\n' || ev.text, 'UTF8')), 'hex') as recomputed,
        row_number() over w as pos,
        coalesce(lag(s.chain) over w, ${from?.chain ?? null}::text) as before_chain,
        coalesce(lag(s.seq) over w, ${from?.seq ?? null}::bigint) as before_seq,
        coalesce(lag(s.hash) over w, ${from?.hash ?? null}::text) as before_hash
      from (
        select * from audit_seal s
        ${from ? sql`where (s.chain, s.seq) > (${from.chain}, ${from.seq})` : sql``}
        order by s.chain, s.seq
        limit ${limit}
      ) s
      -- Each seal's event by its primary key, whatever the statistics say: a hash join
      -- would read the whole trail for every batch.
      left join lateral (
        select true as present, ${canonicalChain} as event_chain, ${canonicalText} as text
        from audit_event e where e.id = s.event_id
      ) ev on true
      window w as (order by s.chain, s.seq)
    ), judged as (
      select w.pos, w.event_id, w.chain, w.seq, w.hash, w.expected_seq, case
        when w.seq <> w.expected_seq then 'gap'
        when w.prev_hash <> w.expected_prev then 'relinked'
        when not w.present then 'removed'
        when w.event_chain <> w.chain then 'moved'
        when w.recomputed is distinct from w.hash then 'altered'
      end as problem
      from (
        select walked.*,
          case when before_chain is distinct from chain then 1 else before_seq + 1 end as expected_seq,
          case when before_chain is distinct from chain then ${genesisHash} else before_hash end as expected_prev
        from walked
      ) w
    ), summary as (
      select count(*)::int as n, max(pos) as last_pos,
        min(pos) filter (where problem is not null) as problem_pos
      from judged
    )
    select m.n, l.chain as last_chain, l.seq as last_seq, l.hash as last_hash,
      coalesce(m.problem_pos - 1, m.n)::int as good,
      f.problem, f.event_id, f.chain, f.seq, f.expected_seq
    from summary m
      left join judged l on l.pos = m.last_pos
      left join judged f on f.pos = m.problem_pos`.execute(db);
  return rows[0] as BatchAnswer;
}

function describe(a: BatchAnswer): string {
  const where = `chain ${a.chain}, position ${a.seq}`;
  switch (a.problem) {
    case "gap":
      return `the seal before position ${a.seq} of chain ${a.chain} is missing (expected position ${a.expected_seq}): an event was removed together with its seal`;
    case "relinked":
      return `audit event ${a.event_id} (${where}) does not follow the event before it: the chain was rewritten`;
    case "removed":
      return `audit event ${a.event_id} (${where}) has been removed`;
    case "moved":
      return `audit event ${a.event_id} (${where}) has been moved to another organisation`;
    default:
      return `audit event ${a.event_id} (${where}) has been altered or reordered`;
  }
}

/**
 * Walks every chain in seq order and recomputes each hash from the event as it is now.
 * An edited event, a removed event, or events moved between places all break the chain;
 * the first break is reported. Streams the trail in batches, keeping only the last seal
 * between them, so memory stays the same whatever its size (issue 12: 1.1 million events
 * once took 2 GB and 38.7 s). Runs as the owner (it reads every organisation's events).
 */
export async function verifyAuditTrail(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 5000;
  let checked = 0;
  let from: Position | null = null;
  for (;;) {
    const answer = await checkBatch(db, from, batchSize);
    if (answer.n === 0) break;
    options.onBatch?.(answer.n);
    checked += Number(answer.good);
    if (answer.problem) return { ok: false, checked, unsealed: 0, problem: describe(answer) };
    from = {
      chain: answer.last_chain as string,
      seq: Number(answer.last_seq),
      hash: answer.last_hash as string,
    };
    if (answer.n < batchSize) break;
  }
  return { ok: true, checked, unsealed: await countUnsealed(db) };
}

/** Events not yet in a chain (the sealer links them within seconds). */
async function countUnsealed(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from audit_event e
    where not exists (select 1 from audit_seal s where s.event_id = e.id)`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
