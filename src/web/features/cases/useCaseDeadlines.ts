import type { CaseDeadline } from "../../../shared/api/worklist";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";

/**
 * The case's deadlines, soonest first, read once for the header and the overview (one query
 * key: a command that changes what is due invalidates ["case", id] and both follow).
 */
export function useCaseDeadlines(caseId: string) {
  const api = useApi();
  return useQuery<CaseDeadline[]>(
    ["case", caseId, "deadlines"],
    async (signal) => (await api.caseDeadlines(caseId, signal)).items,
  );
}
