import { type ComponentProps, type FormEvent, useMemo, useState } from "react";
import type { JournalEntryView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateTimeInputs } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { Entry } from "./JournalEntry";
import { EntryFields, EntryLink, fieldNames, useCheckedDraft, useEntryName } from "./JournalFields";
import { JournalPdf } from "./JournalPdf";
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

/** The signed entry being corrected, if any, and where focus goes as a correction starts or stops. */
function useCorrection(clearStatus: () => void, focusLater: (id: string) => void) {
  const [correcting, setCorrecting] = useState<JournalEntryView | null>(null);
  return {
    correcting,
    start(entry: JournalEntryView) {
      clearStatus();
      setCorrecting(entry);
      focusLater(correctionNoticeId);
    },
    cancel() {
      setCorrecting(null);
      focusLater(newEntryTitleId);
    },
    done() {
      setCorrecting(null);
    },
  };
}

export function Journal({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useT();
  const { state, entries, pages, upsert, reload } = useJournal(caseId);
  // A key, not a text: the message follows a change of language.
  const [status, setStatus] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const correction = useCorrection(() => setStatus(null), focusLater);
  const links = useMemo(() => entryLinks(entries ?? []), [entries]);

  function changed(entry: JournalEntryView, message: PlainMessageKey) {
    upsert(entry);
    setStatus(message);
    focusLater(entryElementId(entry.id));
  }

  return (
    <section className="section" aria-labelledby="journal-title">
      <h2 id="journal-title">{t("journal.title")}</h2>
      <StatusMessage message={status && t(status)} />
      {canWrite && (
        <OnDemand label={t("journal.newTitle")} open={correction.correcting !== null}>
          <NewEntryForm
            caseId={caseId}
            correcting={correction.correcting}
            onCancelCorrection={correction.cancel}
            onSaved={(entry) => {
              correction.done();
              changed(entry, "journal.draftSaved");
            }}
            focusLater={focusLater}
            beforeSubmit={() => setStatus(null)}
          />
        </OnDemand>
      )}
      <div className={canWrite ? "subsection" : undefined}>
        <h3 id="journal-list-title">{t("journal.listTitle")}</h3>
        <EntryList
          state={state}
          entries={entries}
          links={links}
          canCorrect={canWrite}
          onChanged={changed}
          onStale={reload}
          onCorrect={correction.start}
          focusLater={focusLater}
          beforeChange={() => setStatus(null)}
        />
        <LoadMore
          pages={pages}
          label={t("journal.showOlder")}
          focusRow={(e) => focusLater(entryElementId(e.id))}
        />
      </div>
      {state.status === "ready" && <JournalPdf caseId={caseId} />}
    </section>
  );
}

/** The entries, newest event first, each with what it corrects and what corrects it. */
function EntryList({
  state,
  entries,
  links,
  ...entryProps
}: {
  state: ReturnType<typeof useJournal>["state"];
  entries: readonly JournalEntryView[] | null;
  links: ReturnType<typeof entryLinks>;
} & Omit<ComponentProps<typeof Entry>, "entry" | "links">) {
  const { t } = useT();
  return (
    <Loaded state={state}>
      {() =>
        !entries || entries.length === 0 ? (
          <p className="empty">{t("journal.empty")}</p>
        ) : (
          <ol className="journal-list" aria-label={t("journal.listCaption")}>
            {entries.map((entry) => (
              <li key={entry.id}>
                <Entry entry={entry} links={links.get(entry.id)} {...entryProps} />
              </li>
            ))}
          </ol>
        )
      }
    </Loaded>
  );
}

interface NewEntryProps {
  caseId: string;
  correcting: JournalEntryView | null;
  onCancelCorrection: () => void;
  onSaved: (entry: JournalEntryView) => void;
  focusLater: (id: string) => void;
  beforeSubmit: () => void;
}

/** The write command: the draft (seeded from the entry being corrected) and its checks. */
function useNewEntry({ caseId, correcting, onSaved, beforeSubmit }: NewEntryProps) {
  const api = useApi();
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

  return { submit, draft, setDraft, handleSubmit };
}

function NewEntryForm(props: NewEntryProps) {
  const { t } = useT();
  const { submit, draft, setDraft, handleSubmit } = useNewEntry(props);
  const { correcting } = props;
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
          <CorrectionNotice
            correcting={correcting}
            error={submit.fieldError("correctsId")}
            focusLater={props.focusLater}
            onCancel={props.onCancelCorrection}
          />
        )}
        <EntryFields draft={draft} onChange={setDraft} submit={submit} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("journal.saveDraft")}
        </button>
      </form>
    </div>
  );
}

/** Which entry the new one corrects, with the way back to a plain new entry. */
function CorrectionNotice({
  correcting,
  error,
  focusLater,
  onCancel,
}: {
  correcting: JournalEntryView;
  error: string | undefined;
  focusLater: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const entryName = useEntryName();
  return (
    <div className={error ? "notice field--invalid" : "notice"}>
      <p id={correctionNoticeId} tabIndex={-1} className="notice__title">
        {t("journal.correcting")}{" "}
        <EntryLink entryId={correcting.id} focusLater={focusLater}>
          {entryName(correcting)}
        </EntryLink>
        .
      </p>
      <p className="field__hint">{t("journal.correctingHint")}</p>
      {error && <p className="field__error">{error}</p>}
      <button type="button" className="button button--secondary button--small" onClick={onCancel}>
        {t("journal.cancelCorrection")}
      </button>
    </div>
  );
}
