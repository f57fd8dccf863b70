import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { PersonDetail, PersonDetails, PersonView } from "../../../shared/api/persons.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { type Actor, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { RoleName } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import {
  findVisiblePerson,
  personDetails,
  searchVisiblePersons,
  toDetailsView,
  toPersonView,
  visibleCasesOfPerson,
} from "./queries.ts";

const registrarRoles: readonly RoleName[] = [
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
];

export const personNotFound = () =>
  new AppError(404, "not_found", "Personen finns inte, eller så saknar du behörighet.");

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

const protectionRank = {
  none: 0,
  confidentiality_marking: 1,
  protected_registration: 2,
  fictitious_identity: 3,
} as const;

/** Lowering protection opens letters and contact to addresses: not a single worker's call. */
function lowers(from: keyof typeof protectionRank, to: keyof typeof protectionRank) {
  return protectionRank[to] < protectionRank[from];
}

function mayLowerProtection(actor: Actor) {
  return unitsWithRole(actor, ["unit_manager", "protection_officer"]).length > 0;
}

/**
 * Registers a person. If the organisation already has a person with that identity
 * number, the registration links the caller to that person instead of failing: an error
 * would tell the caller that someone is already known to the organisation, which a
 * curious colleague (or an abusive partner on the staff) must not learn.
 */
export async function registerPerson(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: RegisterPersonInput,
): Promise<PersonView> {
  // Registering is case work: administrators, analysts and consultants do not handle persons.
  if (!actor.roles.some((r) => registrarRoles.includes(r.role))) {
    await withActor(database.db, actor, (trx) =>
      recordAudit(trx, auditContext(actor, meta), [
        { action: "person.register", outcome: "denied", resourceType: "person" },
      ]),
    );
    throw new AppError(
      403,
      "forbidden",
      "Bara handläggare, behandlare och enhetschefer kan registrera personer.",
    );
  }
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

  const registered = await withActor(database.db, actor, async (trx) => {
    const number = parsed?.normalized ?? reserve;
    // Only national numbers link to a known person; a reserve number never does (see 0015).
    const existing = parsed
      ? ((
          await sql<{
            id: string | null;
          }>`select frid_person_id_by_identity(${parsed.normalized}) as id`.execute(trx)
        ).rows[0]?.id ?? null)
      : null;
    // Across a barrier from her (his therapist typing his partner's number, say), the
    // person stays out of reach: he learns only what he already knows — that she is on the
    // other side of partner contact.
    if (existing && (await personBarred(trx, existing, actor.userId))) return null;
    const id = existing ?? randomUUID();
    if (!existing) {
      await trx
        .insertInto("person")
        .values({
          id,
          org_id: actor.orgId,
          identity_kind: parsed?.kind ?? (reserve ? "reserve_number" : "unidentified"),
          identity_number: number,
          given_name: input.givenName,
          family_name: input.familyName,
          birth_date: parsed?.birthDate ?? input.birthDate ?? null,
          sex: input.sex,
          created_by: actor.userId,
        })
        .execute();
    }
    await trx
      .insertInto("person_registration")
      .values({ org_id: actor.orgId, person_id: id, user_id: actor.userId })
      .onConflict((oc) => oc.columns(["person_id", "user_id"]).doNothing())
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
    return toPersonView(row);
  });
  if (registered) return registered;
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "person.register",
        outcome: "denied",
        resourceType: "person",
        data: { existing: true },
      },
    ]),
  );
  throw new AppError(
    409,
    "conflict",
    "Personen finns på andra sidan en informationsspärr från ett ärende du har arbetat med och kan inte registreras av dig.",
  );
}

/** Records a refused look at a person, in its own transaction, and answers 404. */
export async function denyPerson(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
  action: "person.read" | "person.update" | "case.open" | "intake.record" = "person.read",
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        outcome: "denied",
        resourceType: "person",
        resourceId: personId,
        personId,
      },
    ]),
  );
  throw personNotFound();
}

export async function readPerson(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
): Promise<PersonDetail> {
  const found = await withActor(database.db, actor, async (trx: Trx) => {
    const row = await findVisiblePerson(trx, actor, id);
    if (!row) return null;
    const cases = await visibleCasesOfPerson(trx, actor, id);
    // Contact details and how to reach the person safely are for those who work one of
    // their cases, never for someone who only registered the person (e.g. a colleague who
    // typed in a number they already knew): that is where an address would leak.
    const details = cases.length > 0 ? toDetailsView(await personDetails(trx, id)) : null;
    await recordAudit(trx, auditContext(actor, meta), [
      { action: "person.read", resourceType: "person", resourceId: id, personId: id },
    ]);
    return { ...toPersonView(row), cases, details };
  });
  return found ?? denyPerson(database, actor, meta, id);
}

