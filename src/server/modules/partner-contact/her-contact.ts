import type { Trx } from "../../access/transaction.ts";
import { type Cipher, openColumns, parseSafeContact } from "../../db/sealed-columns.ts";
import { type ContactOption, firstContactOptions } from "../../output/first-contact.ts";
import type { CaseRow } from "../cases/queries.ts";

/**
 * How her worker may first reach her, the one rule for her case's page and for the letter
 * and text it prints (documents.ts): her own letter address, else her registered one, else
 * the one he gave; her number, else his; within her safe-contact instructions. Nothing goes
 * out once her case is closed or he has withdrawn the consent the letter says he gave.
 */
export async function herContact(trx: Trx, cipher: Cipher, c: CaseRow) {
  const [stored, withdrawn] = await Promise.all([
    trx
      .selectFrom("partner_contact as pc")
      .innerJoin("case as k", "k.id", "pc.case_id")
      .innerJoin("person as p", "p.id", "k.person_id")
      .select([
        "pc.org_id",
        "k.person_id",
        "pc.given_phone",
        "pc.given_address",
        "p.given_name",
        "p.family_name",
        "p.protection_level",
        "p.safe_contact",
        "p.phone",
        "p.postal_address",
      ])
      .where("pc.case_id", "=", c.id)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom("barrier_event")
      .select("id")
      .where("to_case_id", "=", c.id)
      .where("kind", "=", "consent_withdrawn")
      .executeTakeFirst(),
  ]);
  // Two rows, each value opened under its own: his case's partner_contact, her person.
  const given = await openColumns(cipher, "partner_contact", stored.org_id, c.id, {
    given_phone: stored.given_phone,
    given_address: stored.given_address,
  });
  const row = {
    ...stored,
    ...given,
    ...(await openColumns(cipher, "person", stored.org_id, stored.person_id, {
      phone: stored.phone,
      postal_address: stored.postal_address,
      safe_contact: stored.safe_contact,
    })),
  };
  const safeContact = parseSafeContact(row.safe_contact);
  const address = safeContact.letterAddress?.trim() || row.postal_address || row.given_address;
  const phone = row.phone ?? row.given_phone;
  const options = firstContactOptions({
    protectionLevel: row.protection_level,
    safeContact,
    address,
    phone,
  });
  const consentWithdrawn = withdrawn !== undefined;
  const sends = (method: ContactOption["method"]) =>
    c.status !== "closed" &&
    !consentWithdrawn &&
    options.some((o) => o.method === method && o.allowed);
  return {
    name: `${row.given_name} ${row.family_name}`,
    protectionLevel: row.protection_level,
    address,
    phone,
    options,
    consentWithdrawn,
    /** What the page offers to print or copy now; the documents refuse anything else. */
    firstContact: { letter: sends("letter"), sms: sends("sms"), consentWithdrawn },
  };
}
