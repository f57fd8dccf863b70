import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { dangerAssessment } from "../../shared/instruments/builtin/danger-assessment.ts";
import type { Database, RoleName } from "../db/types.ts";
import type { App } from "../http/context.ts";
import {
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "./factories.ts";

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
  secrets: string[];
  /** A user with one role and nothing else, for the administrator's routes to act on. */
  leaverId: string;
  leaverRoleId: string;
}

export interface AuthorizationWorld {
  w: World;
  sessions: Map<ActorKind, Session>;
  ids: Map<ActorKind, string>;
}

export async function buildAuthorizationWorld(
  app: App,
  owner: Kysely<Database>,
): Promise<AuthorizationWorld> {
  const sessions = new Map<ActorKind, Session>();
  const ids = new Map<ActorKind, string>();
  const org = await buildOrg(owner);
  const unit = await buildUnit(owner, org.id);
  const otherUnit = await buildUnit(owner, org.id, "child_services");
  const otherOrg = await buildOrg(owner);
  const otherOrgUnit = await buildUnit(owner, otherOrg.id);
  const roles: Record<ActorKind, [string, { unitId: string | null; role: RoleName }[]]> = {
    assigned: [org.id, [{ unitId: unit.id, role: "caseworker" }]],
    sameUnit: [org.id, [{ unitId: unit.id, role: "caseworker" }]],
    otherUnit: [org.id, [{ unitId: otherUnit.id, role: "caseworker" }]],
    administrator: [org.id, [{ unitId: null, role: "administrator" }]],
    analyst: [org.id, [{ unitId: null, role: "analyst" }]],
    consultant: [org.id, [{ unitId: unit.id, role: "consultant" }]],
    barrierSide: [org.id, [{ unitId: unit.id, role: "caseworker" }]],
    otherOrg: [
      otherOrg.id,
      [
        { unitId: otherOrgUnit.id, role: "unit_manager" },
        { unitId: otherOrgUnit.id, role: "caseworker" },
      ],
    ],
    manager: [org.id, [{ unitId: unit.id, role: "unit_manager" }]],
  };
  for (const a of actors) {
    const [orgId, r] = roles[a];
    const u = await buildUser(owner, orgId, r);
    ids.set(a, u.id);
    sessions.set(a, await login(app, u.username));
  }
  const spare = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
  const person = await buildPerson(owner, org.id, ids.get("assigned"));
  const x = await buildCase(owner, {
    orgId: org.id,
    unitId: unit.id,
    personId: person.id,
    openedBy: ids.get("assigned")!,
  });
  const partner = await buildPerson(owner, org.id);
  const y = await buildCase(owner, {
    orgId: org.id,
    unitId: unit.id,
    personId: partner.id,
    openedBy: ids.get("barrierSide")!,
  });
  const barrier = await owner
    .insertInto("barrier")
    .values({
      org_id: org.id,
      case_a_id: x.id,
      case_b_id: y.id,
      reason: "Partnerkontakt",
      purpose: "partner_contact",
      created_by: ids.get("manager")!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A document kept in X.
  const documentId = randomUUID();
  await owner
    .insertInto("document")
    .values({
      id: documentId,
      org_id: org.id,
      case_id: x.id,
      kind: "partner_contact_consent",
      filename: "samtycke.pdf",
      media_type: "application/pdf",
      size_bytes: 9,
      sha256: "0".repeat(64),
      content: new Uint8Array(Buffer.from("%PDF-1.4\n")),
      uploaded_by: ids.get("assigned")!,
    })
    .execute();
  // A risk alert from Y's side, waiting in X for acknowledgement.
  const eventId = randomUUID();
  await owner
    .insertInto("barrier_event")
    .values({
      id: eventId,
      org_id: org.id,
      barrier_id: barrier.id,
      from_case_id: y.id,
      to_case_id: x.id,
      kind: "risk_alert",
      event_on: "2026-11-01",
      level: "high",
      created_by: ids.get("barrierSide")!,
    })
    .execute();
  const thirdWorker = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
  const third = await buildCase(owner, {
    orgId: org.id,
    unitId: unit.id,
    personId: (await buildPerson(owner, org.id)).id,
    openedBy: thirdWorker.id,
  });
  // The spare worker is assigned to X at the start, so unassigning has something to undo.
  await owner
    .insertInto("case_assignment")
    .values({
      org_id: org.id,
      case_id: x.id,
      user_id: spare.id,
      assigned_by: ids.get("manager")!,
    })
    .execute();
  // A child of X's person, known to the assigned worker and the manager.
  const relative = await buildPerson(owner, org.id, ids.get("assigned"));
  await owner
    .insertInto("person_registration")
    .values({ org_id: org.id, person_id: relative.id, user_id: ids.get("manager")! })
    .execute();
  const draftId = randomUUID();
  await owner
    .insertInto("journal_entry")
    .values({
      id: draftId,
      org_id: org.id,
      case_id: x.id,
      author_id: ids.get("assigned")!,
      entry_type: "conversation",
      occurred_at: new Date(),
      body: "Utkast om samtalet.",
    })
    .execute();
  // A decision and a task in X, made outside the API so every actor meets the same ones.
  const decisionId = randomUUID();
  await owner
    .insertInto("decision")
    .values({
      id: decisionId,
      org_id: org.id,
      case_id: x.id,
      intervention_kind: "support_talks",
      outcome: "granted",
      reasoning: "Behov av stödsamtal.",
      decided_by: ids.get("assigned")!,
    })
    .execute();
  const task = await owner
    .insertInto("case_task")
    .values({
      org_id: org.id,
      case_id: x.id,
      kind: "assess_children_witnessed_violence",
      created_by: ids.get("assigned")!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A consent in X, given to a placement on X's decision.
  await owner
    .insertInto("child_placement")
    .values({
      decision_id: decisionId,
      org_id: org.id,
      case_id: x.id,
      basis: "custodians_consent",
      sole_custody: false,
      immediate: false,
      location_withheld: false,
      court_submitted_on: null,
      court_ruled_on: null,
      court_outcome: null,
      ended_on: null,
    })
    .execute();
  const consent = await owner
    .insertInto("consent")
    .values({
      org_id: org.id,
      case_id: x.id,
      decision_id: decisionId,
      scope: "child_sheltered_housing",
      given_by_name: "Vårdnadshavare Ett",
      form: "written",
      given_on: "2026-11-01",
      recorded_by: ids.get("assigned")!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A draft danger assessment in X.
  await owner
    .insertInto("instrument_version")
    .values({
      org_id: org.id,
      instrument_id: dangerAssessment.id,
      version: dangerAssessment.version,
      definition: JSON.stringify(dangerAssessment),
    })
    .execute();
  const assessmentId = randomUUID();
  await owner
    .insertInto("assessment")
    .values({
      id: assessmentId,
      org_id: org.id,
      case_id: x.id,
      instrument_id: dangerAssessment.id,
      instrument_version: dangerAssessment.version,
      assessed_on: "2026-11-01",
      created_by: ids.get("assigned")!,
    })
    .execute();
  const reference = (
    await owner
      .selectFrom("case")
      .select("reference")
      .where("id", "=", x.id)
      .executeTakeFirstOrThrow()
  ).reference;
  const leaver = await buildUser(owner, org.id, [{ unitId: unit.id, role: "consultant" }]);
  const leaverRole = await owner
    .selectFrom("role_assignment")
    .select("id")
    .where("user_id", "=", leaver.id)
    .executeTakeFirstOrThrow();
  const w: World = {
    leaverId: leaver.id,
    leaverRoleId: leaverRole.id,
    unitId: unit.id,
    caseId: x.id,
    personId: person.id,
    otherCaseId: third.id,
    spareId: spare.id,
    draftId,
    relativeId: relative.id,
    decisionId,
    taskId: task.id,
    consentId: consent.id,
    assessmentId,
    eventId,
    documentId,
    secrets: [person.identity_number as string, person.given_name, person.family_name, reference],
  };
  return { w, sessions, ids };
}
