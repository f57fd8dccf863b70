import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/types.ts";

/** The chain of events without an organisation (failed logins with unknown usernames). */
export const systemChain = "system";
export const genesisHash = "0".repeat(64);

export interface CanonicalEvent {
  id: number;
  chain: string;
  text: string;
}

/** The chain an event belongs to: its organisation, or the system chain. */
export const canonicalChain = sql<string>`coalesce(e.org_id::text, ${systemChain})`;

/**
 * The canonical text of the event `e`, made by PostgreSQL itself (timestamps in UTC to the
 * microsecond, jsonb in its normal form), so the sealer and the verifier hash exactly the
 * same bytes whatever the driver or time zone. A list event's persons and cases (0030) are
 * labelled fields at the end; concat_ws skips them when null, so every event written before
 * they existed has the very text it was sealed with.
 */
export const canonicalText = sql<string>`concat_ws(E'\\x1f', e.id::text, coalesce(e.org_id::text, ''),
  to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  coalesce(e.actor_user_id::text, ''), coalesce(e.actor_role, ''), coalesce(e.unit_id::text, ''),
  e.action, e.outcome, e.resource_type, coalesce(e.resource_id, ''), coalesce(e.person_id::text, ''),
  coalesce(e.reason, ''), coalesce(e.request_id, ''), coalesce(e.client_address, ''), e.data::text,
  'persons=' || e.person_ids::text, 'cases=' || e.case_ids::text)`;

/** Events in id order with their chain and canonical text. */
export function canonicalEvents(
  db: Kysely<Database>,
  where: ReturnType<typeof sql>,
  limit?: number,
) {
  return sql<CanonicalEvent>`
    select e.id, ${canonicalChain} as chain, ${canonicalText} as text
    from audit_event e
    where ${where}
    order by e.id
    ${limit === undefined ? sql`` : sql`limit ${limit}`}`.execute(db);
}

export function chainHash(prevHash: string, text: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(text).digest("hex");
}
