import { type ComponentType, lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { ForgetOnSignOut } from "./api/ServerState";
import { AuthProvider } from "./auth/AuthProvider";
import { SessionGuard } from "./features/account/SessionGuard";
import { wholeCatalogue } from "./i18n/catalogues";
import { I18nProvider } from "./i18n/I18nProvider";
import { Landing } from "./ui/Landing";
import { Layout } from "./ui/Layout";
import { Loading } from "./ui/Messages";
import { NotFoundPage } from "./ui/NotFoundPage";

/**
 * Each page is its own chunk, loaded when first visited: the login page (Layout) downloads
 * only the shell, and a library such as the chart library only travels with the page that
 * draws with it. Suspense shows the loading line inside the page frame meanwhile.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  // A page renders with the whole catalogue; the shell has only its own texts (catalogues.ts).
  const Page = lazy(async () => {
    const [module] = await Promise.all([load(), wholeCatalogue()]);
    return { default: module[name] as ComponentType };
  });
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

const pages = {
  account: lazyPage(() => import("./features/account/AccountPage"), "AccountPage"),
  conferenceAction: lazyPage(() => import("./features/risk-conferences/ActionPage"), "ActionPage"),
  adminInstruments: lazyPage(
    () => import("./features/admin/AdminInstrumentsPage"),
    "AdminInstrumentsPage",
  ),
  admin: lazyPage(() => import("./features/admin/AdminPage"), "AdminPage"),
  adminUnit: lazyPage(() => import("./features/admin/AdminUnitPage"), "AdminUnitPage"),
  adminUser: lazyPage(() => import("./features/admin/AdminUserPage"), "AdminUserPage"),
  adminLogin: lazyPage(
    () => import("./features/identity-providers/LoginSettingsPage"),
    "LoginSettingsPage",
  ),
  audit: lazyPage(() => import("./features/audit-review/AuditPage"), "AuditPage"),
  breakGlass: lazyPage(() => import("./features/break-glass/BreakGlassPage"), "BreakGlassPage"),
  breakGlassReviews: lazyPage(() => import("./features/break-glass/ReviewsPage"), "ReviewsPage"),
  breakGlassReview: lazyPage(() => import("./features/break-glass/ReviewPage"), "ReviewPage"),
  protection: lazyPage(() => import("./features/protection/ProtectionPage"), "ProtectionPage"),
  case: lazyPage(() => import("./features/cases/CasePage"), "CasePage"),
  myCases: lazyPage(() => import("./features/cases/MyCasesPage"), "MyCasesPage"),
  person: lazyPage(() => import("./features/persons/PersonPage"), "PersonPage"),
  places: lazyPage(() => import("./features/places/PlacesPage"), "PlacesPage"),
  place: lazyPage(() => import("./features/places/PlacePage"), "PlacePage"),
  vacancies: lazyPage(() => import("./features/places/VacanciesPage"), "VacanciesPage"),
  agencies: lazyPage(() => import("./features/agencies/AgenciesPage"), "AgenciesPage"),
  agency: lazyPage(() => import("./features/agencies/AgencyPage"), "AgencyPage"),
  agreements: lazyPage(() => import("./features/agreements/AgreementsPage"), "AgreementsPage"),
  agreement: lazyPage(() => import("./features/agreements/AgreementPage"), "AgreementPage"),
  consultations: lazyPage(
    () => import("./features/consultations/ConsultationsPage"),
    "ConsultationsPage",
  ),
  competence: lazyPage(() => import("./features/competence/CompetencePage"), "CompetencePage"),
  retention: lazyPage(() => import("./features/retention/RetentionPage"), "RetentionPage"),
  routines: lazyPage(() => import("./features/routines/RoutinesPage"), "RoutinesPage"),
  actionPlans: lazyPage(() => import("./features/action-plan/ActionPlansPage"), "ActionPlansPage"),
  actionPlan: lazyPage(() => import("./features/action-plan/ActionPlanPage"), "ActionPlanPage"),
  personSearch: lazyPage(() => import("./features/persons/PersonSearchPage"), "PersonSearchPage"),
  search: lazyPage(() => import("./features/search/SearchPage"), "SearchPage"),
  safetyPlan: lazyPage(() => import("./features/safety-plans/SafetyPlanPage"), "SafetyPlanPage"),
  coordinatedPlan: lazyPage(
    () => import("./features/coordinated-plans/CoordinatedPlanPage"),
    "CoordinatedPlanPage",
  ),
  statistics: lazyPage(() => import("./features/statistics/StatisticsPage"), "StatisticsPage"),
  yearlyReport: lazyPage(
    () => import("./features/yearly-report/YearlyReportPage"),
    "YearlyReportPage",
  ),
  shelter: lazyPage(() => import("./features/shelter/ShelterPage"), "ShelterPage"),
  costs: lazyPage(() => import("./features/costs/CostsPage"), "CostsPage"),
  serviceContacts: lazyPage(
    () => import("./features/service-contacts/ServiceContactsPage"),
    "ServiceContactsPage",
  ),
  serviceContact: lazyPage(
    () => import("./features/service-contacts/NewContactPage"),
    "NewContactPage",
  ),
  serviceCourse: lazyPage(() => import("./features/service-contacts/CoursePage"), "CoursePage"),
  surveys: lazyPage(() => import("./features/surveys/SurveysPage"), "SurveysPage"),
  survey: lazyPage(() => import("./features/surveys/SurveyPage"), "SurveyPage"),
  chat: lazyPage(() => import("./features/chat/ChatPage"), "ChatPage"),
  riskConference: lazyPage(
    () => import("./features/risk-conferences/RiskConferencePage"),
    "RiskConferencePage",
  ),
};

/**
 * Pages without an account (issue 17): outside AuthProvider, so they read no session API,
 * and outside Layout, so no login steps; each has its own plain frame in its feature folder
 * and stores nothing in the browser.
 */
const publicPages = {
  surveyAnswer: lazyPage(() => import("./features/surveys/SurveyAnswerPage"), "SurveyAnswerPage"),
  youngChat: lazyPage(() => import("./features/chat/YoungChatPage"), "YoungChatPage"),
};

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Routes>
          <Route path="enkat/:token" element={publicPages.surveyAnswer} />
          <Route path="chatt" element={publicPages.youngChat} />
          <Route path="*" element={<SignedIn />} />
        </Routes>
      </BrowserRouter>
    </I18nProvider>
  );
}

