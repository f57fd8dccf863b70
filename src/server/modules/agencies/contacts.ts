import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { AgencyContactBody, UpdateAgencyContactBody } from "../../../shared/api/agencies.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { runAgencyCommand } from "./guard.ts";
import { agencyView } from "./queries.ts";

/**
 * An agency's contact persons: added, changed (a stale version answers 409: the owner may
 * confirm a contact while a manager corrects the phone), confirmed (today, by me: the
 * 12-month flag starts again), archived.
 */
const today = () => stockholmDate(new Date());
const contactNotFound = () =>
  new AppError(404, "not_found", "Kontaktpersonen finns inte hos aktören.");
const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat kontaktpersonen under tiden. Din ändring är inte sparad – ladda om sidan och gör den igen.",
  );

async function view(trx: Trx, actor: Actor, agencyId: string) {
  const v = await agencyView(trx, actor, agencyId, today());
  if (!v) throw contactNotFound();
  return v;
}

async function checkUnit(trx: Trx, agencyId: string, unitId: string | null) {
  if (!unitId) return;
  const unit = await trx
    .selectFrom("agency_unit")
    .select("id")
    .where("id", "=", unitId)
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
  if (!unit) throw invalid({ agencyUnitId: "Välj en av aktörens enheter." });
}

const columns = (input: z.output<typeof AgencyContactBody>) => ({
  agency_unit_id: input.agencyUnitId,
  name: input.name,
  role: input.role,
  phone: input.phone,
  email: input.email,
});

export function addContact(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  agencyId: string,
  input: z.output<typeof AgencyContactBody>,
) {
  return runAgencyCommand(database, actor, meta, {
    agencyId,
    action: "agency.contact",
    need: "keep",
    run: async (trx) => {
      await checkUnit(trx, agencyId, input.agencyUnitId);
      const contactId = randomUUID();
      // A new contact is confirmed by whoever adds it, today.
      await trx
        .insertInto("agency_contact")
        .values({
          id: contactId,
          org_id: actor.orgId,
          agency_id: agencyId,
          ...columns(input),
          confirmed_on: today(),
          confirmed_by: actor.userId,
        })
        .execute();
      return { contactId, v: await view(trx, actor, agencyId) };
    },
    event: ({ contactId }) => ({ agencyId, contactId, change: "added" as const }),
  }).then(({ v }) => v);
}

type ContactChange =
  | { kind: "changed"; input: z.output<typeof UpdateAgencyContactBody> }
  | { kind: "confirmed"; version: number }
  | { kind: "archived"; version: number };

/** One change to a contact, on the version the caller saw (stale: 409). */
function changeOne(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { agencyId: string; contactId: string },
  change: ContactChange,
) {
  const { agencyId, contactId } = ids;
  return runAgencyCommand(database, actor, meta, {
    agencyId,
    action: "agency.contact",
    need: "keep",
    run: async (trx) => {
      const current = await trx
        .selectFrom("agency_contact")
        .select(["version", "archived_at"])
        .where("id", "=", contactId)
        .where("agency_id", "=", agencyId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw contactNotFound();
      const version = change.kind === "changed" ? change.input.version : change.version;
      if (current.version !== version) throw changedMeanwhile();
      if (current.archived_at && change.kind !== "changed")
        throw new AppError(409, "conflict", "Kontaktpersonen är arkiverad.");
      if (change.kind === "changed") await checkUnit(trx, agencyId, change.input.agencyUnitId);
      const set =
        change.kind === "changed"
          ? columns(change.input)
          : change.kind === "confirmed"
            ? { confirmed_on: today(), confirmed_by: actor.userId }
            : { archived_at: new Date() };
      await trx
        .updateTable("agency_contact")
        .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
        .where("id", "=", contactId)
        .execute();
      return view(trx, actor, agencyId);
    },
    event: () => ({ agencyId, contactId, change: change.kind }),
  });
}

export const changeContact = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { agencyId: string; contactId: string },
  input: z.output<typeof UpdateAgencyContactBody>,
) => changeOne(database, actor, meta, ids, { kind: "changed", input });

export const confirmContact = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { agencyId: string; contactId: string },
  version: number,
) => changeOne(database, actor, meta, ids, { kind: "confirmed", version });

export const archiveContact = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { agencyId: string; contactId: string },
  version: number,
) => changeOne(database, actor, meta, ids, { kind: "archived", version });
