import { type FormEvent, useState } from "react";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useChange } from "../../hooks/useChange";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { useCaseUsers } from "../consents/case-people";
import type { RiskConference } from "./api";

const fields = ["meetingOn", "chairId", "agenda", "followUpOn", "followUpNotes"] as const;
const titleId = "conference-meeting";

/**
 * The meeting: its day, chair, agenda and follow-up. Sent with the version it was read at, so
 * a change someone else made meanwhile is never overwritten: the server answers 409 and the
 * form offers to read the conference again (the form is keyed on the version: it refills).
 */
export function ConferenceMeeting(props: {
  conference: RiskConference;
  record: CaseView;
  canWrite: boolean;
  onChanged: (view: RiskConference, key: PlainMessageKey) => void;
  reload: () => void;
}) {
  return props.canWrite ? (
    <MeetingForm {...props} />
  ) : (
    <MeetingFacts conference={props.conference} />
  );
}

function MeetingForm({
  conference: c,
  record,
  onChanged,
  reload,
}: {
  conference: RiskConference;
  record: CaseView;
  onChanged: (view: RiskConference, key: PlainMessageKey) => void;
  reload: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const users = useCaseUsers(record);
  const [stale, setStale] = useState(false);
  const { submit, run } = useChange(fields, {
    beforeChange: () => setStale(false),
    onStale: () => setStale(true),
  });
  const [draft, setDraft] = useState({
    meetingOn: c.meetingOn ?? "",
    chairId: c.chair?.id ?? "",
    agenda: c.agenda,
    followUpOn: c.followUpOn ?? "",
    followUpNotes: c.followUpNotes,
  });
  const set = (changes: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...changes }));
  // The chair may be someone no longer assigned to the case: kept as a choice, by name.
  const chairs = c.chair && !users.some((u) => u.id === c.chair?.id) ? [...users, c.chair] : users;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const view = await api.updateConference(c.id, {
        version: c.version,
        meetingOn: draft.meetingOn || null,
        chairId: draft.chairId || null,
        agenda: draft.agenda,
        followUpOn: draft.followUpOn || null,
        followUpNotes: draft.followUpNotes,
      });
      onChanged(view, "conference.meetingSaved");
    });
  }

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("conference.meeting")}</h2>
      <ErrorSummary errors={submit.errors} />
      {stale && (
        <p>
          {t("conference.stale")}{" "}
          <button type="button" className="button button--secondary" onClick={reload}>
            {t("conference.reload")}
          </button>
        </p>
      )}
      <form
        className="form form--wide"
        onSubmit={handleSubmit}
        noValidate
        aria-labelledby={titleId}
      >
        <DateField
          label={t("conference.meetingOn")}
          name="meetingOn"
          value={draft.meetingOn}
          onChange={(meetingOn) => set({ meetingOn })}
          error={submit.fieldError("meetingOn")}
        />
        <SelectField
          label={t("conference.chair")}
          name="chairId"
          value={draft.chairId}
          onChange={(e) => set({ chairId: e.target.value })}
          error={submit.fieldError("chairId")}
        >
          <option value="">{t("conference.noChair")}</option>
          {chairs.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t("conference.agenda")}
          name="agenda"
          value={draft.agenda}
          onChange={(e) => set({ agenda: e.target.value })}
          error={submit.fieldError("agenda")}
        />
        <DateField
          label={t("conference.followUpOn")}
          name="followUpOn"
          value={draft.followUpOn}
          onChange={(followUpOn) => set({ followUpOn })}
          error={submit.fieldError("followUpOn")}
        />
        <TextAreaField
          label={t("conference.followUpNotes")}
          name="followUpNotes"
          value={draft.followUpNotes}
          onChange={(e) => set({ followUpNotes: e.target.value })}
          error={submit.fieldError("followUpNotes")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("conference.saveMeeting")}
        </button>
      </form>
    </section>
  );
}

/** The meeting as read by someone who may not change the case. */
function MeetingFacts({ conference: c }: { conference: RiskConference }) {
  const { t, lang } = useT();
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("conference.meeting")}</h2>
      <dl className="details">
        <div>
          <dt>{t("conference.meetingOn")}</dt>
          <dd>{c.meetingOn ? formatDay(c.meetingOn, lang) : t("conference.notHeld")}</dd>
        </div>
        <div>
          <dt>{t("conference.chair")}</dt>
          <dd>{c.chair?.name ?? t("conference.noChair")}</dd>
        </div>
        <div>
          <dt>{t("conference.followUpOn")}</dt>
          <dd>{c.followUpOn ? formatDay(c.followUpOn, lang) : "–"}</dd>
        </div>
      </dl>
      <dl className="text-sections">
        <div>
          <dt>{t("conference.agenda")}</dt>
          <dd className="multiline">{c.agenda}</dd>
        </div>
        <div>
          <dt>{t("conference.followUpNotes")}</dt>
          <dd className="multiline">{c.followUpNotes}</dd>
        </div>
      </dl>
    </section>
  );
}
