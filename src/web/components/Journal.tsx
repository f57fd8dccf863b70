import {
  type FormEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { journalEntryTypes } from "../../shared/api/journal";
import { ApiError } from "../api/client";
import type { JournalEntryView } from "../api/endpoints";
import { useApi } from "../auth/useAuth";
import { useFocusLater } from "../hooks/useFocusLater";
import { type Submit, useSubmit } from "../hooks/useSubmit";
import { formatDateTimeShort, localDateInput, localDateTimeInputs } from "../i18n/dates";
import { journalEntryTypeLabel } from "../i18n/labels";
import type { PlainMessageKey } from "../i18n/messages";
import { useT } from "../i18n/useT";
import { DateTimeField, SelectField, TextAreaField } from "./Field";
import {
  checkDraft,
  draftChanges,
  draftOf,
  type EntryDraft,
  type EntryLinks,
  entryElementId,
  entryLinks,
} from "./journal-model";
import { LoadMore } from "./LoadMore";
import { ErrorSummary, StatusMessage } from "./Messages";
import { Loaded } from "./QueryError";
import { useJournal } from "./useJournal";

/*
 * The case journal (journalanteckningar): a form for a new entry and the entries, newest
 * event first. A draft is its author's alone, to edit and sign; a signed entry never
 * changes, so a mistake in it is put right by a correction: a new entry pointing to it.
 */

const newEntryTitleId = "journal-new-title";
const correctionNoticeId = "journal-correction-notice";
const fieldNames = ["entryType", "occurredAt", "body"] as const;
const correctionFieldNames = [...fieldNames, "correctsId"] as const;

/**
 * "Samtal, 2026-11-22 14:03" (a correction: "Rättelse: Samtal, …"): how an entry is named
 * in headings, links and button labels.
 */
function useEntryName() {
  const { t, lang } = useT();
  return useCallback(
    (entry: JournalEntryView) => {
      const params = {
        type: journalEntryTypeLabel(entry.entryType, t),
        time: formatDateTimeShort(entry.occurredAt, lang),
      };
      // A correction is usually about the same event: its name tells it apart.
      return entry.correctsId
        ? t("journal.correctionTitle", params)
        : t("journal.entryTitle", params);
    },
    [t, lang],
  );
}

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

/** The inputs shared by the new-entry form and the edit form. */
function EntryFields({
  draft,
  onChange,
  submit,
}: {
  draft: EntryDraft;
  onChange: (draft: EntryDraft) => void;
  submit: Submit;
}) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("journal.entryType")}
        name="entryType"
        value={draft.entryType}
        onChange={(e) => {
          const value = journalEntryTypes.find((type) => type === e.target.value) ?? "";
          onChange({ ...draft, entryType: value });
        }}
        error={submit.fieldError("entryType")}
      >
        <option value="">{t("common.choose")}</option>
        {journalEntryTypes.map((type) => (
          <option key={type} value={type}>
            {journalEntryTypeLabel(type, t)}
          </option>
        ))}
      </SelectField>
      <DateTimeField
        label={t("journal.occurredAt")}
        hint={t("journal.occurredAtHint")}
        name="occurredAt"
        dateLabel={t("journal.date")}
        timeLabel={t("journal.time")}
        date={draft.date}
        time={draft.time}
        maxDate={localDateInput(new Date())}
        onDateChange={(date) => onChange({ ...draft, date })}
        onTimeChange={(time) => onChange({ ...draft, time })}
        error={submit.fieldError("occurredAt")}
      />
      <TextAreaField
        label={t("journal.body")}
        name="body"
        rows={8}
        value={draft.body}
        onChange={(e) => onChange({ ...draft, body: e.target.value })}
        error={submit.fieldError("body")}
      />
    </>
  );
}

