import type { Dispatch, ReactNode, SetStateAction } from "react";
import type { Submit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import type { CoordinatedPlan, CoordinatedPlanChoices } from "./api";
import type { PlanDraft } from "./plan-draft";

/**
 * What every list of the SIP's editor shares: the props each editor takes, the hook that
 * changes one row of one list, and the list and row frames (a legend, the rows, the button
 * that adds one; each row named, with the button that removes it).
 */
export interface EditorProps {
  plan: CoordinatedPlan;
  choices: CoordinatedPlanChoices | null;
  draft: PlanDraft;
  setDraft: Dispatch<SetStateAction<PlanDraft>>;
  submit: Submit;
}

type Row<K extends keyof PlanDraft> = PlanDraft[K] extends (infer R)[] ? R : never;

/** Change one row of one list of the draft. */
export function useRows<K extends "goals" | "participants" | "responsibilities" | "meetings">(
  setDraft: EditorProps["setDraft"],
  list: K,
) {
  const update = (i: number, row: Row<K>) =>
    setDraft((d) => ({ ...d, [list]: d[list].map((r, j) => (j === i ? row : r)) }));
  const remove = (i: number) =>
    setDraft((d) => ({ ...d, [list]: d[list].filter((_, j) => j !== i) }));
  const add = (row: Row<K>) => setDraft((d) => ({ ...d, [list]: [...d[list], row] }));
  return { update, remove, add };
}

export function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  const { t } = useT();
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      {t("sip.removeNamed", { what })}
    </button>
  );
}

/** One of the plan's lists: its rows, then the button that adds one (and what follows it). */
export function ListEditor({
  legend,
  addLabel,
  onAdd,
  children,
  footer,
}: {
  legend: string;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {children}
      <button type="button" className="button button--secondary" onClick={onAdd}>
        {addLabel}
      </button>
      {footer}
    </fieldset>
  );
}

/** One row of a list, named ("Deltagare 2"), with its fields and the button that removes it. */
export function RowEditor({
  legend,
  removeWhat,
  onRemove,
  children,
}: {
  legend: string;
  removeWhat?: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {children}
      <RemoveButton what={removeWhat || legend} onClick={onRemove} />
    </fieldset>
  );
}
