import { sql } from "kysely";
import { reviewPlanDueOn } from "../../../shared/api/log-review.ts";
import type { WorklistItem } from "../../../shared/api/worklist.ts";
import { addDays, endOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { dueSoonDays } from "../../../shared/deadlines.ts";
import {
  agreementFollowUpDue,
  contactConfirmationDue,
} from "../../../shared/directory-deadlines.ts";
import { type Actor, unitsWithRole } from "../../access/actor.ts";
import type { Candidate, Scoped } from "./rows.ts";

/**
 * Lines about no case (issue 18): an agreement's follow-up and a directory contact not
 * confirmed for 12 months. Not joined to the cases in scope — like my drafts, they are
 * someone's by another rule: an agreement's for the managers of its owning unit (scope
 * "unit") and its responsible users ("mine"); a contact's for its agency's owner ("mine").
 * Read in the one statement of Att göra (service.ts readLines), never in a case's workspace.
 * Only rows due within the window are read; the deadline module decides the rest.
 */

type Responsible = WorklistItem["responsible"];

/** One day beyond the window: the deadline module, not this read, draws the line. */
const horizonOf = (now: Date) => addDays(stockholmDate(now), dueSoonDays + 1);

/** Agreements in force whose follow-up is due: the unit's managers', or mine as responsible. */
export function agreementsDue(db: Scoped, actor: Actor, scope: "mine" | "unit", now: Date) {
  const managed = [
    ...unitsWithRole(actor, ["unit_manager"]),
    "00000000-0000-0000-0000-000000000000",
  ];
  return db
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
            "list",
          ),
        )
        .whereRef("r.agreement_id", "=", "a.id")
        .as("responsible"),
    ])
    .where("a.org_id", "=", actor.orgId)
    .where("a.ended_on", "is", null)
    .where("a.next_follow_up_on", "<=", horizonOf(now))
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
    );
}

/** Contacts of the agencies I own that are due to be confirmed again. */
export function contactsDue(db: Scoped, actor: Actor, now: Date) {
  return (
    db
      .selectFrom("agency as a")
      .innerJoin("agency_contact as c", "c.agency_id", "a.id")
      .select(["a.id", "a.name", "c.name as contact_name", "c.confirmed_on"])
      .where("a.org_id", "=", actor.orgId)
      .where("a.owner_id", "=", actor.userId)
      .where("a.archived_at", "is", null)
      .where("c.archived_at", "is", null)
      // The same month arithmetic as contactConfirmationDue (a month's last day clamps).
      .where(sql<boolean>`(c.confirmed_on + interval '12 months')::date <= ${horizonOf(now)}::date`)
  );
}

const noCase = { caseId: null, reference: null, personName: null, personId: null, unitId: null };

export function agreementCandidate(r: {
  id: string;
  title: string;
  next_follow_up_on: string;
  responsible: Responsible | null;
}): Candidate {
  return {
    kind: "agreement_follow_up",
    ...noCase,
    subject: { type: "agreement", id: r.id, title: r.title },
    responsible: r.responsible ?? [],
    dueAt: agreementFollowUpDue(String(r.next_follow_up_on)),
  };
}

export function contactCandidate(
  actor: Actor,
  r: { id: string; name: string; contact_name: string; confirmed_on: string },
): Candidate {
  return {
    kind: "agency_contact_unconfirmed",
    ...noCase,
    subject: { type: "agency", id: r.id, title: `${r.name}: ${r.contact_name}` },
    responsible: [{ userId: actor.userId, displayName: actor.displayName }],
    dueAt: contactConfirmationDue(String(r.confirmed_on)),
  };
}

/**
 * The review plans I am the reviewer of whose next review is due (issue 19, item 7): the
 * same rule as shared/api/log-review.ts reviewPlanDueOn (the last review + every_days; never
 * done: the first day), read within the window and decided by the deadline module.
 */
export function reviewPlansDue(db: Scoped, actor: Actor, now: Date) {
  return db
    .selectFrom("review_plan as p")
    .innerJoin("unit as un", "un.id", "p.unit_id")
    .select(["p.id", "un.name as unit_name", "p.starts_on", "p.last_done_on", "p.every_days"])
    .where("p.org_id", "=", actor.orgId)
    .where("p.reviewer_id", "=", actor.userId)
    .where("p.ended_at", "is", null)
    .where(
      sql<boolean>`coalesce(p.last_done_on + p.every_days, p.starts_on) <= ${horizonOf(now)}::date`,
    );
}

export function reviewPlanCandidate(
  actor: Actor,
  r: {
    id: string;
    unit_name: string;
    starts_on: string;
    last_done_on: string | null;
    every_days: number;
  },
): Candidate {
  const dueOn = reviewPlanDueOn({
    startsOn: String(r.starts_on),
    lastDoneOn: r.last_done_on ? String(r.last_done_on) : null,
    everyDays: r.every_days,
  });
  return {
    kind: "log_review_due",
    ...noCase,
    subject: { type: "log_review_plan", id: r.id, title: r.unit_name },
    responsible: [{ userId: actor.userId, displayName: actor.displayName }],
    dueAt: endOfDay(dueOn),
  };
}
