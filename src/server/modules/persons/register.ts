import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { PersonView } from "../../../shared/api/persons.ts";
import { registrarRoles } from "../../../shared/api/roles.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";

type ParsedNumber = Extract<ReturnType<typeof parseIdentityNumber>, { ok: true }>["value"];

import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { findVisiblePerson, toPersonView } from "./queries.ts";
import { personBarred, personIdByIdentity } from "./service.ts";

export interface RegisterPersonInput {
  identityNumber: string | null;
  reserveNumber?: string | null;
  birthDate?: string | null;
  givenName: string;
  familyName: string;
  sex: PersonView["sex"];
}

/**
 * A reserve number stands in for a personnummer, so it may not be one (nor come with one);
 * a birth date is given only when no number carries it. Returns the reserve number as stored.
 */
function checkReserveAndBirth(input: RegisterPersonInput, hasNumber: boolean): string | null {
  const fields: Record<string, string> = {};
  const reserve = input.reserveNumber?.trim().toUpperCase() || null;
  if (reserve && hasNumber)
    fields.reserveNumber = "Ange antingen personnummer eller reservnummer, inte båda.";
  // However it is spaced: the parser refuses a space inside a number, a reserve number may not.
  else if (reserve && parseIdentityNumber(reserve.replace(/\s+/g, "")).ok)
    fields.reserveNumber = "Det här är ett personnummer – skriv det i fältet för personnummer.";
  if (input.birthDate && hasNumber) fields.birthDate = "Födelsedatumet följer av personnumret.";
  else if (input.birthDate && input.birthDate > stockholmDate(new Date()))
    fields.birthDate = "Födelsedatumet kan inte ligga i framtiden.";
  if (Object.keys(fields).length > 0)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
  return reserve;
}

/**
 * Find-or-register, in one step that never tells the difference (issue 11). A national
 * number the organisation already has links the caller to that person instead of failing
 * (an error would tell them that someone is known to social services), and the answer is
 * exactly the one an unknown number gets: what the caller typed, no stored name, no
 * protection level — until the caller has a case of the person. Across a barrier, the
 * registration is refused (409) and the attempt is listed in the person's log review.
 */
export async function registerPerson(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: RegisterPersonInput,
): Promise<PersonView> {
  // Registering is case work: administrators, analysts and consultants do not handle persons.
  if (!actor.roles.some((r) => registrarRoles.includes(r.role)))
    return refuseNonRegistrar(database, actor, meta, input.identityNumber);
  let identity: ReturnType<typeof parseIdentityNumber> | null = null;
  if (input.identityNumber !== null) {
    identity = parseIdentityNumber(input.identityNumber);
    if (!identity.ok) {
      throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
        identityNumber: identity.message,
      });
    }
  }
  const parsed = identity?.ok ? identity.value : null;
  const reserve = checkReserveAndBirth(input, parsed !== null);

  const outcome = await withActor(database.db, actor, (trx) =>
    findOrInsert(trx, actor, meta, input, parsed, reserve),
  );
  if (outcome.kind === "registered") return outcome.view;
  return refuseBarredRegistration(database, actor, meta, outcome.personId, outcome.partnerContact);
}

/** Links the caller to the person with this number, or registers a new one, in one step. */
async function findOrInsert(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  input: RegisterPersonInput,
  parsed: ParsedNumber | null,
  reserve: string | null,
) {
  // Only national numbers link to a known person; a reserve number never does (see 0015).
  const existing = parsed ? await personIdByIdentity(trx, parsed.normalized) : null;
  if (existing && (await personBarred(trx, existing, actor.userId))) {
    return {
      kind: "barred" as const,
      personId: existing,
      partnerContact: await barredByPartnerContact(trx, existing, actor),
    };
  }
  const id = existing ?? randomUUID();
  if (!existing) {
    await trx
      .insertInto("person")
      .values({
        id,
        org_id: actor.orgId,
        identity_kind: parsed?.kind ?? (reserve ? "reserve_number" : "unidentified"),
        identity_number: parsed?.normalized ?? reserve,
        given_name: input.givenName,
        family_name: input.familyName,
        birth_date: parsed?.birthDate ?? input.birthDate ?? null,
        sex: input.sex,
        created_by: actor.userId,
      })
      .execute();
  }
  // What the caller typed is what they see (until they have a case of the person); typing
  // again replaces it, so a second registration never silently keeps an older name.
  const typed = { given_name: input.givenName, family_name: input.familyName, sex: input.sex };
  await trx
    .insertInto("person_registration")
    .values({ org_id: actor.orgId, person_id: id, user_id: actor.userId, ...typed })
    .onConflict((oc) => oc.columns(["person_id", "user_id"]).doUpdateSet(typed))
    .execute();
  await recordAudit(trx, auditContext(actor, meta), [
    {
      action: "person.register",
      resourceType: "person",
      resourceId: id,
      personId: id,
      data: { existing: existing !== null },
    },
  ]);
  const row = await findVisiblePerson(trx, actor, id);
  if (!row) throw new Error("registered person is not visible to the registrant");
  return { kind: "registered" as const, view: toPersonView(row) };
}

async function refuseNonRegistrar(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  identityNumber: string | null,
): Promise<never> {
  // The trail names whose number was typed, if anyone's (issue 11, item 5).
  const typed = identityNumber ? parseIdentityNumber(identityNumber) : null;
  await withActor(database.db, actor, async (trx) => {
    const personId = typed?.ok ? await personIdByIdentity(trx, typed.value.normalized) : null;
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "person.register",
        outcome: "denied",
        resourceType: "person",
        resourceId: personId,
        personId,
      },
    ]);
  });
  throw new AppError(
    403,
    "forbidden",
    "Bara handläggare, behandlare och enhetschefer kan registrera personer.",
  );
}

/**
 * A registration across a barrier. Partner contact's own barrier is known to both sides (he
 * consented to her being contacted), so his therapist is told why. A barrier a manager set
 * for another reason must not be revealed: the worker is sent to their unit manager, who
 * sees the attempt in the person's log review.
 */
async function refuseBarredRegistration(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
  partnerContact: boolean,
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "person.register",
        outcome: "denied",
        resourceType: "person",
        resourceId: personId,
        personId,
        data: { existing: true },
      },
    ]),
  );
  throw new AppError(
    409,
    "conflict",
    partnerContact
      ? "Personen finns på andra sidan en informationsspärr från ett ärende du har arbetat med och kan inte registreras av dig."
      : "Du kan inte registrera den här personen. Ta kontakt med din enhetschef.",
  );
}

async function barredByPartnerContact(trx: Trx, personId: string, actor: Actor) {
  const { rows } = await sql<{
    barred: boolean;
  }>`select frid_person_barred_by_partner_contact(${personId}::uuid, ${actor.userId}::uuid) as barred`.execute(
    trx,
  );
  return rows[0]?.barred ?? false;
}
