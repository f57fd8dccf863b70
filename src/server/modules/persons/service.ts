import { sql } from "kysely";
import type { PersonDetail, PersonDetails, PersonList } from "../../../shared/api/persons.ts";
import { parseIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { lowersProtection } from "../../../shared/protection.ts";
import { type Actor, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { casesNotOnlyByBreakGlass } from "../../access/break-glass-access.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { type Cipher, sealColumns } from "../../db/sealed-columns.ts";
import { AppError } from "../../http/errors.ts";
import { consultationNeeded, consultationOutcome } from "../protection/consultations.ts";
import {
  findVisiblePerson,
  personDetails,
  searchVisibleByIdentity,
  searchVisibleByName,
  toDetailsView,
  toPersonView,
  visibleCasesOfPerson,
} from "./queries.ts";
import { detailsFor, liveReveal, maskedFields, masksContact } from "./reveal.ts";
import { listedPersonView } from "./shown.ts";

export const personNotFound = () =>
  new AppError(404, "not_found", "Personen finns inte, eller så saknar du behörighet.");

/**
 * Unit managers and protection officers of a unit that holds one of her cases (as the caller
 * sees them); the person's page offers lowering only to them. The role held in some other
 * unit does not count: there the caller is whatever they are on her case.
 */
function mayLowerProtection(actor: Actor, caseUnits: readonly string[]) {
  return unitsWithRole(actor, ["unit_manager", "protection_officer"]).some((u) =>
    caseUnits.includes(u),
  );
}

/** The person with this national number, whether or not the caller may see them. */
export async function personIdByIdentity(trx: Trx, normalized: string): Promise<string | null> {
  const { rows } = await sql<{
    id: string | null;
  }>`select frid_person_id_by_identity(${normalized}) as id`.execute(trx);
  return rows[0]?.id ?? null;
}

/** Records a refused look at a person, in its own transaction, and answers 404. */
export async function denyPerson(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
  action:
    | "person.read"
    | "person.update"
    | "person.reveal"
    | "case.open"
    | "intake.record"
    | "outcome_measures.read" = "person.read",
  /** What the caller is told: by default the answer a missing person gets. */
  error: AppError = personNotFound(),
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
  throw error;
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
    // A protected person's address and contact details stay masked until revealed with a
    // reason (reveal.ts).
    const shown =
      cases.length > 0
        ? await detailsFor(trx, database.cipher, actor, id, row.protection_level)
        : null;
    await recordAudit(trx, auditContext(actor, meta), [
      { action: "person.read", resourceType: "person", resourceId: id, personId: id },
    ]);
    return {
      ...toPersonView(row),
      cases: cases.map(({ unitId: _unit, ...c }) => c),
      details: shown?.details ?? null,
      contactMasked: shown?.contactMasked ?? false,
      revealedUntil: shown?.revealedUntil ?? null,
      abilities: {
        lowerProtection: mayLowerProtection(
          actor,
          cases.map((c) => c.unitId),
        ),
        // Masked details are revealed by one who works her case, never through break-glass.
        reveal:
          (shown?.contactMasked ?? false) &&
          (await casesNotOnlyByBreakGlass(trx, actor, cases)).length > 0,
      },
    };
  });
  return found ?? denyPerson(database, actor, meta, id);
}

/**
 * Search by identity number (exact) or by name (ranked, a page at a time); only persons one
 * may see, each as one may see them (see findVisiblePerson). A search by an exact national
 * number that shows nothing still names the person it concerned in the trail, so her log
 * review lists who typed her number; the searcher learns nothing from it.
 */
export async function searchPersons(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  search: { query: string; limit: number; before?: string | undefined },
): Promise<PersonList> {
  const identity = parseIdentityNumber(search.query);
  return withActor(database.db, actor, async (trx) => {
    const found = identity.ok
      ? {
          hits: (await searchVisibleByIdentity(trx, actor, identity.value.normalized)).map((r) => ({
            ...r,
            match: "exact" as const,
          })),
          more: false,
        }
      : await nameHits(trx, actor, search);
    const rows = found.hits;
    const queryKind = identity.ok ? ("identity_number" as const) : ("name" as const);
    const data = { queryKind, resultCount: rows.length };
    const hidden =
      identity.ok && rows.length === 0
        ? await personIdByIdentity(trx, identity.value.normalized)
        : null;
    // One event naming every person shown, so "who looked at her" includes who found her.
    await recordAudit(trx, auditContext(actor, meta), [
      hidden
        ? {
            action: "person.search",
            outcome: "denied",
            resourceType: "person",
            resourceId: hidden,
            personId: hidden,
            data,
          }
        : listEntry(
            "person.search",
            { resourceType: "person", personIds: rows.map((r) => r.id) },
            { data },
          ),
    ]);
    return {
      persons: rows.map((r) => ({ ...listedPersonView(toPersonView(r)), match: r.match })),
      nextCursor: found.more ? (rows.at(-1)?.id ?? null) : null,
    };
  });
}

/** A page of name matches (`limit` of them) and whether more follow. */
async function nameHits(
  trx: Trx,
  actor: Actor,
  search: { query: string; limit: number; before?: string | undefined },
) {
  const rows = await searchVisibleByName(trx, actor, search.query, search);
  return {
    hits: rows.slice(0, search.limit).map((r) => ({
      ...r,
      match: r.approximate ? ("similar" as const) : ("prefix" as const),
    })),
    more: rows.length > search.limit,
  };
}

