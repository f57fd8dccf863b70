import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { z } from "zod";
import type {
  PlaceBody,
  PlaceContactBody,
  PlaceList,
  PlaceView,
  UpdatePlaceBody,
} from "../../../shared/api/places.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { kronorToOre } from "../../../shared/stay-costs.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { placeNotFound, recordPlaceRefusal, runPlaceCommand } from "./guard.ts";
import { administeredUnits, doesCaseWork } from "./policy.ts";
import { placeViews } from "./queries.ts";

/**
 * The register of places: read by everyone doing case work (never the address: see
 * address.ts), kept by those who administer places (unit manager, housing coordinator).
 * Reads of the register are not audited: it holds no client's data, only the places and
 * the operators' contact persons. Every change and every refusal is.
 */
const today = () => stockholmDate(new Date());

export async function listPlaces(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<PlaceList> {
  if (!doesCaseWork(actor)) {
    await recordPlaceRefusal(database, actor, meta, "place.read", null);
    throw new AppError(403, "forbidden", "Platsregistret är till för dem som arbetar med ärenden.");
  }
  return withActor(database.db, actor, async (trx) => {
    const mine = administeredUnits(actor);
    if (mine.length === 0)
      return { places: await placeViews(trx, today()), administeredUnits: [], shelterUnits: [] };
    const units = trx.selectFrom("unit").select(["id", "name"]).orderBy("name");
    return {
      places: await placeViews(trx, today()),
      administeredUnits: await units.where("id", "in", mine).execute(),
      shelterUnits: await units
        .where("kind", "=", "shelter")
        .where("org_id", "=", actor.orgId)
        .execute(),
    };
  });
}

export function readPlace(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  placeId: string,
) {
  return runPlaceCommand(database, actor, meta, {
    placeId,
    action: "place.read",
    need: "see",
    run: (trx) => onePlace(trx, placeId),
  });
}

async function onePlace(trx: Trx, placeId: string): Promise<PlaceView> {
  const [view] = await placeViews(trx, today(), placeId);
  if (!view) throw placeNotFound();
  return view;
}

type PlaceInput = z.output<typeof PlaceBody>;

function columns(input: PlaceInput) {
  return {
    name: input.name,
    kind: input.kind,
    unit_id: input.unitId,
    shelter_unit_id: input.shelterUnitId,
    operator_kind: input.operatorKind,
    operator_name: input.operatorName,
    ivo_permit_number: input.ivoPermitNumber,
    ivo_permit_expires_on: input.ivoPermitExpiresOn,
    places: input.places,
    rooms: input.rooms,
    accepts_women: input.acceptsWomen,
    accepts_men: input.acceptsMen,
    accepts_non_binary: input.acceptsNonBinary,
    accepts_children: input.acceptsChildren,
    boys_age_limit: input.boysAgeLimit,
    accepts_pets: input.acceptsPets,
    accepts_substance_use: input.acceptsSubstanceUse,
    wheelchair_access: input.wheelchairAccess,
    accessibility_notes: input.accessibilityNotes,
    staff_languages: [...new Set(input.staffLanguages)],
    price_adult_ore: Number(kronorToOre(input.priceAdult)),
    price_child_ore: Number(kronorToOre(input.priceChild)),
    hold_hours: input.holdHours,
  };
}

/** The units named in the body are ones the actor may use: 400 on the field otherwise. */
async function checkUnits(trx: Trx, actor: Actor, input: PlaceInput) {
  if (!administeredUnits(actor).includes(input.unitId))
    throw invalid({ unitId: "Välj en enhet där du administrerar platser." });
  if (input.shelterUnitId) {
    const shelter = await trx
      .selectFrom("unit")
      .select("kind")
      .where("id", "=", input.shelterUnitId)
      .where("org_id", "=", actor.orgId)
      .executeTakeFirst();
    if (shelter?.kind !== "shelter")
      throw invalid({ shelterUnitId: "Välj en enhet av typen skyddat boende." });
  }
}

export async function createPlace(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: PlaceInput,
): Promise<PlaceView> {
  if (administeredUnits(actor).length === 0) {
    await recordPlaceRefusal(database, actor, meta, "place.create", null);
    throw new AppError(
      403,
      "forbidden",
      "Bara enhetschefer och boendesamordnare kan lägga till platser.",
    );
  }
  return withActor(database.db, actor, async (trx) => {
    await checkUnits(trx, actor, input);
    const id = randomUUID();
    await trx
      .insertInto("place")
      .values({ id, org_id: actor.orgId, created_by: actor.userId, ...columns(input) })
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "place.create",
        resourceType: "place",
        resourceId: id,
        unitId: input.unitId,
        data: { placeId: id },
      },
    ]);
    return onePlace(trx, id);
  });
}

