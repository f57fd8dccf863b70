import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import type { OwnConferenceAction } from "../../../shared/api/conference-actions";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { Loaded } from "../../ui/QueryError";

/**
 * One action of a risk conference's plan, for its owner (issue 18, item 8): what to do, by
 * when, from which conference day, and "Markera som klar" with a note. The owner may not work
 * the case: the page names neither the case nor the person (the server tells it neither).
 */
export function ActionPage() {
  const { t } = useT();
  const api = useApi();
  const { actionId = "" } = useParams();
  const query = useQuery(["conference-action", actionId], (signal) =>
    api.conferenceAction(actionId, signal),
  );
  return (
    <Page title={t("conferenceAction.title")}>
      <Loaded state={query.state}>
        {(action) => <ActionDetails action={action} onDone={query.reload} />}
      </Loaded>
    </Page>
  );
}

function ActionDetails({ action, onDone }: { action: OwnConferenceAction; onDone: () => void }) {
  const { t, lang } = useT();
  // Kept here: the form goes once the action is done, its confirmation must not.
  const [status, setStatus] = useState<string | null>(null);
  return (
    <>
      <StatusMessage message={status} />
      <section className="section" aria-labelledby="conference-action-what">
        <h2 id="conference-action-what">{t("conferenceAction.what")}</h2>
        <p className="multiline">{action.description}</p>
        <dl className="details">
          <div>
            <dt>{t("conferenceAction.conferenceDay")}</dt>
            <dd>{formatDay(action.conferenceDay, lang)}</dd>
          </div>
          <div>
            <dt>{t("conferenceAction.dueOn")}</dt>
            <dd>{formatDay(action.dueOn, lang)}</dd>
          </div>
          <div>
            <dt>{t("conferenceAction.status")}</dt>
            <dd>
              {action.doneOn
                ? t("conferenceAction.doneOn", { date: formatDay(action.doneOn, lang) })
                : t("conferenceAction.notDone")}
            </dd>
          </div>
          {action.notes && (
            <div>
              <dt>{t("conferenceAction.notes")}</dt>
              <dd className="multiline">{action.notes}</dd>
            </div>
          )}
        </dl>
      </section>
      {!action.doneOn && (
        <DoneForm
          action={action}
          onDone={() => {
            setStatus(t("conferenceAction.marked"));
            onDone();
          }}
        />
      )}
    </>
  );
}

function DoneForm({ action, onDone }: { action: OwnConferenceAction; onDone: () => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["notes"]);
  const [notes, setNotes] = useState(action.notes);

  async function markDone(event: FormEvent) {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await api.followUpOwnAction(action.id, { version: action.version, done: true, notes });
    });
    if (ok) onDone();
  }

  return (
    <section className="section" aria-labelledby="conference-action-done">
      <h2 id="conference-action-done">{t("conferenceAction.markDone")}</h2>
      <ErrorSummary errors={submit.errors} />
      <form className="form" onSubmit={markDone} noValidate>
        <TextAreaField
          label={t("conferenceAction.note")}
          hint={t("conferenceAction.noteHint")}
          name="notes"
          value={notes}
          maxLength={2000}
          onChange={(e) => setNotes(e.target.value)}
          error={submit.fieldError("notes")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("conferenceAction.markDone")}
        </button>
      </form>
    </section>
  );
}
