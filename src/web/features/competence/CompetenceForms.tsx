import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { CheckboxField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import type { CompetenceRegister } from "./api";
import { numberOf } from "./competence-model";

/*
 * The register's forms: each sends what was typed and shows the server's message by the
 * field it concerns (a 400 names the field); a saved entry clears the form.
 */
type Instructors = CompetenceRegister["instructors"];

export function FormFrame({
  title,
  fields,
  onSubmit,
  children,
}: {
  title: PlainMessageKey;
  fields: readonly string[];
  onSubmit: (submitTo: (action: () => Promise<void>) => Promise<boolean>) => Promise<void>;
  children: (fieldError: (name: string) => string | undefined) => ReactNode;
}) {
  const { t } = useT();
  const submit = useSubmit(fields);
  const [saved, setSaved] = useState(false);
  const titleId = `${useId()}-title`;
  async function handle(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await onSubmit(async (action) => {
      const ok = await submit.run(action);
      setSaved(ok);
      return ok;
    });
  }
  return (
    <div>
      <h3 id={titleId}>{t(title)}</h3>
      <ErrorSummary errors={submit.errors} />
      {saved && <p role="status">{t("competence.form.saved")}</p>}
      <form className="form" aria-labelledby={titleId} onSubmit={handle} noValidate>
        {children(submit.fieldError)}
        <button type="submit" className="button" disabled={submit.pending}>
          {t("competence.form.save")}
        </button>
      </form>
    </div>
  );
}

export function Choices<V extends string>({
  legend,
  name,
  options,
  chosen,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  chosen: readonly V[];
  onChange: (chosen: V[]) => void;
  error?: string | undefined;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="fieldset form__group">
      <legend>{legend}</legend>
      {error && <p className="field__error">{error}</p>}
      {options.map((o) => (
        <CheckboxField
          key={o.value}
          label={o.label}
          name={name}
          checked={chosen.includes(o.value)}
          onChange={(e) =>
            onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))
          }
        />
      ))}
    </fieldset>
  );
}

export function InstructorForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useT();
  const api = useApi();
  const empty = { name: "", administration: "", trainedOn: "" };
  const [d, setD] = useState(empty);
  return (
    <FormFrame
      title="competence.form.newInstructor"
      fields={["name", "administration", "trainedOn"]}
      onSubmit={async (run) => {
        if (
          await run(async () => {
            await api.addInstructor(d);
            onSaved();
          })
        )
          setD(empty);
      }}
    >
      {(fieldError) => (
        <>
          <TextField
            label={t("competence.form.name")}
            name="name"
            value={d.name}
            onChange={(e) => setD({ ...d, name: e.target.value })}
            error={fieldError("name")}
          />
          <TextField
            label={t("competence.form.administration")}
            name="administration"
            value={d.administration}
            onChange={(e) => setD({ ...d, administration: e.target.value })}
            error={fieldError("administration")}
          />
          <DateField
            label={t("competence.form.trainedOn")}
            name="trainedOn"
            value={d.trainedOn}
            onChange={(trainedOn) => setD({ ...d, trainedOn })}
            error={fieldError("trainedOn")}
          />
        </>
      )}
    </FormFrame>
  );
}

