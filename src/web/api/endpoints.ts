import type { z } from "zod";
import {
  UnitList,
  UnitView,
  type UpdateUnitBody,
  UserList,
  UserView,
} from "../../shared/api/admin";
import {
  AssessmentList,
  AssessmentPage,
  AssessmentView,
  ImportInstrumentResult,
  InstrumentDefinition,
  InstrumentList,
  RiskHistory,
  type SaveAssessmentBody,
} from "../../shared/api/assessments";
import { AuditEventList, type AuditEventView } from "../../shared/api/audit";
import { LoginResult, Me, MfaEnrolment, SessionStatus } from "../../shared/api/auth";
import {
  BarrierEventList,
  BarrierEventPage,
  type BarrierEventView,
  type RaiseRiskAlertBody,
} from "../../shared/api/barrier-events";
import {
  CaseList,
  type CaseSummary,
  type CaseType,
  CaseView,
  RelationList,
  StaffList,
  StatusHistoryPage,
} from "../../shared/api/cases";
import {
  ChildPlacementView,
  type RecordCourtStepBody,
  type RecordPlacementReviewBody,
  type RevokeConsentBody,
} from "../../shared/api/child-placement";
import { ChildTrackView } from "../../shared/api/child-track";
import {
  DecisionList,
  type DecisionOutcome,
  DecisionView,
  type InterventionKind,
  type RecordDecisionBody,
} from "../../shared/api/decisions";
import {
  DocumentList,
  type DocumentView,
  type documentKinds,
  type documentMediaTypes,
} from "../../shared/api/documents";
import {
  IntakeList,
  type IntakeView,
  type RecordIntakeBody,
  RecordIntakeResult,
} from "../../shared/api/intake";
import { InvestigationView, type SaveInvestigationBody } from "../../shared/api/investigation";
import { type JournalEntryType, JournalEntryView, JournalPage } from "../../shared/api/journal";
import {
  type OfferSupportBody,
  PartnerCaseView,
  PartnerSmsView,
  type RecordAttemptBody,
} from "../../shared/api/partner-contact";
import {
  PersonDetail,
  type PersonDetails,
  PersonList,
  PersonView,
  type UpdatePersonBody,
} from "../../shared/api/persons";
import {
  type FollowUpOutcome,
  PlanList,
  type PlanView,
  type RecordFollowUpBody,
  type SavePlanBody,
} from "../../shared/api/plans";
import {
  PoliceAssessmentList,
  type PoliceAssessmentView,
  type RecordPoliceAssessmentBody,
} from "../../shared/api/police-assessments";
import type { Role, unitKinds } from "../../shared/api/roles";
import {
  SafetyPlanHistory,
  SafetyPlanView,
  type SaveSafetyPlanBody,
} from "../../shared/api/safety-plans";
import { PartnerContactStatistics } from "../../shared/api/statistics";
import { CaseTaskList, CaseTaskView } from "../../shared/api/tasks";
import {
  type AddPartnerBody,
  type EndTreatmentBody,
  type PartnerRefusalBody,
  type RecordSessionBody,
  type RegisterTreatmentBody,
  TreatmentResult,
  type TreatmentView,
} from "../../shared/api/treatment";
import { Worklist, type WorklistItem } from "../../shared/api/worklist";
import type { CaseStatus, ClosedReason } from "../../shared/case-status";
import {
  ApiError,
  deleteJson,
  getJson,
  parseWith,
  patchJson,
  postFile,
  postJson,
  putJson,
  type RequestOptions,
} from "./client";

