import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { caseNotFound } from "../../access/case-guard.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { conferenceView } from "./queries.ts";
import { onConference } from "./service.ts";

/**
 * The coordinator's commands on a conference: its date, chair, staff, agenda and follow-up
 * (from the version the change was made from: a stale one is 409), the agencies taking part
 * with their research answers, the actions and their follow-up.
 */

const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat under tiden. Din ändring är inte sparad – ladda om sidan och gör den i den senaste versionen.",
  );

const invalid = (field: string, message: string) =>
  new AppError(400, "validation_failed", message, { [field]: message });

/**
 * Every id a user of the organisation who is not barred from the case's person (an information
 * barrier keeps the other side's workers from her: they may not chair, sit in or own an action,
 * whose text may say where she lives now); else 400 naming the field.
 */
async function requireUsers(
  trx: Trx,
  at: { orgId: string; caseId: string },
  ids: string[],
  field: string,
) {
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom("app_user")
    .select("id")
    .where("org_id", "=", at.orgId)
    .where("id", "in", ids)
    .where(
      sql<boolean>`not frid_person_barred((select person_id from "case" where id = ${at.caseId}), app_user.id)`,
    )
    .execute();
  if (found.length !== new Set(ids).size)
    throw invalid(field, "Välj medarbetare i organisationen som får arbeta med ärendet.");
}

async function view(trx: Trx, caseId: string, id: string) {
  const v = await conferenceView(trx, caseId, id);
  if (!v) throw caseNotFound();
  return v;
}

export interface ConferenceChange {
  version: number;
  meetingOn?: string | null | undefined;
  chairId?: string | null | undefined;
  staffIds?: string[] | undefined;
  agenda?: string | undefined;
  followUpOn?: string | null | undefined;
  followUpNotes?: string | undefined;
}

const columns = {
  meetingOn: "meeting_on",
  chairId: "chair_id",
  staffIds: "staff_ids",
  agenda: "agenda",
  followUpOn: "follow_up_on",
  followUpNotes: "follow_up_notes",
} as const;

export function updateConference(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: ConferenceChange,
) {
  const fields = (Object.keys(columns) as (keyof typeof columns)[]).filter(
    (k) => input[k] !== undefined,
  );
  return onConference(
    database,
    actor,
    meta,
    { kind: "conference", id },
    {
      action: "risk_conference.update",
      changes: true,
      run: async (trx, caseId) => {
        await requireUsers(
          trx,
          { orgId: actor.orgId, caseId },
          input.chairId ? [input.chairId] : [],
          "chairId",
        );
        await requireUsers(trx, { orgId: actor.orgId, caseId }, input.staffIds ?? [], "staffIds");
        const values = Object.fromEntries(fields.map((k) => [columns[k], input[k]]));
        const updated = await trx
          .updateTable("risk_conference")
          .set({ ...values, version: input.version + 1 })
          .where("id", "=", id)
          .where("case_id", "=", caseId)
          .where("version", "=", input.version)
          .returning("id")
          .executeTakeFirst();
        if (!updated) throw changedMeanwhile();
        return view(trx, caseId, id);
      },
      data: () => ({ conferenceId: id, fields }),
    },
  );
}

