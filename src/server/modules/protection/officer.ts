import { sql } from "kysely";
import type { PersonRevealList, ProtectedPersonList } from "../../../shared/api/protection.ts";
import { displayIdentityNumber } from "../../../shared/personal-identity-number.ts";
import {
  type ProtectionLevel,
  shownReference,
  showPerson,
  withheldName,
} from "../../../shared/protection.ts";
import { type Actor, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { consultationsOf } from "./consultations.ts";

/**
 * The protection officer's page (issue 19, item 3): the protected persons of the units where
 * the caller is protection officer, each as a list shows her (a fictitious identity's real
 * name and number never), and every reveal of one of them — who, when, why. The officer need
 * not work her cases: the database's functions answer only for an officer of a unit holding
 * one of them (migration 0076), and never across a barrier.
 */

const notOfficer = () => new AppError(403, "forbidden", "Sidan är för enhetens skyddshandläggare.");

const notFound = () =>
  new AppError(
    404,
    "not_found",
    "Personen finns inte, eller så är du inte skyddshandläggare för henne.",
  );

type ProtectedRow = {
  person_id: string;
  given_name: string;
  family_name: string;
  identity_kind: string;
  identity_number: string | null;
  protection_level: ProtectionLevel;
  case_id: string;
  reference: string;
  case_status: string;
};

/** One entry per person, her cases in the officer's units beneath her. */
function byPerson(rows: ProtectedRow[]): ProtectedPersonList["persons"] {
  const persons = new Map<string, ProtectedPersonList["persons"][number]>();
  for (const r of rows) {
    const level = r.protection_level;
    const shown = showPerson(
      {
        name: `${r.given_name} ${r.family_name}`,
        identityNumber: displayIdentityNumber(r.identity_kind, r.identity_number),
        protectionLevel: level,
      },
      "list",
    );
    const person = persons.get(r.person_id) ?? {
      personId: r.person_id,
      name: shown.name ?? withheldName,
      identityNumber: shown.identityNumber,
      protectionLevel: level,
      cases: [],
    };
    if (!person.cases.some((c) => c.id === r.case_id))
      person.cases.push({
        id: r.case_id,
        reference: shownReference(level, r.reference),
        status: r.case_status,
      });
    persons.set(r.person_id, person);
  }
  return [...persons.values()];
}

/** The protected persons of the caller's units (as protection officer); one event names them. */
export async function listProtectedPersons(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<ProtectedPersonList> {
  const units = unitsWithRole(actor, ["protection_officer"]);
  if (units.length === 0) {
    await withActor(database.db, actor, (trx) =>
      recordAudit(trx, auditContext(actor, meta), [
        { action: "protection.persons_read", outcome: "denied", resourceType: "person" },
      ]),
    );
    throw notOfficer();
  }
  return withActor(database.db, actor, async (trx) => {
    const rows: ProtectedRow[] = [];
    for (const unit of units) {
      const { rows: found } = await sql<ProtectedRow>`
        select * from frid_protected_persons(${unit}::uuid)`.execute(trx);
      rows.push(...found);
    }
    const persons = byPerson(rows);
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "protection.persons_read",
        { resourceType: "person", personIds: persons.map((p) => p.personId), unitIds: units },
        { data: { shown: persons.length } },
      ),
    ]);
    return { persons };
  });
}

async function isOfficerFor(trx: Trx, personId: string): Promise<boolean> {
  const { rows } = await sql<{ officer: boolean }>`
    select frid_is_protection_officer_for(${personId}::uuid) as officer`.execute(trx);
  return Boolean(rows[0]?.officer);
}

/** Every reveal of her (newest first, the latest 200) and the consultations about her. */
export async function personReveals(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
): Promise<PersonRevealList> {
  const found = await withActor(database.db, actor, async (trx) => {
    if (!(await isOfficerFor(trx, personId))) return null;
    const rows = await trx
      .selectFrom("person_reveal as r")
      .innerJoin("app_user as u", "u.id", "r.user_id")
      .select([
        "r.id",
        "r.person_id",
        "u.display_name",
        "r.reason_code",
        "r.reason_text",
        "r.revealed_at",
        "r.expires_at",
      ])
      .where("r.person_id", "=", personId)
      .orderBy("r.revealed_at", "desc")
      .orderBy("r.id", "desc")
      .limit(200)
      .execute();
    const reveals = rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      userName: r.display_name,
      reasonCode: r.reason_code,
      reasonText: r.reason_text,
      revealedAt: new Date(r.revealed_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
    }));
    const consultations = await consultationsOf(trx, personId);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "protection.reveals_read",
        resourceType: "person",
        resourceId: personId,
        personId,
        data: { reveals: reveals.length },
      },
    ]);
    return { reveals, consultations };
  });
  if (found) return found;
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "protection.reveals_read",
        outcome: "denied",
        resourceType: "person",
        resourceId: personId,
        personId,
      },
    ]),
  );
  throw notFound();
}