export type {
  AuditEventView,
  CaseStatus,
  CaseSummary,
  CaseType,
  CaseView,
  ClosedReason,
  DecisionView,
  IntakeView,
  InvestigationView,
  JournalEntryType,
  JournalEntryView,
  LoginResult,
  Me,
  MfaEnrolment,
  PersonDetail,
  PersonDetails,
  PersonView,
  PlanView,
  Role,
  SessionStatus,
  UnitView,
  UserView,
  WorklistItem,
};
export type ChildTrack = z.infer<typeof ChildTrackView>;
export type ChildReport = ChildTrack["reports"][number];
export type WorklistKind = WorklistItem["kind"];
export type StaffMember = z.infer<typeof StaffList>["users"][number];
export type UnitKind = (typeof unitKinds)[number];
export type Sex = PersonView["sex"];
export type RelationView = z.infer<typeof RelationList>["relations"][number];
export type RelationKind = RelationView["kind"];
export type RecordIntakeInput = z.input<typeof RecordIntakeBody>;
export type RecordIntakeOutcome = z.infer<typeof RecordIntakeResult>;
export type UpdatePersonInput = z.input<typeof UpdatePersonBody>;
export type InvestigationSection = InvestigationView["sectionKeys"][number];
export type SaveInvestigationInput = z.input<typeof SaveInvestigationBody>;
export type InterventionKindCode = z.infer<typeof InterventionKind>;
export type DecisionOutcomeCode = z.infer<typeof DecisionOutcome>;
export type RecordDecisionInput = z.input<typeof RecordDecisionBody>;
export type FollowUpOutcomeCode = z.infer<typeof FollowUpOutcome>;
export type FollowUpView = PlanView["followUps"][number];
export type SavePlanInput = z.input<typeof SavePlanBody>;
export type RecordFollowUpInput = z.input<typeof RecordFollowUpBody>;
export type DecisionListView = z.infer<typeof DecisionList>;
export type LetterDeliveryView = DecisionListView["letterDelivery"];
export type PlacementView = z.infer<typeof ChildPlacementView>;
export type PlacementBasisCode = PlacementView["basis"];
export type ConsentFormCode = PlacementView["consents"][number]["form"];
export type CourtOutcomeCode = NonNullable<PlacementView["courtOutcome"]>;
export type RecordCourtStepInput = z.input<typeof RecordCourtStepBody>;
export type RecordPlacementReviewInput = z.input<typeof RecordPlacementReviewBody>;
export type RevokeConsentInput = z.input<typeof RevokeConsentBody>;
export type CaseTask = z.infer<typeof CaseTaskView>;
export type { AssessmentView };
export type InstrumentSummary = z.infer<typeof InstrumentList>["instruments"][number];
export type InstrumentDefinitionView = z.output<typeof InstrumentDefinition>;
export type SaveAssessmentInput = z.input<typeof SaveAssessmentBody>;
export type CurrentRisk = NonNullable<CaseView["currentRisk"]>;
export type RiskHistoryView = z.infer<typeof RiskHistory>;
export type SafetyPlan = z.infer<typeof SafetyPlanView>;
export type SaveSafetyPlanInput = z.input<typeof SaveSafetyPlanBody>;
export type PoliceAssessment = z.infer<typeof PoliceAssessmentView>;
export type Treatment = z.infer<typeof TreatmentView>;
export type RegisterTreatmentInput = z.input<typeof RegisterTreatmentBody>;
export type RecordSessionInput = z.input<typeof RecordSessionBody>;
export type EndTreatmentInput = z.input<typeof EndTreatmentBody>;
export type AddPartnerInput = z.input<typeof AddPartnerBody>;
export type PartnerRefusalInput = z.input<typeof PartnerRefusalBody>;
export type PartnerCase = z.infer<typeof PartnerCaseView>;
export type RecordAttemptInput = z.input<typeof RecordAttemptBody>;
export type OfferSupportInput = z.input<typeof OfferSupportBody>;
export type BarrierEvent = z.infer<typeof BarrierEventView>;
export type BarrierEventListView = z.infer<typeof BarrierEventList>;
export type RaiseRiskAlertInput = z.input<typeof RaiseRiskAlertBody>;
export type RecordPoliceAssessmentInput = z.input<typeof RecordPoliceAssessmentBody>;
export type CaseDocument = DocumentView;
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentMediaType = (typeof documentMediaTypes)[number];
export type PartnerContactFigures = z.infer<typeof PartnerContactStatistics>;
export type UpdateUnitInput = z.input<typeof UpdateUnitBody>;

/** The period (YYYY-MM-DD, both days included) and, optionally, one unit. */
export interface StatisticsPeriod {
  from: string;
  to: string;
  unitId?: string;
}

/** A move along the case's status flow; a reason when closing, a comment when asked for. */
export interface ChangeStatusInput {
  to: CaseStatus;
  reason: ClosedReason | null;
  comment: string | null;
}

