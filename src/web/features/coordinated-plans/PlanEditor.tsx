import type { Dispatch, SetStateAction } from "react";
import { participantKinds } from "../../../shared/api/coordinated-plans";
import type { Submit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import type { CoordinatedPlan, CoordinatedPlanChoices } from "./api";
import { agencyChoices, freshKey, type PlanDraft } from "./plan-draft";

/**
 * The SIP's lists as the page edits them: her goals, the participants, who does what, the
 * meetings and the follow-up. Each list adds and removes rows; the page saves the whole.
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
function useRows<K extends "goals" | "participants" | "responsibilities" | "meetings">(
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

function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  const { t } = useT();
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      {t("sip.removeNamed", { what })}
    </button>
  );
}

export function GoalsEditor({ draft, setDraft, submit }: EditorProps) {
  const { t } = useT();
  const rows = useRows(setDraft, "goals");
  return (
    <fieldset className="fieldset">
      <legend>{t("sip.goals")}</legend>
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
      <button type="button" className="button button--secondary" onClick={() => rows.add("")}>
        {t("sip.addGoal")}
      </button>
    </fieldset>
  );
}

export function ParticipantsEditor({ plan, choices, draft, setDraft, submit }: EditorProps) {
  const { t, lang } = useT();
  const rows = useRows(setDraft, "participants");
  const agencies = agencyChoices(plan, choices);
  const blank = { agencyId: null, contactId: null, userId: null, name: "", role: "" };
  return (
    <fieldset className="fieldset">
      <legend>{t("sip.participants")}</legend>
      {draft.participants.map((p, i) => {
        const at = `participants.${i}`;
        const contacts = (choices?.contacts ?? []).filter((c) => c.agencyId === p.agencyId);
        return (
          <fieldset key={p.key} className="fieldset">
            <legend>{t("sip.participantN", { n: i + 1 })}</legend>
            <SelectField
              label={t("sip.participantKind")}
              value={p.kind}
              onChange={(e) =>
                rows.update(i, {
                  ...p,
                  ...blank,
                  name: p.name,
                  role: p.role,
                  kind: e.target.value as typeof p.kind,
                })
              }
            >
              {participantKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`sip.kind.${k}`)}
                </option>
              ))}
            </SelectField>
            {p.kind === "agency" && (
              <SelectField
                label={t("sip.agency")}
                value={p.agencyId ?? ""}
                onChange={(e) =>
                  rows.update(i, { ...p, agencyId: e.target.value || null, contactId: null })
                }
                error={submit.fieldError(`${at}.agencyId`)}
              >
                <option value="">{t("common.choose")}</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.joinsOn
                      ? t("sip.newAgency", { agency: a.name, date: formatDay(a.joinsOn, lang) })
                      : a.name}
                  </option>
                ))}
              </SelectField>
            )}
            {p.kind === "agency" && contacts.length > 0 && (
              <SelectField
                label={t("sip.contact")}
                value={p.contactId ?? ""}
                onChange={(e) => {
                  const c = contacts.find((x) => x.id === e.target.value);
                  rows.update(
                    i,
                    c
                      ? { ...p, contactId: c.id, name: c.name, role: c.role }
                      : { ...p, contactId: null },
                  );
                }}
              >
                <option value="">{t("sip.noContact")}</option>
                {contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}, {c.role}
                  </option>
                ))}
              </SelectField>
            )}
            <TextField
              label={t("sip.name")}
              value={p.name}
              onChange={(e) => rows.update(i, { ...p, name: e.target.value })}
              error={submit.fieldError(`${at}.name`)}
            />
            <TextField
              label={t("sip.role")}
              value={p.role}
              onChange={(e) => rows.update(i, { ...p, role: e.target.value })}
            />
            <RemoveButton
              what={p.name || t("sip.participantN", { n: i + 1 })}
              onClick={() => rows.remove(i)}
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          rows.add({ key: freshKey("p", draft.participants), kind: "agency", ...blank })
        }
      >
        {t("sip.addParticipant")}
      </button>
      <SelectField
        label={t("sip.coordinator")}
        value={draft.coordinatorKey}
        onChange={(e) => setDraft((d) => ({ ...d, coordinatorKey: e.target.value }))}
        error={submit.fieldError("coordinatorKey")}
      >
        <option value="">{t("sip.nobody")}</option>
        {draft.participants.map((p, i) => (
          <option key={p.key} value={p.key}>
            {p.name || t("sip.participantN", { n: i + 1 })}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

export function ResponsibilitiesEditor({ draft, setDraft, submit }: EditorProps) {
  const { t } = useT();
  const rows = useRows(setDraft, "responsibilities");
  return (
    <fieldset className="fieldset">
      <legend>{t("sip.responsibilities")}</legend>
      {draft.responsibilities.map((r, i) => {
        const at = `responsibilities.${i}`;
        return (
          <fieldset key={r.key} className="fieldset">
            <legend>{t("sip.responsibilityN", { n: i + 1 })}</legend>
            <TextAreaField
              label={t("sip.what")}
              value={r.what}
              onChange={(e) => rows.update(i, { ...r, what: e.target.value })}
              error={submit.fieldError(`${at}.what`)}
            />
            <SelectField
              label={t("sip.responsible")}
              value={r.participantKey}
              onChange={(e) => rows.update(i, { ...r, participantKey: e.target.value })}
              error={submit.fieldError(`${at}.participantKey`)}
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
              onChange={(dueOn) => rows.update(i, { ...r, dueOn })}
              error={submit.fieldError(`${at}.dueOn`)}
            />
            <DateField
              name={`${at}.doneOn`}
              label={t("sip.doneOn")}
              value={r.doneOn}
              onChange={(doneOn) => rows.update(i, { ...r, doneOn })}
              error={submit.fieldError(`${at}.doneOn`)}
            />
            <RemoveButton
              what={t("sip.responsibilityN", { n: i + 1 })}
              onClick={() => rows.remove(i)}
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          rows.add({
            key: freshKey("r", draft.responsibilities),
            participantKey: "",
            what: "",
            dueOn: "",
            doneOn: "",
          })
        }
      >
        {t("sip.addResponsibility")}
      </button>
    </fieldset>
  );
}

export function MeetingsEditor({ draft, setDraft, submit }: EditorProps) {
  const { t } = useT();
  const rows = useRows(setDraft, "meetings");
  return (
    <fieldset className="fieldset">
      <legend>{t("sip.meetings")}</legend>
      {draft.meetings.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a meeting has no identity but its place
        <fieldset key={i} className="fieldset">
          <legend>{t("sip.meetingN", { n: i + 1 })}</legend>
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
          <RemoveButton what={t("sip.meetingN", { n: i + 1 })} onClick={() => rows.remove(i)} />
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => rows.add({ plannedOn: "", heldOn: "", notes: "" })}
      >
        {t("sip.addMeeting")}
      </button>
    </fieldset>
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
