import { agencyKinds } from "../../../shared/api/collaboration";
import type { PlainMessageKey } from "../../i18n/messages";

export type AgencyKindCode = (typeof agencyKinds)[number];
export { agencyKinds };

/** The catalogue key naming a kind of agency. */
export const agencyKindKey = (kind: AgencyKindCode): PlainMessageKey => `agencies.kind.${kind}`;

/** The directory's search from the address's query string: a known kind, a name's part. */
export function filtersFromSearch(search: URLSearchParams): {
  q: string;
  kind: AgencyKindCode | "";
} {
  const kind = search.get("kind") ?? "";
  return {
    q: (search.get("q") ?? "").slice(0, 100),
    kind: (agencyKinds as readonly string[]).includes(kind) ? (kind as AgencyKindCode) : "",
  };
}
