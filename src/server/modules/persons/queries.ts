import { type Expression, sql } from "kysely";
import type { PersonDetails, PersonView } from "../../../shared/api/persons.ts";
import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { foldForSearch } from "../../../shared/search-text.ts";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases, accessiblePersons, knowsThroughCase } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";

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
function shownPersons(trx: Trx, actor: Actor) {
  return trx
    .selectFrom("person as p")
    .leftJoin("person_registration as r", (j) =>
      j.onRef("r.person_id", "=", "p.id").on("r.user_id", "=", actor.userId),
    )
    .where(accessiblePersons(actor))
    .select((eb) => {
      const typed = eb.and([
        eb("r.person_id", "is not", null),
        eb.not(knowsThroughCase(actor)(eb)),
      ]);
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
        pick(eb.ref("r.search_name"), eb.ref("p.search_name")).as("search_name"),
      ];
    });
}

export async function findVisiblePerson(
  trx: Trx,
  actor: Actor,
  id: string,
): Promise<PersonRow | undefined> {
  const row = await shownPersons(trx, actor).where("p.id", "=", id).executeTakeFirst();
  return row && { ...row, as_typed: Boolean(row.as_typed) };
}

export async function searchVisiblePersons(
  trx: Trx,
  actor: Actor,
  query: { identityNumber: string } | { name: string },
): Promise<PersonRow[]> {
  // Wrapped so the name is matched as shown: a registrant's search never finds a person by
  // a stored name they did not type (that would confirm it).
  let q = trx.selectFrom(shownPersons(trx, actor).as("s")).selectAll("s");
  if ("identityNumber" in query) {
    q = q.where("s.identity_number", "=", query.identityNumber);
  } else {
    // Every word must begin a word of the name, ignoring case and accents.
    const words = foldForSearch(query.name).split(/\s+/).filter(Boolean);
    for (const word of words) {
      const pattern = `% ${word.replace(/[\\%_]/g, "\\$&")}%`;
      q = q.where("s.search_name", "like", pattern);
    }
  }
  const rows = await q.orderBy("s.family_name").orderBy("s.given_name").limit(50).execute();
  return rows.map((r) => ({ ...r, as_typed: Boolean(r.as_typed) }));
}

export function visibleCasesOfPerson(trx: Trx, actor: Actor, personId: string) {
  return trx
    .selectFrom("case as c")
    .innerJoin("unit as u", "u.id", "c.unit_id")
    .select(["c.id", "c.reference", "u.name as unitName", "c.case_type as caseType", "c.status"])
    .where("c.person_id", "=", personId)
    .where(accessibleCases(actor))
    .orderBy("c.opened_at", "desc")
    .execute();
}

/** Details for case work: only read for someone who may see one of the person's cases. */
export function personDetails(trx: Trx, id: string) {
  return trx
    .selectFrom("person")
    .select([
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
}

export function toDetailsView(row: Awaited<ReturnType<typeof personDetails>>): PersonDetails {
  const safe = row.safe_contact ?? {};
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
