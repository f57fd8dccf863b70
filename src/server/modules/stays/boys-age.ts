import { shownName } from "../../../shared/protection.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { shownPersons } from "../persons/queries.ts";
import { invalid } from "./capacity.ts";

/**
 * A place's age limit for boys (place.boys_age_limit: the oldest age it takes). Many shelters
 * for women take sons only up to an age, so a stay that begins — or moves — where a boy is
 * over it on that day is refused before the family is on its way, naming the boy so the
 * caseworker knows why. Sex and birth date are read as the caller may see the child
 * (shownPersons: the person as the organisation knows them to whoever sees the case, as typed
 * to whoever only registered them); a child of unknown sex or birth date is not refused.
 */
export async function refuseBoysOverAge(
  trx: Trx,
  actor: Actor,
  input: {
    placeId: string;
    day: string;
    children: { id: string; given_name: string; family_name: string }[];
    /** The field each refused child's error belongs to (its index in the request's list). */
    fieldOf: (index: number) => string;
  },
) {
  if (input.children.length === 0) return;
  const place = await trx
    .selectFrom("place")
    .select("boys_age_limit")
    .where("id", "=", input.placeId)
    .executeTakeFirst();
  const limit = place?.boys_age_limit;
  if (limit === null || limit === undefined) return;
  const facts = await shownPersons(trx, actor)
    .where(
      "p.id",
      "in",
      input.children.map((c) => c.id),
    )
    .execute();
  const fields: Record<string, string> = {};
  for (const [i, child] of input.children.entries()) {
    const f = facts.find((p) => p.id === child.id);
    if (f?.sex !== "male" || !f.birth_date) continue;
    const age = ageOn(f.birth_date, input.day);
    if (age <= limit) continue;
    const field = input.fieldOf(i);
    // An error text is shown and logged like a list: a fictitious identity is not named.
    const name = shownName(
      {
        name: `${child.given_name} ${child.family_name}`,
        protectionLevel: f.protection_level ?? "none",
      },
      "list",
    );
    const said = `${name} är ${age} år den ${input.day}.`;
    fields[field] = fields[field] ? `${fields[field]} ${said}` : said;
  }
  for (const field of Object.keys(fields))
    fields[field] += ` Boendet tar emot pojkar till och med ${limit} år – välj ett annat boende.`;
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/** Full years from a birth date (YYYY-MM-DD) to a day; born 29 February: a year older on 1 March. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
