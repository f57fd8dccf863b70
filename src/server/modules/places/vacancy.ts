import type { Vacancy } from "../../../shared/api/places.ts";
import type { OccupancyRow } from "./queries.ts";
import { ivoWarning } from "./queries.ts";

/** The household a caseworker asks the vacancy board about (VacancyQuery, parsed). */
export interface Household {
  persons?: number | undefined;
  women?: number | undefined;
  men?: number | undefined;
  nonBinary?: number | undefined;
  children?: number | undefined;
  boysAges?: string | undefined;
  pets?: boolean;
  substanceUse?: boolean;
  wheelchair?: boolean;
  language?: string | undefined;
}

/** How many persons the household is: as said, else the sum of its members, else one. */
export function householdSize(h: Household): number {
  if (h.persons) return h.persons;
  const sum = (h.women ?? 0) + (h.men ?? 0) + (h.nonBinary ?? 0) + (h.children ?? 0);
  return sum > 0 ? sum : 1;
}

/**
 * Free places from the counts. An emergency flat takes one household at a time whatever
 * its beds: any stay or live hold fills it. Elsewhere places count persons.
 */
export function freePlaces(
  row: Pick<OccupancyRow, "kind" | "places" | "persons" | "households" | "held_persons" | "holds">,
) {
  if (row.kind === "emergency_flat") return row.households > 0 || row.holds > 0 ? 0 : row.places;
  return Math.max(0, row.places - row.persons - row.held_persons);
}

/** What keeps a place from taking the household (empty: it takes it). */
export function mismatches(row: OccupancyRow, h: Household, free: number): string[] {
  const out: string[] = [];
  if (householdSize(h) > free) out.push("no_room");
  if ((h.women ?? 0) > 0 && !row.accepts_women) out.push("women");
  if ((h.men ?? 0) > 0 && !row.accepts_men) out.push("men");
  if ((h.nonBinary ?? 0) > 0 && !row.accepts_non_binary) out.push("non_binary");
  const boys = h.boysAges ? h.boysAges.split(",").map(Number) : [];
  if (((h.children ?? 0) > 0 || boys.length > 0) && !row.accepts_children) out.push("children");
  const limit = row.boys_age_limit;
  if (limit !== null && boys.some((age) => age > limit)) out.push("boys_age");
  if (h.pets && !row.accepts_pets) out.push("pets");
  if (h.substanceUse && !row.accepts_substance_use) out.push("substance_use");
  if (h.wheelchair && !row.wheelchair_access) out.push("wheelchair");
  const language = h.language?.trim().toLocaleLowerCase("sv");
  if (language && !row.staff_languages.some((l) => l.toLocaleLowerCase("sv") === language))
    out.push("language");
  return out;
}

export function vacancyOf(row: OccupancyRow, h: Household, today: string): Vacancy {
  const free = freePlaces(row);
  const misses = mismatches(row, h, free);
  return {
    placeId: row.id,
    name: row.name,
    kind: row.kind,
    operatorKind: row.operator_kind,
    operatorName: row.operator_name,
    places: row.places,
    occupied: row.persons,
    held: row.held_persons,
    free,
    full: free === 0,
    isHeld: row.holds > 0,
    takesHousehold: misses.length === 0,
    mismatches: misses,
    ivoWarning: ivoWarning(row.ivo_permit_expires_on, today),
    holdHours: row.hold_hours,
  };
}