/** A new journal entry (a draft until signed); occurredAt is ISO 8601 with an offset. */
export interface WriteJournalEntryInput {
  entryType: JournalEntryType;
  occurredAt: string;
  body: string;
  /** The signed entry this one corrects, or null. */
  correctsId: string | null;
}

export type UpdateJournalDraftInput = Partial<Omit<WriteJournalEntryInput, "correctsId">>;

export interface ProtectionAssessmentInput {
  intakeId: string;
  needsImmediateProtection: boolean;
  reasoning: string;
}

export interface PreliminaryDecisionInput {
  openInvestigation: boolean;
  reasoning: string;
}

/** extendedUntil is a date, YYYY-MM-DD. */
export interface ExtensionInput {
  extendedUntil: string;
  reason: string;
}

export interface RegisterPersonInput {
  identityNumber: string | null;
  /** Reservnummer, as issued; only without identityNumber. */
  reserveNumber?: string | null;
  /** YYYY-MM-DD; only without identityNumber, which carries the birth date. */
  birthDate?: string | null;
  givenName: string;
  familyName: string;
  sex: Sex;
}

/**
 * Frid's API as typed functions. Answers are checked against the shared Zod schemas.
 * `csrfToken` is read when a request is made, so one Api object stays valid when the token
 * changes. `onUnauthenticated` is told about every 401 (e.g. an expired session); when it
 * answers with a promise (the user is logging in again in a dialog) the request waits and is
 * then sent again as it was, with the new session's token — this is how no save is lost to
 * an ended session. `canWait` is false for the login steps, whose 401 is their own answer.
 */
