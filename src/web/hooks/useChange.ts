import { ApiError } from "../api/client";
import { useSubmit } from "./useSubmit";

/**
 * A form that changes a record someone else may have changed meanwhile: `run` clears the
 * panel's message first, and on a 409 asks the panel to load the record again (so it shows
 * what is there now) while the form shows the server's message.
 */
export function useChange(
  fieldNames: readonly string[],
  panel: { beforeChange: () => void; onStale: () => void },
) {
  const submit = useSubmit(fieldNames);
  const run = (action: () => Promise<void>) => {
    panel.beforeChange();
    return submit.run(async () => {
      try {
        await action();
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) panel.onStale();
        throw error;
      }
    });
  };
  return { submit, run };
}
