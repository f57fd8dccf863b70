import { sql } from "kysely";
import {
  type ConsultationKind,
  consultationValidDays,
  type ProtectionConsultation,
  type ProtectionConsultationBody,
} from "../../../shared/api/protection.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The protection officer's consultation (issue 19, item 3; Trollhättan's routine, seed 001:
 * "en sekretessprövning innan något lämnas ut"). Before a person's protection is lowered, and
 * before anything about a protected person is disclosed, her protection officer — an officer
 * of a unit holding one of her cases — is consulted and records it. A consultation counts for
 * `consultationValidDays`; the latest one of its kind decides: "advised_against" stops the
 * step as surely as none at all.
 */

export type ConsultationOutcomeNow = "agreed" | "advised_against" | "not_consulted";

/** The latest consultation of this kind about the person within its time, or none. */
export async function consultationOutcome(
  trx: Trx,
  personId: string,
  kind: ConsultationKind,
): Promise<ConsultationOutcomeNow> {
  const row = await trx
    .selectFrom("protection_consultation")
    .select("outcome")
    .where("person_id", "=", personId)
    .where("kind", "=", kind)
    .where("consulted_at", ">", sql<Date>`now() - make_interval(days => ${consultationValidDays})`)
    .orderBy("consulted_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.outcome ?? "not_consulted";
}

const stepText: Record<ConsultationKind, string> = {
  lower_protection: "skyddsnivån sänks",
  disclosure: "uppgifter om en person med skyddade personuppgifter lämnas ut",
};

/** 409: the step waits for the protection officer; the message says what to do. */
export function consultationNeeded(
  outcome: Exclude<ConsultationOutcomeNow, "agreed">,
  kind: ConsultationKind,
): AppError {
  return new AppError(
    409,
    "consultation_required",
    outcome === "advised_against"
      ? `Skyddshandläggaren har avrått från att ${kind === "lower_protection" ? "sänka skyddsnivån" : "lämna ut uppgifterna"}. Ta upp det med skyddshandläggaren igen innan du går vidare.`
      : `Samråd med skyddshandläggaren innan ${stepText[kind]}. Be enhetens skyddshandläggare registrera samrådet (det gäller i ${consultationValidDays} dagar) och försök sedan igen.`,
  );
}

/** Refuses the step unless the officer agreed within the time. */
export async function requireConsultation(trx: Trx, personId: string, kind: ConsultationKind) {
  const outcome = await consultationOutcome(trx, personId, kind);
  if (outcome !== "agreed") throw consultationNeeded(outcome, kind);
}

const consultationNotFound = () =>
  new AppError(
    404,
    "not_found",
    "Ärendet finns inte, eller så är du inte skyddshandläggare på ärendets enhet.",
  );

/** The consultations about a person, newest first, as the caller may see them. */
export async function consultationsOf(
  trx: Trx,
  personId: string,
): Promise<ProtectionConsultation[]> {
  const rows = await trx
    .selectFrom("protection_consultation as pc")
    .innerJoin("app_user as u", "u.id", "pc.officer_id")
    .select([
      "pc.id",
      "pc.person_id",
      "pc.case_id",
      "pc.kind",
      "pc.outcome",
      "pc.note",
      "pc.consulted_at",
      "u.display_name",
    ])
    .where("pc.person_id", "=", personId)
    .orderBy("pc.consulted_at", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    caseId: r.case_id,
    kind: r.kind,
    outcome: r.outcome,
    note: r.note,
    officer: r.display_name,
    consultedAt: new Date(r.consulted_at).toISOString(),
  }));
}

/**
 * The officer records a consultation about a person in one of the unit's cases (her own case,
 * or a child named in it). Someone who is not the case unit's officer: 404, audited.
 */
export async function recordConsultation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
  body: ProtectionConsultationBody,
): Promise<ProtectionConsultation> {
  const recorded = await withActor(database.db, actor, async (trx) => {
    const { rows } = await sql<{ officer: boolean }>`
      select frid_officer_of_case(${body.caseId}::uuid, ${personId}::uuid) as officer`.execute(trx);
    if (!rows[0]?.officer) return null;
    const { id } = await trx
      .insertInto("protection_consultation")
      .values({
        org_id: actor.orgId,
        person_id: personId,
        case_id: body.caseId,
        officer_id: actor.userId,
        kind: body.kind,
        outcome: body.outcome,
        note: body.note,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "protection.consult",
        resourceType: "person",
        resourceId: personId,
        personId,
        data: { consultationId: id, kind: body.kind, outcome: body.outcome },
      },
    ]);
    const made = (await consultationsOf(trx, personId)).find((c) => c.id === id);
    if (!made) throw new Error("the consultation just recorded is not readable");
    return made;
  });
  if (recorded) return recorded;
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "protection.consult",
        outcome: "denied",
        resourceType: "person",
        resourceId: personId,
        personId,
      },
    ]),
  );
  throw consultationNotFound();
}
