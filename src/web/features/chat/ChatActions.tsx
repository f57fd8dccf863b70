import { type FormEvent, useState } from "react";
import type { ChatIntakeBody, ChatMessageView } from "../../../shared/api/chat";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTime } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { type ChatConversationView, chatConversationKey, chatQueueKey } from "./api";

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

const intakeFields = [
  "unitId",
  "givenName",
  "familyName",
  "identityNumber",
  "messageIds",
  "askedAboutViolence",
];

function IntakeForm({ id, messages }: { id: string; messages: ChatMessageView[] }) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const queue = useQuery(chatQueueKey, (signal) => api.chatQueue(signal));
  const submit = useSubmit(intakeFields);
  const [form, setForm] = useState({
    unitId: "",
    kind: "report_of_concern",
    givenName: "",
    familyName: "",
    identityNumber: "",
    asked: "",
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const units = queue.state.status === "ready" ? queue.state.data.intakeUnits : [];
  if (units.length === 0) return null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  async function handle(event: FormEvent) {
    event.preventDefault();
    const body: ChatIntakeBody = {
      unitId: form.unitId,
      kind: form.kind === "application" ? "application" : "report_of_concern",
      givenName: form.givenName,
      familyName: form.familyName,
      identityNumber: form.identityNumber.trim() || null,
      sex: "unknown",
      askedAboutViolence: form.kind === "application" ? form.asked === "yes" : null,
      messageIds: chosen,
    };
    if (!form.unitId) return submit.reject({ unitId: t("chat.errorUnit") });
    await submit.run(async () => {
      await api.chatIntake(id, body);
      await invalidate(chatConversationKey(id), chatQueueKey);
    });
  }
  return (
    <form className="form" onSubmit={handle} noValidate aria-label={t("chat.intake")}>
      <h3>{t("chat.intake")}</h3>
      <ErrorSummary errors={submit.errors} />
      <SelectField
        label={t("chat.intakeUnit")}
        name="unitId"
        value={form.unitId}
        onChange={set("unitId")}
        error={submit.fieldError("unitId")}
      >
        <option value="">{t("chat.chooseUnit")}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("chat.intakeKind")}
        name="kind"
        value={form.kind}
        onChange={set("kind")}
      >
        <option value="report_of_concern">{t("chat.kindReport")}</option>
        <option value="application">{t("chat.kindApplication")}</option>
      </SelectField>
      {form.kind === "application" && (
        <SelectField
          label={t("chat.askedAboutViolence")}
          name="askedAboutViolence"
          value={form.asked}
          onChange={set("asked")}
          error={submit.fieldError("askedAboutViolence")}
        >
          <option value="">{t("chat.choose")}</option>
          <option value="yes">{t("chat.yes")}</option>
          <option value="no">{t("chat.no")}</option>
        </SelectField>
      )}
      <TextField
        label={t("chat.givenName")}
        name="givenName"
        value={form.givenName}
        onChange={set("givenName")}
        error={submit.fieldError("givenName")}
        autoComplete="off"
      />
      <TextField
        label={t("chat.familyName")}
        name="familyName"
        value={form.familyName}
        onChange={set("familyName")}
        error={submit.fieldError("familyName")}
        autoComplete="off"
      />
      <TextField
        label={t("chat.identityNumber")}
        hint={t("chat.identityNumberHint")}
        name="identityNumber"
        value={form.identityNumber}
        onChange={set("identityNumber")}
        error={submit.fieldError("identityNumber")}
        autoComplete="off"
      />
      <fieldset className="fieldset">
        <legend>{t("chat.chooseMessages")}</legend>
        {submit.fieldError("messageIds") && (
          <p className="error-message">{submit.fieldError("messageIds")}</p>
        )}
        {messages.map((m) => (
          <CheckboxField
            key={m.id}
            label={`${m.sender === "young" ? t("chat.youngPerson") : m.authorName}: ${m.body}`}
            checked={chosen.includes(m.id)}
            onChange={(e) =>
              setChosen(e.target.checked ? [...chosen, m.id] : chosen.filter((x) => x !== m.id))
            }
          />
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={submit.pending}>
        {t("chat.makeIntake")}
      </button>
    </form>
  );
}
