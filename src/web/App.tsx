import { BrowserRouter, Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { I18nProvider } from "./i18n/I18nProvider";
import { AdminPage } from "./routes/AdminPage";
import { MyCasesPage } from "./routes/MyCasesPage";
import { NotFoundPage } from "./routes/NotFoundPage";
import { PersonSearchPage } from "./routes/PersonSearchPage";

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<MyCasesPage />} />
            <Route path="persons/search" element={<PersonSearchPage />} />
            <Route path="admin" element={<AdminPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </I18nProvider>
  );
}