export function createApi(
  csrfToken: () => string | null,
  onUnauthenticated: (canWait: boolean) => Promise<void> | undefined,
) {
  async function call<T>(run: () => Promise<T>, canWait = true): Promise<T> {
    for (;;) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        const loggedInAgain = onUnauthenticated(canWait);
        if (!loggedInAgain) throw error;
        await loggedInAgain;
      }
    }
  }
  const opts = (signal?: AbortSignal): RequestOptions => ({ signal, csrfToken: csrfToken() });
  const get = <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal) =>
    call(async () => parseWith(schema, await getJson(path, opts(signal))));
  const post = <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    call(async () => parseWith(schema, await postJson(path, body, opts())));
  const put = <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    call(async () => parseWith(schema, await putJson(path, body, opts())));
  const postNoContent = (path: string, body?: unknown) =>
    call(async () => {
      await postJson(path, body ?? {}, opts());
    });
  const id = encodeURIComponent;

  return {
    // Authentication. Login is the one change that needs no CSRF token. The login steps,
    // logout and "who am I" never wait for a login again: they are how one logs in.
    login: (username: string, password: string) =>
      call(
        async () =>
          parseWith(LoginResult, await postJson("/api/auth/login", { username, password })),
        false,
      ),
    startMfaEnrolment: () => post("/api/auth/mfa/enrolment", {}, MfaEnrolment),
    verifyMfa: (code: string) =>
      call(
        async () => parseWith(LoginResult, await postJson("/api/auth/mfa", { code }, opts())),
        false,
      ),
    replaceOneTimePassword: (currentPassword: string, newPassword: string) =>
      call(
        async () =>
          parseWith(
            LoginResult,
            await postJson("/api/auth/password", { currentPassword, newPassword }, opts()),
          ),
        false,
      ),
    logout: () =>
      call(async () => {
        await postJson("/api/auth/logout", {}, opts());
      }, false),
    me: (signal?: AbortSignal) =>
      call(async () => parseWith(Me, await getJson("/api/me", opts(signal))), false),
    /** How long the session has left; asking does not count as activity. */
    sessionStatus: () => get("/api/auth/session", SessionStatus),
    /** The user is typing: the idle clock starts again (within the absolute limit). */
    heartbeat: () => post("/api/auth/heartbeat", {}, SessionStatus),
    changePassword: (currentPassword: string, newPassword: string) =>
      postNoContent("/api/me/password", { currentPassword, newPassword }),

    // Administration.
    units: (signal?: AbortSignal) => get("/api/admin/units", UnitList, signal),
    createUnit: (name: string, kind: UnitKind) =>
      post("/api/admin/units", { name, kind }, UnitView),
    /** Contact details printed on letters and forms, and the partner follow-up interval. */
    updateUnit: (unitId: string, changes: UpdateUnitInput) =>
      call(async () =>
        parseWith(UnitView, await patchJson(`/api/admin/units/${id(unitId)}`, changes, opts())),
      ),
    users: (signal?: AbortSignal) => get("/api/admin/users", UserList, signal),
    createUser: (username: string, displayName: string, password: string) =>
      post("/api/admin/users", { username, displayName, password }, UserView),
    updateUser: (userId: string, changes: { displayName?: string; active?: boolean }) =>
      call(async () =>
        parseWith(UserView, await patchJson(`/api/admin/users/${id(userId)}`, changes, opts())),
      ),
    addRole: (userId: string, unitId: string | null, role: Role) =>
      post(`/api/admin/users/${id(userId)}/roles`, { unitId, role }, UserView),
    removeRole: (assignmentId: string) =>
      call(async () => {
        await deleteJson(`/api/admin/role-assignments/${id(assignmentId)}`, opts());
      }),
    resetMfa: (userId: string) => postNoContent(`/api/admin/users/${id(userId)}/mfa-reset`),

    // Persons. A search goes in a POST body so a personnummer never ends up in a URL.
    searchPersons: (query: string) => post("/api/persons/search", { query }, PersonList),
    registerPerson: (input: RegisterPersonInput) => post("/api/persons", input, PersonView),
    person: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}`, PersonDetail, signal),
    /** Languages, interpreter, safe contact and contact details (those working a case). */
    updatePerson: (personId: string, changes: UpdatePersonInput) =>
      call(async () =>
        parseWith(PersonDetail, await patchJson(`/api/persons/${id(personId)}`, changes, opts())),
      ),

    // Intakes (aktualiseringar): opens or joins a case unless only information was asked for.
    recordIntake: (input: RecordIntakeInput) => post("/api/intakes", input, RecordIntakeResult),
    caseIntakes: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/intakes`, IntakeList, signal),

    // Cases.
    cases: (scope: "mine" | "all", signal?: AbortSignal) =>
      get(`/api/cases?scope=${scope}`, CaseList, signal),
    openCase: (personId: string, unitId: string, caseType: CaseType) =>
      post("/api/cases", { personId, unitId, caseType }, CaseView),
    caseById: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}`, CaseView, signal),
    assign: (caseId: string, userId: string) =>
      post(`/api/cases/${id(caseId)}/assignments`, { userId }, CaseView),
    unassign: (caseId: string, userId: string) =>
      call(async () =>
        parseWith(
          CaseView,
          await deleteJson(`/api/cases/${id(caseId)}/assignments/${id(userId)}`, opts()),
        ),
      ),
    staff: (unitId: string, signal?: AbortSignal) =>
      get(`/api/units/${id(unitId)}/staff`, StaffList, signal),
    grant: (caseId: string, userId: string, reason: string, expiresAt: string) =>
      post(`/api/cases/${id(caseId)}/grants`, { userId, reason, expiresAt }, CaseView),
    changeStatus: (caseId: string, input: ChangeStatusInput) =>
      post(`/api/cases/${id(caseId)}/status`, input, CaseView),
    relations: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/relations`, RelationList, signal),
    addRelation: (caseId: string, otherPersonId: string, kind: RelationKind) =>
      post(`/api/cases/${id(caseId)}/relations`, { otherPersonId, kind }, RelationList),

    // Att göra: deadlines overdue or due within 7 days, sorted by due.
    worklist: (scope: "mine" | "unit", signal?: AbortSignal) =>
      get(`/api/worklist?scope=${scope}`, Worklist, signal),

    // The children's track (barnspåret) of a child's case.
    childTrack: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/child-track`, ChildTrackView, signal),
    recordProtectionAssessment: (caseId: string, input: ProtectionAssessmentInput) =>
      post(`/api/cases/${id(caseId)}/protection-assessments`, input, ChildTrackView),
    decidePreliminary: (caseId: string, input: PreliminaryDecisionInput) =>
      post(`/api/cases/${id(caseId)}/preliminary-decision`, input, ChildTrackView),
    extendInvestigation: (caseId: string, input: ExtensionInput) =>
      post(`/api/cases/${id(caseId)}/investigation-extensions`, input, ChildTrackView),

    // The investigation (utredning) in sections; completed, it no longer changes.
    investigation: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/investigation`, InvestigationView, signal),
    saveInvestigation: (caseId: string, input: SaveInvestigationInput) =>
      put(`/api/cases/${id(caseId)}/investigation`, input, InvestigationView),
    completeInvestigation: (caseId: string) =>
      post(`/api/cases/${id(caseId)}/investigation/complete`, {}, InvestigationView),

    // Decisions on interventions (newest first); a denial carries how to appeal.
    decisions: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/decisions`, DecisionList, signal),
    recordDecision: (caseId: string, input: RecordDecisionInput) =>
      post(`/api/cases/${id(caseId)}/decisions`, input, DecisionView),
    /** The decision letter (PDF), for a plain link: the session cookie is all a GET needs. */
    decisionLetterUrl: (caseId: string, decisionId: string) =>
      `/api/cases/${id(caseId)}/decisions/${id(decisionId)}/letter`,
    // A child's placement in sheltered housing: lag (2024:79) court steps and reviews.
    recordCourtStep: (caseId: string, decisionId: string, input: RecordCourtStepInput) =>
      post(
        `/api/cases/${id(caseId)}/decisions/${id(decisionId)}/placement/court`,
        input,
        ChildPlacementView,
      ),
    revokeConsent: (caseId: string, consentId: string, input: RevokeConsentInput) =>
      post(`/api/cases/${id(caseId)}/consents/${id(consentId)}/revoke`, input, ChildPlacementView),
    recordPlacementReview: (
      caseId: string,
      decisionId: string,
      input: RecordPlacementReviewInput,
    ) =>
      post(
        `/api/cases/${id(caseId)}/decisions/${id(decisionId)}/placement/reviews`,
        input,
        ChildPlacementView,
      ),

    // Tasks a rule put on the case, e.g. children who witnessed violence to report.
    tasks: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/tasks`, CaseTaskList, signal),
    /** report is required for a report of concern: when, to which unit, its reference. */
    completeTask: (
      caseId: string,
      taskId: string,
      note: string,
      report: { on: string; to: string; reference: string } | null = null,
    ) =>
      post(`/api/cases/${id(caseId)}/tasks/${id(taskId)}/complete`, { note, report }, CaseTaskView),
    /** Concern for a child: a task to make a report of concern today. */
    raiseChildConcern: (caseId: string, concern: string) =>
      post(`/api/cases/${id(caseId)}/child-concerns`, { concern }, CaseTaskList),

    // Implementation plans of granted decisions, and their follow-ups. Changes answer with
    // all the case's plans.
    plans: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/plans`, PlanList, signal),
    savePlan: (caseId: string, decisionId: string, input: SavePlanInput) =>
      put(`/api/cases/${id(caseId)}/decisions/${id(decisionId)}/plan`, input, PlanList),
    recordFollowUp: (caseId: string, planId: string, input: RecordFollowUpInput) =>
      post(`/api/cases/${id(caseId)}/plans/${id(planId)}/follow-ups`, input, PlanList),

    // The case journal. Drafts are their author's alone; a signed entry never changes.
    // A page of signed entries (the newest without `before`; that one brings my drafts too).
    journal: (caseId: string, before?: string, signal?: AbortSignal) =>
      get(
        `/api/cases/${id(caseId)}/journal${before === undefined ? "" : `?${new URLSearchParams({ before })}`}`,
        JournalPage,
        signal,
      ),
    writeJournalEntry: (caseId: string, input: WriteJournalEntryInput) =>
      post(`/api/cases/${id(caseId)}/journal`, input, JournalEntryView),
    updateJournalDraft: (entryId: string, changes: UpdateJournalDraftInput) =>
      call(async () =>
        parseWith(
          JournalEntryView,
          await patchJson(`/api/journal/${id(entryId)}`, changes, opts()),
        ),
      ),
    signJournalEntry: (entryId: string) =>
      post(`/api/journal/${id(entryId)}/sign`, {}, JournalEntryView),

    // Risk assessments: instruments as versioned data; drafts saved, then completed once.
    instruments: (caseType: CaseType, signal?: AbortSignal) =>
      get(`/api/instruments?caseType=${id(caseType)}`, InstrumentList, signal),
    instrumentVersion: (instrumentId: string, version: number, signal?: AbortSignal) =>
      get(`/api/instruments/${id(instrumentId)}/versions/${version}`, InstrumentDefinition, signal),
    assessments: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/assessments`, AssessmentList, signal),
    assessmentHistory: (caseId: string, before: string) =>
      get(
        `/api/cases/${id(caseId)}/assessments/history?${new URLSearchParams({ before })}`,
        AssessmentPage,
      ),
    startAssessment: (caseId: string, instrumentId: string) =>
      post(`/api/cases/${id(caseId)}/assessments`, { instrumentId }, AssessmentView),
    saveAssessment: (caseId: string, assessmentId: string, input: SaveAssessmentInput) =>
      put(`/api/cases/${id(caseId)}/assessments/${id(assessmentId)}`, input, AssessmentView),
    completeAssessment: (
      caseId: string,
      assessmentId: string,
      input: { judgements: Record<string, string>; reasons: string },
    ) =>
      post(
        `/api/cases/${id(caseId)}/assessments/${id(assessmentId)}/complete`,
        input,
        AssessmentView,
      ),

    /** The person's completed assessments over time, oldest first (cases the caller sees). */
    riskHistory: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}/risk-history`, RiskHistory, signal),

    // The case's safety plan: every save a new version, made from the version shown (409 if
    // someone saved meanwhile). Handed over on paper, never mailed.
    safetyPlan: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/safety-plan`, SafetyPlanView, signal),
    statusHistory: (caseId: string, before: string) =>
      get(
        `/api/cases/${id(caseId)}/status-history?${new URLSearchParams({ before })}`,
        StatusHistoryPage,
      ),
    safetyPlanHistory: (caseId: string, before: string) =>
      get(
        `/api/cases/${id(caseId)}/safety-plan/history?${new URLSearchParams({ before })}`,
        SafetyPlanHistory,
      ),
    safetyPlanVersion: (caseId: string, version: number, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/safety-plan/versions/${version}`, SafetyPlanView, signal),
    saveSafetyPlan: (caseId: string, input: SaveSafetyPlanInput) =>
      put(`/api/cases/${id(caseId)}/safety-plan`, input, SafetyPlanView),
    /** The current plan as a PDF, for a plain link: the session cookie is all a GET needs. */
    safetyPlanPdfUrl: (caseId: string) => `/api/cases/${id(caseId)}/safety-plan/pdf`,

    // The police's own risk assessment, obtained with the client's consent, beside Frid's.
    policeAssessments: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/police-assessments`, PoliceAssessmentList, signal),
    recordPoliceAssessment: (caseId: string, input: RecordPoliceAssessmentInput) =>
      post(`/api/cases/${id(caseId)}/police-assessments`, input, PoliceAssessmentList),

    // Administration of instruments: every instrument's latest version (export one as JSON
    // with instrumentVersion), and import of a definition (a new one or a higher version).
    allInstruments: (signal?: AbortSignal) => get("/api/instruments", InstrumentList, signal),
    importInstrument: (definition: unknown) =>
      post("/api/admin/instruments", definition, ImportInstrumentResult),

    // Treatment of a person who uses violence (a perpetrator case).
    treatment: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/treatment`, TreatmentResult, signal),
    registerTreatment: (caseId: string, input: RegisterTreatmentInput) =>
      post(`/api/cases/${id(caseId)}/treatment`, input, TreatmentResult),
    startTreatment: (caseId: string, startedOn: string) =>
      post(`/api/cases/${id(caseId)}/treatment/start`, { startedOn }, TreatmentResult),
    recordSession: (caseId: string, input: RecordSessionInput) =>
      post(`/api/cases/${id(caseId)}/treatment/sessions`, input, TreatmentResult),
    endTreatment: (caseId: string, input: EndTreatmentInput) =>
      post(`/api/cases/${id(caseId)}/treatment/end`, input, TreatmentResult),

    // Partner contact on his side: information, consent per partner or an exception, refusal.
    recordPartnerInformation: (caseId: string, informedOn: string) =>
      post(`/api/cases/${id(caseId)}/partner-contact/information`, { informedOn }, TreatmentResult),
    addPartner: (caseId: string, input: AddPartnerInput) =>
      post(`/api/cases/${id(caseId)}/partner-contact/partners`, input, TreatmentResult),
    recordPartnerRefusal: (caseId: string, input: PartnerRefusalInput) =>
      post(`/api/cases/${id(caseId)}/partner-contact/refusal`, input, TreatmentResult),
    withdrawPartnerConsent: (caseId: string, partnerId: string, withdrawnOn: string) =>
      post(
        `/api/cases/${id(caseId)}/partner-contact/partners/${id(partnerId)}/withdraw`,
        { withdrawnOn },
        TreatmentResult,
      ),

    // Her side (a partner_contact case): reaching her, and support of her own.
    partnerCase: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/partner-contact`, PartnerCaseView, signal),
    /** Her information letter as a PDF, for a plain link (409 when letters are not safe). */
    partnerLetterUrl: (caseId: string) => `/api/cases/${id(caseId)}/partner-contact/letter`,
    partnerSms: (caseId: string) =>
      get(`/api/cases/${id(caseId)}/partner-contact/sms`, PartnerSmsView),
    recordContactAttempt: (caseId: string, input: RecordAttemptInput) =>
      post(`/api/cases/${id(caseId)}/partner-contact/attempts`, input, PartnerCaseView),
    offerPartnerSupport: (caseId: string, input: OfferSupportInput) =>
      put(`/api/cases/${id(caseId)}/partner-contact/support`, input, PartnerCaseView),

    // Across the information barrier: structured events, risk alerts, acknowledgement.
    barrierEvents: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/barrier-events`, BarrierEventList, signal),
    barrierEventHistory: (caseId: string, before: string) =>
      get(
        `/api/cases/${id(caseId)}/barrier-events/history?${new URLSearchParams({ before })}`,
        BarrierEventPage,
      ),
    raiseRiskAlert: (caseId: string, input: RaiseRiskAlertInput) =>
      post(`/api/cases/${id(caseId)}/risk-alerts`, input, BarrierEventList),
    acknowledgeBarrierEvent: (caseId: string, eventId: string) =>
      post(
        `/api/cases/${id(caseId)}/barrier-events/${id(eventId)}/acknowledge`,
        {},
        BarrierEventList,
      ),

    // Documents in a case: his signed consent form, scanned. The upload is the file itself as
    // the body, with its content type; a destroyed document keeps only its receipt.
    documents: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/documents`, DocumentList, signal),
    uploadDocument: (caseId: string, kind: DocumentKind, file: Blob) =>
      call(async () =>
        parseWith(
          DocumentList,
          await postFile(
            `/api/cases/${id(caseId)}/documents?${new URLSearchParams({ kind })}`,
            file,
            file.type,
            opts(),
          ),
        ),
      ),
    /** A document's file, for a plain link (410 once destroyed). */
    documentContentUrl: (caseId: string, documentId: string) =>
      `/api/cases/${id(caseId)}/documents/${id(documentId)}/content`,
    /** His partner-contact consent form (PDF) to print and sign, for a plain link. */
    partnerConsentFormUrl: (caseId: string) =>
      `/api/cases/${id(caseId)}/partner-contact/consent-form`,

    // Figures for follow-up: counts only, never a person.
    partnerContactStatistics: (period: StatisticsPeriod, signal?: AbortSignal) => {
      const query = new URLSearchParams({ from: period.from, to: period.to });
      if (period.unitId) query.set("unitId", period.unitId);
      return get(`/api/statistics/partner-contact?${query}`, PartnerContactStatistics, signal);
    },

    // Access log review.
    personAuditLog: (personId: string, signal?: AbortSignal) =>
      get(`/api/audit/persons/${id(personId)}`, AuditEventList, signal),
    userAuditLog: (userId: string, signal?: AbortSignal) =>
      get(`/api/audit/users/${id(userId)}`, AuditEventList, signal),
  };
}

export type Api = ReturnType<typeof createApi>;
