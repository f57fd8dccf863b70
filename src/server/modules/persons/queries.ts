import type { PersonDetails, PersonView } from "../../../shared/api/persons.ts";
import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import { foldForSearch } from "../../../shared/search-text.ts";
import type { Actor } from "../../access/actor.ts";
import { accessibleCases, accessiblePersons } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";

const personColumns = [
  "p.id",
  "p.identity_kind",
  "p.identity_number",
  "p.given_name",
  "p.family_name",
  "p.birth_date",
  "p.sex",
  "p.protection_level",
] as const;

type PersonRow = {
  id: string;
  identity_kind: PersonView["identityKind"];
  identity_number: string | null;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  sex: PersonView["sex"];
  protection_level: PersonView["protectionLevel"];
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

export function findVisiblePerson(trx: Trx, actor: Actor, id: string) {
  return trx
    .selectFrom("person as p")
    .select(personColumns)
    .where("p.id", "=", id)
    .where(accessiblePersons(actor))
    .executeTakeFirst();
}

export function searchVisiblePersons(
  trx: Trx,
  actor: Actor,
  query: { identityNumber: string } | { name: string },
) {
  let q = trx.selectFrom("person as p").select(personColumns).where(accessiblePersons(actor));
  if ("identityNumber" in query) {
    q = q.where("p.identity_number", "=", query.identityNumber);
  } else {
    // Every word must begin a word of the name, ignoring case and accents.
    const words = foldForSearch(query.name).split(/\s+/).filter(Boolean);
    for (const word of words) {
      const pattern = `% ${word.replace(/[\\%_]/g, "\\$&")}%`;
      q = q.where("p.search_name", "like", pattern);
    }
  }
  return q.orderBy("p.family_name").orderBy("p.given_name").limit(50).execute();
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