/** Everything behind the login: the session, its pages, and the guard over them. */
function SignedIn() {
  return (
    <AuthProvider>
      {/* First, so it forgets before any page reads for the next user. */}
      <ForgetOnSignOut />
      <Routes>
        {/* Layout shows the login steps instead of any of these until signed in. */}
        <Route element={<Layout />}>
          <Route index element={<Landing>{pages.myCases}</Landing>} />
          <Route path="persons/search" element={pages.personSearch} />
          <Route path="persons/:personId" element={pages.person} />
          <Route path="search" element={pages.search} />
          <Route path="cases/:caseId" element={pages.case} />
          <Route path="cases/:caseId/safety-plan" element={pages.safetyPlan} />
          <Route path="cases/:caseId/coordinated-plans/:planId" element={pages.coordinatedPlan} />
          <Route path="cases/:caseId/:section" element={pages.case} />
          <Route path="risk-conferences/:conferenceId" element={pages.riskConference} />
          <Route path="places" element={pages.places} />
          <Route path="places/:placeId" element={pages.place} />
          <Route path="agencies" element={pages.agencies} />
          <Route path="agencies/:agencyId" element={pages.agency} />
          <Route path="agreements" element={pages.agreements} />
          <Route path="agreements/:agreementId" element={pages.agreement} />
          <Route path="consultations" element={pages.consultations} />
          <Route path="competence" element={pages.competence} />
          <Route path="retention" element={pages.retention} />
          <Route path="routines" element={pages.routines} />
          <Route path="routines/:routineId" element={pages.routines} />
          <Route path="action-plans" element={pages.actionPlans} />
          <Route path="action-plans/:planId" element={pages.actionPlan} />
          <Route path="vacancies" element={pages.vacancies} />
          <Route path="audit" element={pages.audit} />
          <Route path="break-glass" element={pages.breakGlass} />
          <Route path="break-glass/reviews" element={pages.breakGlassReviews} />
          <Route path="break-glass/reviews/:grantId" element={pages.breakGlassReview} />
          <Route path="protection" element={pages.protection} />
          <Route path="audit/anomalies" element={pages.audit} />
          <Route path="audit/plans" element={pages.audit} />
          <Route path="audit/plans/:planId" element={pages.audit} />
          <Route path="statistics" element={pages.statistics} />
          <Route path="yearly-report" element={pages.yearlyReport} />
          <Route path="shelter" element={pages.shelter} />
          <Route path="costs" element={pages.costs} />
          <Route path="chat" element={pages.chat} />
          <Route path="surveys" element={pages.surveys} />
          <Route path="surveys/:surveyId" element={pages.survey} />
          <Route path="service-contacts" element={pages.serviceContacts} />
          <Route path="service-contacts/new" element={pages.serviceContact} />
          <Route path="service-contacts/courses/:courseId" element={pages.serviceCourse} />
          <Route path="risk-conference-actions/:actionId" element={pages.conferenceAction} />
          <Route path="account" element={pages.account} />
          <Route path="admin" element={pages.admin} />
          <Route path="admin/users/:userId" element={pages.adminUser} />
          <Route path="admin/units/:unitId" element={pages.adminUnit} />
          <Route path="admin/instruments" element={pages.adminInstruments} />
          <Route path="admin/login" element={pages.adminLogin} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
      {/* Over every page: the warning before the session ends, the login dialog after. */}
      <SessionGuard />
    </AuthProvider>
  );
}
