import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField } from "../../ui/Field";
import { type EditorProps, ListEditor, RemoveButton, RowEditor, useRows } from "./ListEditor";
import { freshKey, type PlanDraft } from "./plan-draft";

/**
 * The SIP's lists as the page edits them: her goals, who does what, the meetings and the
 * follow-up (the participants are ParticipantsEditor). Each list adds and removes rows; the
 * page saves the whole.
 */

export function GoalsEditor({ draft, setDraft, submit }: EditorProps) {
  const { t } = useT();
  const rows = useRows(setDraft, "goals");
  return (
    <ListEditor legend={t("sip.goals")} addLabel={t("sip.addGoal")} onAdd={() => rows.add("")}>
      {draft.goals.map((goal, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a goal is its text; the row is its place
        <div key={i}>
          <TextAreaField
            label={t("sip.goal", { n: i + 1 })}
            value={goal}
            onChange={(e) => rows.update(i, e.target.value)}
            error={submit.fieldError(`goals.${i}`)}
          />
          <RemoveButton what={t("sip.goal", { n: i + 1 })} onClick={() => rows.remove(i)} />
        </div>
      ))}
    </ListEditor>
  );
}

export function ResponsibilitiesEditor({ draft, setDraft, submit }: EditorProps) {
  const { t } = useT();
  const rows = useRows(setDraft, "responsibilities");
  const fresh = () => ({
    key: freshKey("r", draft.responsibilities),
    participantKey: "",
    what: "",
    dueOn: "",
    doneOn: "",
  });
  return (
    <ListEditor
      legend={t("sip.responsibilities")}
      addLabel={t("sip.addResponsibility")}
      onAdd={() => rows.add(fresh())}
    >
      {draft.responsibilities.map((r, i) => {
        const at = `responsibilities.${i}`;
        return (
          <RowEditor
            key={r.key}
            legend={t("sip.responsibilityN", { n: i + 1 })}
            onRemove={() => rows.remove(i)}
          >
            <ResponsibilityFields
              draft={draft}
              r={r}
              at={at}
              fieldError={submit.fieldError}
              update={(row) => rows.update(i, row)}
            />
          </RowEditor>
        );
      })}
    </ListEditor>
  );
}

type Responsibility = PlanDraft["responsibilities"][number];

/** One responsibility: what, by which participant, by when, and when it was done. */
function ResponsibilityFields({
  draft,
  r,
  at,
  fieldError,
  update,
}: {
  draft: PlanDraft;
  r: Responsibility;
  at: string;
  fieldError: (name: string) => string | undefined;
  update: (row: Responsibility) => void;
}) {
  const { t } = useT();
  return (
    <>
      <TextAreaField
        label={t("sip.what")}
        value={r.what}
        onChange={(e) => update({ ...r, what: e.target.value })}
        error={fieldError(`${at}.what`)}
      />
      <SelectField
        label={t("sip.responsible")}
        value={r.participantKey}
        onChange={(e) => update({ ...r, participantKey: e.target.value })}
        error={fieldError(`${at}.participantKey`)}
      >
        <option value="">{t("common.choose")}</option>
        {draft.participants.map((p, n) => (
          <option key={p.key} value={p.key}>
            {p.name || t("sip.participantN", { n: n + 1 })}
          </option>
        ))}
      </SelectField>
      <DateField
        name={`${at}.dueOn`}
        label={t("sip.dueOn")}
        value={r.dueOn}
        onChange={(dueOn) => update({ ...r, dueOn })}
        error={fieldError(`${at}.dueOn`)}
      />
      <DateField
        name={`${at}.doneOn`}
        label={t("sip.doneOn")}
        value={r.doneOn}
        onChange={(doneOn) => update({ ...r, doneOn })}
        error={fieldError(`${at}.doneOn`)}
      />
    </>
  );
}

export function MeetingsEditor({ draft, setDraft, submit }: EditorProps) {
  const { t } = useT();
  const rows = useRows(setDraft, "meetings");
  return (
    <ListEditor
      legend={t("sip.meetings")}
      addLabel={t("sip.addMeeting")}
      onAdd={() => rows.add({ plannedOn: "", heldOn: "", notes: "" })}
    >
      {draft.meetings.map((m, i) => (
        <RowEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: a meeting has no identity but its place
          key={i}
          legend={t("sip.meetingN", { n: i + 1 })}
          onRemove={() => rows.remove(i)}
        >
          <DateField
            name={`meetings.${i}.plannedOn`}
            label={t("sip.plannedOn")}
            value={m.plannedOn}
            onChange={(plannedOn) => rows.update(i, { ...m, plannedOn })}
            error={submit.fieldError(`meetings.${i}.plannedOn`)}
          />
          <DateField
            name={`meetings.${i}.heldOn`}
            label={t("sip.heldOn")}
            value={m.heldOn}
            onChange={(heldOn) => rows.update(i, { ...m, heldOn })}
          />
          <TextAreaField
            label={t("sip.notes")}
            value={m.notes}
            onChange={(e) => rows.update(i, { ...m, notes: e.target.value })}
          />
        </RowEditor>
      ))}
    </ListEditor>
  );
}

export function FollowUpEditor({ draft, setDraft, submit }: EditorProps) {
  const { t } = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t("sip.followUp")}</legend>
      <DateField
        name="followUpOn"
        label={t("sip.followUpOn")}
        value={draft.followUpOn}
        onChange={(followUpOn) => setDraft((d) => ({ ...d, followUpOn }))}
        error={submit.fieldError("followUpOn")}
      />
      <DateField
        name="followedUpOn"
        label={t("sip.followedUpOn")}
        value={draft.followedUpOn}
        onChange={(followedUpOn) => setDraft((d) => ({ ...d, followedUpOn }))}
        error={submit.fieldError("followedUpOn")}
      />
      <TextAreaField
        label={t("sip.findings")}
        value={draft.followUpFindings}
        onChange={(e) => setDraft((d) => ({ ...d, followUpFindings: e.target.value }))}
      />
    </fieldset>
  );
}
