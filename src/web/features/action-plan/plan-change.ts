import { useCallback, useState } from "react";
import type { ActionPlanView } from "../../api/endpoints";
import { useChange } from "../../hooks/useChange";
import { rebaseDraft } from "./plan-model";

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

/**
 * A change form's fields, made from `current` (the plan as the page shows it, in the form's
 * words). When the page shows a newer version of the plan — read again after a 409, or after
 * another change of the plan — the fields the person has not touched follow it and what she
 * changed stays (rebaseDraft): the version sent is the newest, so the fields must be too.
 */
export function usePlanDraft<T extends Record<string, string>>(current: T, version: number) {
  const [state, setState] = useState({ draft: current, seen: current, version });
  let shown = state;
  if (state.version !== version) {
    // Adjusted while rendering (React's pattern for state that follows a prop): the form
    // never shows, or sends, the old fields with the new version.
    shown = { draft: rebaseDraft(state.draft, state.seen, current), seen: current, version };
    setState(shown);
  }
  const setDraft = useCallback(
    (update: (draft: T) => T) => setState((s) => ({ ...s, draft: update(s.draft) })),
    [],
  );
  return [shown.draft, setDraft] as const;
}
