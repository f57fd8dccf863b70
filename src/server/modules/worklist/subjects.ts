import { sql } from "kysely";
import type { WorklistItem } from "../../../shared/api/worklist.ts";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { dueSoonDays } from "../../../shared/deadlines.ts";
import {
  agreementFollowUpDue,
  contactConfirmationDue,
} from "../../../shared/directory-deadlines.ts";
import { type Actor, unitsWithRole } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { Candidate } from "./rows.ts";

/**
 * Lines about no case (issue 18): an agreement's follow-up and a directory contact not
 * confirmed for 12 months. Not joined to the cases in scope — like my drafts, they are
 * someone's by another rule: an agreement's for the managers of its owning unit (scope
 * "unit") and its responsible users ("mine"); a contact's for its agency's owner ("mine").
 * Only lines due within the window are read; the deadline module decides the rest.
 */

type Responsible = WorklistItem["responsible"];

/** Agreements in force whose follow-up is due; whose they are depends on the scope. */
async function agreementLines(trx: Trx, actor: Actor, scope: "mine" | "unit", horizon: string) {
  const managed = unitsWithRole(actor, ["unit_manager"]);
  if (scope === "unit" && managed.length === 0) return [];
  const rows = await trx
    .selectFrom("agreement as a")
    .select((eb) => [
      "a.id",
      "a.title",
      "a.next_follow_up_on",
      eb
        .selectFrom("agreement_responsible as r")
        .innerJoin("app_user as u", "u.id", "r.user_id")
        .select(
          sql<Responsible>`coalesce(json_agg(json_build_object('userId', u.id, 'displayName', u.display_name) order by u.display_name), '[]'::json)`.as(
            "responsible",
          ),
        )
        .whereRef("r.agreement_id", "=", "a.id")
        .as("responsible"),
    ])
    .where("a.org_id", "=", actor.orgId)
    .where("a.ended_on", "is", null)
    .where("a.next_follow_up_on", "<=", horizon)
    .where((eb) =>
      scope === "unit"
        ? eb("a.unit_id", "in", managed)
        : eb.exists(
            eb
              .selectFrom("agreement_responsible as m")
              .select("m.id")
              .whereRef("m.agreement_id", "=", "a.id")
              .where("m.user_id", "=", actor.userId),
          ),
    )
    .execute();
  return rows.map(
    (r): Candidate => ({
      kind: "agreement_follow_up",
      caseId: null,
      reference: null,
      personName: null,
      personId: null,
      unitId: null,
      subject: { type: "agreement", id: r.id, title: r.title },
      responsible: r.responsible ?? [],
      dueAt: agreementFollowUpDue(String(r.next_follow_up_on)),
    }),
  );
}

/** Contacts of the agencies I own that are due to be confirmed again. */
async function contactLines(trx: Trx, actor: Actor, horizon: string) {
  const rows = await trx
    .selectFrom("agency_contact as c")
    .innerJoin("agency as a", "a.id", "c.agency_id")
    .select(["a.id", "a.name", "c.name as contact_name", "c.confirmed_on"])
    .where("a.org_id", "=", actor.orgId)
    .where("a.owner_id", "=", actor.userId)
    .where("a.archived_at", "is", null)
    .where("c.archived_at", "is", null)
    // The same month arithmetic as contactConfirmationDue (a month's last day clamps).
    .where(sql<boolean>`(c.confirmed_on + interval '12 months')::date <= ${horizon}::date`)
    .execute();
  const owner = [{ userId: actor.userId, displayName: actor.displayName }];
  return rows.map(
    (r): Candidate => ({
      kind: "agency_contact_unconfirmed",
      caseId: null,
      reference: null,
      personName: null,
      personId: null,
      unitId: null,
      subject: { type: "agency", id: r.id, title: `${r.name}: ${r.contact_name}` },
      responsible: owner,
      dueAt: contactConfirmationDue(String(r.confirmed_on)),
    }),
  );
}

/** Every line about no case the scope has (none in one case's workspace: see service.ts). */
export async function subjectCandidates(
  trx: Trx,
  actor: Actor,
  scope: "mine" | "unit",
  now: Date,
): Promise<Candidate[]> {
  // One day beyond the window: the deadline module, not this read, draws the line.
  const horizon = addDays(stockholmDate(now), dueSoonDays + 1);
  return [
    ...(await agreementLines(trx, actor, scope, horizon)),
    ...(scope === "mine" ? await contactLines(trx, actor, horizon) : []),
  ];
}
