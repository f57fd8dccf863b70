import type { Treatment } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { type Query, useQuery } from "../../hooks/useQuery";

/** The key of a perpetrator case's treatment, for the panels that invalidate it. */
export const treatmentKey = (caseId: string) => ["case", caseId, "treatment"] as const;

/*
 * A perpetrator case's treatment, read once per case and shared (through the query cache)
 * by the panels that show it (Behandling, Partnerkontakt, Handlingar). Every command answers
 * the whole new state; `setData` puts it in place for all of them, so e.g. his refusal that
 * ends the treatment shows in Behandling, and the end of treatment closes the
 * partner-contact forms.
 */
export function useTreatment(caseId: string): Query<Treatment | null> {
  const api = useApi();
  return useQuery(
    treatmentKey(caseId),
    async (signal) => (await api.treatment(caseId, signal)).treatment,
  );
}
