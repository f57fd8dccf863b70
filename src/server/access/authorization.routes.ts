import type { InjectOptions } from "fastify";
import { stockholmDate } from "../../shared/calendar.ts";
import { dangerAssessment } from "../../shared/instruments/builtin/danger-assessment.ts";
import { coordinatedPlanEndpoints } from "../testing/authorization-coordinated-plans.ts";
import type { ActorKind, World } from "../testing/authorization-world.ts";
import { consultationBody } from "../testing/consult.ts";
import { fictionalIdentityNumber } from "../testing/factories.ts";
import { placeBody } from "../testing/places.ts";
import { actionPlanEndpoints } from "./authorization.action-plan.ts";
import { breakGlassEndpoints } from "./authorization.break-glass.ts";
import { conferenceEndpoints } from "./authorization.conferences.ts";
import { directoryEndpoints } from "./authorization.directory.ts";
import { disclosureEndpoints } from "./authorization.disclosures.ts";
import { identityEndpoints } from "./authorization.identity.ts";
import { keyEndpoints } from "./authorization.keys.ts";
import { policeEndpoints } from "./authorization.police.routes.ts";
import { protectionEndpoints } from "./authorization.protection.ts";
import { referralEndpoints, referralOtherRoutes } from "./authorization.referrals.ts";
import { retentionEndpoints } from "./authorization.retention.ts";
import { routineEndpoints } from "./authorization.routines.ts";
import { surveyEndpoints } from "./authorization.surveys.ts";
import { outcomeEndpoints, yearlyReportEndpoints } from "./authorization.yearly-report.ts";

export type Expect = Partial<Record<ActorKind, number>> & { otherwise: number };
const onlyWorkers: Expect = { assigned: 200, manager: 200, otherwise: 404 };
const managerOnly: Expect = { manager: 200, assigned: 403, otherwise: 404 };

export interface Endpoint {
  route: string; // "METHOD /path" as in the OpenAPI document
  request: (w: World) => InjectOptions;
  expect: Expect;
  /** For lists and searches: 200 for all, and whether X / P shows. */
  shows?: (body: unknown, w: World) => boolean;
  /** A POST that only reads (a search): its audit event has no change to share a transaction with. */
  read?: true;
  /** A 2xx that writes no audit event, and why (the assertion otherwise requires one). */
  unaudited?: string;
  /** A command that only deletes: no row is left to carry its transaction's id (see the suite). */
  onlyDeletes?: true;
  /** Run on a fresh login of the actor, because the route ends the session it is sent with. */
  freshSession?: true;
}