export function MeetingForm({
  instructors,
  onSaved,
}: {
  instructors: Instructors;
  onSaved: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const empty = { heldOn: "", topic: "", hours: "" };
  const [d, setD] = useState(empty);
  const [present, setPresent] = useState<string[]>([]);
  return (
    <FormFrame
      title="competence.form.newMeeting"
      fields={["heldOn", "topic", "hours", "attendeeIds"]}
      onSubmit={async (run) => {
        const ok = await run(async () => {
          await api.addMeeting({
            heldOn: d.heldOn,
            topic: d.topic,
            hours: d.hours === "" ? null : numberOf(d.hours),
            attendeeIds: present,
          });
          onSaved();
        });
        if (ok) {
          setD(empty);
          setPresent([]);
        }
      }}
    >
      {(fieldError) => (
        <>
          <DateField
            label={t("competence.form.heldOn")}
            name="heldOn"
            value={d.heldOn}
            onChange={(heldOn) => setD({ ...d, heldOn })}
            error={fieldError("heldOn")}
          />
          <TextField
            label={t("competence.form.topic")}
            name="topic"
            value={d.topic}
            onChange={(e) => setD({ ...d, topic: e.target.value })}
            error={fieldError("topic")}
          />
          <TextField
            label={t("competence.form.meetingHours")}
            name="hours"
            value={d.hours}
            onChange={(e) => setD({ ...d, hours: e.target.value })}
            error={fieldError("hours")}
          />
          <Choices
            legend={t("competence.form.attendees")}
            name="attendeeIds"
            options={instructors
              .filter((i) => i.active)
              .map((i) => ({ value: i.id, label: i.name }))}
            chosen={present}
            onChange={setPresent}
            error={fieldError("attendeeIds")}
          />
        </>
      )}
    </FormFrame>
  );
}

export function SupervisionForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useT();
  const api = useApi();
  const empty = { heldOn: "", staffGroup: "", hours: "", givenBy: "", notes: "" };
  const [d, setD] = useState(empty);
  return (
    <FormFrame
      title="competence.form.newSupervision"
      fields={["heldOn", "staffGroup", "hours", "givenBy", "notes"]}
      onSubmit={async (run) => {
        if (
          await run(async () => {
            await api.addSupervision({ ...d, hours: numberOf(d.hours) });
            onSaved();
          })
        )
          setD(empty);
      }}
    >
      {(fieldError) => (
        <>
          <DateField
            label={t("competence.form.heldOn")}
            name="heldOn"
            value={d.heldOn}
            onChange={(heldOn) => setD({ ...d, heldOn })}
            error={fieldError("heldOn")}
          />
          <TextField
            label={t("competence.form.staffGroup")}
            name="staffGroup"
            value={d.staffGroup}
            onChange={(e) => setD({ ...d, staffGroup: e.target.value })}
            error={fieldError("staffGroup")}
          />
          <TextField
            label={t("competence.form.hours")}
            hint={t("competence.form.hoursHint")}
            name="hours"
            value={d.hours}
            onChange={(e) => setD({ ...d, hours: e.target.value })}
            error={fieldError("hours")}
          />
          <TextField
            label={t("competence.form.givenBy")}
            name="givenBy"
            value={d.givenBy}
            onChange={(e) => setD({ ...d, givenBy: e.target.value })}
            error={fieldError("givenBy")}
          />
          <TextAreaField
            label={t("competence.form.notes")}
            name="notes"
            value={d.notes}
            onChange={(e) => setD({ ...d, notes: e.target.value })}
            error={fieldError("notes")}
          />
        </>
      )}
    </FormFrame>
  );
}

export function StudyVisitForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useT();
  const api = useApi();
  const empty = { visitedOn: "", visitorsOrganisation: "", visitors: "", notes: "" };
  const [d, setD] = useState(empty);
  return (
    <FormFrame
      title="competence.form.newStudyVisit"
      fields={["visitedOn", "visitorsOrganisation", "visitors", "notes"]}
      onSubmit={async (run) => {
        if (
          await run(async () => {
            await api.addStudyVisit({ ...d, visitors: numberOf(d.visitors) });
            onSaved();
          })
        )
          setD(empty);
      }}
    >
      {(fieldError) => (
        <>
          <DateField
            label={t("competence.form.visitedOn")}
            name="visitedOn"
            value={d.visitedOn}
            onChange={(visitedOn) => setD({ ...d, visitedOn })}
            error={fieldError("visitedOn")}
          />
          <TextField
            label={t("competence.form.visitorsOrganisation")}
            name="visitorsOrganisation"
            value={d.visitorsOrganisation}
            onChange={(e) => setD({ ...d, visitorsOrganisation: e.target.value })}
            error={fieldError("visitorsOrganisation")}
          />
          <TextField
            label={t("competence.form.visitors")}
            name="visitors"
            inputMode="numeric"
            value={d.visitors}
            onChange={(e) => setD({ ...d, visitors: e.target.value })}
            error={fieldError("visitors")}
          />
          <TextAreaField
            label={t("competence.form.notes")}
            name="notes"
            value={d.notes}
            onChange={(e) => setD({ ...d, notes: e.target.value })}
            error={fieldError("notes")}
          />
        </>
      )}
    </FormFrame>
  );
}
