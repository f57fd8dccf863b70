import { type FormEvent, useState } from "react";
import { stayEndReasons, stayNoteKinds } from "../../../shared/api/shelter";
import type { ShelterStayView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import { stayEndReasonLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { shelterStaysKey } from "./api";

/*
 * The shelter's commands on one stay: check in, check out (why, never where to: that is the
 * caseworker's to write) and notes. Each refreshes the board, which every card reads from.
 */
const notesKey = (stayId: string) => ["stay", stayId, "notes"] as const;
const today = () => localDateInput(new Date());

export function CheckInForm({ stay }: { stay: ShelterStayView }) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit(["arrivedOn"]);
  const [day, setDay] = useState(today);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!day) return submit.reject({ arrivedOn: t("shelter.errorDay") });
    await submit.run(async () => {
      await api.checkInStay(stay.id, day);
      await invalidate(shelterStaysKey);
    });
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label={t("shelter.checkIn")}>
      <ErrorSummary errors={submit.errors} />
      <DateField
        label={t("shelter.arrivalDay")}
        name="arrivedOn"
        required
        max={today()}
        value={day}
        onChange={setDay}
        error={submit.fieldError("arrivedOn")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("shelter.checkIn")}
      </button>
    </form>
  );
}

export function CheckOutForm({ stay }: { stay: ShelterStayView }) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit(["leftOn", "endReason"]);
  const [day, setDay] = useState(today);
  const [reason, setReason] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!day) fields.leftOn = t("shelter.errorDay");
    const endReason = stayEndReasons.find((r) => r === reason);
    if (!endReason) fields.endReason = t("shelter.errorReason");
    if (!endReason || Object.keys(fields).length > 0) return submit.reject(fields);
    await submit.run(async () => {
      await api.checkOutStay(stay.id, day, endReason);
      await invalidate(shelterStaysKey);
    });
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label={t("shelter.checkOut")}>
      <ErrorSummary errors={submit.errors} />
      <DateField
        label={t("shelter.leavingDay")}
        name="leftOn"
        required
        min={stay.arrivedOn ?? undefined}
        max={today()}
        value={day}
        onChange={setDay}
        error={submit.fieldError("leftOn")}
      />
      <SelectField
        label={t("shelter.endReasonLabel")}
        name="endReason"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={submit.fieldError("endReason")}
      >
        <option value="">{t("shelter.chooseReason")}</option>
        {stayEndReasons.map((r) => (
          <option key={r} value={r}>
            {t(stayEndReasonLabels[r])}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={submit.pending}>
        {t("shelter.checkOut")}
      </button>
    </form>
  );
}

const noteFields = ["kind", "personId", "happenedOn", "text"] as const;

/** The note's draft and its checks; a talk with a child names the child. */
function useNoteDraft(stay: ShelterStayView) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit(noteFields);
  const empty = { kind: "talk", personId: "", happenedOn: today(), text: "" };
  const [draft, setDraft] = useState(empty);
  const set = (changes: Partial<typeof empty>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const kind = stayNoteKinds.find((k) => k === draft.kind) ?? "note";
    const fields: Record<string, string> = {};
    if (kind === "child_talk" && !draft.personId) fields.personId = t("shelter.errorChild");
    if (!draft.happenedOn) fields.happenedOn = t("shelter.errorDay");
    if (!draft.text.trim()) fields.text = t("shelter.errorText");
    if (Object.keys(fields).length > 0) return submit.reject(fields);
    const personId = kind === "child_talk" ? draft.personId : null;
    const ok = await submit.run(async () => {
      await api.addStayNote(stay.id, {
        kind,
        personId,
        happenedOn: draft.happenedOn,
        text: draft.text,
      });
      await invalidate(notesKey(stay.id));
    });
    if (ok) setDraft(empty);
  }

  return { submit, draft, set, handleSubmit };
}

export function NoteForm({ stay }: { stay: ShelterStayView }) {
  const { t } = useT();
  const { submit, draft, set, handleSubmit } = useNoteDraft(stay);
  const children = stay.residents.filter((r) => r.role === "child");
  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label={t("shelter.note")}>
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("shelter.noteKind")}
        name="kind"
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value })}
        error={submit.fieldError("kind")}
      >
        {stayNoteKinds.map((k) => (
          <option key={k} value={k} disabled={k === "child_talk" && children.length === 0}>
            {t(`shelter.noteKind.${k}`)}
          </option>
        ))}
      </SelectField>
      {draft.kind === "child_talk" && (
        <SelectField
          label={t("shelter.noteChild")}
          name="personId"
          required
          value={draft.personId}
          onChange={(e) => set({ personId: e.target.value })}
          error={submit.fieldError("personId")}
        >
          <option value="">{t("shelter.chooseChild")}</option>
          {children.map((c) => (
            <option key={c.personId} value={c.personId}>
              {c.givenName} {c.familyName}
            </option>
          ))}
        </SelectField>
      )}
      <DateField
        label={t("shelter.noteDay")}
        name="happenedOn"
        required
        max={today()}
        value={draft.happenedOn}
        onChange={(happenedOn) => set({ happenedOn })}
        error={submit.fieldError("happenedOn")}
      />
      <TextAreaField
        label={t("shelter.noteText")}
        name="text"
        required
        value={draft.text}
        onChange={(e) => set({ text: e.target.value })}
        error={submit.fieldError("text")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("shelter.saveNote")}
      </button>
    </form>
  );
}

/** The stay's notes, the newest first; read when opened. */
export function StayNotes({ stay }: { stay: ShelterStayView }) {
  const { t, lang } = useT();
  const api = useApi();
  const query = useQuery(notesKey(stay.id), (signal) => api.stayNotes(stay.id, signal));
  return (
    <Loaded state={query.state}>
      {({ notes }) =>
        notes.length === 0 ? (
          <p>{t("shelter.noNotes")}</p>
        ) : (
          <ul className="record-list">
            {notes.map((n) => (
              <li key={n.id} className="record-list__item">
                <p>
                  {t("shelter.noteBy", {
                    kind: t(`shelter.noteKind.${n.kind}`),
                    day: formatDay(n.happenedOn, lang),
                    by: n.writtenBy,
                  })}
                </p>
                <p className="multiline">{n.text}</p>
              </li>
            ))}
          </ul>
        )
      }
    </Loaded>
  );
}
