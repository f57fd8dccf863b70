import type { JournalEntryView } from "../../api/endpoints";
import { useT } from "../../i18n/useT";
import { entryElementId } from "./journal-model";

/** The ids inside one entry's article, so focus can move to it, its buttons and question. */
export function entryIds(entryId: string) {
  const elementId = entryElementId(entryId);
  return {
    element: elementId,
    title: `${elementId}-title`,
    edit: `${elementId}-edit`,
    sign: `${elementId}-sign`,
    confirm: `${elementId}-confirm`,
  };
}

/** The buttons under an entry: edit and sign a draft, correct a signed entry. */
export function EntryActions({
  entry,
  name,
  ids,
  canCorrect,
  onEdit,
  onAskSign,
  onCorrect,
}: {
  entry: JournalEntryView;
  name: string;
  ids: ReturnType<typeof entryIds>;
  canCorrect: boolean;
  onEdit: () => void;
  onAskSign: () => void;
  onCorrect: () => void;
}) {
  const { t } = useT();
  const isDraft = entry.status === "draft";
  return (
    <div className="form__actions journal-entry__actions">
      {entry.abilities.edit && (
        <button
          id={ids.edit}
          type="button"
          className="button button--secondary button--small"
          aria-label={t("journal.editLabel", { entry: name })}
          onClick={onEdit}
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
          onClick={onAskSign}
        >
          {t("journal.sign")}
        </button>
      )}
      {!isDraft && canCorrect && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t("journal.correctLabel", { entry: name })}
          onClick={onCorrect}
        >
          {t("journal.correct")}
        </button>
      )}
    </div>
  );
}

/** The question before signing, with its answers. */
export function SignConfirm({
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
