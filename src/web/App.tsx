import { BrowserRouter, Route, Routes } from "react-router";
import { ForgetOnSignOut } from "./api/ServerState";
import { AuthProvider } from "./auth/AuthProvider";
import { Layout } from "./components/Layout";
import { SessionGuard } from "./components/SessionGuard";
import { I18nProvider } from "./i18n/I18nProvider";
import { AccountPage } from "./routes/AccountPage";
import { AdminInstrumentsPage } from "./routes/AdminInstrumentsPage";
import { AdminPage } from "./routes/AdminPage";
import { AdminUnitPage } from "./routes/AdminUnitPage";
import { AdminUserPage } from "./routes/AdminUserPage";
import { AuditPage } from "./routes/AuditPage";
import { CasePage } from "./routes/CasePage";
import { MyCasesPage } from "./routes/MyCasesPage";
import { NotFoundPage } from "./routes/NotFoundPage";
import { PersonPage } from "./routes/PersonPage";
import { PersonSearchPage } from "./routes/PersonSearchPage";
import { SafetyPlanPage } from "./routes/SafetyPlanPage";
import { StatisticsPage } from "./routes/StatisticsPage";

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        {/* First, so it forgets before any page reads for the next user. */}
        <ForgetOnSignOut />
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
