import { type FormEvent, useMemo, useState } from "react";
import type { JournalEntryView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateTimeInputs } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { Entry } from "./JournalEntry";
import { EntryFields, EntryLink, fieldNames, useCheckedDraft, useEntryName } from "./JournalFields";
import { draftOf, type EntryDraft, entryElementId, entryLinks } from "./journal-model";
import { useJournal } from "./useJournal";

/*
 * The case journal (journalanteckningar): a form for a new entry and the entries, newest
 * event first. A draft is its author's alone, to edit and sign; a signed entry never
 * changes, so a mistake in it is put right by a correction: a new entry pointing to it.
 */

const newEntryTitleId = "journal-new-title";
const correctionNoticeId = "journal-correction-notice";
const correctionFieldNames = [...fieldNames, "correctsId"] as const;

function nowDraft(): EntryDraft {
  return { entryType: "", ...localDateTimeInputs(new Date()), body: "" };
}

export function Journal({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useT();
  const { state, entries, pages, upsert, reload } = useJournal(caseId);
  // A key, not a text: the message follows a change of language.
  const [status, setStatus] = useState<PlainMessageKey | null>(null);
  const [correcting, setCorrecting] = useState<JournalEntryView | null>(null);
  const focusLater = useFocusLater();
  const links = useMemo(() => entryLinks(entries ?? []), [entries]);

  function changed(entry: JournalEntryView, message: PlainMessageKey) {
    upsert(entry);
    setStatus(message);
    focusLater(entryElementId(entry.id));
  }

  function startCorrection(entry: JournalEntryView) {
    setStatus(null);
    setCorrecting(entry);
    focusLater(correctionNoticeId);
  }

  return (
    <section className="section" aria-labelledby="journal-title">
      <h2 id="journal-title">{t("journal.title")}</h2>
      <StatusMessage message={status && t(status)} />
      {canWrite && (
        <NewEntryForm
          caseId={caseId}
          correcting={correcting}
          onCancelCorrection={() => {
            setCorrecting(null);
            focusLater(newEntryTitleId);
          }}
          onSaved={(entry) => {
            setCorrecting(null);
            changed(entry, "journal.draftSaved");
          }}
          focusLater={focusLater}
          beforeSubmit={() => setStatus(null)}
        />
      )}
      <div className={canWrite ? "subsection" : undefined}>
        <h3 id="journal-list-title">{t("journal.listTitle")}</h3>
        <Loaded state={state}>
          {() =>
            !entries || entries.length === 0 ? (
              <p className="empty">{t("journal.empty")}</p>
            ) : (
              <ol className="journal-list" aria-label={t("journal.listCaption")}>
                {entries.map((entry) => (
                  <li key={entry.id}>
                    <Entry
                      entry={entry}
                      links={links.get(entry.id)}
                      canCorrect={canWrite}
                      onChanged={changed}
                      onStale={reload}
                      onCorrect={startCorrection}
                      focusLater={focusLater}
                      beforeChange={() => setStatus(null)}
                    />
                  </li>
                ))}
              </ol>
            )
          }
        </Loaded>
        <LoadMore
          pages={pages}
          label={t("journal.showOlder")}
          focusRow={(e) => focusLater(entryElementId(e.id))}
        />
      </div>
    </section>
  );
}

function NewEntryForm({
  caseId,
  correcting,
  onCancelCorrection,
  onSaved,
  focusLater,
  beforeSubmit,
}: {
  caseId: string;
  correcting: JournalEntryView | null;
  onCancelCorrection: () => void;
  onSaved: (entry: JournalEntryView) => void;
  focusLater: (id: string) => void;
  beforeSubmit: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const entryName = useEntryName();
  const submit = useSubmit(correcting ? correctionFieldNames : fieldNames);
  const check = useCheckedDraft(submit);
  const [draft, setDraft] = useState<EntryDraft>(nowDraft);
  const correctingId = correcting?.id ?? null;

  // A correction is about the same event as the entry it corrects: start from its type and
  // time; text already written stays. Done while drawing, when another entry is chosen.
  const [formFor, setFormFor] = useState<string | null>(null);
  if (formFor !== correctingId) {
    setFormFor(correctingId);
    submit.clear();
    if (correcting) setDraft((d) => ({ ...draftOf(correcting), body: d.body }));
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = check(draft);
    if (!checked) return;
    await submit.run(async () => {
      const entry = await api.writeJournalEntry(caseId, {
        entryType: checked.entryType,
        occurredAt: checked.occurredAt,
        body: checked.body,
        correctsId: correctingId,
      });
      setDraft(nowDraft());
      onSaved(entry);
    });
  }

  const correctsError = submit.fieldError("correctsId");
  return (
    <div>
      <h3 id={newEntryTitleId} tabIndex={-1}>
        {t("journal.newTitle")}
      </h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form journal-form"
        aria-labelledby={newEntryTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        {correcting && (
          <div className={correctsError ? "notice field--invalid" : "notice"}>
            <p id={correctionNoticeId} tabIndex={-1} className="notice__title">
              {t("journal.correcting")}{" "}
              <EntryLink entryId={correcting.id} focusLater={focusLater}>
                {entryName(correcting)}
              </EntryLink>
              .
            </p>
            <p className="field__hint">{t("journal.correctingHint")}</p>
            {correctsError && <p className="field__error">{correctsError}</p>}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={onCancelCorrection}
            >
              {t("journal.cancelCorrection")}
            </button>
          </div>
        )}
        <EntryFields draft={draft} onChange={setDraft} submit={submit} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("journal.saveDraft")}
        </button>
      </form>
    </div>
  );
}
