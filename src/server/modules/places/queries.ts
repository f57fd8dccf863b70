import { sql } from "kysely";
import type { IvoWarning, PlaceView } from "../../../shared/api/places.ts";
import { addDays } from "../../../shared/calendar.ts";
import { oreToKronor } from "../../../shared/stay-costs.ts";
import type { Trx } from "../../access/transaction.ts";
import { permitWarningDays } from "./policy.ts";

/**
 * Reads of the register. Nothing here joins place_address: the address has its own read
 * (service.ts, readAddress), so no list, search, PDF or export can carry it by accident.
 */
export function ivoWarning(expiresOn: string | null, today: string): IvoWarning {
  if (!expiresOn) return null;
  if (expiresOn < today) return "expired";
  return expiresOn <= addDays(today, permitWarningDays) ? "expires_soon" : null;
}

/** The places of the organisation (one, or all), each as the caller may see it: two statements. */
export async function placeViews(trx: Trx, today: string, placeId?: string): Promise<PlaceView[]> {
  let query = trx
    .selectFrom("place as p")
    .innerJoin("unit as u", "u.id", "p.unit_id")
    .selectAll("p")
    .select([
      "u.name as unit_name",
      sql<boolean>`frid_administers_place(p.unit_id)`.as("may_administer"),
      sql<boolean>`frid_can_see_place_address(p.id)`.as("may_read_address"),
    ])
    .orderBy("p.closed_on", (ob) => ob.nullsFirst())
    .orderBy("p.name")
    .orderBy("p.id");
  if (placeId) query = query.where("p.id", "=", placeId);
  const rows = await query.execute();
  const contacts =
    rows.length === 0
      ? []
      : await trx
          .selectFrom("place_contact")
          .select(["id", "place_id", "name", "role", "phone", "email"])
          .where(
            "place_id",
            "in",
            rows.map((r) => r.id),
          )
          .where("removed_at", "is", null)
          .orderBy("name")
          .orderBy("id")
          .execute();
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    unitId: p.unit_id,
    unitName: p.unit_name,
    shelterUnitId: p.shelter_unit_id,
    operatorKind: p.operator_kind,
    operatorName: p.operator_name,
    ivoPermitNumber: p.ivo_permit_number,
    ivoPermitExpiresOn: p.ivo_permit_expires_on,
    ivoWarning: ivoWarning(p.ivo_permit_expires_on, today),
    places: p.places,
    rooms: p.rooms,
    acceptsWomen: p.accepts_women,
    acceptsMen: p.accepts_men,
    acceptsNonBinary: p.accepts_non_binary,
    acceptsChildren: p.accepts_children,
    boysAgeLimit: p.boys_age_limit,
    acceptsPets: p.accepts_pets,
    acceptsSubstanceUse: p.accepts_substance_use,
    wheelchairAccess: p.wheelchair_access,
    accessibilityNotes: p.accessibility_notes,
    staffLanguages: p.staff_languages,
    priceAdult: oreToKronor(p.price_adult_ore),
    priceChild: oreToKronor(p.price_child_ore),
    holdHours: p.hold_hours,
    closedOn: p.closed_on,
    version: p.version,
    contacts: contacts
      .filter((c) => c.place_id === p.id)
      .map(({ id, name, role, phone, email }) => ({ id, name, role, phone, email })),
    mayAdminister: Boolean(p.may_administer),
    mayReadAddress: Boolean(p.may_read_address),
  }));
}

export interface OccupancyRow {
  id: string;
  name: string;
  kind: PlaceView["kind"];
  operator_kind: PlaceView["operatorKind"];
  operator_name: string;
  places: number;
  hold_hours: number;
  ivo_permit_expires_on: string | null;
  accepts_women: boolean;
  accepts_men: boolean;
  accepts_non_binary: boolean;
  accepts_children: boolean;
  boys_age_limit: number | null;
  accepts_pets: boolean;
  accepts_substance_use: boolean;
  wheelchair_access: boolean;
  staff_languages: string[];
  persons: number;
  households: number;
  held_persons: number;
  holds: number;
}

/**
 * Every open place with its occupancy on `day` and its live holds now: one statement
 * (frid_place_occupancy counts, without naming anyone).
 */
export async function occupancy(trx: Trx, day: string): Promise<OccupancyRow[]> {
  const { rows } = await sql<OccupancyRow>`
    select p.id, p.name, p.kind, p.operator_kind, p.operator_name, p.places, p.hold_hours,
           p.ivo_permit_expires_on::text as ivo_permit_expires_on,
           p.accepts_women, p.accepts_men, p.accepts_non_binary, p.accepts_children,
           p.boys_age_limit, p.accepts_pets, p.accepts_substance_use, p.wheelchair_access,
           p.staff_languages, o.persons, o.households, o.held_persons, o.holds
      from place p
      join frid_place_occupancy(${day}::date, now()) o on o.place_id = p.id
     where p.closed_on is null or p.closed_on > ${day}::date
     order by p.name, p.id`.execute(trx);
  return rows;
}

/** One place's occupancy now, read after frid_lock_place so a racing hold is counted. */
export async function occupancyOf(trx: Trx, placeId: string, day: string) {
  const { rows } = await sql<{
    persons: number;
    households: number;
    held_persons: number;
    holds: number;
  }>`
    select persons, households, held_persons, holds
      from frid_place_occupancy(${day}::date, now()) where place_id = ${placeId}::uuid`.execute(
    trx,
  );
  return rows[0] ?? { persons: 0, households: 0, held_persons: 0, holds: 0 };
}
