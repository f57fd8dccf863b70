import type { CaseView } from "../../api/endpoints";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useT } from "../../i18n/useT";
import { useCaseRelations } from "../persons/Relations";

/**
 * Who a consent or a disclosure of a case can be about (the case's person, and the children
 * related to her: a child's consent is given by the custodians), and who in the case can have
 * heard a consent or made a secrecy review (the caller, and the case's assigned workers). The
 * server checks both again. The relations are read through the case's one relations query:
 * the query cache keeps one shape per key, and the overview's Närstående shares it.
 */
export function useCasePeople(record: CaseView) {
  const relations = useCaseRelations(record.id);
  const children =
    relations.state.status === "ready"
      ? relations.state.data
          .filter((r) => r.kind === "child")
          .map((r) => ({ id: r.otherPerson.id, name: r.otherPerson.name, isChild: true }))
      : [];
  const own = {
    id: record.person.id,
    name: record.person.name,
    isChild: record.caseType === "child",
  };
  return [own, ...children.filter((c) => c.id !== own.id)];
}

export function useCaseUsers(record: CaseView) {
  const me = useMe();
  const { t } = useT();
  const others = record.assignees
    .filter((a) => a.userId !== me.user.id)
    .map((a) => ({ id: a.userId, name: a.displayName }));
  return [{ id: me.user.id, name: t("consents.me", { name: me.user.displayName }) }, ...others];
}

/** The directory's agencies and the secrecy rules: one read shared by both forms. */
export function useDisclosureCatalogue() {
  const api = useApi();
  return useQuery(["disclosure-catalogue"], (signal) => api.disclosureCatalogue(signal));
}
