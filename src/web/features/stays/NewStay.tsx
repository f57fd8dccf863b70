import { useId, useState } from "react";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { useCaseDecisions } from "../decisions/Decisions";
import { useCaseRelations } from "../persons/Relations";
import { useOpenPlaces } from "./StayForms";

/** "Ny vistelse": from a granted housing decision of the case, with the children who come along. */
const housing = ["sheltered_housing", "emergency_flat", "other_housing"];
// A child's own error comes back as children.<its index in the request> (at most 15 children).
const fields = [
  "decisionId",
  "placeId",
  "plannedFrom",
  "plannedTo",
  ...Array.from({ length: 15 }, (_, i) => `children.${i}`),
];

type Draft = { decisionId: string; placeId: string; from: string; to: string; children: string[] };
const empty: Draft = { decisionId: "", placeId: "", from: "", to: "", children: [] };

export function NewStay({ record, onStarted }: { record: CaseView; onStarted: () => void }) {
  const { t } = useT();
  const api = useApi();
  const granted = useGrantedHousing(record.id);
  const submit = useSubmit(fields);
  const [v, setV] = useState(empty);
  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) =>
      setV((o) => ({ ...o, [field]: value }));
  const holdId = useLiveHold(record.id, v.placeId);
  if (granted?.length === 0) return <p>{t("stays.noDecision")}</p>;
  const start = () =>
    submit
      .run(async () => {
        await api.startStay(record.id, {
          decisionId: v.decisionId,
          placeId: v.placeId,
          plannedFrom: v.from,
          plannedTo: v.to || null,
          children: v.children,
          holdId,
        });
      })
      .then((ok) => ok && onStarted());
  return (
    <form
      aria-label={t("stays.new")}
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <ErrorSummary errors={submit.errors} />
      <DecisionAndPlace granted={granted ?? []} draft={v} set={set} errorOf={submit.fieldError} />
      <DateField
        label={t("stays.plannedFrom")}
        name="plannedFrom"
        value={v.from}
        onChange={set("from")}
        error={submit.fieldError("plannedFrom")}
      />
      <DateField
        label={t("stays.plannedTo")}
        name="plannedTo"
        value={v.to}
        onChange={set("to")}
        error={submit.fieldError("plannedTo")}
      />
      <ChildrenChoice
        caseId={record.id}
        chosen={v.children}
        onChange={set("children")}
        errorOf={submit.fieldError}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("stays.start")}
      </button>
    </form>
  );
}

/** The case's granted (or partly granted) housing decisions; undefined while they load. */
function useGrantedHousing(caseId: string) {
  const decisions = useCaseDecisions(caseId).state;
  return decisions.status === "ready"
    ? decisions.data.decisions.filter(
        (d) => housing.includes(d.interventionKind) && d.outcome !== "denied",
      )
    : undefined;
}

/** A live hold of this case on the chosen place becomes the stay (the places part's holds). */
function useLiveHold(caseId: string, placeId: string) {
  const api = useApi();
  const holds = useQuery(["holds", caseId], (signal) => api.holds(caseId, signal));
  return holds.state.status === "ready"
    ? (holds.state.data.holds.find((h) => h.placeId === placeId && h.state === "live")?.id ?? null)
    : null;
}

/** The decision, then the open places of the kind it grants. */
function DecisionAndPlace({
  granted,
  draft,
  set,
  errorOf,
}: {
  granted: NonNullable<ReturnType<typeof useGrantedHousing>>;
  draft: Draft;
  set: (field: "decisionId" | "placeId") => (value: string) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const { t } = useT();
  const choices = useOpenPlaces(granted.find((d) => d.id === draft.decisionId)?.interventionKind);
  return (
    <>
      <SelectField
        label={t("stays.decision")}
        value={draft.decisionId}
        error={errorOf("decisionId")}
        onChange={(e) => set("decisionId")(e.target.value)}
      >
        <option value="">{t("stays.choose")}</option>
        {granted.map((d) => (
          <option
            key={d.id}
            value={d.id}
          >{`${d.interventionName} ${d.periodFrom ?? ""}–${d.periodTo ?? ""}`}</option>
        ))}
      </SelectField>
      <SelectField
        label={t("stays.place")}
        value={draft.placeId}
        error={errorOf("placeId")}
        onChange={(e) => set("placeId")(e.target.value)}
      >
        <option value="">{t("stays.choose")}</option>
        {choices.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/**
 * The case person's children recorded in the case, to tick those who come along; a child's
 * own error (no decision of its own, over a place's age limit for boys) shows at the child.
 */
function ChildrenChoice({
  caseId,
  chosen,
  onChange,
  errorOf,
}: {
  caseId: string;
  chosen: string[];
  onChange: (ids: string[]) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const { t } = useT();
  const base = useId();
  // The same query as the case's Närstående panel (one key, one shape).
  const relations = useCaseRelations(caseId);
  const kids =
    relations.state.status === "ready"
      ? relations.state.data.filter((r) => r.kind === "child")
      : [];
  if (kids.length === 0) return null;
  return (
    <fieldset className="field">
      <legend className="field__label">{t("stays.children")}</legend>
      {kids.map((k) => {
        const id = k.otherPerson.id;
        const error = chosen.includes(id) ? errorOf(`children.${chosen.indexOf(id)}`) : undefined;
        const errorId = `${base}-${id}-error`;
        return (
          <div key={id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(id)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, id] : chosen.filter((x) => x !== id))
                }
              />{" "}
              {k.otherPerson.name}
            </label>
            {error && (
              <p className="field__error" id={errorId}>
                {error}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
