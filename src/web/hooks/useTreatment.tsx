import { createContext, type ReactNode, useContext } from "react";
import type { Treatment } from "../api/endpoints";
import { useApi } from "../auth/useAuth";
import { type QueryState, useQuery } from "./useQuery";

/*
 * A perpetrator case's treatment, read once by the case page and shared by the panels that
 * show it (Behandling, Partnerkontakt, Handlingar). Every command answers the whole new
 * state; `share` puts it in place for all of them, so e.g. his refusal that ends the
 * treatment shows in Behandling, and the end of treatment closes the partner-contact forms.
 */
interface TreatmentContext {
  state: QueryState<Treatment | null>;
  reload: () => void;
  share: (treatment: Treatment | null) => void;
}

const Context = createContext<TreatmentContext | null>(null);

export function TreatmentProvider({ caseId, children }: { caseId: string; children: ReactNode }) {
  const api = useApi();
  const query = useQuery(
    ["case", caseId, "treatment"],
    async (signal) => (await api.treatment(caseId, signal)).treatment,
  );
  return (
    <Context.Provider value={{ state: query.state, reload: query.reload, share: query.setData }}>
      {children}
    </Context.Provider>
  );
}

export function useTreatment(): TreatmentContext {
  const context = useContext(Context);
  if (!context) throw new Error("useTreatment needs a TreatmentProvider around it");
  return context;
}
