import { participantKinds } from "../../../shared/api/coordinated-plans";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { SelectField, TextField } from "../../ui/Field";
import { type EditorProps, ListEditor, RowEditor, useRows } from "./ListEditor";
import { agencyChoices, freshKey, type PlanDraft } from "./plan-draft";

/**
 * The SIP's participants: each of an agency (the contact chosen from the directory fills in
 * name and role), the person herself or someone else; and which of them coordinates.
 */
type Participant = PlanDraft["participants"][number];
const blank = { agencyId: null, contactId: null, userId: null, name: "", role: "" };

export function ParticipantsEditor(props: EditorProps) {
  const { t } = useT();
  const { draft, setDraft, submit } = props;
  const rows = useRows(setDraft, "participants");
  const coordinator = (
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
  );
  return (
    <ListEditor
      legend={t("sip.participants")}
      addLabel={t("sip.addParticipant")}
      onAdd={() => rows.add({ key: freshKey("p", draft.participants), kind: "agency", ...blank })}
      footer={coordinator}
    >
      {draft.participants.map((p, i) => (
        <RowEditor
          key={p.key}
          legend={t("sip.participantN", { n: i + 1 })}
          removeWhat={p.name}
          onRemove={() => rows.remove(i)}
        >
          <ParticipantFields {...props} p={p} i={i} update={(row) => rows.update(i, row)} />
        </RowEditor>
      ))}
    </ListEditor>
  );
}

function ParticipantFields({
  plan,
  choices,
  submit,
  p,
  i,
  update,
}: EditorProps & { p: Participant; i: number; update: (row: Participant) => void }) {
  const { t } = useT();
  const at = `participants.${i}`;
  return (
    <>
      <SelectField
        label={t("sip.participantKind")}
        value={p.kind}
        onChange={(e) =>
          update({
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
        <AgencyFields plan={plan} choices={choices} submit={submit} p={p} at={at} update={update} />
      )}
      <TextField
        label={t("sip.name")}
        value={p.name}
        onChange={(e) => update({ ...p, name: e.target.value })}
        error={submit.fieldError(`${at}.name`)}
      />
      <TextField
        label={t("sip.role")}
        value={p.role}
        onChange={(e) => update({ ...p, role: e.target.value })}
      />
    </>
  );
}

/** An agency's participant: the agency (one joining later says from when) and its contact. */
function AgencyFields({
  plan,
  choices,
  submit,
  p,
  at,
  update,
}: Pick<EditorProps, "plan" | "choices" | "submit"> & {
  p: Participant;
  at: string;
  update: (row: Participant) => void;
}) {
  const { t, lang } = useT();
  const agencies = agencyChoices(plan, choices);
  const contacts = (choices?.contacts ?? []).filter((c) => c.agencyId === p.agencyId);
  return (
    <>
      <SelectField
        label={t("sip.agency")}
        value={p.agencyId ?? ""}
        onChange={(e) => update({ ...p, agencyId: e.target.value || null, contactId: null })}
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
      {contacts.length > 0 && (
        <SelectField
          label={t("sip.contact")}
          value={p.contactId ?? ""}
          onChange={(e) => {
            const c = contacts.find((x) => x.id === e.target.value);
            update(
              c ? { ...p, contactId: c.id, name: c.name, role: c.role } : { ...p, contactId: null },
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
    </>
  );
}
