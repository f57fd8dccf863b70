import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  ConsultationBody,
  ConsultationFigures,
  ConsultationList,
  ConsultationListQuery,
  ConsultationView,
  UpdateConsultationBody,
} from "../../../shared/api/consultations.ts";
import { encodeTimePlace, pageFrom } from "../../../shared/api/paging.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { consultationFigures } from "../statistics/consultations.ts";
import { checkNames, logUnits, nameWarnings } from "./policy.ts";
import { consultationCount, consultationPage, oneConsultation, toView } from "./queries.ts";

/**
 * The consultation log (issue 17, item 3). A consultation belongs to the unit that gave it
 * and is seen by that unit's staff only (policy.ts, and row-level security in 0059). It
 * never names the individual: the schema refuses identity numbers, and a text that looks
 * like a name is saved only when the sender confirms (422 names_to_confirm). Every read,
 * change and refusal is audited: the log holds staff names and free text about situations.
 */
const notStaff = () =>
  new AppError(
    403,
    "forbidden",
    "Konsultationsloggen förs av personalen på en resursfunktion eller ett kriscentrum. Du arbetar inte i den enheten.",
  );
const notFound = () =>
  new AppError(404, "not_found", "Konsultationen finns inte, eller så saknar du behörighet.");
const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat konsultationen under tiden. Din ändring är inte sparad – ladda om och gör den igen.",
  );

/** The log's texts checked for names (policy.ts): 422 unless the sender confirmed. */
const checkLogNames = (input: Parameters<typeof nameWarnings>[0] & { confirmNames: boolean }) =>
  checkNames(nameWarnings(input), input.confirmNames);

/** Leaves a trace of a refused look at or change of the log (the caller learns nothing). */
function recordRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  refused: { id?: string | null; unitId?: string | null },
) {
  return withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action,
        outcome: "denied",
        resourceType: "consultation",
        resourceId: refused.id ?? null,
        unitId: refused.unitId ?? null,
      },
    ]),
  );
}

type Body = z.output<typeof ConsultationBody>;
type Change = z.output<typeof UpdateConsultationBody>;

const columns = (input: Change) => ({
  occurred_at: new Date(input.occurredAt),
  asker_organisation_kind: input.askerOrganisationKind,
  asker_organisation_name: input.askerOrganisationName,
  municipality: input.municipality,
  asker_role: input.askerRole,
  topics: [...new Set(input.topics)],
  stage: input.stage,
  minutes: input.minutes,
  question: input.question,
  advice: input.advice,
  follow_up: input.followUp,
  follow_up_on: input.followUpOn,
  follow_up_note: input.followUpNote,
});

async function viewOf(trx: Trx, id: string): Promise<ConsultationView> {
  const row = await oneConsultation(trx, id);
  if (!row) throw notFound();
  return toView(row);
}

export async function logConsultation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: Body,
): Promise<ConsultationView> {
  const namesConfirmed = checkLogNames(input);
  const outcome = await withActor(database.db, actor, async (trx) => {
    const units = await logUnits(trx, actor);
    if (!units.some((u) => u.id === input.unitId)) return null;
    const id = randomUUID();
    await trx
      .insertInto("consultation")
      .values({
        id,
        org_id: actor.orgId,
        unit_id: input.unitId,
        worker_id: actor.userId,
        created_by: actor.userId,
        ...columns({ ...input, version: 1 }),
      })
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "consultation.log",
        resourceType: "consultation",
        resourceId: id,
        unitId: input.unitId,
        data: { consultationId: id, namesConfirmed },
      },
    ]);
    return viewOf(trx, id);
  });
  if (outcome) return outcome;
  await recordRefusal(database, actor, meta, "consultation.log", { unitId: input.unitId });
  throw notStaff();
}

export async function listConsultations(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  query: z.output<typeof ConsultationListQuery>,
): Promise<ConsultationList> {
  const outcome = await withActor(database.db, actor, async (trx) => {
    const units = await logUnits(trx, actor);
    const chosen = query.unitId ? units.filter((u) => u.id === query.unitId) : units;
    if (chosen.length === 0) return null;
    const filter = { ...query, units: chosen.map((u) => u.id) };
    const rows = await consultationPage(trx, filter);
    const page = pageFrom(
      rows,
      query.limit,
      (r) => encodeTimePlace({ at: r.place, id: r.id }),
      toView,
    );
    const total = query.count ? await consultationCount(trx, filter) : null;
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "consultation.read",
        resourceType: "consultation",
        unitId: chosen.length === 1 ? chosen[0]?.id : null,
        data: { shown: page.items.length },
      },
    ]);
    return { ...page, total, units };
  });
  if (outcome) return outcome;
  await recordRefusal(database, actor, meta, "consultation.read", { unitId: query.unitId });
  throw notStaff();
}

export async function readConsultation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
): Promise<ConsultationView> {
  const outcome = await withActor(database.db, actor, async (trx) => {
    const row = await oneConsultation(trx, id);
    if (!row) return null;
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "consultation.read",
        resourceType: "consultation",
        resourceId: id,
        unitId: row.unit_id,
        data: { consultationId: id },
      },
    ]);
    return toView(row);
  });
  if (outcome) return outcome;
  await recordRefusal(database, actor, meta, "consultation.read", { id });
  throw notFound();
}

/** A later change (the follow-up recorded, a text corrected) from the version it was made on. */
export async function updateConsultation(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: Change,
): Promise<ConsultationView> {
  const namesConfirmed = checkLogNames(input);
  const outcome = await withActor(database.db, actor, async (trx) => {
    const before = await oneConsultation(trx, id);
    if (!before) return null;
    const updated = await trx
      .updateTable("consultation")
      .set((eb) => ({
        ...columns(input),
        updated_by: actor.userId,
        updated_at: new Date(),
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .where("version", "=", input.version)
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw changedMeanwhile();
    const after = await viewOf(trx, id);
    const was = toView(before);
    const fields = (Object.keys(after) as (keyof ConsultationView)[]).filter(
      (k) => k !== "version" && JSON.stringify(was[k]) !== JSON.stringify(after[k]),
    );
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "consultation.update",
        resourceType: "consultation",
        resourceId: id,
        unitId: before.unit_id,
        data: { consultationId: id, fields, namesConfirmed },
      },
    ]);
    return after;
  });
  if (outcome) return outcome;
  await recordRefusal(database, actor, meta, "consultation.update", { id });
  throw notFound();
}

/** GET /api/consultations/figures: the unit's own log counted, for its staff and managers. */
export async function readConsultationFigures(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  query: { unitId: string; year: number; quarter?: number },
): Promise<ConsultationFigures> {
  const outcome = await withActor(database.db, actor, async (trx) => {
    const units = await logUnits(trx, actor);
    if (!units.some((u) => u.id === query.unitId)) return null;
    const figures = await consultationFigures(trx, { ...query, orgId: actor.orgId });
    const days = figures.period;
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        resourceType: "unit",
        resourceId: query.unitId,
        unitId: query.unitId,
        data: { report: "consultations", from: days.from, to: days.to },
      },
    ]);
    return { unitId: query.unitId, year: query.year, ...figures };
  });
  if (outcome) return outcome;
  await recordRefusal(database, actor, meta, "statistics.read", { unitId: query.unitId });
  throw notStaff();
}
