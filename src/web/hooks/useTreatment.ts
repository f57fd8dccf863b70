import { useEffect } from "react";
import type { Treatment } from "../api/endpoints";
import { useApi } from "../auth/useAuth";
import { useQuery } from "./useQuery";

/*
 * A perpetrator case's treatment, read by two panels (Behandling and Partnerkontakt). Every
 * command answers the whole new state; what one panel is given is passed to the other, so
 * e.g. his refusal that ends the treatment shows in Behandling, and the end of treatment
 * closes the partner-contact forms, without loading again.
 */

const changed = "frid:treatment-changed";

interface Change {
  caseId: string;
  treatment: Treatment | null;
}

export function useTreatment(caseId: string) {
  const api = useApi();
  const query = useQuery(caseId, async (signal) => (await api.treatment(caseId, signal)).treatment);
  const { setData } = query;

  useEffect(() => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<Change>).detail;
      if (detail.caseId === caseId) setData(detail.treatment);
    };
    window.addEventListener(changed, listener);
    return () => window.removeEventListener(changed, listener);
  }, [caseId, setData]);

  /** Shows the new state here and in the case's other treatment panel. */
  const share = (treatment: Treatment | null) =>
    window.dispatchEvent(new CustomEvent<Change>(changed, { detail: { caseId, treatment } }));

  return { state: query.state, reload: query.reload, share };
}
