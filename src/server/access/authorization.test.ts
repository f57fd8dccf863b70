import { randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../shared/calendar.ts";
import { dangerAssessment } from "../../shared/instruments/builtin/danger-assessment.ts";
import type { RoleName } from "../db/types.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  fictionalIdentityNumber,
  login,
  type Session,
} from "../testing/factories.ts";

/**
 * Every case/person endpoint × every kind of user, from the outside. The manager comes
 * last: their successful commands change what others could see.
 *
 * A NEW ENDPOINT THAT TOUCHES CASES OR PERSONS JOINS THIS SUITE WITH ONE LINE in
 * `endpoints` below; the last test fails until it does.
 */
const actors = [
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
type ActorKind = (typeof actors)[number];

interface World {
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
}

type Expect = Partial<Record<ActorKind, number>> & { otherwise: number };
const onlyWorkers: Expect = { assigned: 200, manager: 200, otherwise: 404 };
const managerOnly: Expect = { manager: 200, assigned: 403, otherwise: 404 };

interface Endpoint {
  route: string; // "METHOD /path" as in the OpenAPI document
  request: (w: World) => InjectOptions;
  expect: Expect;
  /** For lists and searches: 200 for all, and whether X / P shows. */
  shows?: (body: unknown, w: World) => boolean;
}

// biome-ignore format: one line per endpoint
const endpoints: Endpoint[] = [
  { route: "GET /api/cases/{id}", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}` }), expect: onlyWorkers },
  { route: "GET /api/persons/{id}", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}` }), expect: onlyWorkers },
  { route: "GET /api/cases", request: () => ({ method: "GET", url: "/api/cases?scope=all" }), expect: { otherwise: 200 }, shows: (b, w) => (b as { cases: { id: string }[] }).cases.some((c) => c.id === w.caseId) },
  { route: "POST /api/persons/search", request: (w) => ({ method: "POST", url: "/api/persons/search", payload: { query: w.secrets[0] } }), expect: { otherwise: 200 }, shows: (b, w) => (b as { persons: { id: string }[] }).persons.some((p) => p.id === w.personId) },
  { route: "POST /api/cases/{id}/assignments", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/assignments`, payload: { userId: w.spareId } }), expect: { ...managerOnly, manager: 409 } }, // spare is assigned already: a repeat changes nothing
  { route: "DELETE /api/cases/{id}/assignments/{userId}", request: (w) => ({ method: "DELETE", url: `/api/cases/${w.caseId}/assignments/${w.spareId}` }), expect: managerOnly },
  { route: "POST /api/cases/{id}/grants", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/grants`, payload: { userId: w.spareId, reason: "Semestervikarie vecka 30", expiresAt: new Date(Date.now() + 86_400_000).toISOString() } }), expect: managerOnly },
  { route: "POST /api/barriers", request: (w) => ({ method: "POST", url: "/api/barriers", payload: { caseId: w.caseId, otherCaseId: w.otherCaseId, reason: "Partnerkontakt: informationsspärr" } }), expect: { manager: 201, otherwise: 404 } },
  { route: "GET /api/audit/persons/{id}", request: (w) => ({ method: "GET", url: `/api/audit/persons/${w.personId}` }), expect: { manager: 200, otherwise: 404 } },
  { route: "POST /api/cases", request: (w) => ({ method: "POST", url: "/api/cases", payload: { personId: w.personId, unitId: w.unitId, caseType: "adult_victim" } }), expect: { assigned: 201, manager: 201, sameUnit: 404, barrierSide: 404, otherwise: 400 } },
  { route: "POST /api/persons", request: () => ({ method: "POST", url: "/api/persons", payload: { identityNumber: fictionalIdentityNumber(), givenName: "Ny", familyName: "Person" } }), expect: { administrator: 403, analyst: 403, consultant: 403, otherwise: 201 } },
  { route: "GET /api/units/{id}/staff", request: (w) => ({ method: "GET", url: `/api/units/${w.unitId}/staff` }), expect: { otherUnit: 404, administrator: 404, analyst: 404, otherOrg: 404, otherwise: 200 } },
  { route: "GET /api/cases/{id}/journal", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/journal` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/journal", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/journal`, payload: { entryType: "phone", occurredAt: new Date().toISOString(), body: "Samtal med klienten." } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "PATCH /api/journal/{id}", request: (w) => ({ method: "PATCH", url: `/api/journal/${w.draftId}`, payload: { body: "Ändrat utkast." } }), expect: { assigned: 200, otherwise: 404 } },
  { route: "POST /api/journal/{id}/sign", request: (w) => ({ method: "POST", url: `/api/journal/${w.draftId}/sign` }), expect: { assigned: 200, manager: 403, otherwise: 404 } },
  // The assigned worker moves X from intake to investigation; the manager, last, is let
  // through to the rule, which refuses investigation → investigation (400).
  { route: "POST /api/cases/{id}/status", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/status`, payload: { to: "investigation" } }), expect: { assigned: 200, manager: 409, otherwise: 404 } }, // the manager repeats it: already there
  { route: "POST /api/intakes", request: (w) => ({ method: "POST", url: "/api/intakes", payload: { personId: w.personId, unitId: w.unitId, source: "the_person", channel: "phone", receivedAt: new Date().toISOString(), askedAboutViolence: true } }), expect: { assigned: 201, manager: 201, sameUnit: 404, barrierSide: 404, otherwise: 400 } },
  { route: "GET /api/cases/{id}/intakes", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/intakes` }), expect: onlyWorkers },
  { route: "PATCH /api/persons/{id}", request: (w) => ({ method: "PATCH", url: `/api/persons/${w.personId}`, payload: { safeContact: { mayCall: false, maySendLetters: false } } }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/relations", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/relations` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/relations", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/relations`, payload: { otherPersonId: w.relativeId, kind: "child" } }), expect: { ...onlyWorkers, manager: 409 } }, // the manager repeats it: recorded already
  // X is an adult's case: those who may see it reach the rule, which refuses (409).
  { route: "GET /api/cases/{id}/child-track", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/child-track` }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "POST /api/cases/{id}/protection-assessments", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/protection-assessments`, payload: { intakeId: w.caseId, needsImmediateProtection: false, reasoning: "Ingen akut fara." } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "POST /api/cases/{id}/preliminary-decision", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/preliminary-decision`, payload: { openInvestigation: true, reasoning: "Utredning inleds." } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "POST /api/cases/{id}/investigation-extensions", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/investigation-extensions`, payload: { extendedUntil: "2030-01-31", reason: "Väntar på utlåtande från BUP." } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "GET /api/cases/{id}/investigation", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/investigation` }), expect: onlyWorkers },
  // By now the assigned worker has moved X to investigation: saving works for those who see it.
  { route: "PUT /api/cases/{id}/investigation", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/investigation`, payload: { sections: { acute_needs: "Akut behov av skydd." } } }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/investigation/complete", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/investigation/complete` }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "GET /api/cases/{id}/decisions", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/decisions` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/decisions", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/decisions`, payload: { interventionKind: "support_talks", outcome: "granted", reasoning: "Behov av stödsamtal." } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/cases/{id}/decisions/{decisionId}/letter", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/decisions/${w.decisionId}/letter` }), expect: onlyWorkers },
  // X's decision is a placement on consent: those who may see X reach the rule that the court has no part (409).
  { route: "POST /api/cases/{id}/decisions/{decisionId}/placement/court", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/decisions/${w.decisionId}/placement/court`, payload: { submittedOn: "2026-11-01" } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "POST /api/cases/{id}/decisions/{decisionId}/placement/reviews", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/decisions/${w.decisionId}/placement/reviews`, payload: { reviewedOn: stockholmDate(new Date()), continues: true, notes: "Behovet kvarstår." } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  // The assigned worker records the withdrawal; the manager, coming later, finds it recorded (409).
  { route: "POST /api/cases/{id}/consents/{consentId}/revoke", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/consents/${w.consentId}/revoke`, payload: { revokedOn: "2026-11-05", reason: "Drog tillbaka." } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "GET /api/cases/{id}/assessments", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/assessments` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/assessments/history", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/assessments/history` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/assessments", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/assessments`, payload: { instrumentId: "danger_assessment" } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "PUT /api/cases/{id}/assessments/{assessmentId}", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/assessments/${w.assessmentId}`, payload: { answers: { strangulation: "no" }, assessedOn: "2026-11-01" } }), expect: onlyWorkers },
  // The draft lacks required answers: those who may see X reach that rule (400).
  { route: "POST /api/cases/{id}/assessments/{assessmentId}/complete", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/assessments/${w.assessmentId}/complete`, payload: { judgements: { risk: "low" }, reasons: "Låg." } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "GET /api/cases/{id}/safety-plan", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/safety-plan` }), expect: onlyWorkers },
  // The assigned worker saves version 1; the manager, coming later from the same base, is told it is stale (409).
  { route: "PUT /api/cases/{id}/safety-plan", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/safety-plan`, payload: { measures: [{ kind: "code_word", description: "Kodord vid samtal.", forWhom: "Klienten", responsible: "Handläggaren", status: "in_place", reviewOn: "2026-12-31" }], basedOnVersion: null } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  // After the save above, version 1 exists.
  { route: "GET /api/cases/{id}/status-history", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/status-history` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/safety-plan/history", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/safety-plan/history?before=2` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/safety-plan/versions/{version}", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/safety-plan/versions/1` }), expect: { assigned: 200, manager: 200, otherwise: 404 } },
  { route: "GET /api/cases/{id}/safety-plan/pdf", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/safety-plan/pdf` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/police-assessments", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/police-assessments` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/police-assessments", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/police-assessments`, payload: { assessedOn: "2026-11-01", level: "Förhöjd", consentGivenOn: "2026-11-01", consentForm: "oral", consentReference: "Journal 2026-11-01" } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/persons/{id}/risk-history", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}/risk-history` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/tasks", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/tasks` }), expect: onlyWorkers },
  // The assigned worker completes the task; the manager, coming later, finds it done (409).
  { route: "POST /api/cases/{id}/tasks/{taskId}/complete", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/tasks/${w.taskId}/complete`, payload: { note: "Orosanmälan gjord." } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "GET /api/cases/{id}/plans", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/plans` }), expect: onlyWorkers },
  // No decision with that id in X: those who may see X reach the rule (400).
  { route: "PUT /api/cases/{id}/decisions/{decisionId}/plan", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/decisions/${w.caseId}/plan`, payload: { goals: "Trygghet.", activities: "Stödsamtal.", startDate: "2026-11-01", followUpDate: "2026-12-01", basedOnVersion: null } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/plans/{planId}/follow-ups", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/plans/${w.caseId}/follow-ups`, payload: { outcome: "goal_reached", notes: "Bra." } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  // X is not a perpetrator case: those who may see it reach the rule (400), others 404.
  { route: "GET /api/cases/{id}/treatment", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/treatment` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/treatment", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/treatment`, payload: { referralSource: "self", referredOn: "2026-11-01" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/treatment/start", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/treatment/start`, payload: { startedOn: "2026-11-01" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/treatment/sessions", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/treatment/sessions`, payload: { heldOn: "2026-11-01", attendance: "no_show" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/treatment/end", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/treatment/end`, payload: { endedOn: "2026-11-01", kind: "completed", reason: "Klar." } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/partner-contact/information", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/partner-contact/information`, payload: { informedOn: "2026-11-01" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/partner-contact/partners", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/partner-contact/partners`, payload: { relationship: "former", exception: { kind: "abroad", reason: "Bor utomlands." } } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/partner-contact/refusal", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/partner-contact/refusal`, payload: { refusedOn: "2026-11-01", teamDecidedOn: "2026-11-02", continueTreatment: true, reasoning: "Fortsätter." } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/partner-contact/partners/{partnerId}/withdraw", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/partner-contact/partners/${w.caseId}/withdraw`, payload: { withdrawnOn: "2026-11-01" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "GET /api/cases/{id}/partner-contact", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/partner-contact` }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/partner-contact/attempts", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/partner-contact/attempts`, payload: { method: "phone", attemptedOn: "2026-11-01", outcome: "accepted" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "PUT /api/cases/{id}/partner-contact/support", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/partner-contact/support`, payload: { kind: "in_house", offeredOn: "2026-11-01" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/child-concerns", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/child-concerns`, payload: { concern: "Barnet berättar om slag hemma." } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/cases/{id}/partner-contact/consent-form", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/partner-contact/consent-form` }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "GET /api/cases/{id}/partner-contact/letter", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/partner-contact/letter` }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "GET /api/cases/{id}/partner-contact/sms", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/partner-contact/sms` }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "GET /api/cases/{id}/documents", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/documents` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/documents/{documentId}/content", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/documents/${w.documentId}/content` }), expect: onlyWorkers },
  // X is no treatment case: the consent form has nowhere to go (400) for those who see X.
  { route: "POST /api/cases/{id}/documents", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/documents?kind=partner_contact_consent`, headers: { "content-type": "application/pdf" }, payload: Buffer.from("%PDF-1.4\n") }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  // Across the barrier: the other side's worker gets 404 like anyone else.
  { route: "GET /api/cases/{id}/barrier-events", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/barrier-events` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/barrier-events/history", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/barrier-events/history` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/risk-alerts", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/risk-alerts`, payload: { level: "high", reason: "Ökad oro." } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  // The assigned worker acknowledges Y's alert; the manager, coming later, finds it done (409).
  { route: "POST /api/cases/{id}/barrier-events/{eventId}/acknowledge", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/barrier-events/${w.eventId}/acknowledge` }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "GET /api/audit/users/{id}", request: (w) => ({ method: "GET", url: `/api/audit/users/${w.spareId}` }), expect: { manager: 200, otherwise: 404 } },
];

describe.each(testDatabaseKinds)("who may do what with a case or person (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: World;
  const sessions = new Map<ActorKind, Session>();
  const ids = new Map<ActorKind, string>();

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
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
      sessions.set(a, await login(t.app, u.username));
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
    w = {
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
  });
  afterAll(() => t?.close());

  const state = async () => {
    const { owner } = database();
    const [assignments, grants, barriers, journal, status, person, relations] = await Promise.all([
      owner
        .selectFrom("case_assignment")
        .select(["user_id", "unassigned_at"])
        .where("case_id", "=", w.caseId)
        .orderBy("id")
        .execute(),
      owner.selectFrom("access_grant").select("id").where("case_id", "=", w.caseId).execute(),
      owner.selectFrom("barrier").select("id").where("case_a_id", "=", w.caseId).execute(),
      owner
        .selectFrom("journal_entry")
        .select(["id", "body", "signed_at"])
        .where("case_id", "=", w.caseId)
        .orderBy("id")
        .execute(),
      owner
        .selectFrom("case")
        .select(["status", "closed_reason"])
        .where("id", "=", w.caseId)
        .execute(),
      owner
        .selectFrom("person")
        .select(["safe_contact", "phone"])
        .where("id", "=", w.personId)
        .execute(),
      owner
        .selectFrom("relation")
        .select(["kind", "other_person_id"])
        .where("case_id", "=", w.caseId)
        .execute(),
    ]);
    // Every other table that holds rows of a case (assessments, plans, tasks, documents,
    // treatment …), found by its case_id column, so a new table cannot be forgotten here;
    // and the events that cross X's barrier.
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
       where table_schema = 'public' and column_name = 'case_id'
       order by table_name`.execute(owner);
    const rows: Record<string, string | null> = {};
    for (const { table_name } of tables.rows) {
      const { rows: r } = await sql<{ digest: string | null }>`
        select string_agg(t::text, '|' order by t::text) as digest
          from ${sql.table(table_name)} t where t.case_id = ${w.caseId}::uuid`.execute(owner);
      rows[table_name] = r[0]?.digest ?? null;
    }
    const crossings = await owner
      .selectFrom("barrier_event")
      .select(["id", "acknowledged_at"])
      .where((eb) => eb.or([eb("from_case_id", "=", w.caseId), eb("to_case_id", "=", w.caseId)]))
      .orderBy("id")
      .execute();
    return JSON.stringify({
      assignments,
      grants,
      barriers,
      journal,
      status,
      person,
      relations,
      rows,
      crossings,
    });
  };

  // Refusals that concern no record of X's person: a new person, a staff list, a user's log.
  const notAboutX = new Set([
    "POST /api/persons",
    "GET /api/units/{id}/staff",
    "GET /api/audit/users/{id}",
  ]);

  /**
   * Every refusal since `after` by this actor names the person whose record was tried (for a
   * case: that case's person), and that person's log review lists it. Another organisation's
   * user is refused in their own organisation's trail, which names no person of ours.
   */
  async function expectInHerLogReview(after: number, actor: ActorKind) {
    if (actor === "otherOrg") return;
    const { owner } = database();
    const refusals = await owner
      .selectFrom("audit_event")
      .select(["id", "action", "resource_type", "resource_id", "person_id"])
      .where("id", ">", after)
      .where("actor_user_id", "=", ids.get(actor)!)
      .where("outcome", "=", "denied")
      .execute();
    expect(refusals.length, "refusal audited").toBeGreaterThan(0);
    for (const r of refusals) {
      const tried =
        r.resource_type === "case"
          ? (
              await owner
                .selectFrom("case")
                .select("person_id")
                .where("id", "=", r.resource_id!)
                .executeTakeFirst()
            )?.person_id
          : w.personId;
      expect(r.person_id, `${r.action} names whose record was tried`).toBe(tried);
      const review = await t.app.inject({
        method: "GET",
        url: `/api/audit/persons/${r.person_id}`,
        headers: as(sessions.get("manager")!),
      });
      expect(review.statusCode, review.body).toBe(200);
      const listed = (review.json().events as { id: number }[]).map((e) => e.id);
      expect(listed, `${r.action} listed in the log review`).toContain(Number(r.id));
    }
  }

  for (const endpoint of endpoints) {
    for (const actor of actors) {
      const expected = endpoint.expect[actor] ?? endpoint.expect.otherwise;
      const shouldSee = actor === "assigned" || actor === "manager";
      it(`${endpoint.route} as ${actor} → ${expected}${endpoint.shows ? (shouldSee ? ", shows it" : ", hides it") : ""}`, async () => {
        const before = await state();
        const lastAudit = await database()
          .owner.selectFrom("audit_event")
          .select((eb) => eb.fn.max("id").as("max"))
          .executeTakeFirst();
        const req = endpoint.request(w);
        const res = await t.app.inject({
          ...req,
          headers: { ...req.headers, ...as(sessions.get(actor)!) },
        });
        expect(res.statusCode, res.body).toBe(expected);

        if (endpoint.shows) {
          expect(endpoint.shows(res.json(), w)).toBe(shouldSee);
          if (!shouldSee) for (const secret of w.secrets) expect(res.body).not.toContain(secret);
          // A search by her exact number that shows her to nobody but her workers still
          // names her in the trail (another organisation has no such person).
          if (!shouldSee && endpoint.route === "POST /api/persons/search" && actor !== "otherOrg")
            await expectInHerLogReview(Number(lastAudit?.max ?? 0), actor);
          return;
        }
        if (expected >= 400) {
          for (const secret of w.secrets) expect(res.body).not.toContain(secret);
          expect(await state()).toBe(before);
        }
        if (expected === 404 || expected === 403) {
          const denials = await database()
            .owner.selectFrom("audit_event")
            .select(["action", "resource_id", "person_id"])
            .where("id", ">", Number(lastAudit?.max ?? 0))
            .where("actor_user_id", "=", ids.get(actor)!)
            .where("outcome", "=", "denied")
            .execute();
          // Refusals of someone else's record are audited (a unit's staff list is not a record).
          if (!endpoint.route.includes("/staff"))
            expect(denials.length, "denial audited").toBeGreaterThan(0);
          // …and name whose record was tried, so her log review lists them (issue 11, item 5).
          if (!notAboutX.has(endpoint.route))
            await expectInHerLogReview(Number(lastAudit?.max ?? 0), actor);
        }
      });
    }
  }

  it("answers 401 without a session on every endpoint that is not public, before reading input", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const publicRoutes = new Set(["GET /api/health", "GET /api/app-info", "POST /api/auth/login"]);
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        if (publicRoutes.has(`${method.toUpperCase()} ${path}`)) continue;
        const url = path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
        const res = await t.app.inject({
          method: method.toUpperCase() as "GET",
          url,
          payload: method === "get" ? undefined : {},
        });
        expect(res.statusCode, `${method} ${path}`).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("covers every endpoint under /api/cases, /api/persons, /api/barriers, /api/audit, /api/units, /api/journal and /api/intakes", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => /^\/api\/(cases|persons|barriers|audit|units|journal|intakes)/.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(endpoints.map((e) => e.route).sort());
  });
});
