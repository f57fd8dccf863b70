import { type FormEvent, useState } from "react";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { useCaseUsers } from "../consents/case-people";
import type { RiskConference } from "./api";

type Action = RiskConference["actions"][number];
type Changed = (view: RiskConference, key: PlainMessageKey) => void;
const titleId = "conference-actions";

/**
 * The action plan: each action with one owner (a worker of the case, or a contact person of
 * an agency taking part: the action then lands on that agency's pack) and a due day; followed
 * up as done with a note of what came of it.
 */
export function ConferenceActions({
  conference: c,
  record,
  canWrite,
  onChanged,
}: {
  conference: RiskConference;
  record: CaseView;
  canWrite: boolean;
  onChanged: Changed;
}) {
  const { t, lang } = useT();
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("conference.actions")}</h2>
      {c.actions.length === 0 ? (
        <p className="empty">{t("conference.noActions")}</p>
      ) : (
        <ul className="record-list">
          {c.actions.map((a) => (
            <li key={a.id} className="record-list__item">
              <p>
                {t("conference.actionLine", {
                  description: a.description,
                  owner: a.owner.agencyName
                    ? `${a.owner.name} (${a.owner.agencyName})`
                    : a.owner.name,
                  date: formatDay(a.dueOn, lang),
                })}
              </p>
              {a.doneOn ? (
                <p>
                  <strong>{t("conference.done", { date: formatDay(a.doneOn, lang) })}</strong>
                  {a.notes && <span className="multiline">{` ${a.notes}`}</span>}
                </p>
              ) : (
                canWrite && <FollowUp action={a} onChanged={onChanged} />
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && <NewAction conference={c} record={record} onChanged={onChanged} />}
    </section>
  );
}

function FollowUp({ action, onChanged }: { action: Action; onChanged: Changed }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["notes"]);
  const [notes, setNotes] = useState("");
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const view = await api.followUpConferenceAction(action.id, {
        version: action.version,
        done: true,
        notes,
      });
      onChanged(view, "conference.actionDone");
    });
  }
  return (
    <form
      className="form form--wide"
      onSubmit={handleSubmit}
      noValidate
      aria-label={t("conference.followUpAction", { description: action.description })}
    >
      <ErrorSummary errors={submit.errors} />
      <TextAreaField
        label={t("conference.doneNote")}
        name="notes"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={submit.fieldError("notes")}
      />
      <button type="submit" className="button button--secondary" disabled={submit.pending}>
        {t("conference.markDone")}
      </button>
    </form>
  );
}

/** The owner as one value of the select: "user:<id>" or "contact:<id>". */
function ownerOf(choice: string) {
  const [kind, id] = choice.split(":");
  if (kind === "user") return { ownerUserId: id };
  if (kind === "contact") return { ownerContactId: id };
  return {};
}

function NewAction({
  conference: c,
  record,
  onChanged,
}: {
  conference: RiskConference;
  record: CaseView;
  onChanged: Changed;
}) {
  const { t } = useT();
  const api = useApi();
  const users = useCaseUsers(record);
  const submit = useSubmit(["description", "dueOn", "ownerUserId"]);
  const [description, setDescription] = useState("");
  const [owner, setOwner] = useState(`user:${users[0]?.id ?? ""}`);
  const [dueOn, setDueOn] = useState(localDateInput(new Date()));
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const view = await api.addConferenceAction(c.id, { description, dueOn, ...ownerOf(owner) });
      setDescription("");
      onChanged(view, "conference.actionAdded");
    });
  }
  return (
    <form
      className="form form--wide"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby="new-action"
    >
      <h3 id="new-action">{t("conference.newAction")}</h3>
      <ErrorSummary errors={submit.errors} />
      <TextAreaField
        label={t("conference.actionDescription")}
        name="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={submit.fieldError("description")}
      />
      <SelectField
        label={t("conference.owner")}
        name="ownerUserId"
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        error={submit.fieldError("ownerUserId")}
      >
        <optgroup label={t("conference.ownerStaff")}>
          {users.map((u) => (
            <option key={u.id} value={`user:${u.id}`}>
              {u.name}
            </option>
          ))}
        </optgroup>
        {c.agencies
          .filter((a) => a.contacts.length > 0)
          .map((a) => (
            <optgroup key={a.agencyId} label={a.agencyName}>
              {a.contacts.map((p) => (
                <option key={p.id} value={`contact:${p.id}`}>
                  {`${p.name} (${p.role})`}
                </option>
              ))}
            </optgroup>
          ))}
      </SelectField>
      <DateField
        label={t("conference.dueOn")}
        name="dueOn"
        value={dueOn}
        onChange={setDueOn}
        error={submit.fieldError("dueOn")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("conference.addAction")}
      </button>
    </form>
  );
}
