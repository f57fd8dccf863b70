import type {
  AssessmentSnapshot,
  ConferenceCriteria,
  RiskConferenceView,
} from "../../../shared/api/risk-conferences.ts";
import type { Trx } from "../../access/transaction.ts";

/** The reads of a conference, under the caller's row-level security (the case's rule). */

type Action = RiskConferenceView["actions"][number];
type Disclosure = RiskConferenceView["disclosures"][number];

/** The conference's actions, each with its owner's name (and agency for a contact). */
export async function actionsOf(trx: Trx, conferenceId: string, agencyId?: string) {
  let q = trx
    .selectFrom("risk_conference_action as a")
    .leftJoin("app_user as u", "u.id", "a.owner_user_id")
    .leftJoin("agency_contact as k", "k.id", "a.owner_contact_id")
    .leftJoin("agency as g", "g.id", "a.agency_id")
    .select([
      "a.id",
      "a.description",
      "a.owner_user_id",
      "a.owner_contact_id",
      "u.display_name",
      "k.name as contact_name",
      "g.name as agency_name",
      "a.due_on",
      "a.done_on",
      "a.notes",
      "a.version",
    ])
    .where("a.conference_id", "=", conferenceId);
  if (agencyId) q = q.where("a.agency_id", "=", agencyId);
  const rows = await q.orderBy("a.due_on").orderBy("a.created_at").execute();
  return rows.map(
    (r): Action => ({
      id: r.id,
      description: r.description,
      owner: r.owner_user_id
        ? { kind: "user", id: r.owner_user_id, name: r.display_name ?? "", agencyName: null }
        : {
            kind: "contact",
            id: r.owner_contact_id as string,
            name: r.contact_name ?? "",
            agencyName: r.agency_name,
          },
      dueOn: r.due_on,
      doneOn: r.done_on,
      notes: r.notes,
      version: r.version,
    }),
  );
}

/** What was disclosed for the conference (context risk_conference); to one agency if named. */
export async function disclosuresOf(trx: Trx, conferenceId: string, agencyId?: string) {
  let q = trx
    .selectFrom("disclosure as d")
    .leftJoin("agency as g", "g.id", "d.recipient_agency_id")
    .select([
      "d.id",
      "d.recipient_agency_id",
      "d.recipient_name",
      "g.name as agency_name",
      "d.information",
      "d.disclosed_on",
      "d.ground",
    ])
    .where("d.context_kind", "=", "risk_conference")
    .where("d.context_id", "=", conferenceId);
  if (agencyId) q = q.where("d.recipient_agency_id", "=", agencyId);
  const rows = await q.orderBy("d.disclosed_on").orderBy("d.recorded_at").execute();
  return rows.map(
    (r): Disclosure => ({
      id: r.id,
      agencyId: r.recipient_agency_id,
      recipient: r.agency_name ?? r.recipient_name ?? "",
      information: r.information,
      disclosedOn: r.disclosed_on,
      ground: r.ground,
    }),
  );
}

async function agenciesOf(trx: Trx, conferenceId: string) {
  const rows = await trx
    .selectFrom("risk_conference_agency as p")
    .innerJoin("agency as g", "g.id", "p.agency_id")
    .select(["p.agency_id", "g.name", "p.contact_ids", "p.research"])
    .where("p.conference_id", "=", conferenceId)
    .orderBy("g.name")
    .execute();
  const ids = rows.flatMap((r) => r.contact_ids);
  const contacts = ids.length
    ? await trx
        .selectFrom("agency_contact")
        .select(["id", "name", "role"])
        .where("id", "in", ids)
        .execute()
    : [];
  const byId = new Map(contacts.map((k) => [k.id, k]));
  return rows.map((r) => ({
    agencyId: r.agency_id,
    agencyName: r.name,
    contacts: r.contact_ids.flatMap((id) => {
      const k = byId.get(id);
      return k ? [k] : [];
    }),
    research: r.research,
  }));
}

/** The conference row, or undefined when it is not one of the case's. */
export function conferenceRow(trx: Trx, caseId: string, conferenceId: string) {
  return trx
    .selectFrom("risk_conference as r")
    .innerJoin("app_user as u", "u.id", "r.referred_by")
    .leftJoin("app_user as ch", "ch.id", "r.chair_id")
    .selectAll("r")
    .select(["u.display_name as referred_by_name", "ch.display_name as chair_name"])
    .where("r.id", "=", conferenceId)
    .where("r.case_id", "=", caseId)
    .executeTakeFirst();
}

/** One conference, whole: as the case's workers see it. */
export async function conferenceView(
  trx: Trx,
  caseId: string,
  conferenceId: string,
): Promise<RiskConferenceView | undefined> {
  const r = await conferenceRow(trx, caseId, conferenceId);
  if (!r) return undefined;
  const staff = r.staff_ids.length
    ? await trx
        .selectFrom("app_user")
        .select(["id", "display_name as name"])
        .where("id", "in", r.staff_ids)
        .orderBy("display_name")
        .execute()
    : [];
  return {
    id: r.id,
    caseId: r.case_id,
    referredOn: r.referred_on,
    referredBy: r.referred_by_name,
    assessment: r.assessment_snapshot as AssessmentSnapshot | null,
    criteria: r.criteria as ConferenceCriteria,
    addition: r.addition,
    consentId: r.consent_id,
    secrecyRule: r.secrecy_rule,
    meetingOn: r.meeting_on,
    chair: r.chair_id ? { id: r.chair_id, name: r.chair_name ?? "" } : null,
    staff,
    agenda: r.agenda,
    followUpOn: r.follow_up_on,
    followUpNotes: r.follow_up_notes,
    version: r.version,
    agencies: await agenciesOf(trx, conferenceId),
    actions: await actionsOf(trx, conferenceId),
    disclosures: await disclosuresOf(trx, conferenceId),
  };
}

/** The case's conferences, newest first, with how many actions are still open. */
export function conferencesOf(trx: Trx, caseId: string) {
  return trx
    .selectFrom("risk_conference as r")
    .select((eb) => [
      "r.id",
      "r.referred_on as referredOn",
      "r.meeting_on as meetingOn",
      eb
        .selectFrom("risk_conference_action as a")
        .select((e) => e.cast<number>(e.fn.countAll(), "integer").as("n"))
        .whereRef("a.conference_id", "=", "r.id")
        .where("a.done_on", "is", null)
        .as("openActions"),
    ])
    .where("r.case_id", "=", caseId)
    .orderBy("r.referred_on", "desc")
    .orderBy("r.created_at", "desc")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, openActions: Number(r.openActions ?? 0) })));
}
