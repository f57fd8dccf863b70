import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import type { JournalEntryView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { type Submit, useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { ErrorSummary } from "../../ui/Messages";
import { EntryFields, EntryLink, fieldNames, useCheckedDraft, useEntryName } from "./JournalFields";
import {
  draftChanges,
  draftOf,
  type EntryDraft,
  type EntryLinks,
  entryElementId,
} from "./journal-model";

export type Mode = "view" | "edit" | "confirm";

export function Entry({
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
  const { t } = useT();
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
      <EntryMeta entry={entry} isDraft={isDraft} />

      <EntryLinkList links={links} focusLater={focusLater} />

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
        <SignConfirm
          questionId={ids.confirm}
          pending={action.pending}
          onSign={sign}
          onCancel={() => {
            setMode("view");
            focusLater(ids.sign);
          }}
        />
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

export function EditForm({
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

function EntryMeta({ entry, isDraft }: { entry: JournalEntryView; isDraft: boolean }) {
  const { t, lang } = useT();
  return (
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
  );
}

/** What the entry corrects and what corrects it (signed, or a draft), each a link to it. */
function EntryLinkList({
  links,
  focusLater,
}: {
  links: EntryLinks | undefined;
  focusLater: (id: string) => void;
}) {
  const { t, lang } = useT();
  const corrects = links?.corrects ?? null;
  const correctedBy = links?.correctedBy ?? [];
  const draftCorrections = links?.draftCorrections ?? [];
  if (!corrects && correctedBy.length === 0 && draftCorrections.length === 0) return null;
  return (
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
  );
}

/** The question before signing, with its answers. */
function SignConfirm({
  questionId,
  pending,
  onSign,
  onCancel,
}: {
  questionId: string;
  pending: boolean;
  onSign: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <div className="confirm">
      <p id={questionId} tabIndex={-1} className="confirm__question">
        {t("journal.signConfirm")}
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          aria-describedby={questionId}
          disabled={pending}
          onClick={onSign}
        >
          {t("journal.sign")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("journal.cancel")}
        </button>
      </div>
    </div>
  );
}
