import { sql } from "kysely";
import { type CostStay, stayCostByMonth } from "../../../shared/stay-costs.ts";
import type { Trx } from "../../access/transaction.ts";
import { housingKinds, yearSegments } from "../statistics/stays.ts";
import type { YearScope } from "./figures.ts";

/**
 * What the year's stays cost, per form of housing (the kind of the place of each night): the
 * costs module's arithmetic (shared/stay-costs.ts stayCostByMonth — the prices copied at each
 * segment's start, every member for every night, the day of leaving no night) over the year,
 * ongoing stays to `today` when the year is not over. Read as frid_report (0053, 0094): the
 * stays of cases in the units reported on, never a name nor an address. Cost in öre (exact).
 */

export type HousingKind = (typeof housingKinds)[number];
export type StayCostFigures = Record<
  HousingKind,
  { adultNights: number; childNights: number; costOre: bigint }
>;

interface SegmentRow {
  stay_id: string;
  place_id: string;
  kind: string;
  from_on: string;
  to_on: string | null;
  price_adult_ore: number;
  price_child_ore: number;
  left_on: string | null;
  adults: number;
  children: number;
}

export async function stayCostFigures(
  trx: Trx,
  s: YearScope & { today: string },
): Promise<StayCostFigures> {
  const window = { from: `${s.year}-01-01`, to: `${s.year + 1}-01-01` };
  const until = s.today < window.to ? s.today : window.to;
  const segments = await sql<SegmentRow>`
    select g.stay_id, g.place_id, p.kind, g.from_on::text as from_on, g.to_on::text as to_on,
      g.price_adult_ore, g.price_child_ore, g.left_on::text as left_on, g.adults, g.children
    -- The year's segments as the nights per place read them (statistics/stays.ts).
    from (${yearSegments(s, window.from, window.to)}) g join place p on p.id = g.place_id
    order by g.stay_id, g.from_on`.execute(trx);
  const byStay = new Map<string, SegmentRow[]>();
  for (const g of segments.rows) {
    const list = byStay.get(g.stay_id);
    if (list) list.push(g);
    else byStay.set(g.stay_id, [g]);
  }
  const out = Object.fromEntries(
    housingKinds.map((k) => [k, { adultNights: 0, childNights: 0, costOre: 0n }]),
  ) as StayCostFigures;
  const kindOf = new Map(segments.rows.map((g) => [g.place_id, g.kind as HousingKind]));
  for (const rows of byStay.values()) {
    const stay: CostStay = {
      adults: Number(rows[0]?.adults ?? 0),
      children: Number(rows[0]?.children ?? 0),
      leftOn: rows[0]?.left_on ?? null,
      segments: rows.map((g) => ({
        placeId: g.place_id,
        fromOn: g.from_on,
        toOn: g.to_on,
        priceAdultOre: Number(g.price_adult_ore),
        priceChildOre: Number(g.price_child_ore),
      })),
    };
    for (const line of stayCostByMonth(stay, until, window)) {
      const sum = out[kindOf.get(line.placeId) ?? "other_housing"];
      sum.adultNights += line.adultNights;
      sum.childNights += line.childNights;
      sum.costOre += line.costOre;
    }
  }
  return out;
}