type PersonUpdate = Partial<PersonDetails> & {
  protectionLevel?: NonNullable<PersonDetail["protectionLevel"]>;
};

/** Changes what case work needs to know about a person; only for those who work one of their cases. */
export async function updatePersonDetails(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: PersonUpdate,
): Promise<PersonDetail> {
  if (input.interpreterNeeded && !input.interpreterLanguage?.trim()) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      interpreterLanguage: "Ange vilket språk tolken ska tala.",
    });
  }
  // A command on a person, not on one case: it stays in the actor's own transaction, and a
  // refusal is a person's (denyPerson), not runCaseCommand's.
  // The organisation's data key is made before the transaction (db/field-cipher.ts says why).
  await database.cipher.ready(actor.orgId);
  const outcome = await withActor(database.db, actor, (trx) =>
    applyPersonUpdate(trx, database.cipher, actor, meta, id, input),
  );
  if (outcome === "not_found") return denyPerson(database, actor, meta, id, "person.update");
  if (outcome !== "ok") await refusePersonUpdate(database, actor, meta, id, outcome);
  return readPerson(database, actor, meta, id);
}

/** The checks (visible, works one of her cases, may lower her protection), the change, its event. */
async function applyPersonUpdate(
  trx: Trx,
  cipher: Cipher,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: PersonUpdate,
) {
  const row = await findVisiblePerson(trx, actor, id);
  if (!row) return "not_found" as const;
  const from = row.protection_level;
  // Only someone who sees one of her cases knows her protection level (and may change it).
  // …other than by break-glass, which only reads (issue 19, item 6).
  const cases = await casesNotOnlyByBreakGlass(
    trx,
    actor,
    await visibleCasesOfPerson(trx, actor, id),
  );
  if (from === null || cases.length === 0) return "forbidden" as const;
  const level = input.protectionLevel;
  const units = cases.map((c) => c.unitId);
  if (level && lowersProtection(from, level)) {
    if (!mayLowerProtection(actor, units)) return "may_not_lower" as const;
    const consulted = await consultationOutcome(trx, id, "lower_protection");
    if (consulted !== "agreed") return consulted;
  }
  const change = await unmaskedChange(trx, cipher, actor, id, from, input);
  // The organisation's data key exists already (cipher.ready before the transaction), so
  // sealing here makes no round trip on the owner connection.
  const changes = await sealColumns(cipher, "person", actor.orgId, id, personChanges(change));
  await trx.updateTable("person").set(changes).where("id", "=", id).execute();
  await recordAudit(trx, auditContext(actor, meta), [
    {
      action: "person.update",
      resourceType: "person",
      resourceId: id,
      personId: id,
      data: {
        fields: Object.keys(input),
        ...(level && level !== from ? { protectionLevel: { from, to: level } } : {}),
      },
    },
  ]);
  return "ok" as const;
}

/**
 * The change as it may be applied by someone who sees her details masked: a field left empty
 * there keeps what is stored (the form could not show it), a new value replaces it. Clearing
 * a masked field takes a reveal first.
 */
async function unmaskedChange(
  trx: Trx,
  cipher: Cipher,
  actor: Actor,
  id: string,
  level: NonNullable<PersonDetail["protectionLevel"]>,
  input: PersonUpdate,
): Promise<PersonUpdate> {
  if (!masksContact(level) || (await liveReveal(trx, actor, id))) return input;
  const change: PersonUpdate = { ...input };
  for (const field of maskedFields) if (change[field] === null) delete change[field];
  const s = input.safeContact;
  if (s) {
    const stored = toDetailsView(await personDetails(trx, cipher, id)).safeContact;
    change.safeContact = {
      ...s,
      letterAddress: s.letterAddress ?? stored.letterAddress,
      codeWord: s.codeWord ?? stored.codeWord,
      notes: s.notes ?? stored.notes,
    };
  }
  return change;
}

/** The columns the input names, and only those (an absent field is left as it is). */
function personChanges(input: PersonUpdate) {
  const interpreterNeeded = input.interpreterNeeded;
  const s = input.safeContact;
  return {
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
  };
}

/** A visible person the caller may not change this way: refused, and the attempt logged. */
async function refusePersonUpdate(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  outcome: "forbidden" | "may_not_lower" | "not_consulted" | "advised_against",
): Promise<never> {
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
  if (outcome === "not_consulted" || outcome === "advised_against")
    throw consultationNeeded(outcome, "lower_protection");
  throw new AppError(
    403,
    "forbidden",
    outcome === "may_not_lower"
      ? "Bara en enhetschef eller skyddshandläggare kan sänka skyddsnivån. Kontrollera uppgiften i folkbokföringen och be dem ändra."
      : "Bara de som arbetar med något av personens ärenden kan ändra uppgifterna.",
  );
}

/** Whether the user has worked the other side of a barrier from one of the person's cases. */
export async function personBarred(trx: Trx, personId: string, userId: string) {
  const { rows } = await sql<{
    barred: boolean;
  }>`select frid_person_barred(${personId}::uuid, ${userId}::uuid) as barred`.execute(trx);
  return rows[0]?.barred ?? false;
}
