import { accountEn } from "../features/account/messages.en";
import { actionPlanEn } from "../features/action-plan/messages.en";
import { adminEn } from "../features/admin/messages.en";
import { agenciesEn } from "../features/agencies/messages.en";
import { agreementsEn } from "../features/agreements/messages.en";
import { assessmentsEn } from "../features/assessments/messages.en";
import { auditReviewEn } from "../features/audit-review/messages.en";
import { breakGlassEn } from "../features/break-glass/messages.en";
import { caseConsultationsEn } from "../features/case-consultations/messages.en";
import { casesEn } from "../features/cases/messages.en";
import { chatEn } from "../features/chat/messages.en";
import { childTrackEn } from "../features/child-track/messages.en";
import { childWorkEn } from "../features/child-work/messages.en";
import { competenceEn } from "../features/competence/messages.en";
import { consentsEn } from "../features/consents/messages.en";
import { consultationsEn } from "../features/consultations/messages.en";
import { coordinatedPlansEn } from "../features/coordinated-plans/messages.en";
import { costsEn } from "../features/costs/messages.en";
import { decisionsEn } from "../features/decisions/messages.en";
import { disclosuresEn } from "../features/disclosures/messages.en";
import { documentsEn } from "../features/documents/messages.en";
import { identityProvidersEn } from "../features/identity-providers/messages.en";
import { intakeEn } from "../features/intake/messages.en";
import { investigationEn } from "../features/investigation/messages.en";
import { journalEn } from "../features/journal/messages.en";
import { notificationsEn } from "../features/notifications/messages.en";
import { outcomesEn } from "../features/outcomes/messages.en";
import { partnerContactEn } from "../features/partner-contact/messages.en";
import { personsEn } from "../features/persons/messages.en";
import { placesEn } from "../features/places/messages.en";
import { plansEn } from "../features/plans/messages.en";
import { policeAssessmentsEn } from "../features/police-assessments/messages.en";
import { policeCollaborationEn } from "../features/police-collaboration/messages.en";
import { protectionEn } from "../features/protection/messages.en";
import { referralsEn } from "../features/referrals/messages.en";
import { retentionEn } from "../features/retention/messages.en";
import { riskConferencesEn } from "../features/risk-conferences/messages.en";
import { routinesEn } from "../features/routines/messages.en";
import { safetyPlansEn } from "../features/safety-plans/messages.en";
import { searchEn } from "../features/search/messages.en";
import { serviceContactsEn } from "../features/service-contacts/messages.en";
import { shelterEn } from "../features/shelter/messages.en";
import { statisticsEn } from "../features/statistics/messages.en";
import { staysEn } from "../features/stays/messages.en";
import { surveysEn } from "../features/surveys/messages.en";
import { tasksEn } from "../features/tasks/messages.en";
import { treatmentEn } from "../features/treatment/messages.en";
import { worklistEn } from "../features/worklist/messages.en";
import { yearlyReportEn } from "../features/yearly-report/messages.en";
import { uiEn } from "../ui/messages.en";

import type { Messages } from "./messages";

// English, the second language. Typed as Messages: a missing key does not compile, and each
// part is typed by its Swedish part (MessagesOf), so an extra key does not compile either.
export const en: Messages = {
  ...uiEn,
  ...accountEn,
  ...adminEn,
  ...identityProvidersEn,
  ...casesEn,
  ...personsEn,
  ...auditReviewEn,
  ...worklistEn,
  ...childTrackEn,
  ...assessmentsEn,
  ...outcomesEn,
  ...safetyPlansEn,
  ...coordinatedPlansEn,
  ...journalEn,
  ...intakeEn,
  ...investigationEn,
  ...decisionsEn,
  ...tasksEn,
  ...partnerContactEn,
  ...plansEn,
  ...placesEn,
  ...agenciesEn,
  ...agreementsEn,
  ...staysEn,
  ...documentsEn,
  ...statisticsEn,
  ...costsEn,
  ...yearlyReportEn,
  ...policeAssessmentsEn,
  ...consentsEn,
  ...disclosuresEn,
  ...policeCollaborationEn,
  ...caseConsultationsEn,
  ...riskConferencesEn,
  ...treatmentEn,
  ...childWorkEn,
  ...notificationsEn,
  ...searchEn,
  ...shelterEn,
  ...consultationsEn,
  ...competenceEn,
  ...retentionEn,
  ...routinesEn,
  ...actionPlanEn,
  ...serviceContactsEn,
  ...surveysEn,
  ...chatEn,
  ...referralsEn,
  ...breakGlassEn,
  ...protectionEn,
};

/** The parts in the order spread above; a key lives in exactly one part (catalogue.test.ts). */
export const enParts = [
  uiEn,
  accountEn,
  adminEn,
  identityProvidersEn,
  casesEn,
  personsEn,
  auditReviewEn,
  worklistEn,
  childTrackEn,
  assessmentsEn,
  outcomesEn,
  safetyPlansEn,
  coordinatedPlansEn,
  journalEn,
  intakeEn,
  investigationEn,
  decisionsEn,
  tasksEn,
  partnerContactEn,
  plansEn,
  staysEn,
  placesEn,
  agenciesEn,
  agreementsEn,
  documentsEn,
  statisticsEn,
  costsEn,
  yearlyReportEn,
  policeAssessmentsEn,
  consentsEn,
  disclosuresEn,
  policeCollaborationEn,
  caseConsultationsEn,
  riskConferencesEn,
  treatmentEn,
  childWorkEn,
  notificationsEn,
  searchEn,
  shelterEn,
  consultationsEn,
  competenceEn,
  retentionEn,
  routinesEn,
  actionPlanEn,
  serviceContactsEn,
  surveysEn,
  chatEn,
  referralsEn,
  breakGlassEn,
  protectionEn,
] as const;