const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat platsen under tiden. Din ändring är inte sparad – ladda om sidan och gör den igen.",
  );

export function updatePlace(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  placeId: string,
  input: z.output<typeof UpdatePlaceBody>,
) {
  return runPlaceCommand(database, actor, meta, {
    placeId,
    action: "place.update",
    need: "administer",
    run: async (trx) => {
      await checkUnits(trx, actor, input);
      const before = await onePlace(trx, placeId);
      const updated = await trx
        .updateTable("place")
        .set((eb) => ({
          ...columns(input),
          updated_at: new Date(),
          version: eb("version", "+", 1),
        }))
        .where("id", "=", placeId)
        .where("version", "=", input.version)
        .returning("id")
        .executeTakeFirst();
      if (!updated) throw changedMeanwhile();
      const after = await onePlace(trx, placeId);
      const fields = (Object.keys(input) as (keyof typeof input)[]).filter(
        (k) => k !== "version" && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
      );
      return { after, fields };
    },
    event: ({ fields }) => ({ placeId, fields }),
  }).then(({ after }) => after);
}

export function closePlace(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  placeId: string,
  closedOn: string,
) {
  return runPlaceCommand(database, actor, meta, {
    placeId,
    action: "place.close",
    need: "administer",
    run: async (trx) => {
      const closed = await trx
        .updateTable("place")
        .set((eb) => ({
          closed_on: closedOn,
          updated_at: new Date(),
          version: eb("version", "+", 1),
        }))
        .where("id", "=", placeId)
        .where("closed_on", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!closed) throw new AppError(409, "conflict", "Platsen är redan stängd.");
      // Counted after the update has locked the place: a hold racing with the close either
      // committed first (and is counted here) or waits and then finds the place closed.
      await refuseIfInUse(trx, placeId, closedOn);
      return onePlace(trx, placeId);
    },
    event: () => ({ placeId, closedOn }),
  });
}

/** A place someone lives at or that is held for a case stays open (409; the update rolls back). */
async function refuseIfInUse(trx: Trx, placeId: string, closedOn: string) {
  const { rows } = await sql<{ stays: number; holds: number }>`
    select stays, holds from frid_place_commitments(${placeId}::uuid, ${closedOn}::date)`.execute(
    trx,
  );
  const use = rows[0];
  if (use && use.stays > 0)
    throw new AppError(
      409,
      "conflict",
      "Platsen kan inte stängas: någon bor där nu. Avsluta eller flytta vistelsen först.",
    );
  if (use && use.holds > 0)
    throw new AppError(
      409,
      "conflict",
      "Platsen kan inte stängas: den är reserverad för ett ärende. Reservationen måste släppas eller gå ut först.",
    );
}

export function addContact(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  placeId: string,
  input: z.output<typeof PlaceContactBody>,
) {
  return runPlaceCommand(database, actor, meta, {
    placeId,
    action: "place.contact",
    need: "administer",
    run: async (trx) => {
      const contactId = randomUUID();
      await trx
        .insertInto("place_contact")
        .values({ id: contactId, org_id: actor.orgId, place_id: placeId, ...input })
        .execute();
      return { contactId, place: await onePlace(trx, placeId) };
    },
    event: ({ contactId }) => ({ placeId, contactId, change: "added" }),
  }).then(({ place }) => place);
}

export function removeContact(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  placeId: string,
  contactId: string,
) {
  return runPlaceCommand(database, actor, meta, {
    placeId,
    action: "place.contact",
    need: "administer",
    run: async (trx) => {
      const removed = await trx
        .updateTable("place_contact")
        .set({ removed_at: new Date() })
        .where("id", "=", contactId)
        .where("place_id", "=", placeId)
        .where("removed_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!removed) throw new AppError(404, "not_found", "Kontaktpersonen finns inte på platsen.");
      return onePlace(trx, placeId);
    },
    event: () => ({ placeId, contactId, change: "removed" }),
  });
}
