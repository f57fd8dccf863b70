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

export function NewStay({ record, onStarted }: { record: CaseView; onStarted: () => void }) {
  const { t } = useT();
  const api = useApi();
  const decisions = useCaseDecisions(record.id).state;
  // A live hold on the chosen place becomes the stay (the places part's "Boendeplats").
  const holds = useQuery(["holds", record.id], (signal) => api.holds(record.id, signal));
  const submit = useSubmit(fields);
  const [decisionId, setDecisionId] = useState("");
  const [placeId, setPlaceId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [children, setChildren] = useState<string[]>([]);
  const granted =
    decisions.status === "ready"
      ? decisions.data.decisions.filter(
          (d) => housing.includes(d.interventionKind) && d.outcome !== "denied",
        )
      : [];
  const choices = useOpenPlaces(granted.find((d) => d.id === decisionId)?.interventionKind);
  const holdId =
    holds.state.status === "ready"
      ? (holds.state.data.holds.find((h) => h.placeId === placeId && h.state === "live")?.id ??
        null)
      : null;
  if (decisions.status === "ready" && granted.length === 0) return <p>{t("stays.noDecision")}</p>;
  const start = () =>
    submit
      .run(async () => {
        await api.startStay(record.id, {
          decisionId,
          placeId,
          plannedFrom: from,
          plannedTo: to || null,
          children,
          holdId,
        });
      })
      .then((ok) => ok && onStarted());
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("stays.decision")}
        value={decisionId}
        error={submit.fieldError("decisionId")}
        onChange={(e) => setDecisionId(e.target.value)}
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
        value={placeId}
        error={submit.fieldError("placeId")}
        onChange={(e) => setPlaceId(e.target.value)}
      >
        <option value="">{t("stays.choose")}</option>
        {choices.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t("stays.plannedFrom")}
        name="plannedFrom"
        value={from}
        onChange={setFrom}
        error={submit.fieldError("plannedFrom")}
      />
      <DateField
        label={t("stays.plannedTo")}
        name="plannedTo"
        value={to}
        onChange={setTo}
        error={submit.fieldError("plannedTo")}
      />
      <ChildrenChoice
        caseId={record.id}
        chosen={children}
        onChange={setChildren}
        errorOf={submit.fieldError}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("stays.start")}
      </button>
    </form>
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
  const api = useApi();
  const base = useId();
  const relations = useQuery(["case", caseId, "relations"], (signal) =>
    api.relations(caseId, signal),
  );
  const kids =
    relations.state.status === "ready"
      ? relations.state.data.relations.filter((r) => r.kind === "child")
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
