import { type FormEvent, useState } from "react";
import type { ChatMessageView } from "../../../shared/api/chat";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { type ChatConversationView, chatConversationKey, chatQueueKey } from "./api";
import { IntakeForm } from "./ChatIntakeForm";

/*
 * What staff do with a conversation besides answering: take it, close it, record the young
 * person's consent (her words quoted), hand it to social services, or — where the staff
 * member has a role in child or adult services — make the intake from chosen messages.
 */
export function ChatActions({
  conversation: c,
  messages,
}: {
  conversation: ChatConversationView;
  messages: ChatMessageView[];
}) {
  const { t, lang } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit();
  const command = (which: "take" | "close") =>
    submit.run(async () => {
      await api.chatCommand(c.id, which);
      await invalidate(chatQueueKey, chatConversationKey(c.id));
    });
  return (
    <div className="chat-actions">
      <ErrorSummary errors={submit.errors} />
      {c.status !== "closed" && !c.takenByMe && (
        <button
          type="button"
          className="button"
          disabled={submit.pending}
          onClick={() => command("take")}
        >
          {t("chat.take")}
        </button>
      )}
      {c.status !== "closed" && (
        <button
          type="button"
          className="button button--secondary"
          disabled={submit.pending}
          onClick={() => command("close")}
        >
          {t("chat.close")}
        </button>
      )}
      {c.consent ? (
        <p>
          {t("chat.consentRecorded", {
            name: c.consent.askedBy,
            time: formatDateTime(c.consent.at, lang),
            words: c.consent.words,
          })}
        </p>
      ) : (
        <ConsentForm id={c.id} />
      )}
      {c.consent && !c.handedToUnitName && !c.intakeId && <HandOverForm id={c.id} />}
      {c.consent && !c.intakeId && <IntakeForm id={c.id} messages={messages} />}
      {c.intakeId && <StatusMessage message={t("chat.intakeMade")} />}
    </div>
  );
}

function ConsentForm({ id }: { id: string }) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit(["words"]);
  const [words, setWords] = useState("");
  async function handle(event: FormEvent) {
    event.preventDefault();
    if (!words.trim()) return submit.reject({ words: t("chat.errorWords") });
    await submit.run(async () => {
      await api.chatConsent(id, words.trim());
      await invalidate(chatConversationKey(id), chatQueueKey);
    });
  }
  return (
    <form className="form" onSubmit={handle} noValidate aria-label={t("chat.consent")}>
      <h3>{t("chat.consent")}</h3>
      <p>{t("chat.consentHint")}</p>
      <ErrorSummary errors={submit.errors} />
      <TextAreaField
        label={t("chat.consentWords")}
        name="words"
        value={words}
        onChange={(e) => setWords(e.target.value)}
        error={submit.fieldError("words")}
      />
      <button type="submit" className="button button--secondary" disabled={submit.pending}>
        {t("chat.recordConsent")}
      </button>
    </form>
  );
}

function HandOverForm({ id }: { id: string }) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const queue = useQuery(chatQueueKey, (signal) => api.chatQueue(signal));
  const submit = useSubmit(["unitId"]);
  const [unitId, setUnitId] = useState("");
  const units = queue.state.status === "ready" ? queue.state.data.handOverUnits : [];
  async function handle(event: FormEvent) {
    event.preventDefault();
    if (!unitId) return submit.reject({ unitId: t("chat.errorUnit") });
    await submit.run(async () => {
      await api.chatHandOver(id, unitId);
      await invalidate(chatConversationKey(id), chatQueueKey);
    });
  }
  return (
    <form className="form" onSubmit={handle} noValidate aria-label={t("chat.handOver")}>
      <h3>{t("chat.handOver")}</h3>
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("chat.handOverUnit")}
        name="unitId"
        value={unitId}
        onChange={(e) => setUnitId(e.target.value)}
        error={submit.fieldError("unitId")}
      >
        <option value="">{t("chat.chooseUnit")}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--secondary" disabled={submit.pending}>
        {t("chat.handOver")}
      </button>
    </form>
  );
}
