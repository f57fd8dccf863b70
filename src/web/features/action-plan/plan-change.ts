import type { ActionPlanView } from "../../api/endpoints";
import { useChange } from "../../hooks/useChange";

/** What every form that changes the plan is given by the plan's page. */
export interface PlanChangeProps {
  plan: ActionPlanView;
  /** The plan as the server answered, and the sentence that says what was saved. */
  onSaved: (plan: ActionPlanView, message: string) => void;
  /** Someone changed the plan meanwhile (409): the page reads it again. */
  onStale: () => void;
  /** Clears the page's last message when a new change starts. */
  onChange: () => void;
}

/**
 * A change of the plan, sent with the version the page shows: on a 409 the form shows the
 * server's (Swedish) message while the page reads the plan again, so saving once more is
 * made from what is there now.
 */
export function usePlanChange(fields: readonly string[], props: PlanChangeProps) {
  return useChange(fields, { beforeChange: props.onChange, onStale: props.onStale });
}
