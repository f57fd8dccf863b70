import type { ReactNode } from "react";
import { toFormErrors } from "../api/errors";
import type { QueryState } from "../hooks/useQuery";
import { useT } from "../i18n/useT";
import { ErrorSummary, Loading } from "./Messages";

/** A failed load, shown as an alert with the server's (or the catalogue's) explanation. */
export function QueryError({ error }: { error: unknown }) {
  const { t, lang } = useT();
  return <ErrorSummary errors={toFormErrors(error, [], t, lang)} />;
}

/**
 * The one way a panel shows a read: "Laddar …" while it loads, the error's message when it
 * failed, and `children` with the data once it is there.
 */
export function Loaded<T>({
  state,
  children,
}: {
  state: QueryState<T>;
  children: (data: T) => ReactNode;
}) {
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <QueryError error={state.error} />;
  return <>{children(state.data)}</>;
}