// biome-ignore format: one line per endpoint
export const endpoints: Endpoint[] = [
  { route: "GET /api/cases/{id}", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}` }), expect: onlyWorkers },
  { route: "GET /api/persons/{id}", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}` }), expect: onlyWorkers },
  { route: "GET /api/cases", request: () => ({ method: "GET", url: "/api/cases?scope=all" }), expect: { otherwise: 200 }, shows: (b, w) => (b as { cases: { id: string }[] }).cases.some((c) => c.id === w.caseId) },
  { route: "POST /api/persons/search", request: (w) => ({ method: "POST", url: "/api/persons/search", payload: { query: w.secrets[0] } }), expect: { otherwise: 200 }, read: true, shows: (b, w) => (b as { persons: { id: string }[] }).persons.some((p) => p.id === w.personId) },
  { route: "POST /api/cases/{id}/assignments", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/assignments`, payload: { userId: w.spareId } }), expect: { ...managerOnly, manager: 409 } }, // spare is assigned already: a repeat changes nothing
  { route: "DELETE /api/cases/{id}/assignments/{userId}", request: (w) => ({ method: "DELETE", url: `/api/cases/${w.caseId}/assignments/${w.spareId}` }), expect: managerOnly },
  { route: "POST /api/cases/{id}/grants", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/grants`, payload: { userId: w.spareId, reason: "Semestervikarie vecka 30", expiresAt: new Date(Date.now() + 86_400_000).toISOString() } }), expect: managerOnly },
  { route: "POST /api/barriers", request: (w) => ({ method: "POST", url: "/api/barriers", payload: { caseId: w.caseId, otherCaseId: w.otherCaseId, reason: "Partnerkontakt: informationsspärr" } }), expect: { manager: 201, otherwise: 404 } },
  { route: "GET /api/audit/persons/{id}", request: (w) => ({ method: "GET", url: `/api/audit/persons/${w.personId}` }), expect: { manager: 200, otherwise: 404 } },
  { route: "POST /api/cases", request: (w) => ({ method: "POST", url: "/api/cases", payload: { personId: w.personId, unitId: w.unitId, caseType: "adult_victim" } }), expect: { assigned: 201, manager: 201, sameUnit: 404, barrierSide: 404, otherwise: 400 } },
  { route: "POST /api/persons", request: () => ({ method: "POST", url: "/api/persons", payload: { identityNumber: fictionalIdentityNumber(), givenName: "Ny", familyName: "Person" } }), expect: { administrator: 403, analyst: 403, consultant: 403, otherwise: 201 } },
  { route: "GET /api/cases/{id}/assignable-staff", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/assignable-staff` }), expect: { manager: 200, assigned: 403, otherwise: 404 } },
  { route: "GET /api/units/{id}/staff", request: (w) => ({ method: "GET", url: `/api/units/${w.unitId}/staff` }), expect: { otherUnit: 404, administrator: 404, analyst: 404, otherOrg: 404, otherwise: 200 }, unaudited: "the unit's staff names: no client's record" },
  { route: "GET /api/cases/{id}/journal", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/journal` }), expect: onlyWorkers },
  { route: "POST /api/cases/{id}/journal", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/journal`, payload: { entryType: "phone", occurredAt: new Date().toISOString(), body: "Samtal med klienten." } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "PATCH /api/journal/{id}", request: (w) => ({ method: "PATCH", url: `/api/journal/${w.draftId}`, payload: { body: "Ändrat utkast." } }), expect: { assigned: 200, otherwise: 404 } },
  { route: "POST /api/journal/{id}/sign", request: (w) => ({ method: "POST", url: `/api/journal/${w.draftId}/sign` }), expect: { assigned: 200, manager: 403, otherwise: 404 } },
  { route: "GET /api/cases/{id}/journal/pdf", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/journal/pdf?from=2020-01-01&to=${stockholmDate(new Date())}` }), expect: onlyWorkers },
  // The assigned worker moves X from intake to investigation; the manager, last, is let
  // through to the rule, which refuses investigation → investigation (400).
  { route: "POST /api/cases/{id}/status", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/status`, payload: { to: "investigation" } }), expect: { assigned: 200, manager: 409, otherwise: 404 } }, // the manager repeats it: already there
  { route: "POST /api/intakes", request: (w) => ({ method: "POST", url: "/api/intakes", payload: { personId: w.personId, unitId: w.unitId, source: "the_person", channel: "phone", receivedAt: new Date().toISOString(), askedAboutViolence: true } }), expect: { assigned: 201, manager: 201, sameUnit: 404, barrierSide: 404, otherwise: 400 } },
  { route: "GET /api/cases/{id}/intakes", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/intakes` }), expect: onlyWorkers },
  { route: "GET /api/persons/{id}/intakes", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}/intakes` }), expect: onlyWorkers },
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
  { route: "GET /api/cases/{id}/investigation/pdf", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/investigation/pdf` }), expect: onlyWorkers },
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
  ...referralEndpoints,
  { route: "POST /api/cases/{id}/police-assessments", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/police-assessments`, payload: { assessedOn: "2026-11-01", level: "Förhöjd", consentGivenOn: "2026-11-01", consentForm: "oral", consentReference: "Journal 2026-11-01" } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/persons/{id}/risk-history", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}/risk-history` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/tasks", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/tasks` }), expect: onlyWorkers },
  { route: "GET /api/cases/{id}/deadlines", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/deadlines` }), expect: onlyWorkers },
  // The assigned worker completes the task; the manager, coming later, finds it done (409).
  { route: "POST /api/cases/{id}/tasks/{taskId}/complete", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/tasks/${w.taskId}/complete`, payload: { note: "Orosanmälan gjord." } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "GET /api/cases/{id}/plans", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/plans` }), expect: onlyWorkers },
  // No decision with that id in X: those who may see X reach the rule (400).
  { route: "PUT /api/cases/{id}/decisions/{decisionId}/plan", request: (w) => ({ method: "PUT", url: `/api/cases/${w.caseId}/decisions/${w.caseId}/plan`, payload: { goals: "Trygghet.", activities: "Stödsamtal.", startDate: "2026-11-01", followUpDate: "2026-12-01", basedOnVersion: null } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  { route: "POST /api/cases/{id}/plans/{planId}/follow-ups", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/plans/${w.caseId}/follow-ups`, payload: { outcome: "goal_reached", notes: "Bra." } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  // Stays (modules/stays): X has a planned stay; its reads, then its changes, then cancelled,
  // after which the assigned worker starts a new one and the manager meets it (one at a time).
  { route: "GET /api/cases/{id}/stays", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/stays` }), expect: onlyWorkers },
  { route: "GET /api/stays/{stayId}", request: (w) => ({ method: "GET", url: `/api/stays/${w.stayId}` }), expect: onlyWorkers },
  { route: "GET /api/persons/{id}/stays", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}/stays` }), expect: onlyWorkers },
  { route: "PUT /api/stays/{stayId}/planned-end", request: (w) => ({ method: "PUT", url: `/api/stays/${w.stayId}/planned-end`, payload: { plannedTo: "2027-02-01" } }), expect: onlyWorkers },
  // X's person is the adult of the stay, not a child: those who may see X reach the rule (400).
  { route: "PUT /api/stays/{stayId}/children/{personId}", request: (w) => ({ method: "PUT", url: `/api/stays/${w.stayId}/children/${w.personId}`, payload: { schoolKind: "school" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  // The stay is at that place already (400).
  { route: "POST /api/stays/{stayId}/moves", request: (w) => ({ method: "POST", url: `/api/stays/${w.stayId}/moves`, payload: { placeId: w.stayPlaceId, movedOn: "2026-11-05" } }), expect: { assigned: 400, manager: 400, otherwise: 404 } },
  // Not ended yet: no follow-up (409).
  { route: "PUT /api/stays/{stayId}/follow-up", request: (w) => ({ method: "PUT", url: `/api/stays/${w.stayId}/follow-up`, payload: { followedUpOn: "2026-12-01" } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "POST /api/stays/{stayId}/cancel", request: (w) => ({ method: "POST", url: `/api/stays/${w.stayId}/cancel` }), expect: { assigned: 200, manager: 409, otherwise: 404 } }, // the manager finds it cancelled
  // Issue 16, the shelter's stay commands on X's second stay, before a new stay is started
  // (one at a time): X's workers act as the placing side; the manager, coming later, finds it checked in / out (409).
  { route: "POST /api/stays/{stayId}/check-in", request: (w) => ({ method: "POST", url: `/api/stays/${w.shelterStayId}/check-in`, payload: { arrivedOn: stockholmDate(new Date()) } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "POST /api/stays/{stayId}/notes", request: (w) => ({ method: "POST", url: `/api/stays/${w.shelterStayId}/notes`, payload: { kind: "talk", happenedOn: stockholmDate(new Date()), text: "Samtal om hur det går." } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "GET /api/stays/{stayId}/notes", request: (w) => ({ method: "GET", url: `/api/stays/${w.shelterStayId}/notes` }), expect: onlyWorkers },
  { route: "POST /api/stays/{stayId}/check-out", request: (w) => ({ method: "POST", url: `/api/stays/${w.shelterStayId}/check-out`, payload: { leftOn: stockholmDate(new Date()), endReason: "own_housing" } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  // The shelter's own view: no actor here runs the place, so X's workers too get 404.
  { route: "GET /api/shelter/stays/{stayId}", request: (w) => ({ method: "GET", url: `/api/shelter/stays/${w.shelterStayId}` }), expect: { otherwise: 404 } },
  { route: "POST /api/cases/{id}/stays", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/stays`, payload: { decisionId: w.housingDecisionId, placeId: w.stayPlaceId, plannedFrom: "2026-11-10" } }), expect: { assigned: 201, manager: 409, otherwise: 404 } }, // one stay at a time
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
  // Places (issue 16): a case's holds and enquiries. The assigned worker releases the hold and answers the enquiry; the manager, later, finds them done (409).
  { route: "GET /api/cases/{caseId}/holds", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/holds` }), expect: onlyWorkers },
  { route: "POST /api/cases/{caseId}/holds", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/holds`, payload: { placeId: w.places.placeId, persons: 1 } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "POST /api/holds/{holdId}/release", request: (w) => ({ method: "POST", url: `/api/holds/${w.places.holdId}/release` }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  { route: "GET /api/cases/{caseId}/enquiries", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/enquiries` }), expect: onlyWorkers },
  { route: "POST /api/cases/{caseId}/enquiries", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/enquiries`, payload: { placeId: w.places.placeId, persons: 2 } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "POST /api/enquiries/{enquiryId}/answer", request: (w) => ({ method: "POST", url: `/api/enquiries/${w.places.enquiryId}/answer`, payload: { outcome: "no_space" } }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  // Service contacts (issue 17): X's person's course at X's unit, by the assigned worker. Its workers and the unit's manager see it; nobody else, not even the unit's other workers.
  { route: "GET /api/service-courses/{id}", request: (w) => ({ method: "GET", url: `/api/service-courses/${w.service.courseId}` }), expect: onlyWorkers },
  { route: "GET /api/service-contacts", request: () => ({ method: "GET", url: "/api/service-contacts" }), expect: { otherwise: 200 }, shows: (b, w) => (b as { courses: { id: string }[] }).courses.some((c) => c.id === w.service.courseId) },
  { route: "GET /api/persons/{id}/service-courses", request: (w) => ({ method: "GET", url: `/api/persons/${w.personId}/service-courses` }), expect: onlyWorkers },
  { route: "POST /api/service-contacts", request: (w) => ({ method: "POST", url: "/api/service-contacts", payload: { courseId: w.service.courseId, kind: "counselling_visit", channel: "visit", occurredAt: "2026-11-09T10:00:00+01:00", durationMinutes: 45, topic: "Stödsamtal", outcome: "advice_given" } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  // The assigned worker hands nothing over (403); the manager hands the course to the spare worker of the unit.
  { route: "PUT /api/service-courses/{id}/responsible", request: (w) => ({ method: "PUT", url: `/api/service-courses/${w.service.courseId}/responsible`, payload: { userId: w.spareId } }), expect: { manager: 200, assigned: 403, otherwise: 404 } },
  // One click: the assigned worker's intake joins X; the manager, coming later, finds it made (409).
  { route: "POST /api/service-contacts/{id}/intake", request: (w) => ({ method: "POST", url: `/api/service-contacts/${w.service.contactId}/intake`, payload: { unitId: w.unitId, source: "the_person", kind: "application", askedAboutViolence: true } }), expect: { assigned: 201, manager: 409, otherwise: 404 } },
  // Last of the course: closed by the assigned worker; the manager finds it closed (409).
  { route: "POST /api/service-courses/{id}/close", request: (w) => ({ method: "POST", url: `/api/service-courses/${w.service.courseId}/close` }), expect: { assigned: 200, manager: 409, otherwise: 404 } },
  // The children's crisis centre (issue 17): X's child has a work with a series going; the
  // assigned worker opens one for X's second child and records, the manager comes later.
  { route: "GET /api/cases/{caseId}/child-work", request: (w) => ({ method: "GET", url: `/api/cases/${w.caseId}/child-work` }), expect: onlyWorkers },
  { route: "POST /api/cases/{caseId}/child-work", request: (w) => ({ method: "POST", url: `/api/cases/${w.caseId}/child-work`, payload: { personId: w.childWork.spareChildId, openedOn: stockholmDate(new Date()) } }), expect: { assigned: 201, manager: 409, otherwise: 404 } }, // opened already
  { route: "GET /api/child-work/{id}", request: (w) => ({ method: "GET", url: `/api/child-work/${w.childWork.workId}` }), expect: onlyWorkers },
  // A series is going: those who may see the work reach the rule (409).
  { route: "POST /api/child-work/{id}/crisis-talk-series", request: (w) => ({ method: "POST", url: `/api/child-work/${w.childWork.workId}/crisis-talk-series`, payload: { model: "trappan", plannedTalks: 3, startedOn: stockholmDate(new Date()) } }), expect: { assigned: 409, manager: 409, otherwise: 404 } },
  { route: "POST /api/crisis-talk-series/{id}/talks", request: (w) => ({ method: "POST", url: `/api/crisis-talk-series/${w.childWork.seriesId}/talks`, payload: { heldOn: stockholmDate(new Date()), childWords: "Jag vill att det ska sluta." } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "POST /api/child-work/{id}/police-reports", request: (w) => ({ method: "POST", url: `/api/child-work/${w.childWork.workId}/police-reports`, payload: { reportedOn: stockholmDate(new Date()), reporterKind: "own_unit", crimeCategory: "child_witness_crime" } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "POST /api/child-work/{id}/medical-exams", request: (w) => ({ method: "POST", url: `/api/child-work/${w.childWork.workId}/medical-exams`, payload: { examinedOn: stockholmDate(new Date()), kind: "forensic", place: "Barnahus" } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "POST /api/child-work/{id}/consultations", request: (w) => ({ method: "POST", url: `/api/child-work/${w.childWork.workId}/consultations`, payload: { heldOn: stockholmDate(new Date()), agencies: ["police"], participants: "Förhörsledare", basis: "anonymised" } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  { route: "POST /api/crisis-talk-series/{id}/end", request: (w) => ({ method: "POST", url: `/api/crisis-talk-series/${w.childWork.seriesId}/end`, payload: { endedOn: stockholmDate(new Date()) } }), expect: { assigned: 200, manager: 409, otherwise: 404 } }, // ended already
  { route: "POST /api/child-work/{id}/close", request: (w) => ({ method: "POST", url: `/api/child-work/${w.childWork.workId}/close`, payload: { closedOn: stockholmDate(new Date()) } }), expect: { assigned: 200, manager: 409, otherwise: 404 } }, // closed already
  // A child's course (the assigned worker responsible): the course rule, not the case's.
  { route: "POST /api/service-courses/{courseId}/child-work", request: (w) => ({ method: "POST", url: `/api/service-courses/${w.childWork.courseId}/child-work`, payload: { openedOn: stockholmDate(new Date()) } }), expect: { assigned: 201, manager: 409, otherwise: 404 } }, // opened already
  { route: "GET /api/service-courses/{courseId}/child-work", request: (w) => ({ method: "GET", url: `/api/service-courses/${w.childWork.courseId}/child-work` }), expect: onlyWorkers },
  ...disclosureEndpoints,
  ...policeEndpoints, // issue 18: police collaboration, anonymised consultations
  ...conferenceEndpoints, // issue 18, item 8: the multi-agency risk conference
  ...coordinatedPlanEndpoints, // SIP (issue 18): testing/authorization-coordinated-plans.ts
  ...outcomeEndpoints, // issue 20, item 3: the outcome at closing, the outcome measures
];
const adminOnly = (status: number): Expect => ({ administrator: status, otherwise: 403 });
/** A change of X's unit's place: its manager administers it; caseworkers see it (403); others do not (404). */
const placeAdmin = (status: number): Expect => ({
  manager: status,
  administrator: 404,
  analyst: 404,
  consultant: 404,
  otherOrg: 404,
  otherwise: 403,
});

let serial = 0;
const unique = (prefix: string) => `${prefix} ${process.pid}-${++serial}`;
/** A small definition of the organisation's own, for the administrator's import. */
const instrument = () => ({
  id: `check_${process.pid}_${++serial}`,
  version: 1,
  name: "Kontrollfrågor",
  kind: "spj",
  caseTypes: ["adult_victim"],
  sourceNote: "Organisationens egen checklista, version 1.",
  sections: [
    {
      id: "pattern",
      title: "Mönster",
      items: [{ id: "follows", type: "yes_no_unknown", label: "Följer efter?", required: true }],
    },
  ],
  scoring: [{ id: "yes", label: "Antal ja", kind: "count_yes" }],
  thresholds: [{ rule: "yes", atLeast: 1, level: "high" }],
  judgement: {
    levels: [
      { value: "low", label: "Låg" },
      { value: "high", label: "Hög" },
    ],
  },
});

/**
 * Routes about no case or person of X: administration, figures, reference data and the
 * caller's own session. Same matrix of users; a refusal here names no person, so only
 * that it is audited (403) is asserted, not whose log review lists it.
 */
/** The competence register (issue 17): kept by managers and consultants (another organisation's in her own). */
const keepers = (status: number): Expect => ({
  manager: status,
  consultant: status,
  otherOrg: status,
  otherwise: 403,
});
/** A change of an entry: the consultant first, then the manager's stale version; unseen → 404. */
const keepersChange = (status: number): Expect => ({
  consultant: status,
  manager: 409,
  administrator: 404,
  analyst: 404,
  otherOrg: 404,
  otherwise: 403,
});
/** A removal: readers before the consultant get 403, everyone after finds it gone (404). */
const keepersRemove: Expect = {
  assigned: 403,
  sameUnit: 403,
  otherUnit: 403,
  consultant: 204,
  otherwise: 404,
};
/** A consultation's fields as a change sends them (no unit: it stays the unit's). */
const update = ({ unitId: _unit, ...rest }: ReturnType<typeof consultationBody>) => rest;

// biome-ignore format: one line per endpoint
export const otherRoutes: Endpoint[] = [
  ...referralOtherRoutes,
  { route: "GET /api/admin/units", request: () => ({ method: "GET", url: "/api/admin/units" }), expect: adminOnly(200), unaudited: "the organisation's units: no personal data" },
  { route: "POST /api/admin/units", request: () => ({ method: "POST", url: "/api/admin/units", payload: { name: unique("Enhet"), kind: "adult_services" } }), expect: adminOnly(201) },
  { route: "PATCH /api/admin/units/{id}", request: (w) => ({ method: "PATCH", url: `/api/admin/units/${w.unitId}`, payload: { contactPhone: "070-174 00 99" } }), expect: adminOnly(200) },
  { route: "GET /api/admin/users", request: () => ({ method: "GET", url: "/api/admin/users" }), expect: adminOnly(200), unaudited: "staff accounts, no client data (not audited today: see the report of issue 13)" },
  { route: "POST /api/admin/users", request: () => ({ method: "POST", url: "/api/admin/users", payload: { username: unique("ny").replace(/[ -]/g, ""), displayName: "Ny Användare", password: "ett långt lösenord 123" } }), expect: adminOnly(201) },
  { route: "PATCH /api/admin/users/{id}", request: (w) => ({ method: "PATCH", url: `/api/admin/users/${w.leaverId}`, payload: { displayName: "Konsult Som Slutar" } }), expect: adminOnly(200) },
  { route: "POST /api/admin/users/{id}/roles", request: (w) => ({ method: "POST", url: `/api/admin/users/${w.leaverId}/roles`, payload: { unitId: null, role: "analyst" } }), expect: adminOnly(200) },
  { route: "DELETE /api/admin/role-assignments/{id}", request: (w) => ({ method: "DELETE", url: `/api/admin/role-assignments/${w.leaverRoleId}` }), expect: adminOnly(204), onlyDeletes: true },
  { route: "POST /api/admin/users/{id}/mfa-reset", request: (w) => ({ method: "POST", url: `/api/admin/users/${w.leaverId}/mfa-reset` }), expect: adminOnly(204) },
  { route: "POST /api/admin/instruments", request: () => ({ method: "POST", url: "/api/admin/instruments", payload: instrument() }), expect: adminOnly(201) },
  { route: "GET /api/instruments", request: () => ({ method: "GET", url: "/api/instruments" }), expect: { otherwise: 200 }, unaudited: "the published assessment instruments: reference data" },
  { route: "GET /api/instruments/{instrumentId}/versions/{version}", request: () => ({ method: "GET", url: `/api/instruments/${dangerAssessment.id}/versions/${dangerAssessment.version}` }), expect: { otherwise: 200 }, unaudited: "one published instrument: reference data" },
  { route: "GET /api/statistics/partner-contact", request: () => ({ method: "GET", url: "/api/statistics/partner-contact?from=2026-01-01&to=2026-06-30" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
  // The shelter's list: for shelter staff and managers (none of these managers' units runs a place).
  { route: "GET /api/shelter/stays", request: () => ({ method: "GET", url: "/api/shelter/stays" }), expect: { manager: 200, otherOrg: 200, otherwise: 403 } },
  { route: "GET /api/stays/{stayId}/costs", request: (w) => ({ method: "GET", url: `/api/stays/${w.costStayId}/costs` }), expect: onlyWorkers },
  { route: "POST /api/stays/{stayId}/invoices", request: (w) => ({ method: "POST", url: `/api/stays/${w.costStayId}/invoices`, payload: { periodFrom: "2026-01-10", periodTo: "2026-01-19", amount: 15000 } }), expect: { assigned: 201, manager: 201, otherwise: 404 } },
  // Counts of the stays whose cases the caller may see: X's stay shows only to its workers.
  { route: "GET /api/costs", request: () => ({ method: "GET", url: "/api/costs?month=2026-01" }), expect: { otherwise: 200 }, shows: (b) => (b as { stays: number }).stays > 0 },
  { route: "GET /api/costs.xlsx", request: () => ({ method: "GET", url: "/api/costs.xlsx?month=2026-01" }), expect: { otherwise: 200 } },
  { route: "GET /api/costs.csv", request: () => ({ method: "GET", url: "/api/costs.csv?month=2026-01" }), expect: { otherwise: 200 } },
  { route: "GET /api/statistics/crisis-centre", request: () => ({ method: "GET", url: "/api/statistics/crisis-centre?from=2026-01-01&to=2026-06-30" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
  { route: "GET /api/statistics/crisis-centre-year", request: () => ({ method: "GET", url: "/api/statistics/crisis-centre-year?year=2026" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
  { route: "GET /api/statistics/stays", request: () => ({ method: "GET", url: "/api/statistics/stays?year=2026" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
  { route: "GET /api/statistics/service-contacts", request: () => ({ method: "GET", url: "/api/statistics/service-contacts?from=2026-01-01&to=2026-06-30" }), expect: { manager: 200, analyst: 200, otherOrg: 200, otherwise: 403 } },
  // X's stay has no child: a file of the children each caller may see, none here.
  { route: "GET /api/national-register/sheltered-housing-children.csv", request: () => ({ method: "GET", url: "/api/national-register/sheltered-housing-children.csv?year=2026" }), expect: { otherwise: 200 } },
  { route: "GET /api/disclosures/catalogue", request: () => ({ method: "GET", url: "/api/disclosures/catalogue" }), expect: { otherwise: 200 }, unaudited: "the secrecy rules and the agency directory: no client's data" },
  { route: "GET /api/worklist", request: () => ({ method: "GET", url: "/api/worklist" }), expect: { otherwise: 200 } },
  { route: "GET /api/notifications", request: () => ({ method: "GET", url: "/api/notifications" }), expect: { otherwise: 200 } },
  // A notification nobody has (an assignment in 2000): 404 for all, the attempt audited on the case.
  { route: "POST /api/notifications/{id}/read", request: (w) => ({ method: "POST", url: `/api/notifications/${encodeURIComponent(`assigned:case:${w.caseId}:2000-01-01`)}/read` }), expect: { otherwise: 404 } },
  // With nothing unread (most actors here) it changes no row: it answers the list, audited.
  { route: "POST /api/notifications/read-all", request: () => ({ method: "POST", url: "/api/notifications/read-all" }), expect: { otherwise: 200 }, read: true },
  { route: "GET /api/notifications/settings", request: () => ({ method: "GET", url: "/api/notifications/settings" }), expect: { otherwise: 200 }, unaudited: "the caller's own digest setting" },
  { route: "PUT /api/notifications/settings", request: () => ({ method: "PUT", url: "/api/notifications/settings", payload: { digest: false, email: null } }), expect: { otherwise: 200 } },
  { route: "POST /api/search/case-reference", request: (w) => ({ method: "POST", url: "/api/search/case-reference", payload: { reference: w.secrets[3] } }), expect: { otherwise: 200 }, read: true, shows: (b, w) => (b as { case: { id: string } | null }).case?.id === w.caseId },
  { route: "POST /api/search/journal", request: () => ({ method: "POST", url: "/api/search/journal", payload: { query: "samtal" } }), expect: { otherwise: 200 }, read: true },
  ...surveyEndpoints, // issue 17: competence-needs surveys
  // Places (issue 16): the register for those doing case work; changes and the address for
  // those who administer the place (here X's unit manager); a caseworker who sees the place
  // but may not change it gets 403, one who may not see it 404. Closing comes last.
  { route: "GET /api/places", request: () => ({ method: "GET", url: "/api/places" }), expect: { administrator: 403, analyst: 403, consultant: 403, otherwise: 200 }, unaudited: "the register of places: no client's data, never an address" },
  { route: "GET /api/places/{placeId}", request: (w) => ({ method: "GET", url: `/api/places/${w.places.placeId}` }), expect: { administrator: 404, analyst: 404, consultant: 404, otherOrg: 404, otherwise: 200 }, unaudited: "one place of the register: no client's data, never an address" },
  { route: "POST /api/places", request: (w) => ({ method: "POST", url: "/api/places", payload: placeBody(w.unitId) }), expect: { manager: 201, otherOrg: 400, otherwise: 403 } }, // another organisation's manager names a unit not theirs
  { route: "PUT /api/places/{placeId}", request: (w) => ({ method: "PUT", url: `/api/places/${w.places.placeId}`, payload: { ...placeBody(w.unitId), version: 1 } }), expect: placeAdmin(200) },
  { route: "POST /api/places/{placeId}/contacts", request: (w) => ({ method: "POST", url: `/api/places/${w.places.placeId}/contacts`, payload: { name: "Ny Kontakt" } }), expect: placeAdmin(201) },
  { route: "DELETE /api/places/{placeId}/contacts/{contactId}", request: (w) => ({ method: "DELETE", url: `/api/places/${w.places.placeId}/contacts/${w.places.contactId}` }), expect: placeAdmin(200) },
  // The address: nobody here handles a stay at the place, so only its administrator reads it.
  { route: "GET /api/places/{placeId}/address", request: (w) => ({ method: "GET", url: `/api/places/${w.places.placeId}/address` }), expect: { manager: 200, otherwise: 404 } },
  { route: "PUT /api/places/{placeId}/address", request: (w) => ({ method: "PUT", url: `/api/places/${w.places.placeId}/address`, payload: { street: "Ny gata 1", postalCode: "11111", city: "Demostad" } }), expect: placeAdmin(200) },
  { route: "GET /api/vacancies", request: () => ({ method: "GET", url: "/api/vacancies?women=1&children=2" }), expect: { administrator: 403, analyst: 403, consultant: 403, otherwise: 200 }, unaudited: "counts per place: no person, no case" },
  { route: "POST /api/places/{placeId}/close", request: (w) => ({ method: "POST", url: `/api/places/${w.places.idlePlaceId}/close`, payload: { closedOn: "2099-12-31" } }), expect: placeAdmin(200) },
  ...directoryEndpoints, // issue 18: the agency directory and agreements
  ...retentionEndpoints, // issue 19, item 8: gallring
  ...routineEndpoints, // issue 20, item 2: the routines register
  ...actionPlanEndpoints, // issue 20, item 1: the action plan
  ...yearlyReportEndpoints, // issue 20, item 4: the committee's report, its files, Kolada's population
  ...protectionEndpoints, // issue 19, items 2, 3 and 7: reveal, protection officer, log review
  // Consultations (issue 17): the log of a resource function where only the suite's consultant
  // works; everyone else is refused (403 for the unit's log, 404 for one consultation).
  { route: "GET /api/consultations", request: (w) => ({ method: "GET", url: `/api/consultations?unitId=${w.consult.resourceUnitId}` }), expect: { consultant: 200, otherwise: 403 } },
  { route: "POST /api/consultations", request: (w) => ({ method: "POST", url: "/api/consultations", payload: consultationBody(w.consult.resourceUnitId) }), expect: { consultant: 201, otherwise: 403 } },
  { route: "GET /api/consultations/figures", request: (w) => ({ method: "GET", url: `/api/consultations/figures?unitId=${w.consult.resourceUnitId}&year=2026` }), expect: { consultant: 200, otherwise: 403 } },
  { route: "GET /api/consultations/{id}", request: (w) => ({ method: "GET", url: `/api/consultations/${w.consult.consultationId}` }), expect: { consultant: 200, otherwise: 404 } },
  { route: "PUT /api/consultations/{id}", request: (w) => ({ method: "PUT", url: `/api/consultations/${w.consult.consultationId}`, payload: { ...update(consultationBody(w.consult.resourceUnitId)), followUp: "done", version: 1 } }), expect: { consultant: 200, otherwise: 404 } },
  // The competence register: read by case workers and consultants, kept by managers and
  // consultants (the consultant changes first, so the manager's stale version answers 409);
  // another organisation's manager keeps her own register and never sees ours (404).
  { route: "GET /api/competence", request: () => ({ method: "GET", url: "/api/competence?year=2026" }), expect: { administrator: 403, analyst: 403, otherwise: 200 } },
  { route: "GET /api/competence/figures", request: () => ({ method: "GET", url: "/api/competence/figures?year=2026" }), expect: { administrator: 403, analyst: 403, otherwise: 200 } },
  { route: "POST /api/competence/trainings", request: () => ({ method: "POST", url: "/api/competence/trainings", payload: { kind: "course", title: "Våld i nära relationer", startsOn: "2026-05-05", hours: 3.5, organiser: "Resursfunktionen" } }), expect: keepers(201) },
  { route: "PUT /api/competence/trainings/{id}", request: (w) => ({ method: "PUT", url: `/api/competence/trainings/${w.consult.trainingId}`, payload: { kind: "course", title: "Ändrad titel", startsOn: "2026-02-10", hours: 4, organiser: "Resursfunktionen", version: 1 } }), expect: keepersChange(200) },
  { route: "DELETE /api/competence/trainings/{id}", request: (w) => ({ method: "DELETE", url: `/api/competence/trainings/${w.consult.spareTrainingId}` }), expect: keepersRemove, onlyDeletes: true },
  { route: "POST /api/competence/instructors", request: () => ({ method: "POST", url: "/api/competence/instructors", payload: { name: "Ny Instruktör", administration: "Socialförvaltningen", trainedOn: "2026-04-01" } }), expect: keepers(201) },
  { route: "PUT /api/competence/instructors/{id}", request: (w) => ({ method: "PUT", url: `/api/competence/instructors/${w.consult.instructorId}`, payload: { name: "Instruktör Fiktiv", administration: "Socialförvaltningen", trainedOn: "2024-05-01", active: false, version: 1 } }), expect: keepersChange(200) },
  { route: "POST /api/competence/meetings", request: () => ({ method: "POST", url: "/api/competence/meetings", payload: { heldOn: "2026-05-06", topic: "Uppföljning" } }), expect: keepers(201) },
  { route: "DELETE /api/competence/meetings/{id}", request: (w) => ({ method: "DELETE", url: `/api/competence/meetings/${w.consult.meetingId}` }), expect: keepersRemove, onlyDeletes: true },
  { route: "POST /api/competence/supervision", request: () => ({ method: "POST", url: "/api/competence/supervision", payload: { heldOn: "2026-05-07", staffGroup: "Förskolans personal", hours: 2, givenBy: "Kriscentrum" } }), expect: keepers(201) },
  { route: "DELETE /api/competence/supervision/{id}", request: (w) => ({ method: "DELETE", url: `/api/competence/supervision/${w.consult.supervisionId}` }), expect: keepersRemove, onlyDeletes: true },
  { route: "POST /api/competence/study-visits", request: () => ({ method: "POST", url: "/api/competence/study-visits", payload: { visitedOn: "2026-05-08", visitorsOrganisation: "Polisen", visitors: 5 } }), expect: keepers(201) },
  { route: "DELETE /api/competence/study-visits/{id}", request: (w) => ({ method: "DELETE", url: `/api/competence/study-visits/${w.consult.studyVisitId}` }), expect: keepersRemove, onlyDeletes: true },
  // The young people's chat (issue 17): no conversation of X's organisation is one anyone
  // here may see (an unknown id answers 404 to all, audited); the queue is for chat roles.
  { route: "GET /api/chat/settings", request: () => ({ method: "GET", url: "/api/chat/settings" }), expect: { otherwise: 200 }, unaudited: "the chat settings of the caller's own units: no personal data" },
  { route: "PUT /api/chat/settings/{unitId}", request: (w) => ({ method: "PUT", url: `/api/chat/settings/${w.unitId}`, payload: { enabled: false, hours: [] } }), expect: { manager: 200, otherwise: 404 } },
  { route: "GET /api/chat/queue", request: () => ({ method: "GET", url: "/api/chat/queue" }), expect: { administrator: 403, analyst: 403, otherwise: 200 } },
  { route: "GET /api/chat/conversations/{id}", request: (w) => ({ method: "GET", url: `/api/chat/conversations/${w.caseId}` }), expect: { otherwise: 404 } },
  { route: "POST /api/chat/conversations/{id}/take", request: (w) => ({ method: "POST", url: `/api/chat/conversations/${w.caseId}/take` }), expect: { otherwise: 404 } },
  { route: "POST /api/chat/conversations/{id}/close", request: (w) => ({ method: "POST", url: `/api/chat/conversations/${w.caseId}/close` }), expect: { otherwise: 404 } },
  { route: "POST /api/chat/conversations/{id}/consent", request: (w) => ({ method: "POST", url: `/api/chat/conversations/${w.caseId}/consent`, payload: { words: "Ja." } }), expect: { otherwise: 404 } },
  { route: "POST /api/chat/conversations/{id}/hand-over", request: (w) => ({ method: "POST", url: `/api/chat/conversations/${w.caseId}/hand-over`, payload: { unitId: w.unitId } }), expect: { otherwise: 404 } },
  { route: "POST /api/chat/conversations/{id}/intake", request: (w) => ({ method: "POST", url: `/api/chat/conversations/${w.caseId}/intake`, payload: { unitId: w.unitId, kind: "application", givenName: "Ny", familyName: "Person", askedAboutViolence: true, messageIds: [w.caseId] } }), expect: { otherwise: 404 } },
  { route: "GET /api/me", request: () => ({ method: "GET", url: "/api/me" }), expect: { otherwise: 200 }, unaudited: "the caller's own account" },
  { route: "GET /api/auth/session", request: () => ({ method: "GET", url: "/api/auth/session" }), expect: { otherwise: 200 }, unaudited: "the caller's own session" },
  { route: "POST /api/auth/heartbeat", request: () => ({ method: "POST", url: "/api/auth/heartbeat" }), expect: { otherwise: 200 }, unaudited: "keeps the caller's own session alive" },
  // The wrong current password: everyone reaches the rule (400), nobody's password changes.
  { route: "POST /api/me/password", request: () => ({ method: "POST", url: "/api/me/password", payload: { currentPassword: "inte mitt lösenord", newPassword: "ett nytt långt lösenord" } }), expect: { otherwise: 400 } },
  // Without the current password a full session reaches validation (400); nothing changes.
  { route: "POST /api/auth/password", request: () => ({ method: "POST", url: "/api/auth/password", payload: { newPassword: "ett nytt långt lösenord" } }), expect: { otherwise: 400 } },
  // Starting an enrolment stores a pending secret on the session it is sent with: a fresh login.
  { route: "POST /api/auth/mfa/enrolment", request: () => ({ method: "POST", url: "/api/auth/mfa/enrolment" }), expect: { otherwise: 200 }, freshSession: true, unaudited: "a pending secret on the caller's own session; the code that confirms it is audited" },
  // A wrong code reaches the rule (400), for every kind of user alike.
  { route: "POST /api/auth/mfa", request: () => ({ method: "POST", url: "/api/auth/mfa", payload: { code: "123456" } }), expect: { otherwise: 400 } },
  // Ends the session it is sent with: run on a fresh login of the same user.
  { route: "POST /api/auth/logout", request: () => ({ method: "POST", url: "/api/auth/logout" }), expect: { otherwise: 204 }, freshSession: true },
  ...keyEndpoints, // issue 21, item 6: security keys, each caller's own
  ...identityEndpoints, // issue 21: identity providers and account identifiers, administrators'
  ...breakGlassEndpoints, // issue 19, item 6: last, a worker granted here sees X from then on
];
