import { BrowserRouter, Route, Routes } from "react-router";
import { AuthProvider } from "./auth/AuthProvider";
import { AccountPage } from "./features/account/AccountPage";
import { SessionGuard } from "./features/account/SessionGuard";
import { AdminInstrumentsPage } from "./features/admin/AdminInstrumentsPage";
import { AdminPage } from "./features/admin/AdminPage";
import { AdminUnitPage } from "./features/admin/AdminUnitPage";
import { AdminUserPage } from "./features/admin/AdminUserPage";
import { AuditPage } from "./features/audit-review/AuditPage";
import { CasePage } from "./features/cases/CasePage";
import { MyCasesPage } from "./features/cases/MyCasesPage";
import { PersonPage } from "./features/persons/PersonPage";
import { PersonSearchPage } from "./features/persons/PersonSearchPage";
import { SafetyPlanPage } from "./features/safety-plans/SafetyPlanPage";
import { StatisticsPage } from "./features/statistics/StatisticsPage";
import { I18nProvider } from "./i18n/I18nProvider";
import { Layout } from "./ui/Layout";
import { NotFoundPage } from "./ui/NotFoundPage";

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            {/* Layout shows the login steps instead of any of these until signed in. */}
            <Route element={<Layout />}>
              <Route index element={<MyCasesPage />} />
              <Route path="persons/search" element={<PersonSearchPage />} />
              <Route path="persons/:personId" element={<PersonPage />} />
              <Route path="cases/:caseId" element={<CasePage />} />
              <Route path="cases/:caseId/safety-plan" element={<SafetyPlanPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="statistics" element={<StatisticsPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="admin" element={<AdminPage />} />
              <Route path="admin/users/:userId" element={<AdminUserPage />} />
              <Route path="admin/units/:unitId" element={<AdminUnitPage />} />
              <Route path="admin/instruments" element={<AdminInstrumentsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
        {/* Over every page: the warning before the session ends, the login dialog after. */}
        <SessionGuard />
      </AuthProvider>
    </I18nProvider>
  );
}
