import type { UnitView, UserView } from "../../shared/api/admin";
import type { AssessmentView } from "../../shared/api/assessments";
import type { AuditEventView } from "../../shared/api/audit";
import type { LoginResult, Me, MfaEnrolment, SessionStatus } from "../../shared/api/auth";
import type { CaseSummary, CaseType, CaseView } from "../../shared/api/cases";
import type { DecisionView } from "../../shared/api/decisions";
import type { IntakeView } from "../../shared/api/intake";
import type { InvestigationView } from "../../shared/api/investigation";
import type { JournalEntryType, JournalEntryView } from "../../shared/api/journal";
import type { PersonDetail, PersonDetails, PersonView } from "../../shared/api/persons";
import type { PlanView } from "../../shared/api/plans";
import type { Role } from "../../shared/api/roles";
import type { WorklistItem } from "../../shared/api/worklist";
import type { CaseStatus, ClosedReason } from "../../shared/case-status";
import { accountApi } from "../features/account/api";
import { actionPlanApi } from "../features/action-plan/api";
import { adminApi } from "../features/admin/api";
import { agenciesApi } from "../features/agencies/api";
import { agreementsApi } from "../features/agreements/api";
import { assessmentsApi } from "../features/assessments/api";
import { auditReviewApi } from "../features/audit-review/api";
import { breakGlassApi } from "../features/break-glass/api";
import { caseConsultationsApi } from "../features/case-consultations/api";
import { casesApi } from "../features/cases/api";
import { chatApi } from "../features/chat/api";
import { childTrackApi } from "../features/child-track/api";
import { childWorkApi } from "../features/child-work/api";
import { competenceApi } from "../features/competence/api";
import { consentsApi } from "../features/consents/api";
import { consultationsApi } from "../features/consultations/api";
import { coordinatedPlansApi } from "../features/coordinated-plans/api";
import { costsApi } from "../features/costs/api";
import { decisionsApi } from "../features/decisions/api";
import { disclosuresApi } from "../features/disclosures/api";
import { documentsApi } from "../features/documents/api";
import { identityProvidersApi } from "../features/identity-providers/api";
import { intakeApi } from "../features/intake/api";
import { investigationApi } from "../features/investigation/api";
import { journalApi } from "../features/journal/api";
import { notificationsApi } from "../features/notifications/api";
import { outcomesApi } from "../features/outcomes/api";
import { partnerContactApi } from "../features/partner-contact/api";
import { personsApi } from "../features/persons/api";
import { placesApi } from "../features/places/api";
import { plansApi } from "../features/plans/api";
import { policeAssessmentsApi } from "../features/police-assessments/api";
import { policeCollaborationApi } from "../features/police-collaboration/api";
import { protectionApi } from "../features/protection/api";
import { referralsApi } from "../features/referrals/api";
import { retentionApi } from "../features/retention/api";
import { riskConferencesApi } from "../features/risk-conferences/api";
import { routinesApi } from "../features/routines/api";
import { safetyPlansApi } from "../features/safety-plans/api";
import { searchApi } from "../features/search/api";
import { serviceContactsApi } from "../features/service-contacts/api";
import { shelterApi } from "../features/shelter/api";
import { statisticsApi } from "../features/statistics/api";
import { staysApi } from "../features/stays/api";
import { surveysApi } from "../features/surveys/api";
import { tasksApi } from "../features/tasks/api";
import { treatmentApi } from "../features/treatment/api";
import { worklistApi } from "../features/worklist/api";
import { yearlyReportApi } from "../features/yearly-report/api";
import { createTransport, type Transport } from "./transport";

