import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { type FormErrors, toFormErrors } from "../api/errors";
import { useT } from "../i18n/useT";

export interface Submit {
  pending: boolean;
  errors: FormErrors | null;
  /** The server's message for one field, for the control's error text. */
  fieldError: (name: string) => string | undefined;
  /**
   * Runs `action` unless one is already running; an error becomes `errors` (summary plus
   * per-field messages for `fieldNames`). Resolves to whether the action succeeded.
   */
  run: (action: () => Promise<void>) => Promise<boolean>;
  /** Shows field messages found before sending (e.g. nothing chosen in a select). */
  reject: (fields: Record<string, string>) => void;
  clear: () => void;
}

export function useSubmit(fieldNames: readonly string[] = []): Submit {
  const { t, lang } = useT();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const client = useQueryClient();

  const run = useCallback(
    async (action: () => Promise<void>) => {
      if (pending) return false;
      setPending(true);
      setErrors(null);
      try {
        await action();
        // A command may change what other screens show (a status on the person page, a
        // list on the start page): nothing read before it counts as fresh any more, so the
        // next screen reads again, as it did before the cache. Nothing is read now; what
        // this screen shows and the command changed is invalidated by the panel itself.
        void client.invalidateQueries({ refetchType: "none" });
        return true;
      } catch (error) {
        setErrors(toFormErrors(error, fieldNames, t, lang));
        return false;
      } finally {
        setPending(false);
      }
    },
    [pending, fieldNames, t, lang, client],
  );

  const fieldError = useCallback((name: string) => errors?.fields[name], [errors]);
  const reject = useCallback(
    (fields: Record<string, string>) =>
      setErrors({ message: t("error.validation"), fields, other: [], requestId: null }),
    [t],
  );
  const clear = useCallback(() => setErrors(null), []);
  return { pending, errors, fieldError, run, reject, clear };
}
