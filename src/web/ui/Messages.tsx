import type { FormErrors } from "../api/errors";
import { useT } from "../i18n/useT";

/** What went wrong with a form or a request, announced at once (role="alert"). */
export function ErrorSummary({ errors }: { errors: FormErrors | null }) {
  const { t } = useT();
  if (!errors) return null;
  return (
    <div className="alert" role="alert">
      <p>{errors.message}</p>
      {errors.other.length > 0 && (
        <ul>
          {errors.other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {errors.requestId && <p>{t("common.requestId", { id: errors.requestId })}</p>}
    </div>
  );
}

/**
 * A confirmation such as "Rollen är tillagd.", read out politely. The live region is always
 * in the page, so a screen reader notices when text appears in it.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div
      className={message ? "status-message" : "status-message status-message--empty"}
      role="status"
    >
      {message}
    </div>
  );
}

export function Loading() {
  const { t } = useT();
  return <p className="loading">{t("common.loading")}</p>;
}
