import { type FormEvent, useId, useState } from "react";
import { legalBasisSuggestions } from "../../../shared/api/agreements";
import type { AssignmentView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";

type Unit = { id: string; name: string };

/** Uppdrag till ideella organisationer: the committee's assignments, and "Nytt uppdrag". */
export function Assignments({
  assignments,
  units,
  onSaved,
}: {
  assignments: readonly AssignmentView[];
  units: readonly Unit[];
  onSaved: () => void;
}) {
  const { t, lang } = useT();
  const [saved, setSaved] = useState(false);
  const titleId = `${useId()}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("assignments.title")}</h2>
      <StatusMessage message={saved ? t("assignmentForm.saved") : null} />
      {assignments.length === 0 ? (
        <p>{t("assignments.empty")}</p>
      ) : (
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">{t("assignments.agency")}</th>
              <th scope="col">{t("assignments.decided")}</th>
              <th scope="col">{t("assignments.scope")}</th>
              <th scope="col">{t("assignments.valid")}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.agency.name}
                  <br />
                  <small>{a.unit.name}</small>
                </th>
                <td data-label={t("assignments.decided")}>
                  {t("assignments.decidedValue", {
                    date: formatDay(a.decidedOn, lang),
                    reference: a.decisionReference,
                  })}
                  <br />
                  <small>
                    {t("assignments.legalBasis")}: {a.legalBasis}
                  </small>
                </td>
                <td data-label={t("assignments.scope")} className="multiline">
                  {a.scope}
                </td>
                <td data-label={t("assignments.valid")}>
                  {t("assignments.validValue", {
                    from: formatDay(a.validFrom, lang),
                    until: a.validUntil ? formatDay(a.validUntil, lang) : "",
                  })}
                  {a.followUpOn && (
                    <>
                      <br />
                      <small>
                        {t("assignments.followUpOn", { date: formatDay(a.followUpOn, lang) })}
                      </small>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {units.length > 0 && (
        <OnDemand label={t("assignmentForm.title")}>
          <AssignmentForm
            units={units}
            onSaved={() => {
              setSaved(true);
              onSaved();
            }}
          />
        </OnDemand>
      )}
    </section>
  );
}

const assignmentFields = [
  "unitId",
  "agencyId",
  "decidedOn",
  "decisionReference",
  "legalBasis",
  "scope",
  "validFrom",
  "validUntil",
  "followUpOn",
] as const;
const emptyAssignment = {
  unitId: "",
  agencyId: "",
  decidedOn: "",
  decisionReference: "",
  legalBasis: "",
  scope: "",
  validFrom: "",
  validUntil: "",
  followUpOn: "",
};

function AssignmentForm({ units, onSaved }: { units: readonly Unit[]; onSaved: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(assignmentFields);
  const agencies = useQuery(["agencies", { q: "", kind: "" }], (signal) =>
    api.agencies({}, signal),
  );
  const [draft, setDraft] = useState(() => ({
    ...emptyAssignment,
    unitId: units.length === 1 ? (units[0]?.id ?? "") : "",
  }));
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  const text = (name: "decisionReference" | "legalBasis" | "scope") => ({
    name,
    label: t(`assignmentForm.${name}`),
    value: draft[name],
    error: submit.fieldError(name),
    onChange: (e: { target: { value: string } }) => set({ [name]: e.target.value }),
  });
  const date = (name: "decidedOn" | "validFrom" | "validUntil" | "followUpOn") => ({
    name,
    label: t(`assignmentForm.${name}`),
    value: draft[name],
    error: submit.fieldError(name),
    onChange: (value: string) => set({ [name]: value }),
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await api.createAssignment({
        ...draft,
        validUntil: draft.validUntil || null,
        followUpOn: draft.followUpOn || null,
      });
    });
    if (ok) {
      setDraft({ ...emptyAssignment, unitId: draft.unitId });
      onSaved();
    }
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t("assignmentForm.title")}</h3>
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("assignmentForm.unit")}
        name="unitId"
        value={draft.unitId}
        onChange={(e) => set({ unitId: e.target.value })}
        error={submit.fieldError("unitId")}
      >
        <option value="">{t("agreementForm.chooseUnit")}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("assignmentForm.agency")}
        name="agencyId"
        value={draft.agencyId}
        onChange={(e) => set({ agencyId: e.target.value })}
        error={submit.fieldError("agencyId")}
      >
        <option value="">{t("assignmentForm.chooseAgency")}</option>
        {agencies.state.status === "ready" &&
          agencies.state.data.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
      </SelectField>
      <DateField {...date("decidedOn")} />
      <TextField {...text("decisionReference")} />
      <TextAreaField
        {...text("legalBasis")}
        hint={t("assignmentForm.legalBasisHint", { example: legalBasisSuggestions[2] })}
      />
      <TextAreaField {...text("scope")} />
      <DateField {...date("validFrom")} />
      <DateField {...date("validUntil")} />
      <DateField {...date("followUpOn")} />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("assignmentForm.save")}
      </button>
    </form>
  );
}