/** Search by identity number (exact) or by the start of names; only persons one may see. */
export async function searchPersons(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  query: string,
) {
  const identity = parseIdentityNumber(query);
  const criteria = identity.ok ? { identityNumber: identity.value.normalized } : { name: query };
  return withActor(database.db, actor, async (trx) => {
    const rows = await searchVisiblePersons(trx, actor, criteria);
    const queryKind = identity.ok ? ("identity_number" as const) : ("name" as const);
    const data = { queryKind, resultCount: rows.length };
    // One event per person shown, so "who looked at her" includes who found her in a search.
    await recordAudit(
      trx,
      auditContext(actor, meta),
      rows.length > 0
        ? rows.map((r) => ({
            action: "person.search" as const,
            resourceType: "person" as const,
            resourceId: r.id,
            personId: r.id,
            data,
          }))
        : [{ action: "person.search", resourceType: "person", data }],
    );
    return rows.map(toPersonView);
  });
}

/** Changes what case work needs to know about a person; only for those who work one of their cases. */
export async function updatePersonDetails(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: Partial<PersonDetails> & { protectionLevel?: PersonDetail["protectionLevel"] },
): Promise<PersonDetail> {
  const interpreterNeeded = input.interpreterNeeded;
  if (interpreterNeeded && !input.interpreterLanguage?.trim()) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      interpreterLanguage: "Ange vilket språk tolken ska tala.",
    });
  }
  const outcome = await withActor(database.db, actor, async (trx) => {
    const row = await findVisiblePerson(trx, actor, id);
    if (!row) return "not_found" as const;
    if ((await visibleCasesOfPerson(trx, actor, id)).length === 0) return "forbidden" as const;
    const level = input.protectionLevel;
    if (level && lowers(row.protection_level, level) && !mayLowerProtection(actor))
      return "may_not_lower" as const;
    const s = input.safeContact;
    await trx
      .updateTable("person")
      .set({
        ...(input.languages !== undefined ? { languages: input.languages } : {}),
        ...(interpreterNeeded !== undefined
          ? {
              interpreter_needed: interpreterNeeded,
              interpreter_language: interpreterNeeded ? (input.interpreterLanguage ?? null) : null,
            }
          : {}),
        ...(s !== undefined ? { safe_contact: JSON.stringify(s) } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.postalAddress !== undefined ? { postal_address: input.postalAddress } : {}),
        ...(input.protectionLevel !== undefined ? { protection_level: input.protectionLevel } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "person.update",
        resourceType: "person",
        resourceId: id,
        personId: id,
        data: {
          fields: Object.keys(input),
          ...(level && level !== row.protection_level
            ? { protectionLevel: { from: row.protection_level, to: level } }
            : {}),
        },
      },
    ]);
    return "ok" as const;
  });
  if (outcome === "not_found") return denyPerson(database, actor, meta, id, "person.update");
  if (outcome !== "ok") {
    // A visible person the caller may not change this way: refused, and the attempt logged.
    await withActor(database.db, actor, (trx) =>
      recordAudit(trx, auditContext(actor, meta), [
        {
          action: "person.update",
          outcome: "denied",
          resourceType: "person",
          resourceId: id,
          personId: id,
        },
      ]),
    );
    throw new AppError(
      403,
      "forbidden",
      outcome === "may_not_lower"
        ? "Bara en enhetschef eller skyddshandläggare kan sänka skyddsnivån. Kontrollera uppgiften i folkbokföringen och be dem ändra."
        : "Bara de som arbetar med något av personens ärenden kan ändra uppgifterna.",
    );
  }
  return readPerson(database, actor, meta, id);
}

/** Whether the user has worked the other side of a barrier from one of the person's cases. */
export async function personBarred(trx: Trx, personId: string, userId: string) {
  const { rows } = await sql<{
    barred: boolean;
  }>`select frid_person_barred(${personId}::uuid, ${userId}::uuid) as barred`.execute(trx);
  return rows[0]?.barred ?? false;
}
