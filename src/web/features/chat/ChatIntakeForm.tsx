import { type FormEvent, useState } from "react";
import type { ChatIntakeBody, ChatMessageView } from "../../../shared/api/chat";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { chatConversationKey, chatQueueKey } from "./api";

/*
 * The intake from a conversation (consent recorded): the unit, the kind, the person as the
 * young person told who she is, and the messages that go into the report text. Offered only
 * where the staff member has a role that records intakes; a consultant hands over instead.
 */
const intakeFields = [
  "unitId",
  "givenName",
  "familyName",
  "identityNumber",
  "messageIds",
  "askedAboutViolence",
];
const empty = {
  unitId: "",
  kind: "report_of_concern",
  givenName: "",
  familyName: "",
  identityNumber: "",
  asked: "",
};
type IntakeFormValues = typeof empty;

export function IntakeForm({ id, messages }: { id: string; messages: ChatMessageView[] }) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const queue = useQuery(chatQueueKey, (signal) => api.chatQueue(signal));
  const submit = useSubmit(intakeFields);
  const [form, setForm] = useState(empty);
  const [chosen, setChosen] = useState<string[]>([]);
  const units = queue.state.status === "ready" ? queue.state.data.intakeUnits : [];
  if (units.length === 0) return null;
  async function handle(event: FormEvent) {
    event.preventDefault();
    if (!form.unitId) return submit.reject({ unitId: t("chat.errorUnit") });
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
    await submit.run(async () => {
      await api.chatIntake(id, body);
      await invalidate(chatConversationKey(id), chatQueueKey);
    });
  }
  return (
    <form className="form" onSubmit={handle} noValidate aria-label={t("chat.intake")}>
      <h3>{t("chat.intake")}</h3>
      <ErrorSummary errors={submit.errors} />
      <IntakeFields form={form} setForm={setForm} units={units} error={submit.fieldError} />
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

function IntakeFields({
  form,
  setForm,
  units,
  error,
}: {
  form: IntakeFormValues;
  setForm: (form: IntakeFormValues) => void;
  units: { id: string; name: string }[];
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const set = (key: keyof IntakeFormValues) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const text = (key: "givenName" | "familyName" | "identityNumber", hint?: string) => (
    <TextField
      label={t(`chat.${key}`)}
      hint={hint}
      name={key}
      value={form[key]}
      onChange={set(key)}
      error={error(key)}
      autoComplete="off"
    />
  );
  return (
    <>
      <SelectField
        label={t("chat.intakeUnit")}
        name="unitId"
        value={form.unitId}
        onChange={set("unitId")}
        error={error("unitId")}
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
      {form.kind === "application" && <AskedField form={form} set={set} error={error} />}
      {text("givenName")}
      {text("familyName")}
      {text("identityNumber", t("chat.identityNumberHint"))}
    </>
  );
}

/** An application's question whether the person was asked about violence. */
function AskedField({
  form,
  set,
  error,
}: {
  form: IntakeFormValues;
  set: (key: keyof IntakeFormValues) => (e: { target: { value: string } }) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <SelectField
      label={t("chat.askedAboutViolence")}
      name="askedAboutViolence"
      value={form.asked}
      onChange={set("asked")}
      error={error("askedAboutViolence")}
    >
      <option value="">{t("chat.choose")}</option>
      <option value="yes">{t("chat.yes")}</option>
      <option value="no">{t("chat.no")}</option>
    </SelectField>
  );
}