export type * from "../features/account/api";
export type * from "../features/action-plan/api";
export type * from "../features/admin/api";
export type * from "../features/agencies/api";
export type * from "../features/agreements/api";
export type * from "../features/assessments/api";
export type * from "../features/audit-review/api";
export type * from "../features/break-glass/api";
export type * from "../features/case-consultations/api";
export type * from "../features/cases/api";
export type * from "../features/chat/api";
export type * from "../features/child-track/api";
export type * from "../features/child-work/api";
export type * from "../features/competence/api";
export type * from "../features/consents/api";
export type * from "../features/consultations/api";
export type * from "../features/coordinated-plans/api";
export type * from "../features/costs/api";
export type * from "../features/decisions/api";
export type * from "../features/disclosures/api";
export type * from "../features/documents/api";
export type * from "../features/identity-providers/api";
export type * from "../features/intake/api";
export type * from "../features/investigation/api";
export type * from "../features/journal/api";
export type * from "../features/notifications/api";
export type * from "../features/outcomes/api";
export type * from "../features/partner-contact/api";
export type * from "../features/persons/api";
export type * from "../features/places/api";
export type * from "../features/plans/api";
export type * from "../features/police-assessments/api";
export type * from "../features/police-collaboration/api";
export type * from "../features/protection/api";
export type * from "../features/referrals/api";
export type * from "../features/retention/api";
export type * from "../features/routines/api";
export type * from "../features/safety-plans/api";
export type * from "../features/search/api";
export type * from "../features/service-contacts/api";
export type * from "../features/shelter/api";
export type * from "../features/statistics/api";
export type * from "../features/stays/api";
export type * from "../features/surveys/api";
export type * from "../features/tasks/api";
export type * from "../features/treatment/api";
export type * from "../features/worklist/api";
export type * from "../features/yearly-report/api";
export type {
  AssessmentView,
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

/**
 * Frid's API as typed functions, one object for the whole app (useApi()). How a call is
 * made (CSRF token, waiting for a login after a 401) is api/transport.ts.
 */
export function createApi(
  csrfToken: () => string | null,
  onUnauthenticated: (canWait: boolean) => Promise<void> | undefined,
) {
  return createApiOn(createTransport(csrfToken, onUnauthenticated));
}

/**
 * The same on a session's transport (auth/useAuth.ts: useApi). The shell holds only the
 * transport and the account calls, so this module and every feature's calls load with the
 * pages.
 */
export function createApiOn(transport: Transport) {
  return {
    ...accountApi(transport),
    ...adminApi(transport),
    ...identityProvidersApi(transport),
    ...personsApi(transport),
    ...protectionApi(transport),
    ...intakeApi(transport),
    ...casesApi(transport),
    ...worklistApi(transport),
    ...notificationsApi(transport),
    ...childTrackApi(transport),
    ...investigationApi(transport),
    ...decisionsApi(transport),
    ...tasksApi(transport),
    ...plansApi(transport),
    ...staysApi(transport),
    ...journalApi(transport),
    ...assessmentsApi(transport),
    ...outcomesApi(transport),
    ...safetyPlansApi(transport),
    ...coordinatedPlansApi(transport),
    ...policeAssessmentsApi(transport),
    ...consentsApi(transport),
    ...disclosuresApi(transport),
    ...policeCollaborationApi(transport),
    ...caseConsultationsApi(transport),
    ...riskConferencesApi(transport),
    ...treatmentApi(transport),
    ...childWorkApi(transport),
    ...partnerContactApi(transport),
    ...documentsApi(transport),
    ...statisticsApi(transport),
    ...shelterApi(transport),
    ...chatApi(transport),
    ...costsApi(transport),
    ...auditReviewApi(transport),
    ...breakGlassApi(transport),
    ...searchApi(transport),
    ...placesApi(transport),
    ...consultationsApi(transport),
    ...competenceApi(transport),
    ...serviceContactsApi(transport),
    ...surveysApi(transport),
    ...referralsApi(transport),
    ...agenciesApi(transport),
    ...agreementsApi(transport),
    ...retentionApi(transport),
    ...routinesApi(transport),
    ...actionPlanApi(transport),
    ...yearlyReportApi(transport),
  };
}

export type Api = ReturnType<typeof createApi>;
