import { accountSv } from "../features/account/messages.sv";
import { actionPlanSv } from "../features/action-plan/messages.sv";
import { adminSv } from "../features/admin/messages.sv";
import { agenciesSv } from "../features/agencies/messages.sv";
import { agreementsSv } from "../features/agreements/messages.sv";
import { assessmentsSv } from "../features/assessments/messages.sv";
import { auditReviewSv } from "../features/audit-review/messages.sv";
import { breakGlassSv } from "../features/break-glass/messages.sv";
import { caseConsultationsSv } from "../features/case-consultations/messages.sv";
import { casesSv } from "../features/cases/messages.sv";
import { chatSv } from "../features/chat/messages.sv";
import { childTrackSv } from "../features/child-track/messages.sv";
import { childWorkSv } from "../features/child-work/messages.sv";
import { competenceSv } from "../features/competence/messages.sv";
import { consentsSv } from "../features/consents/messages.sv";
import { consultationsSv } from "../features/consultations/messages.sv";
import { coordinatedPlansSv } from "../features/coordinated-plans/messages.sv";
import { costsSv } from "../features/costs/messages.sv";
import { decisionsSv } from "../features/decisions/messages.sv";
import { disclosuresSv } from "../features/disclosures/messages.sv";
import { documentsSv } from "../features/documents/messages.sv";
import { identityProvidersSv } from "../features/identity-providers/messages.sv";
import { intakeSv } from "../features/intake/messages.sv";
import { investigationSv } from "../features/investigation/messages.sv";
import { journalSv } from "../features/journal/messages.sv";
import { notificationsSv } from "../features/notifications/messages.sv";
import { outcomesSv } from "../features/outcomes/messages.sv";
import { partnerContactSv } from "../features/partner-contact/messages.sv";
import { personsSv } from "../features/persons/messages.sv";
import { placesSv } from "../features/places/messages.sv";
import { plansSv } from "../features/plans/messages.sv";
import { policeAssessmentsSv } from "../features/police-assessments/messages.sv";
import { policeCollaborationSv } from "../features/police-collaboration/messages.sv";
import { protectionSv } from "../features/protection/messages.sv";
import { referralsSv } from "../features/referrals/messages.sv";
import { retentionSv } from "../features/retention/messages.sv";
import { riskConferencesSv } from "../features/risk-conferences/messages.sv";
import { routinesSv } from "../features/routines/messages.sv";
import { safetyPlansSv } from "../features/safety-plans/messages.sv";
import { searchSv } from "../features/search/messages.sv";
import { serviceContactsSv } from "../features/service-contacts/messages.sv";
import { shelterSv } from "../features/shelter/messages.sv";
import { statisticsSv } from "../features/statistics/messages.sv";
import { staysSv } from "../features/stays/messages.sv";
import { surveysSv } from "../features/surveys/messages.sv";
import { tasksSv } from "../features/tasks/messages.sv";
import { treatmentSv } from "../features/treatment/messages.sv";
import { worklistSv } from "../features/worklist/messages.sv";
import { yearlyReportSv } from "../features/yearly-report/messages.sv";
import { uiSv } from "../ui/messages.sv";

// Swedish message catalogue: the source of truth for every text the UI shows, assembled from
// each feature's messages.sv.ts (features/<x>/, ui/) so a feature's texts live beside it.
// Keys are English and dotted by area; en.ts must have exactly the same keys.
// Placeholders are written {name} and filled by t(key, { name }).
export const sv = {
  ...uiSv,
  ...accountSv,
  ...adminSv,
  ...identityProvidersSv,
  ...casesSv,
  ...personsSv,
  ...auditReviewSv,
  ...worklistSv,
  ...childTrackSv,
  ...assessmentsSv,
  ...outcomesSv,
  ...safetyPlansSv,
  ...coordinatedPlansSv,
  ...journalSv,
  ...intakeSv,
  ...investigationSv,
  ...decisionsSv,
  ...tasksSv,
  ...partnerContactSv,
  ...plansSv,
  ...placesSv,
  ...agenciesSv,
  ...agreementsSv,
  ...staysSv,
  ...documentsSv,
  ...statisticsSv,
  ...costsSv,
  ...yearlyReportSv,
  ...policeAssessmentsSv,
  ...consentsSv,
  ...disclosuresSv,
  ...policeCollaborationSv,
  ...caseConsultationsSv,
  ...riskConferencesSv,
  ...treatmentSv,
  ...childWorkSv,
  ...notificationsSv,
  ...searchSv,
  ...shelterSv,
  ...consultationsSv,
  ...competenceSv,
  ...retentionSv,
  ...routinesSv,
  ...actionPlanSv,
  ...serviceContactsSv,
  ...surveysSv,
  ...chatSv,
  ...referralsSv,
  ...breakGlassSv,
  ...protectionSv,
} as const;

/** The parts in the order spread above; a key lives in exactly one part (catalogue.test.ts). */
export const svParts = [
  uiSv,
  accountSv,
  adminSv,
  identityProvidersSv,
  casesSv,
  personsSv,
  auditReviewSv,
  worklistSv,
  childTrackSv,
  assessmentsSv,
  outcomesSv,
  safetyPlansSv,
  coordinatedPlansSv,
  journalSv,
  intakeSv,
  investigationSv,
  decisionsSv,
  tasksSv,
  partnerContactSv,
  plansSv,
  staysSv,
  placesSv,
  agenciesSv,
  agreementsSv,
  documentsSv,
  statisticsSv,
  costsSv,
  yearlyReportSv,
  policeAssessmentsSv,
  consentsSv,
  disclosuresSv,
  policeCollaborationSv,
  caseConsultationsSv,
  riskConferencesSv,
  treatmentSv,
  childWorkSv,
  notificationsSv,
  searchSv,
  shelterSv,
  consultationsSv,
  competenceSv,
  retentionSv,
  routinesSv,
  actionPlanSv,
  serviceContactsSv,
  surveysSv,
  chatSv,
  referralsSv,
  breakGlassSv,
  protectionSv,
] as const;
