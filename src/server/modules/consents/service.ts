import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type {
  ConsentGiverBody,
  RecordSharingConsentBody,
  SharingConsentView,
} from "../../../shared/api/sharing-consents.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { RecordNotInCase } from "../../access/case-guard.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid, notInFuture } from "../../http/errors.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";
import { caseConsents, oneConsent, personConsents } from "./queries.ts";
import { requireCaseUser, subjectOfCase } from "./subjects.ts";

/**
 * The consent registry's commands (issue 18, item 3), each a case command: record a consent
 * with its givers, add a giver later (the second custodian), revoke it once. Reads list the
 * case's consents, or a person's across the cases the reader may see.
 */

const closedMessage = "Ärendet är avslutat. Öppna det igen för att registrera samtycken.";

export function readCaseConsents(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "sharing_consent.read",
    run: ({ trx }) => caseConsents(trx, caseId),
    event: (consents) => ({ data: { shown: consents.length } }),
  });
}

/** A giver's own rules: the right kind for whose consent it is, the form's evidence. */
async function checkGiver(
  trx: Trx,
  caseId: string,
  actor: Actor,
  g: ConsentGiverBody,
  custodiansRequired: number | null,
  field: string,
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, `${field}.givenOn`, g.givenOn);
  if (custodiansRequired === null && g.kind !== "self")
    fields[`${field}.kind`] = "En vuxen ger sitt samtycke själv.";
  if (custodiansRequired !== null && g.kind !== "custodian")
    fields[`${field}.kind`] = "För ett barn ger vårdnadshavarna samtycket.";
  if (g.form === "written" && !g.documentId)
    fields[`${field}.documentId`] = "Ladda upp den undertecknade blanketten.";
  if (g.form === "oral" && !g.heardBy) fields[`${field}.heardBy`] = "Ange vem som hörde samtycket.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
  if (g.form === "written" && g.documentId) {
    const doc = await trx
      .selectFrom("document")
      .select("id")
      .where("id", "=", g.documentId)
      .where("case_id", "=", caseId)
      .where("kind", "=", "sharing_consent")
      .where("destroyed_at", "is", null)
      .executeTakeFirst();
    if (!doc)
      throw invalid({
        [`${field}.documentId`]: "Blanketten finns inte bland ärendets handlingar.",
      });
  }
  if (g.form === "oral" && g.heardBy)
    await requireCaseUser(trx, caseId, actor.userId, g.heardBy, `${field}.heardBy`);
}

/** Two custodians are two people: the same name twice does not make a child's consent whole. */
async function requireOtherCustodian(trx: Trx, consentId: string, name: string) {
  const same = await trx
    .selectFrom("consent_giver")
    .select("id")
    .where("consent_id", "=", consentId)
    .where(sql<boolean>`lower(trim(name)) = lower(trim(${name}))`)
    .executeTakeFirst();
  if (same)
    throw invalid({
      "giver.name": "Den vårdnadshavaren har redan gett samtycket. Ange den andra vårdnadshavaren.",
    });
}

async function insertGiver(
  trx: Trx,
  actor: Actor,
  caseId: string,
  consentId: string,
  g: ConsentGiverBody,
) {
  const id = randomUUID();
  await trx
    .insertInto("consent_giver")
    .values({
      id,
      org_id: actor.orgId,
      consent_id: consentId,
      case_id: caseId,
      kind: g.kind,
      name: g.name,
      form: g.form,
      document_id: g.form === "written" ? g.documentId : null,
      heard_by: g.form === "oral" ? g.heardBy : null,
      given_on: g.givenOn,
      recorded_by: actor.userId,
    })
    .execute();
  return id;
}

function checkConsentBody(input: RecordSharingConsentBody) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "givenOn", input.givenOn);
  if (!input.recipientAgencyId && !input.recipientName)
    fields.recipientAgencyId =
      "Välj mottagare i samverkansregistret, eller skriv mottagarens namn.";
  if (input.expiresOn && input.expiresOn < input.givenOn)
    fields.expiresOn = "Samtycket kan inte upphöra innan det gavs.";
  if (input.givers.length > (input.custodiansRequired ?? 1))
    fields.givers = "Fler givare än samtycket behöver.";
  const names = input.givers.map((g) => g.name.trim().toLowerCase());
  if (new Set(names).size < names.length)
    fields.givers = "Samma vårdnadshavare står två gånger. Ange den andra vårdnadshavaren.";
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

