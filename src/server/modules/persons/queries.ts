import { type Expression, type SqlBool, sql } from "kysely";
import type { PersonDetails, PersonView } from "../../../shared/api/persons.ts";
import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases, accessiblePersons, knowsThroughCase } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";
import { type Cipher, openColumns, parseSafeContact } from "../../db/sealed-columns.ts";
import { preparedQuery } from "../../db/transaction-prelude.ts";
import { invalidCursor } from "../../http/errors.ts";

type PersonRow = {
  id: string;
  identity_kind: PersonView["identityKind"];
  identity_number: string | null;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  sex: PersonView["sex"];
  protection_level: PersonView["protectionLevel"];
  /** Shown as the actor typed them in (registrant without a case of the person). */
  as_typed: boolean;
};

export function toPersonView(row: PersonRow): PersonView {
  return {
    id: row.id,
    identityKind: row.identity_kind,
    identityNumber: displayIdentityNumber(row.identity_kind, row.identity_number),
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    sex: row.sex,
    protectionLevel: row.protection_level,
  };
}

/**
 * Persons the actor may see, each as the actor may see them: as the organisation knows them
 * to whoever sees one of their cases (or sees them as a relative in a case, migration 0016);
 * as typed in to whoever only registered them (migration 0026) — name, sex, no protection
 * level — so that registering a known number answers exactly as an unknown one would. The
 * number and the birth date it carries are what the registrant typed either way (only
 * national numbers link, and they are unique).
 */
export function shownPersons(trx: Trx, actor: Actor) {
  return (
    trx
      .selectFrom("person as p")
      // "Sees one of her cases" decides the rule and each shown column: asked once per row
      // here (OFFSET 0 keeps the planner from copying the subquery into every use of it).
      .innerJoinLateral(
        (eb) =>
          sql<{ knows: SqlBool }>`(select ${knowsThroughCase(actor)(eb)} as knows offset 0)`.as(
            "k",
          ),
        (j) => j.onTrue(),
      )
      .leftJoin("person_registration as r", (j) =>
        j.onRef("r.person_id", "=", "p.id").on("r.user_id", "=", actor.userId),
      )
      .where((eb) => accessiblePersons(actor, eb.ref("k.knows"))(eb))
      .select((eb) => {
        const typed = eb.and([eb("r.person_id", "is not", null), eb.not(eb.ref("k.knows"))]);
        const pick = <T>(mine: Expression<T | null>, stored: Expression<T>) =>
          eb.case().when(typed).then(mine).else(stored).end().$notNull();
        return [
          "p.id",
          "p.identity_kind",
          "p.identity_number",
          "p.birth_date",
          pick(eb.ref("r.given_name"), eb.ref("p.given_name")).as("given_name"),
          pick(eb.ref("r.family_name"), eb.ref("p.family_name")).as("family_name"),
          pick(eb.ref("r.sex"), eb.ref("p.sex")).as("sex"),
          eb
            .case()
            .when(typed)
            .then(sql<null>`null`)
            .else(eb.ref("p.protection_level"))
            .end()
            .as("protection_level"),
          typed.as("as_typed"),
        ];
      })
  );
}

export async function findVisiblePerson(
  trx: Trx,
  actor: Actor,
  id: string,
): Promise<PersonRow | undefined> {
  const row = await shownPersons(trx, actor).where("p.id", "=", id).executeTakeFirst();
  return row && { ...row, as_typed: Boolean(row.as_typed) };
}

const asPersonRow = <R extends { as_typed: unknown }>(row: R) => ({
  ...row,
  as_typed: Boolean(row.as_typed),
});

/**
 * The person with this national number, if the caller may see them, as they may see them.
 * By equality on identity_number, which holds the one normalised form (twelve digits) of
 * personnummer and samordningsnummer alike: the unique (org_id, identity_number) index
 * answers it, its predicate (the national kinds) said here so the planner may use it.
 */
