import { useState } from "react";
import { jointAgencies, trainingKinds } from "../../../shared/api/competence";
import { useApi } from "../../auth/useAuth";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextField } from "../../ui/Field";
import type { CompetenceRegister } from "./api";
import { Choices, FormFrame } from "./CompetenceForms";
import { type GroupRow, groupsOf, numberOf } from "./competence-model";

/* Ny utbildning: a training with its participants per organisation and role, and who led it. */

const trainingFields = [
  "kind",
  "title",
  "startsOn",
  "endsOn",
  "sessions",
  "hours",
  "organiser",
  "targetGroup",
  "jointWith",
  "participants",
  "instructorIds",
] as const;
const emptyGroup: GroupRow = { organisation: "", role: "", participants: "" };

export function TrainingForm({
  instructors,
  onSaved,
}: {
  instructors: CompetenceRegister["instructors"];
  onSaved: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const empty = {
    kind: "course",
    title: "",
    startsOn: "",
    endsOn: "",
    sessions: "1",
    hours: "",
    organiser: "",
    targetGroup: "",
  };
  const [d, setD] = useState(empty);
  const [joint, setJoint] = useState<(typeof jointAgencies)[number][]>([]);
  const [leaders, setLeaders] = useState<string[]>([]);
  const [groups, setGroups] = useState<GroupRow[]>([emptyGroup]);
  const text = (
    name: keyof typeof empty,
    label: PlainMessageKey,
    error: string | undefined,
    hint?: string,
  ) => (
    <TextField
      label={t(label)}
      hint={hint}
      name={name}
      value={d[name]}
      onChange={(e) => setD({ ...d, [name]: e.target.value })}
      error={error}
    />
  );
  return (
    <FormFrame
      title="competence.form.newTraining"
      fields={trainingFields}
      onSubmit={async (run) => {
        const ok = await run(async () => {
          await api.addTraining({
            kind: d.kind as (typeof trainingKinds)[number],
            title: d.title,
            startsOn: d.startsOn,
            endsOn: d.endsOn === "" ? null : d.endsOn,
            sessions: numberOf(d.sessions),
            hours: numberOf(d.hours),
            organiser: d.organiser,
            targetGroup: d.targetGroup,
            jointWith: joint,
            participants: groupsOf(groups),
            instructorIds: leaders,
          });
          onSaved();
        });
        if (ok) {
          setD(empty);
          setJoint([]);
          setLeaders([]);
          setGroups([emptyGroup]);
        }
      }}
    >
      {(fieldError) => (
        <>
          <SelectField
            label={t("competence.form.kind")}
            name="kind"
            value={d.kind}
            onChange={(e) => setD({ ...d, kind: e.target.value })}
            error={fieldError("kind")}
          >
            {trainingKinds.map((k) => (
              <option key={k} value={k}>
                {t(`competence.kind.${k}` as PlainMessageKey)}
              </option>
            ))}
          </SelectField>
          {text("title", "competence.form.title", fieldError("title"))}
          <DateField
            label={t("competence.form.startsOn")}
            name="startsOn"
            value={d.startsOn}
            onChange={(startsOn) => setD({ ...d, startsOn })}
            error={fieldError("startsOn")}
          />
          <DateField
            label={t("competence.form.endsOn")}
            name="endsOn"
            value={d.endsOn}
            onChange={(endsOn) => setD({ ...d, endsOn })}
            error={fieldError("endsOn")}
          />
          {text("sessions", "competence.form.sessions", fieldError("sessions"))}
          {text(
            "hours",
            "competence.form.hours",
            fieldError("hours"),
            t("competence.form.hoursHint"),
          )}
          {text("organiser", "competence.form.organiser", fieldError("organiser"))}
          {text("targetGroup", "competence.form.targetGroup", fieldError("targetGroup"))}
          <Choices
            legend={t("competence.form.jointWith")}
            name="jointWith"
            options={jointAgencies.map((a) => ({
              value: a,
              label: t(`competence.agency.${a}` as PlainMessageKey),
            }))}
            chosen={joint}
            onChange={setJoint}
          />
          <Groups groups={groups} setGroups={setGroups} error={fieldError("participants")} />
          <Choices
            legend={t("competence.form.leaders")}
            name="instructorIds"
            options={instructors.map((i) => ({ value: i.id, label: i.name }))}
            chosen={leaders}
            onChange={setLeaders}
            error={fieldError("instructorIds")}
          />
        </>
      )}
    </FormFrame>
  );
}

function Groups({
  groups,
  setGroups,
  error,
}: {
  groups: GroupRow[];
  setGroups: (g: GroupRow[]) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const change = (n: number, changes: Partial<GroupRow>) =>
    setGroups(groups.map((g, i) => (i === n ? { ...g, ...changes } : g)));
  return (
    <fieldset className="fieldset form__group">
      <legend>{t("competence.form.groups")}</legend>
      {error && <p className="field__error">{error}</p>}
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={i} className="field__row">
          <TextField
            label={t("competence.form.groupOrganisation", { n: i + 1 })}
            value={g.organisation}
            onChange={(e) => change(i, { organisation: e.target.value })}
          />
          <TextField
            label={t("competence.form.groupRole", { n: i + 1 })}
            value={g.role}
            onChange={(e) => change(i, { role: e.target.value })}
          />
          <TextField
            label={t("competence.form.groupCount", { n: i + 1 })}
            inputMode="numeric"
            value={g.participants}
            onChange={(e) => change(i, { participants: e.target.value })}
          />
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setGroups([...groups, emptyGroup])}
      >
        {t("competence.form.addGroup")}
      </button>
    </fieldset>
  );
}