/** Checks what can be checked here; shows the messages, or returns what to send. */
function useCheckedDraft(submit: Submit) {
  const { t } = useT();
  return (draft: EntryDraft) => {
    const checked = checkDraft(draft);
    if (checked.ok) return checked;
    const fields: Record<string, string> = {};
    for (const [name, key] of Object.entries(checked.fields)) fields[name] = t(key);
    submit.reject(fields);
    return null;
  };
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

/** A link to an entry on this page; following it moves focus there (for screen readers). */
function EntryLink({
  entryId,
  focusLater,
  children,
}: {
  entryId: string;
  focusLater: (id: string) => void;
  children: string;
}) {
  const target = entryElementId(entryId);
  return (
    <a
      href={`#${target}`}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        focusLater(target);
      }}
    >
      {children}
    </a>
  );
}

type Mode = "view" | "edit" | "confirm";

function Entry({
  entry,
  links,
  canCorrect,
  onChanged,
  onStale,
  onCorrect,
  focusLater,
  beforeChange,
}: {
  entry: JournalEntryView;
  links: EntryLinks | undefined;
  canCorrect: boolean;
  onChanged: (entry: JournalEntryView, message: PlainMessageKey) => void;
  onStale: () => void;
  onCorrect: (entry: JournalEntryView) => void;
  focusLater: (id: string) => void;
  beforeChange: () => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const entryName = useEntryName();
  const [mode, setMode] = useState<Mode>("view");
  const action = useSubmit(fieldNames);
  const name = entryName(entry);
  const elementId = entryElementId(entry.id);
  const ids = {
    title: `${elementId}-title`,
    edit: `${elementId}-edit`,
    sign: `${elementId}-sign`,
    confirm: `${elementId}-confirm`,
  };
  const isDraft = entry.status === "draft";
  const editing = mode === "edit" && entry.abilities.edit;
  const confirming = mode === "confirm" && entry.abilities.sign;

  /**
   * Runs a change. A 409 means the entry is signed already (e.g. in another tab): the list
   * is loaded again to show it as it is. A refused signing closes the question; a refused
   * edit keeps the form, with the messages by its fields.
   */
  async function change(run: () => Promise<void>) {
    beforeChange();
    return action.run(async () => {
      try {
        await run();
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          setMode("view");
          onStale();
        }
        throw error;
      }
    });
  }

  async function sign() {
    const ok = await change(async () => {
      const signed = await api.signJournalEntry(entry.id);
      setMode("view");
      onChanged(signed, "journal.signed");
    });
    if (!ok) {
      setMode("view");
      focusLater(elementId);
    }
  }

  const corrects = links?.corrects ?? null;
  const correctedBy = links?.correctedBy ?? [];
  const draftCorrections = links?.draftCorrections ?? [];

  return (
    <article
      id={elementId}
      tabIndex={-1}
      className={isDraft ? "journal-entry journal-entry--draft" : "journal-entry"}
      aria-labelledby={ids.title}
    >
      <h4 id={ids.title} className="journal-entry__title">
        {name}
      </h4>
      <dl className="journal-entry__meta">
        <div>
          <dt>{t("journal.author")}</dt>
          <dd>{entry.author.displayName}</dd>
        </div>
        <div>
          <dt>{t("journal.writtenAt")}</dt>
          <dd>{formatDateTimeShort(entry.writtenAt, lang)}</dd>
        </div>
        <div>
          <dt>{t("journal.status")}</dt>
          <dd>
            {isDraft ? (
              <span className="badge badge--draft">{t("journal.draft")}</span>
            ) : (
              t("journal.signedAt", { time: formatDateTimeShort(entry.signedAt ?? "", lang) })
            )}
          </dd>
        </div>
      </dl>

      {(corrects || correctedBy.length > 0 || draftCorrections.length > 0) && (
        <ul className="journal-entry__links">
          {corrects && (
            <li>
              {"body" in corrects ? (
                <EntryLink entryId={corrects.id} focusLater={focusLater}>
                  {t("journal.corrects", { time: formatDateTimeShort(corrects.occurredAt, lang) })}
                </EntryLink>
              ) : (
                // On an older page not loaded yet: said, with where to find it.
                t("journal.correctsOlder", { time: formatDateTimeShort(corrects.occurredAt, lang) })
              )}
            </li>
          )}
          {correctedBy.map((c) => (
            <li key={c.id} className="journal-entry__corrected">
              {c.entry === null ? (
                t("journal.correctedByOlder", { time: formatDateTimeShort(c.writtenAt, lang) })
              ) : (
                <EntryLink entryId={c.id} focusLater={focusLater}>
                  {correctedBy.length === 1
                    ? t("journal.correctedBy")
                    : t("journal.correctedByAt", { time: formatDateTimeShort(c.writtenAt, lang) })}
                </EntryLink>
              )}
            </li>
          ))}
          {draftCorrections.map((c) => (
            <li key={c.id}>
              <EntryLink entryId={c.id} focusLater={focusLater}>
                {t("journal.correctionDraft")}
              </EntryLink>
            </li>
          ))}
        </ul>
      )}

      <ErrorSummary errors={action.errors} />
      {editing ? (
        <EditForm
          entry={entry}
          name={name}
          submit={action}
          onSave={(changes) =>
            change(async () => {
              if (Object.keys(changes).length === 0) {
                setMode("view");
                onChanged(entry, "journal.noChanges");
                return;
              }
              const updated = await api.updateJournalDraft(entry.id, changes);
              setMode("view");
              onChanged(updated, "journal.saved");
            })
          }
          onCancel={() => {
            action.clear();
            setMode("view");
            focusLater(ids.edit);
          }}
        />
      ) : (
        <div className="journal-entry__body">{entry.body}</div>
      )}

      {confirming ? (
        <div className="confirm">
          <p id={ids.confirm} tabIndex={-1} className="confirm__question">
            {t("journal.signConfirm")}
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="button"
              aria-describedby={ids.confirm}
              disabled={action.pending}
              onClick={sign}
            >
              {t("journal.sign")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMode("view");
                focusLater(ids.sign);
              }}
            >
              {t("journal.cancel")}
            </button>
          </div>
        </div>
      ) : (
        !editing && (
          <div className="form__actions journal-entry__actions">
            {entry.abilities.edit && (
              <button
                id={ids.edit}
                type="button"
                className="button button--secondary button--small"
                aria-label={t("journal.editLabel", { entry: name })}
                onClick={() => {
                  beforeChange();
                  action.clear();
                  setMode("edit");
                }}
              >
                {t("journal.edit")}
              </button>
            )}
            {entry.abilities.sign && (
              <button
                id={ids.sign}
                type="button"
                className="button button--small"
                aria-label={t("journal.signLabel", { entry: name })}
                onClick={() => {
                  beforeChange();
                  action.clear();
                  setMode("confirm");
                  focusLater(ids.confirm);
                }}
              >
                {t("journal.sign")}
              </button>
            )}
            {!isDraft && canCorrect && (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t("journal.correctLabel", { entry: name })}
                onClick={() => onCorrect(entry)}
              >
                {t("journal.correct")}
              </button>
            )}
          </div>
        )
      )}
    </article>
  );
}

function EditForm({
  entry,
  name,
  submit,
  onSave,
  onCancel,
}: {
  entry: JournalEntryView;
  name: string;
  submit: Submit;
  onSave: (changes: ReturnType<typeof draftChanges>) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry));
  const check = useCheckedDraft(submit);
  const formRef = useRef<HTMLFormElement>(null);

  // The "Redigera" button is gone once the form shows: focus goes to the form's first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("select, input, textarea")?.focus();
  }, []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = check(draft);
    if (!checked) return;
    await onSave(draftChanges(entry, checked, draft));
  }

  return (
    <form
      ref={formRef}
      className="form journal-form journal-entry__form"
      aria-label={t("journal.editFormLabel", { entry: name })}
      onSubmit={handleSubmit}
      noValidate
    >
      <EntryFields draft={draft} onChange={setDraft} submit={submit} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={submit.pending}>
          {t("journal.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("journal.cancel")}
        </button>
      </div>
    </form>
  );
}