export async function searchVisibleByIdentity(
  trx: Trx,
  actor: Actor,
  normalized: string,
): Promise<PersonRow[]> {
  // Prepared (PostgreSQL): parsed once per connection, and PostgreSQL may keep one plan for
  // every number once it finds that plan no dearer (the most frequent search there is).
  const query = shownPersons(trx, actor)
    // The kinds written into the text, not sent as parameters: a plan kept for every number
    // may use the partial index only if its predicate is in the text.
    .where(sql<boolean>`p.identity_kind in ('personal_identity_number', 'coordination_number')`)
    .where("p.identity_number", "=", normalized);
  const { rows } = await trx.executeQuery(preparedQuery(query.compile()));
  return rows.map(asPersonRow);
}

export type NameHitRow = PersonRow & { approximate: boolean };

/**
 * A page of persons whose name, as the caller is shown it, matches: ranked and found by the
 * trigram index in frid_person_search (migration 0035), which applies the access rule to
 * its candidates; the page's persons are then read by id here, under row-level security
 * and the application's rule as every read is, in the function's order. Up to `limit + 1`
 * rows: the extra one only says there is more. `before` is the last id of the page before;
 * one that is not a row of this search answers 400.
 */
export async function searchVisibleByName(
  trx: Trx,
  actor: Actor,
  name: string,
  page: { limit: number; before?: string | undefined },
): Promise<NameHitRow[]> {
  const hits = await sql<{ person_id: string; approximate: boolean }>`
    select person_id, approximate
      from frid_person_search(${name}, ${page.before ?? null}::uuid, ${page.limit + 1}::integer)`
    .execute(trx)
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "22023") throw invalidCursor();
      throw error;
    });
  if (hits.rows.length === 0) return [];
  const ids = hits.rows.map((h) => h.person_id);
  // Prepared, as the search by number above (the text changes only with the page's length).
  const { rows } = await trx.executeQuery(
    preparedQuery(shownPersons(trx, actor).where("p.id", "in", ids).compile()),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.rows.flatMap((h) => {
    const row = byId.get(h.person_id);
    return row ? [{ ...asPersonRow(row), approximate: Boolean(h.approximate) }] : [];
  });
}

export function visibleCasesOfPerson(trx: Trx, actor: Actor, personId: string) {
  return trx
    .selectFrom("case as c")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .select([
      "c.id",
      "c.reference",
      "c.unit_id as unitId",
      "u.name as unitName",
      "c.case_type as caseType",
      "c.status",
    ])
    .where("c.person_id", "=", personId)
    .where(accessibleCases(actor))
    .orderBy("c.opened_at", "desc")
    .execute();
}

/**
 * Details for case work, contact details opened: only read for someone who may see one of
 * the person's cases.
 */
export async function personDetails(trx: Trx, cipher: Cipher, id: string) {
  const row = await trx
    .selectFrom("person")
    .select([
      "org_id",
      "languages",
      "interpreter_needed",
      "interpreter_language",
      "safe_contact",
      "phone",
      "email",
      "postal_address",
    ])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return openColumns(cipher, "person", row.org_id, id, row);
}

export function toDetailsView(row: Awaited<ReturnType<typeof personDetails>>): PersonDetails {
  const safe = parseSafeContact(row.safe_contact);
  return {
    languages: row.languages,
    interpreterNeeded: row.interpreter_needed,
    interpreterLanguage: row.interpreter_language,
    safeContact: {
      mayCall: safe.mayCall ?? null,
      mayLeaveVoicemail: safe.mayLeaveVoicemail ?? null,
      maySendLetters: safe.maySendLetters ?? null,
      maySendSms: safe.maySendSms ?? null,
      letterAddress: safe.letterAddress ?? null,
      timesToAvoid: safe.timesToAvoid ?? null,
      codeWord: safe.codeWord ?? null,
      notes: safe.notes ?? null,
    },
    phone: row.phone,
    email: row.email,
    postalAddress: row.postal_address,
  };
}
