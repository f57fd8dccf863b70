import { sql } from "kysely";
import type { CostSegment } from "../../../shared/stay-costs.ts";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * What the cost arithmetic reads: stays with their segments (prices as copied at each
 * segment's start), how many adults and children stay, and the invoices. Never a person's
 * name, never a place's address (place_address is not joined here, nor anywhere in costs).
 */

export interface CostStayRow {
  id: string;
  caseId: string;
  personId: string;
  unitId: string;
  unitName: string;
  leftOn: string | null;
  adults: number;
  children: number;
  segments: (CostSegment & { placeName: string; operatorName: string })[];
}

export interface InvoiceRow {
  id: string;
  stay_id: string;
  operator_name: string;
  reference: string | null;
  period_from: string;
  period_to: string;
  amount_ore: number;
  recorded_at: string;
}

/** The stays of the given ids, with their segments and member counts (two statements). */
async function withSegments(
  trx: Trx,
  stays: {
    id: string;
    case_id: string;
    person_id: string;
    unit_id: string;
    unit_name: string;
    left_on: string | null;
  }[],
): Promise<CostStayRow[]> {
  if (stays.length === 0) return [];
  const ids = stays.map((s) => s.id);
  const [segments, members] = [await segmentsOf(trx, ids), await memberCounts(trx, ids)];
  return stays.map((s) => {
    const m = members.find((x) => x.stay_id === s.id);
    return {
      id: s.id,
      caseId: s.case_id,
      personId: s.person_id,
      unitId: s.unit_id,
      unitName: s.unit_name,
      leftOn: s.left_on,
      adults: m?.adults ?? 0,
      children: m?.children ?? 0,
      segments: segments
        .filter((g) => g.stay_id === s.id)
        .map((g) => ({
          placeId: g.place_id,
          fromOn: g.from_on,
          toOn: g.to_on,
          priceAdultOre: g.price_adult_ore,
          priceChildOre: g.price_child_ore,
          placeName: g.name,
          operatorName: g.operator_name,
        })),
    };
  });
}

/** The stays' segments with their place's name and operator (never its address). */
function segmentsOf(trx: Trx, ids: string[]) {
  return trx
    .selectFrom("stay_segment as g")
    .innerJoin("place as p", "p.id", "g.place_id")
    .select([
      "g.stay_id",
      "g.place_id",
      "g.from_on",
      "g.to_on",
      "g.price_adult_ore",
      "g.price_child_ore",
      "p.name",
      "p.operator_name",
    ])
    .where("g.stay_id", "in", ids)
    .orderBy("g.from_on")
    .execute();
}

/** How many adults and children each stay has (every member stays the whole stay). */
function memberCounts(trx: Trx, ids: string[]) {
  return trx
    .selectFrom("stay_member")
    .select([
      "stay_id",
      sql<number>`count(*) filter (where role = 'adult')::integer`.as("adults"),
      sql<number>`count(*) filter (where role = 'child')::integer`.as("children"),
    ])
    .where("stay_id", "in", ids)
    .groupBy("stay_id")
    .execute();
}

const stayColumns = [
  "s.id",
  "s.case_id",
  "c.person_id",
  "c.unit_id",
  "u.name as unit_name",
  "s.left_on",
] as const;

/** One stay (the caller has checked its case), not cancelled or cancelled alike. */
export async function costStay(trx: Trx, stayId: string): Promise<CostStayRow | undefined> {
  const rows = await trx
    .selectFrom("stay as s")
    .innerJoin("case as c", "c.id", "s.case_id")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .select(stayColumns)
    .where("s.id", "=", stayId)
    .where("s.cancelled_at", "is", null)
    .execute();
  return (await withSegments(trx, rows))[0];
}

/**
 * The stays of cases the actor may see (accessibleCases: a unit manager her units', a
 * caseworker her own) with a night or an invoice in [from, to), optionally of one placing
 * unit. Cancelled stays cost nothing and are left out.
 */
export async function costStaysInWindow(
  trx: Trx,
  actor: Actor,
  window: { from: string; to: string; unitId?: string },
): Promise<CostStayRow[]> {
  const rows = await trx
    .selectFrom("case as c")
    .innerJoin("stay as s", "s.case_id", "c.id")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .select(stayColumns)
    .where(accessibleCases(actor))
    .where("s.org_id", "=", actor.orgId)
    .where("s.cancelled_at", "is", null)
    .$if(window.unitId !== undefined, (q) => q.where("c.unit_id", "=", window.unitId as string))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("stay_segment as g")
            .select("g.id")
            .whereRef("g.stay_id", "=", "s.id")
            .where("g.from_on", "<", window.to)
            .where((w) => w.or([w("g.to_on", "is", null), w("g.to_on", ">", window.from)]))
            .where((w) => w.or([w("s.left_on", "is", null), w("s.left_on", ">", window.from)])),
        ),
        eb.exists(
          eb
            .selectFrom("stay_invoice as i")
            .select("i.id")
            .whereRef("i.stay_id", "=", "s.id")
            .where("i.period_from", "<", window.to)
            .where("i.period_to", ">=", window.from),
        ),
      ]),
    )
    .orderBy("s.id")
    .execute();
  return withSegments(trx, rows);
}

/** The invoices of the stays, oldest period first. */
export function invoicesOf(trx: Trx, stayIds: string[]): Promise<InvoiceRow[]> {
  if (stayIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom("stay_invoice")
    .select([
      "id",
      "stay_id",
      "operator_name",
      "reference",
      "period_from",
      "period_to",
      "amount_ore",
      sql<string>`to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as(
        "recorded_at",
      ),
    ])
    .where("stay_id", "in", stayIds)
    .orderBy("period_from")
    .orderBy("recorded_at")
    .execute();
}