export function recordSharingConsent(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: RecordSharingConsentBody,
) {
  checkConsentBody(input);
  const id = randomUUID();
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "sharing_consent.record",
    changes: true,
    requires: ["change"],
    closedMessage,
    run: async ({ trx, case: c }) => {
      const subject = await subjectOfCase(trx, c, input.personId);
      if (subject.isChild !== (input.custodiansRequired !== null))
        throw invalid({
          custodiansRequired: subject.isChild
            ? "Ange hur många vårdnadshavare som ska samtycka: 1 vid ensam vårdnad, annars 2."
            : "En vuxen samtycker själv; ange inga vårdnadshavare.",
        });
      await checkRecipient(trx, input.recipientAgencyId);
      for (const [i, g] of input.givers.entries())
        await checkGiver(trx, caseId, actor, g, input.custodiansRequired, `givers.${i}`);
      await trx
        .insertInto("consent")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          scope: "sharing",
          person_id: input.personId,
          information: input.information,
          purpose: input.purpose,
          recipient_agency_id: input.recipientAgencyId,
          recipient_name: input.recipientAgencyId ? null : input.recipientName,
          given_on: input.givenOn,
          expires_on: input.expiresOn,
          custodians_required: input.custodiansRequired,
          recorded_by: actor.userId,
        })
        .execute();
      for (const g of input.givers) await insertGiver(trx, actor, caseId, id, g);
      return (await oneConsent(trx, caseId, id)) as SharingConsentView;
    },
    event: () => ({ data: { consentId: id, givers: input.givers.length } }),
  });
}

async function checkRecipient(trx: Trx, agencyId: string | null) {
  if (!agencyId) return;
  const agency = await trx
    .selectFrom("agency")
    .select("id")
    .where("id", "=", agencyId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!agency) throw invalid({ recipientAgencyId: "Mottagaren finns inte i samverkansregistret." });
}

/**
 * The consent of the case for a change. No row lock of its own: every change of a consent is a
 * case command, and the case row is locked first (runCaseCommand), so a giver and a revocation
 * never cross.
 */
async function lockedConsent(trx: Trx, caseId: string, consentId: string) {
  const row = await trx
    .selectFrom("consent")
    .select(["id", "given_on", "revoked_on", "custodians_required"])
    .where("id", "=", consentId)
    .where("case_id", "=", caseId)
    .where("scope", "=", "sharing")
    .executeTakeFirst();
  if (!row) throw new RecordNotInCase("Samtycket finns inte i ärendet.");
  if (row.revoked_on) throw new AppError(409, "conflict", "Samtycket är redan återkallat.");
  return row;
}

export function addConsentGiver(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  consentId: string,
  giver: ConsentGiverBody,
) {
  const giverId = { value: "" };
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "sharing_consent.giver",
    changes: true,
    requires: ["change"],
    closedMessage,
    run: async ({ trx }) => {
      const consent = await lockedConsent(trx, caseId, consentId);
      await checkGiver(trx, caseId, actor, giver, consent.custodians_required, "giver");
      const given = await trx
        .selectFrom("consent_giver")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("consent_id", "=", consentId)
        .executeTakeFirstOrThrow();
      if (Number(given.n) >= (consent.custodians_required ?? 1))
        throw new AppError(409, "conflict", "Samtycket har redan alla givare det behöver.");
      await requireOtherCustodian(trx, consentId, giver.name);
      giverId.value = await insertGiver(trx, actor, caseId, consentId, giver);
      return (await oneConsent(trx, caseId, consentId)) as SharingConsentView;
    },
    event: () => ({ data: { consentId, giverId: giverId.value } }),
  });
}

export function revokeSharingConsent(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  consentId: string,
  input: { revokedOn: string; reason: string },
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "revokedOn", input.revokedOn);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "consent.revoke",
    changes: true,
    requires: ["change"],
    closedMessage,
    run: async ({ trx }) => {
      const consent = await lockedConsent(trx, caseId, consentId);
      if (input.revokedOn < consent.given_on)
        throw invalid({ revokedOn: "Samtycket kan inte återkallas innan det gavs." });
      await trx
        .updateTable("consent")
        .set({ revoked_on: input.revokedOn, revoked_reason: input.reason })
        .where("id", "=", consentId)
        .where("revoked_on", "is", null)
        .executeTakeFirstOrThrow();
      return (await oneConsent(trx, caseId, consentId)) as SharingConsentView;
    },
    event: () => ({ data: { consentId } }),
  });
}

/** Her consents to share in the cases the reader may see: one audited read of the person. */
export async function readPersonConsents(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
): Promise<SharingConsentView[]> {
  const found = await withActor(database.db, actor, async (trx) => {
    if (!(await findVisiblePerson(trx, actor, personId))) return null;
    const { rows, views } = await personConsents(trx, actor, personId);
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "sharing_consent.read",
        {
          resourceType: "person",
          caseIds: rows.map((r) => r.case_id),
          unitIds: rows.map((r) => r.unit_id),
        },
        { personId, resourceId: personId, data: { shown: views.length } },
      ),
    ]);
    return views;
  });
  return found ?? denyPerson(database, actor, meta, personId);
}
