import { toFormErrors } from "../api/errors";
import { useT } from "../i18n/useT";
import { ErrorSummary } from "./Messages";

/** A failed load, shown as an alert with the server's (or the catalogue's) explanation. */
export function QueryError({ error }: { error: unknown }) {
  const { t, lang } = useT();
  return <ErrorSummary errors={toFormErrors(error, [], t, lang)} />;
}
