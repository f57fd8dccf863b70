import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { referralSenderSources } from "../../../shared/api/referrals";
import { caseUnits } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput, localDateTimeInputs } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField, DateTimeField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Loaded } from "../../ui/QueryError";
import { checkIncoming, type IncomingDraft, incomingFields } from "./referrals-model";

const titleId = "referral-incoming-title";
const channels = ["letter", "email", "digital", "phone", "visit", "other"] as const;

const fresh = (unitId: string): IncomingDraft => {
  const now = localDateTimeInputs(new Date());
  return {
    unitId,
    kind: "application",
    sender: "",
    senderName: "",
    senderSource: "",
    senderContact: "",
    senderReference: "",
    sentOn: "",
    receivedDate: now.date,
    receivedTime: now.time,
    channel: "",
    reason: "",
    askedAboutViolence: "",
  };
};

/**
 * "Inkommen remiss" on the person's page, beside Ny aktualisering: a referral from the police,
 * health care or a school recorded as the intake it becomes; the page then moves to the case.
 */
export function IncomingReferralSection({ personId }: { personId: string }) {
  const { t } = useT();
  const me = useMe();
  const units = caseUnits(me.roles);
  if (units.length === 0) return null;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("referrals.inFormTitle")}</h2>
      <p className="muted">{t("referrals.inFormIntro")}</p>
      <OnDemand label={t("referrals.inFormOpen")}>
        <IncomingReferralForm personId={personId} units={units} />
      </OnDemand>
    </section>
  );
}

function IncomingReferralForm(props: { personId: string; units: { id: string; name: string }[] }) {
  const { t } = useT();
  const api = useApi();
  const navigate = useNavigate();
  const submit = useSubmit(incomingFields);
  const [draft, setDraft] = useState<IncomingDraft>(() => fresh(props.units[0]?.id ?? ""));
  const set = (changes: Partial<IncomingDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkIncoming(props.personId, draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      const result = await api.receiveReferral(checked.body);
      if (result.case) navigate(`/cases/${result.case.id}`);
    });
  }

  return (
    <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <ErrorSummary errors={submit.errors} />
      <UnitAndKind units={props.units} draft={draft} set={set} error={submit.fieldError} />
      <SenderChoice draft={draft} set={set} error={submit.fieldError} />
      <SenderDetails draft={draft} set={set} error={submit.fieldError} />
      <TextAreaField
        label={t("referrals.inReason")}
        name="reason"
        rows={4}
        value={draft.reason}
        onChange={(e) => set({ reason: e.target.value })}
        error={submit.fieldError("reason")}
      />
      {draft.kind === "application" && (
        <RadioGroupField
          label={t("referrals.askedAboutViolence")}
          name="askedAboutViolence"
          value={draft.askedAboutViolence}
          options={(["yes", "no"] as const).map((value) => ({
            value,
            label: t(`referrals.${value}`),
          }))}
          onChange={(askedAboutViolence) => set({ askedAboutViolence })}
          error={submit.fieldError("askedAboutViolence")}
        />
      )}
      <button type="submit" className="button" disabled={submit.pending}>
        {t("referrals.receive")}
      </button>
    </form>
  );
}

type FieldsProps = {
  draft: IncomingDraft;
  set: (changes: Partial<IncomingDraft>) => void;
  error: (name: string) => string | undefined;
};

function NamedSenderFields({ draft, set, error }: FieldsProps) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("referrals.senderName")}
        name="senderName"
        value={draft.senderName}
        onChange={(e) => set({ senderName: e.target.value })}
        error={error("senderName")}
      />
      <SelectField
        label={t("referrals.senderSource")}
        name="senderSource"
        value={draft.senderSource}
        onChange={(e) => set({ senderSource: e.target.value })}
        error={error("senderSource")}
      >
        <option value="">{t("referrals.choose")}</option>
        {referralSenderSources.map((s) => (
          <option key={s} value={s}>
            {t(`referrals.source.${s}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** Who at the sender, their reference and date, when and how it reached the unit. */
function SenderDetails({ draft, set, error }: FieldsProps) {
  const { t } = useT();
  const today = localDateInput(new Date());
  return (
    <>
      <TextField
        label={t("referrals.senderContact")}
        name="senderContact"
        value={draft.senderContact}
        onChange={(e) => set({ senderContact: e.target.value })}
        error={error("senderContact")}
      />
      <TextField
        label={t("referrals.senderReferenceOptional")}
        name="senderReference"
        value={draft.senderReference}
        onChange={(e) => set({ senderReference: e.target.value })}
        error={error("senderReference")}
      />
      <DateField
        label={t("referrals.senderSentOn")}
        name="sentOn"
        max={today}
        value={draft.sentOn}
        onChange={(sentOn) => set({ sentOn })}
        error={error("sentOn")}
      />
      <DateTimeField
        label={t("referrals.receivedAt")}
        name="received"
        dateLabel={t("intake.date")}
        timeLabel={t("intake.time")}
        date={draft.receivedDate}
        time={draft.receivedTime}
        maxDate={today}
        onDateChange={(receivedDate) => set({ receivedDate })}
        onTimeChange={(receivedTime) => set({ receivedTime })}
        error={error("receivedAt")}
      />
      <SelectField
        label={t("referrals.inChannel")}
        name="channel"
        value={draft.channel}
        onChange={(e) => set({ channel: e.target.value })}
        error={error("channel")}
      >
        <option value="">{t("referrals.choose")}</option>
        {channels.map((c) => (
          <option key={c} value={c}>
            {t(`referrals.inChannel.${c}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** At which unit (when the worker has several), and what the referral becomes. */
function UnitAndKind({
  units,
  draft,
  set,
  error,
}: FieldsProps & { units: { id: string; name: string }[] }) {
  const { t } = useT();
  return (
    <>
      {units.length > 1 && (
        <SelectField
          label={t("referrals.unit")}
          name="unitId"
          value={draft.unitId}
          onChange={(e) => set({ unitId: e.target.value })}
          error={error("unitId")}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
      <RadioGroupField
        label={t("referrals.kind")}
        name="referralKind"
        value={draft.kind}
        options={(["application", "report_of_concern"] as const).map((value) => ({
          value,
          label: t(`referrals.kind.${value}`),
        }))}
        onChange={(kind) => set({ kind })}
        error={error("kind")}
      />
    </>
  );
}

/** The sender: an agency of the directory, or another one named here with its kind. */
function SenderChoice({ draft, set, error }: FieldsProps) {
  const { t } = useT();
  const api = useApi();
  const directory = useQuery(
    ["referral-recipients"],
    async (signal) => (await api.referralRecipients(signal)).recipients,
  );
  return (
    <>
      <Loaded state={directory.state}>
        {(recipients) => (
          <SelectField
            label={t("referrals.sender")}
            name="agencyId"
            value={draft.sender}
            onChange={(e) => set({ sender: e.target.value })}
            error={error("agencyId")}
          >
            <option value="">{t("referrals.choose")}</option>
            {recipients.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value="other">{t("referrals.senderOther")}</option>
          </SelectField>
        )}
      </Loaded>
      {draft.sender === "other" && <NamedSenderFields draft={draft} set={set} error={error} />}
    </>
  );
}
