import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { PlaceKind } from "../../../shared/api/stays.ts";
import type { Trx } from "../../access/transaction.ts";
import { AppError } from "../../http/errors.ts";

export const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);

const full = () =>
  new AppError(
    409,
    "conflict",
    "Boendet har inte plats för alla just då – någon annan har tagit eller hållit platsen. Välj ett annat boende eller en annan dag.",
  );

const kindNames: Record<PlaceKind, string> = {
  sheltered_housing: "skyddat boende",
  emergency_flat: "akutlägenhet",
  other_housing: "annat boende",
};

/**
 * Takes room at a place for `persons` from `day`, or refuses. The place row is locked first
 * (frid_lock_place, the same lock the places part's holds take), so of a stay and a hold — or
 * two stays — racing for the last place, one wins and the other is counted after it and gets
 * 409. The count is the vacancy board's own (frid_place_occupancy): persons in stays there on
 * `day` and persons held by holds not expired, less the hold that becomes this stay. An
 * emergency flat takes one household at a time whatever its beds.
 *
 * The place's kind must be the decision's intervention: a stay rests on its decision, and
 * placing someone granted an emergency flat in sheltered housing (or the other way round) is
 * another intervention that needs its own decision (and, for a child, its own assessment) —
 * so it is refused, not merely warned about.
 */
export async function takeRoom(
  trx: Trx,
  input: {
    placeId: string;
    day: string;
    persons: number;
    decisionKind: string;
    withChildren: boolean;
    becomingHoldId?: string | null;
  },
) {
  const { rows } = await sql<{
    id: string;
    kind: PlaceKind;
    places: number;
    closed_on: string | null;
  }>`select id, kind, places, closed_on from frid_lock_place(${input.placeId}::uuid)`.execute(trx);
  const place = rows[0];
  if (!place) throw invalid({ placeId: "Välj ett boende ur registret." });
  if (place.closed_on && place.closed_on <= input.day)
    throw invalid({ placeId: "Boendet är stängt från den dagen. Välj ett annat." });
  if (place.kind !== input.decisionKind)
    throw invalid({
      placeId: `Beslutet gäller ${kindNames[input.decisionKind as PlaceKind]} – välj ett boende av det slaget (${kindNames[place.kind]} kräver ett eget beslut).`,
    });
  const terms = await trx
    .selectFrom("place")
    .select(["accepts_children", "price_adult_ore", "price_child_ore"])
    .where("id", "=", input.placeId)
    .executeTakeFirstOrThrow();
  if (input.withChildren && !terms.accepts_children)
    throw invalid({ placeId: "Boendet tar inte emot barn. Välj ett annat." });
  if (!(await hasRoom(trx, place, input))) throw full();
  return terms;
}

async function hasRoom(
  trx: Trx,
  place: { id: string; kind: PlaceKind; places: number },
  input: { day: string; persons: number; becomingHoldId?: string | null },
) {
  const { rows } = await sql<{
    persons: number;
    households: number;
    held_persons: number;
    holds: number;
  }>`select persons, households, held_persons, holds
       from frid_place_occupancy(${input.day}::date, now()) where place_id = ${place.id}::uuid`.execute(
    trx,
  );
  const o = rows[0] ?? { persons: 0, households: 0, held_persons: 0, holds: 0 };
  const own = input.becomingHoldId
    ? await trx
        .selectFrom("place_hold")
        .select("persons")
        .where("id", "=", input.becomingHoldId)
        .where("place_id", "=", place.id)
        .where("ended_at", "is", null)
        .where("expires_at", ">", new Date())
        .executeTakeFirst()
    : undefined;
  const heldPersons = o.held_persons - (own?.persons ?? 0);
  const holds = o.holds - (own ? 1 : 0);
  if (place.kind === "emergency_flat") return o.households + holds === 0;
  return o.persons + heldPersons + input.persons <= place.places;
}

/**
 * The stay's segment at the place from `fromOn` (open-ended), at the prices `takeRoom` read:
 * the prices are copied at the segment's start, so a later change of the place's prices does
 * not change what a stay already cost.
 */
export async function openSegment(
  trx: Trx,
  segment: { orgId: string; stayId: string; placeId: string; fromOn: string },
  terms: { price_adult_ore: number; price_child_ore: number },
) {
  await trx
    .insertInto("stay_segment")
    .values({
      id: randomUUID(),
      org_id: segment.orgId,
      stay_id: segment.stayId,
      place_id: segment.placeId,
      from_on: segment.fromOn,
      price_adult_ore: terms.price_adult_ore,
      price_child_ore: terms.price_child_ore,
    })
    .execute();
}