/** An agency taking part: its participants (contacts of that agency) and research answers. */
export function recordConferenceAgency(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  agencyId: string,
  input: { contactIds: string[]; research: string },
) {
  return onConference(
    database,
    actor,
    meta,
    { kind: "conference", id },
    {
      action: "risk_conference.agency",
      changes: true,
      run: async (trx, caseId) => {
        const agency = await trx
          .selectFrom("agency")
          .select("id")
          .where("id", "=", agencyId)
          .where("archived_at", "is", null)
          .executeTakeFirst();
        if (!agency) throw invalid("agencyId", "Välj en myndighet ur katalogen.");
        const contacts = input.contactIds.length
          ? await trx
              .selectFrom("agency_contact")
              .select("id")
              .where("agency_id", "=", agencyId)
              .where("id", "in", input.contactIds)
              .execute()
          : [];
        if (contacts.length !== new Set(input.contactIds).size)
          throw invalid("contactIds", "Välj kontaktpersoner hos den här myndigheten.");
        const contactIds = [...new Set(input.contactIds)];
        await trx
          .insertInto("risk_conference_agency")
          .values({
            id: randomUUID(),
            org_id: actor.orgId,
            conference_id: id,
            case_id: caseId,
            agency_id: agencyId,
            contact_ids: contactIds,
            research: input.research,
            recorded_by: actor.userId,
          })
          .onConflict((oc) =>
            oc.columns(["conference_id", "agency_id"]).doUpdateSet({
              contact_ids: contactIds,
              research: input.research,
              updated_at: new Date(),
            }),
          )
          .execute();
        return view(trx, caseId, id);
      },
      data: () => ({ conferenceId: id, agencyId }),
    },
  );
}

/** An action of the plan: one owner (a Frid user, or an agency's contact) and a due date. */
export function addConferenceAction(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: {
    description: string;
    ownerUserId?: string | undefined;
    ownerContactId?: string | undefined;
    dueOn: string;
  },
) {
  const actionId = randomUUID();
  return onConference(
    database,
    actor,
    meta,
    { kind: "conference", id },
    {
      action: "risk_conference.action",
      changes: true,
      run: async (trx, caseId) => {
        if (input.ownerUserId)
          await requireUsers(
            trx,
            { orgId: actor.orgId, caseId },
            [input.ownerUserId],
            "ownerUserId",
          );
        const contact = input.ownerContactId
          ? await trx
              .selectFrom("agency_contact")
              .select(["id", "agency_id"])
              .where("id", "=", input.ownerContactId)
              .where("archived_at", "is", null)
              .executeTakeFirst()
          : undefined;
        if (input.ownerContactId && !contact)
          throw invalid("ownerContactId", "Välj en kontaktperson ur katalogen.");
        await trx
          .insertInto("risk_conference_action")
          .values({
            id: actionId,
            org_id: actor.orgId,
            conference_id: id,
            case_id: caseId,
            description: input.description,
            owner_user_id: input.ownerUserId ?? null,
            owner_contact_id: contact?.id ?? null,
            agency_id: contact?.agency_id ?? null,
            due_on: input.dueOn,
            created_by: actor.userId,
          })
          .execute();
        return view(trx, caseId, id);
      },
      data: () => ({ conferenceId: id, actionId }),
    },
  );
}

/**
 * An action's follow-up, from the version seen: done today or not, with notes. The one
 * update of it, for the case's workers (within the case) and for its owner outside the case
 * (owner.ts: only their own action). A stale version, or no such action there, is 409.
 * Returns the action's conference.
 */
export async function setActionFollowUp(
  trx: Trx,
  actionId: string,
  input: { version: number; done: boolean; notes: string },
  within: { caseId: string } | { ownerUserId: string },
) {
  let q = trx
    .updateTable("risk_conference_action")
    .set({
      done_on: input.done ? stockholmDate(new Date()) : null,
      notes: input.notes,
      version: input.version + 1,
    })
    .where("id", "=", actionId)
    .where("version", "=", input.version);
  q =
    "caseId" in within
      ? q.where("case_id", "=", within.caseId)
      : q.where("owner_user_id", "=", within.ownerUserId);
  const updated = await q.returning("conference_id").executeTakeFirst();
  if (!updated) throw changedMeanwhile();
  return updated.conference_id;
}

/** An action followed up: done (today) or not done again, with notes. */
export function updateConferenceAction(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  actionId: string,
  input: { version: number; done: boolean; notes: string },
) {
  return onConference(
    database,
    actor,
    meta,
    { kind: "action", id: actionId },
    {
      action: "risk_conference.action_update",
      changes: true,
      run: async (trx, caseId) =>
        view(trx, caseId, await setActionFollowUp(trx, actionId, input, { caseId })),
      data: () => ({ actionId, done: input.done }),
    },
  );
}
