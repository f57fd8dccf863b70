import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import { buildPlace, type HousingKind } from "./housing.ts";

/** A place as the register form sends it (issue 16), with what a test says about it. */
export function placeBody(unitId: string, over: Record<string, unknown> = {}) {
  return {
    name: `Skyddat boende ${randomUUID().slice(0, 6)}`,
    kind: "sheltered_housing",
    unitId,
    operatorKind: "voluntary_shelter",
    operatorName: "Kvinnojouren Fiktiva",
    ivoPermitNumber: "IVO 8.1-0001/2024",
    ivoPermitExpiresOn: "2030-12-31",
    places: 6,
    rooms: 3,
    acceptsWomen: true,
    acceptsMen: false,
    acceptsNonBinary: true,
    acceptsChildren: true,
    boysAgeLimit: 15,
    acceptsPets: false,
    acceptsSubstanceUse: false,
    wheelchairAccess: true,
    accessibilityNotes: null,
    staffLanguages: ["svenska", "arabiska"],
    priceAdult: 1450.5,
    priceChild: 600,
    holdHours: 24,
    ...over,
  };
}

/**
 * The place records of the authorization suite: a place of X's unit, its address and
 * contact, a hold and an enquiry on X; and an idle place of the same unit to close.
 */
export async function addPlaceRecords(made: {
  owner: Kysely<Database>;
  orgId: string;
  unitId: string;
  caseId: string;
  id: (a: "assigned" | "manager") => string;
}) {
  const { owner, orgId, unitId, caseId, id } = made;
  const place = (name: string, kind: HousingKind, places: number, address: string | null) =>
    buildPlace(owner, {
      orgId,
      unitId,
      createdBy: id("manager"),
      name,
      kind,
      places,
      priceAdultOre: 100_000,
      priceChildOre: 50_000,
      address,
    });
  const street = `Skyddsvägen ${randomUUID().slice(0, 8)}`;
  const placeId = (await place("Akutlägenhet Fiktiva", "sheltered_housing", 6, street)).id;
  // A place nobody lives at and nobody holds: the one closing can be tried on (a place in
  // use answers 409, see places/closing.test.ts).
  const idlePlaceId = (await place("Akutlägenhet Ledig", "emergency_flat", 2, null)).id;
  const contact = await owner
    .insertInto("place_contact")
    .values({ org_id: orgId, place_id: placeId, name: "Kontakt Fiktiv" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const holdId = randomUUID();
  const enquiryId = randomUUID();
  const common = { org_id: orgId, place_id: placeId, case_id: caseId, persons: 1 };
  await owner
    .insertInto("place_hold")
    .values({
      id: holdId,
      ...common,
      held_by: id("assigned"),
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .execute();
  await owner
    .insertInto("place_enquiry")
    .values({ id: enquiryId, ...common, asked_by: id("assigned") })
    .execute();
  return { placeId, idlePlaceId, holdId, enquiryId, contactId: contact.id, street };
}
