import { type Kysely, sql } from "kysely";
import { canonicalEvents, chainHash, genesisHash } from "../../src/server/audit/chain.ts";
import type { Database } from "../../src/server/db/types.ts";
import { between, type GenCase } from "./cases.ts";
import type { Random } from "./random.ts";
import type { RowBuffer } from "./row-buffer.ts";
import type { Target } from "./target.ts";

/**
 * A modest audit history for the log review: each case was opened (by its opener) and read
 * once (by its worker). The seals are made afterwards, as the server's sealer makes them:
 * chain per organisation, the event's canonical text from PostgreSQL (audit/chain.ts) and
 * chainHash over it, so `npm run audit:verify` recomputes the same hashes.
 */
export function writeAudit(
  buf: RowBuffer,
  r: Random,
  orgId: string,
  cases: GenCase[],
  today: Date,
) {
  for (const c of cases) {
    buf.add("audit_event", [
      orgId,
      c.openedAt,
      c.opener.id,
      c.opener.role,
      c.unit.id,
      "case.open",
      "allowed",
      "case",
      c.id,
      c.personId,
      r.uuid(),
      "{}",
    ]);
    buf.add("audit_event", [
      orgId,
      between(r, c.openedAt, c.closedAt ?? today),
      c.worker.id,
      c.worker.role,
      c.unit.id,
      "case.read",
      "allowed",
      "case",
      c.id,
      c.personId,
      r.uuid(),
      "{}",
    ]);
  }
}

/**
 * Seals every event in id order, batch by batch (memory holds one batch), and COPYs the
 * seals. Returns how many were sealed.
 */
export async function sealAll(
  owner: Kysely<Database>,
  target: Target,
  batch = 100_000,
): Promise<number> {
  const chains = new Map<string, { seq: number; prev: string }>();
  let after = 0;
  let sealed = 0;
  for (;;) {
    const { rows } = await canonicalEvents(owner, sql`e.id > ${after}`, batch);
    if (rows.length === 0) return sealed;
    const lines: string[] = [];
    for (const event of rows) {
      const state = chains.get(event.chain) ?? { seq: 0, prev: genesisHash };
      const hash = chainHash(state.prev, event.text);
      state.seq += 1;
      lines.push(`${event.id}\t${event.chain}\t${state.seq}\t${state.prev}\t${hash}\n`);
      state.prev = hash;
      chains.set(event.chain, state);
      after = Number(event.id);
    }
    await target.copy(
      "audit_seal",
      ["event_id", "chain", "seq", "prev_hash", "hash"],
      lines.join(""),
    );
    sealed += rows.length;
  }
}
