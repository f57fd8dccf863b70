import { sql } from "kysely";
import type { Trx } from "../../access/transaction.ts";
import { housingKinds, nightsPerPlace } from "../statistics/stays.ts";
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

export async function stayCostFigures(
  trx: Trx,
  s: YearScope & { today: string },
): Promise<StayCostFigures> {
  const from = `${s.year}-01-01`;
  const to = `${s.year + 1}-01-01`;
  const until = s.today < to ? s.today : to;
  // The year's nights and costs per place as the stays' figures read them (statistics/stays.ts).
  const { rows } = await sql<{
    kind: HousingKind;
    adult_nights: number;
    child_nights: number;
    cost_ore: string;
  }>`
    select p.kind, sum(n.adult_nights)::integer as adult_nights,
      sum(n.child_nights)::integer as child_nights, sum(n.cost_ore::numeric)::text as cost_ore
    from (${nightsPerPlace(s, from, to, until)}) n join place p on p.id = n.place_id
    group by p.kind`.execute(trx);
  return Object.fromEntries(
    housingKinds.map((k) => {
      const r = rows.find((row) => row.kind === k);
      return [
        k,
        {
          adultNights: Number(r?.adult_nights ?? 0),
          childNights: Number(r?.child_nights ?? 0),
          costOre: BigInt(r?.cost_ore ?? 0),
        },
      ];
    }),
  ) as StayCostFigures;
}
