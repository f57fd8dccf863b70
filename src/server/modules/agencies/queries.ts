import { sql } from "kysely";
import type { AgencyList, AgencyQuery, AgencyView } from "../../../shared/api/agencies.ts";
import { contactUnconfirmed } from "../../../shared/directory-deadlines.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { keepsAgency } from "./policy.ts";

/** The directory's rows as the API gives them; agency_select decides what the caller sees. */

const day = (v: unknown) => String(v);

/** The agencies matching the query, by name, each with its contacts counted and flagged. */
export async function agencySummaries(
  trx: Trx,
  query: AgencyQuery,
  today: string,
): Promise<AgencyList["agencies"]> {
  const rows = await trx
    .selectFrom("agency as a")
    .innerJoin("app_user as u", "u.id", "a.owner_id")
    .select((eb) => [
      "a.id",
      "a.kind",
      "a.name",
      "a.municipality",
      "a.archived_at",
      "u.display_name as owner_name",
      eb
        .selectFrom("agency_contact as c")
        .select((e) => e.fn.countAll<string>().as("n"))
        .whereRef("c.agency_id", "=", "a.id")
        .where("c.archived_at", "is", null)
        .as("contacts"),
      eb
        .selectFrom("agency_contact as c")
        .select((e) => e.fn.countAll<string>().as("n"))
        .whereRef("c.agency_id", "=", "a.id")
        .where("c.archived_at", "is", null)
        // The same month arithmetic as contactUnconfirmed (a month's last day clamps).
        .where(sql<boolean>`(c.confirmed_on + interval '12 months')::date < ${today}::date`)
        .as("unconfirmed"),
    ])
    .$if(query.kind !== undefined, (q) => q.where("a.kind", "=", query.kind ?? "other"))
    .$if(Boolean(query.q), (q) =>
      q.where(sql<boolean>`a.name ilike ${`%${escapeLike(query.q ?? "")}%`}`),
    )
    .$if(Boolean(query.municipality), (q) =>
      q.where(sql<boolean>`a.municipality ilike ${`%${escapeLike(query.municipality ?? "")}%`}`),
    )
    .$if(query.archived !== "true", (q) => q.where("a.archived_at", "is", null))
    .orderBy("a.name")
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    municipality: r.municipality,
    ownerName: r.owner_name,
    archived: r.archived_at !== null,
    contacts: Number(r.contacts ?? 0),
    unconfirmedContacts: Number(r.unconfirmed ?? 0),
  }));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One agency with its units and contacts; undefined when the caller cannot see it. */
export async function agencyView(
  trx: Trx,
  actor: Actor,
  agencyId: string,
  today: string,
): Promise<AgencyView | undefined> {
  const a = await trx
    .selectFrom("agency as a")
    .innerJoin("app_user as u", "u.id", "a.owner_id")
    .select([
      "a.id",
      "a.kind",
      "a.name",
      "a.municipality",
      "a.notes",
      "a.version",
      "a.archived_at",
      "a.owner_id",
      "u.display_name as owner_name",
    ])
    .where("a.id", "=", agencyId)
    .executeTakeFirst();
  if (!a) return undefined;
  const units = await trx
    .selectFrom("agency_unit")
    .select(["id", "name", "archived_at"])
    .where("agency_id", "=", agencyId)
    .orderBy("name")
    .execute();
  const contacts = await trx
    .selectFrom("agency_contact as c")
    .innerJoin("app_user as u", "u.id", "c.confirmed_by")
    .select([
      "c.id",
      "c.agency_unit_id",
      "c.name",
      "c.role",
      "c.phone",
      "c.email",
      "c.confirmed_on",
      "c.archived_at",
      "c.version",
      "u.display_name as confirmed_by",
    ])
    .where("c.agency_id", "=", agencyId)
    .orderBy("c.name")
    .orderBy("c.id")
    .execute();
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    municipality: a.municipality,
    owner: { userId: a.owner_id, displayName: a.owner_name },
    notes: a.notes,
    archived: a.archived_at !== null,
    version: a.version,
    mayChange: keepsAgency(actor, a),
    units: units.map((u) => ({ id: u.id, name: u.name, archived: u.archived_at !== null })),
    contacts: contacts.map((c) => ({
      id: c.id,
      agencyUnitId: c.agency_unit_id,
      name: c.name,
      role: c.role,
      phone: c.phone,
      email: c.email,
      confirmedOn: day(c.confirmed_on),
      confirmedBy: c.confirmed_by,
      unconfirmed: c.archived_at === null && contactUnconfirmed(day(c.confirmed_on), today),
      archived: c.archived_at !== null,
      version: c.version,
    })),
  };
}
