import { sql } from "kysely";
import type { z } from "zod";
import type { PlaceAddress, PlaceAddressBody } from "../../../shared/api/places.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { type Cipher, openColumns, sealColumns } from "../../db/sealed-columns.ts";
import { placeNotFound, recordPlaceRefusal, runPlaceCommand } from "./guard.ts";

/**
 * A place's address: the one way it leaves the database. Readable by those who administer
 * or run the place and by whoever works a case with an ongoing stay there — never through
 * break-glass, which reads one case and not the house where every resident lives
 * (frid_can_see_place_address, the same rule row-level security applies to place_address);
 * everyone else gets the answer a missing place gets, and the attempt is audited. Every
 * reading is audited too, on the cases of the stays it was read for.
 */
async function addressOf(trx: Trx, cipher: Cipher, placeId: string): Promise<PlaceAddress> {
  const stored = await trx
    .selectFrom("place_address")
    .select(["org_id", "street", "postal_code", "city", "directions", "updated_at"])
    .where("place_id", "=", placeId)
    .executeTakeFirst();
  const row =
    stored && (await openColumns(cipher, "place_address", stored.org_id, placeId, stored));
  return {
    placeId,
    address: row
      ? {
          street: row.street,
          postalCode: row.postal_code,
          city: row.city,
          directions: row.directions,
          updatedAt: row.updated_at.toISOString(),
        }
      : null,
  };
}

/**
 * The ongoing stays at the place whose cases the actor works (not by break-glass: 0084), so
 * the reading is in those cases' trails and their persons' log reviews.
 */
async function staysWorkedAt(trx: Trx, placeId: string) {
  const { rows } = await sql<{ case_id: string; person_id: string }>`
    select distinct s.case_id, c.person_id
      from stay_segment g
      join stay s on s.id = g.stay_id
      join "case" c on c.id = s.case_id
     where g.place_id = ${placeId}::uuid and g.to_on is null
       and s.left_on is null and s.cancelled_at is null
       and frid_works_case(s.case_id)
     order by s.case_id`.execute(trx);
  return rows;
}

export async function readAddress(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  placeId: string,
): Promise<PlaceAddress> {
  const outcome = await withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{ unit_id: string; allowed: boolean }>`
      select p.unit_id, frid_can_see_place_address(p.id) as allowed
        from place p where p.id = ${placeId}::uuid`.execute(trx);
    const place = rows[0];
    if (!place?.allowed) return null;
    const address = await addressOf(trx, database.cipher, placeId);
    const stays = await staysWorkedAt(trx, placeId);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "place.address_read",
        resourceType: "place",
        resourceId: placeId,
        unitId: place.unit_id,
        caseIds: stays.map((s) => s.case_id),
        personIds: stays.map((s) => s.person_id),
        data: { placeId },
      },
    ]);
    return address;
  });
  if (outcome) return outcome;
  await recordPlaceRefusal(database, actor, meta, "place.address_read", placeId);
  throw placeNotFound();
}

export function saveAddress(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  placeId: string,
  input: z.output<typeof PlaceAddressBody>,
) {
  return runPlaceCommand(database, actor, meta, {
    placeId,
    action: "place.address_save",
    need: "administer",
    run: async (trx) => {
      const sealed = await sealColumns(database.cipher, "place_address", actor.orgId, placeId, {
        street: input.street,
        postal_code: input.postalCode,
        city: input.city,
        directions: input.directions,
      });
      const values = { ...sealed, updated_by: actor.userId, updated_at: new Date() };
      await trx
        .insertInto("place_address")
        .values({ place_id: placeId, org_id: actor.orgId, ...values })
        .onConflict((oc) => oc.column("place_id").doUpdateSet(values))
        .execute();
      return addressOf(trx, database.cipher, placeId);
    },
    event: () => ({ placeId }),
  });
}
