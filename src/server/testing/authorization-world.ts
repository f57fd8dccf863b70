import type { Kysely } from "kysely";
import { stockholmDate } from "../../shared/calendar.ts";
import type { Database, RoleName } from "../db/types.ts";
import type { App } from "../http/context.ts";
import { addLeaver, buildRecordsOfX, type Made } from "./authorization-records.ts";
import { addBreakGlassRecords } from "./break-glass.ts";
import { addChildWorkRecords } from "./child-work.ts";
import { addConsultRecords } from "./consult.ts";
import { addCoordinatedPlanRecords } from "./coordinated-plans.ts";
import { addDirectoryRecords } from "./directory.ts";
import { addDisclosureRecords } from "./disclosures.ts";
import {
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "./factories.ts";
import { addPlaceRecords } from "./places.ts";
import { addPoliceRecords } from "./police-collaboration.ts";
import { addReferralRecords } from "./referrals.ts";
import { addConferenceRecords } from "./risk-conferences.ts";
import { addRoutineRecords } from "./routines.ts";
import { addServiceCourse } from "./service-contacts.ts";
import { addSurveyRecords } from "./surveys.ts";

/**
 * The fixture of the authorization suite (src/server/access/authorization.test.ts): one
 * organisation with case X and its person, the kinds of user below, and one of each record
 * in X that a route acts on, made outside the API so every actor meets the same ones.
 */
export const actors = [
  "assigned", // caseworker assigned to case X
  "sameUnit", // caseworker in X's unit, not assigned
  "otherUnit", // caseworker in another unit
  "administrator",
  "analyst",
  "consultant", // consultant role in X's unit
  "barrierSide", // caseworker in X's unit who works case Y, behind a barrier from X
  "otherOrg", // unit manager in another organisation
  "manager", // unit manager of X's unit
] as const;
export type ActorKind = (typeof actors)[number];

export interface World {
  unitId: string;
  caseId: string;
  personId: string;
  otherCaseId: string;
  spareId: string;
  draftId: string;
  relativeId: string;
  decisionId: string;
  taskId: string;
  consentId: string;
  assessmentId: string;
  eventId: string;
  documentId: string;
  /** A planned stay in X, its place and X's sheltered-housing decision (modules/stays). */
  stayId: string;
  stayPlaceId: string;
  housingDecisionId: string;
  /** A second planned stay in X, for the shelter's stay commands (modules/shelter). */
  shelterStayId: string;
  /** An ended stay in X in January 2026, for the costs routes (modules/costs). */
  costStayId: string;
  secrets: string[];
  /** A user with one role and nothing else, for the administrator's routes to act on. */
  leaverId: string;
  leaverRoleId: string;
  /** A place of X's unit with its address, and a hold and an enquiry on X (issue 16). */
  places: Awaited<ReturnType<typeof addPlaceRecords>>;
  /** A resource function's consultation and the competence register's entries (issue 17). */
  consult: Awaited<ReturnType<typeof addConsultRecords>>;
  /** A service course of X's person by X's assigned worker, with one contact (issue 17). */
  service: Awaited<ReturnType<typeof addServiceCourse>>;
  /** A child's work in X with a series going, a child without one, a child's course (issue 17). */
  childWork: Awaited<ReturnType<typeof addChildWorkRecords>>;
  /** A draft survey of X's unit with two respondents (issue 17, modules/surveys). */
  surveys: Awaited<ReturnType<typeof addSurveyRecords>>;
  /** An agency of the directory and two consents to share about X's person (issue 18). */
  disclosures: Awaited<ReturnType<typeof addDisclosureRecords>>;
  /** A granted restraining order and an alarm in X (issue 18, modules/police-collaboration). */
  police: Awaited<ReturnType<typeof addPoliceRecords>>;
  /** An agency with a unit, a draft and a sent referral out of X (issue 18, modules/referrals). */
  referrals: Awaited<ReturnType<typeof addReferralRecords>>;
  /** A risk conference in X (escalated), a police agency taking part, a contact's action (issue 18). */
  riskConference: Awaited<ReturnType<typeof addConferenceRecords>>;
  /** The agency directory's and the agreements' records (issue 18, items 1–2). */
  directory: Awaited<ReturnType<typeof addDirectoryRecords>>;
  /** The routines register's records (issue 20, item 2). */
  routines: Awaited<ReturnType<typeof addRoutineRecords>>;
  /** A SIP of X shared with the region's health centre on her consent (issue 18). */
  sip: Awaited<ReturnType<typeof addCoordinatedPlanRecords>>;
  /** An ended break-glass access to X awaiting its review (issue 19, item 6). */
  breakGlass: Awaited<ReturnType<typeof addBreakGlassRecords>>;
}

export interface AuthorizationWorld {
  w: World;
  sessions: Map<ActorKind, Session>;
  ids: Map<ActorKind, string>;
}

/** What each kind of actor is given: organisation and roles. */
function rolesOf(
  org: string,
  unit: string,
  otherUnit: string,
  otherOrg: { id: string; unitId: string },
): Record<ActorKind, [string, { unitId: string | null; role: RoleName }[]]> {
  return {
    assigned: [org, [{ unitId: unit, role: "caseworker" }]],
    sameUnit: [org, [{ unitId: unit, role: "caseworker" }]],
    otherUnit: [org, [{ unitId: otherUnit, role: "caseworker" }]],
    administrator: [org, [{ unitId: null, role: "administrator" }]],
    analyst: [org, [{ unitId: null, role: "analyst" }]],
    consultant: [org, [{ unitId: unit, role: "consultant" }]],
    barrierSide: [org, [{ unitId: unit, role: "caseworker" }]],
    otherOrg: [
      otherOrg.id,
      [
        { unitId: otherOrg.unitId, role: "unit_manager" },
        { unitId: otherOrg.unitId, role: "caseworker" },
      ],
    ],
    manager: [org, [{ unitId: unit, role: "unit_manager" }]],
  };
}

/** The organisations and units, and one logged-in user of each kind of actor. */
async function buildActors(app: App, owner: Kysely<Database>) {
  const sessions = new Map<ActorKind, Session>();
  const ids = new Map<ActorKind, string>();
  const org = await buildOrg(owner);
  const unit = await buildUnit(owner, org.id);
  const otherUnit = await buildUnit(owner, org.id, "child_services");
  const otherOrg = await buildOrg(owner);
  const otherOrgUnit = await buildUnit(owner, otherOrg.id);
  const roles = rolesOf(org.id, unit.id, otherUnit.id, {
    id: otherOrg.id,
    unitId: otherOrgUnit.id,
  });
  for (const a of actors) {
    const [orgId, r] = roles[a];
    const u = await buildUser(owner, orgId, r);
    ids.set(a, u.id);
    sessions.set(a, await login(app, u.username));
  }
  return { orgId: org.id, unitId: unit.id, sessions, ids };
}

/** Case X and its person, the barrier side's case Y, and the barrier between them. */
async function buildBarrieredCases(
  owner: Kysely<Database>,
  orgId: string,
  unitId: string,
  id: (a: ActorKind) => string,
) {
  const spare = await buildUser(owner, orgId, [{ unitId, role: "caseworker" }]);
  const person = await buildPerson(owner, orgId, id("assigned"));
  const x = await buildCase(owner, {
    orgId,
    unitId,
    personId: person.id,
    openedBy: id("assigned"),
  });
  const partner = await buildPerson(owner, orgId);
  const y = await buildCase(owner, {
    orgId,
    unitId,
    personId: partner.id,
    openedBy: id("barrierSide"),
  });
  const barrier = await owner
    .insertInto("barrier")
    .values({
      org_id: orgId,
      case_a_id: x.id,
      case_b_id: y.id,
      reason: "Partnerkontakt",
      purpose: "partner_contact",
      created_by: id("manager"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { spare, person, x, y, barrierId: barrier.id };
}

export async function buildAuthorizationWorld(
  app: App,
  owner: Kysely<Database>,
): Promise<AuthorizationWorld> {
  const { orgId, unitId, sessions, ids } = await buildActors(app, owner);
  const id = (a: ActorKind) => ids.get(a)!;
  const c = await buildBarrieredCases(owner, orgId, unitId, id);
  const made: Made = { owner, orgId, unitId, caseId: c.x.id, id };
  const records = await buildRecordsOfX(made, {
    yId: c.y.id,
    barrierId: c.barrierId,
    spareId: c.spare.id,
  });
  const places = await addPlaceRecords(made);
  const consult = await addConsultRecords({ owner, orgId, id });
  const service = await addServiceCourse({
    owner,
    orgId,
    unitId,
    personId: c.person.id,
    workerId: id("assigned"),
  });
  const childWork = await addChildWorkRecords(made);
  const police = await addPoliceRecords(made);
  const surveys = await addSurveyRecords({ owner, orgId, unitId, createdBy: id("manager") });
  const disclosures = await addDisclosureRecords({
    owner,
    orgId,
    caseId: c.x.id,
    personId: c.person.id,
    recordedBy: id("assigned"),
  });
  const referrals = await addReferralRecords(made);
  const riskConference = await addConferenceRecords(made, stockholmDate(new Date()));
  const directory = await addDirectoryRecords(made);
  const routines = await addRoutineRecords(made);
  const sip = await addCoordinatedPlanRecords(made);
  const breakGlass = await addBreakGlassRecords(made, c.spare.id);
  const reference = (
    await owner
      .selectFrom("case")
      .select("reference")
      .where("id", "=", c.x.id)
      .executeTakeFirstOrThrow()
  ).reference;
  const w: World = {
    ...(await addLeaver(made)),
    unitId,
    caseId: c.x.id,
    personId: c.person.id,
    spareId: c.spare.id,
    ...records,
    places,
    consult,
    service,
    childWork,
    surveys,
    disclosures,
    police,
    referrals,
    riskConference,
    directory,
    routines,
    sip,
    breakGlass,
    secrets: [
      c.person.identity_number as string,
      c.person.given_name,
      c.person.family_name,
      reference,
      places.street,
    ],
  };
  return { w, sessions, ids };
}
