import { type FormEvent, useId, useState } from "react";
import type { Treatment } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { DateForm } from "../../ui/DateForm";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OutcomeFields, outcomeFieldNames } from "../outcomes/OutcomeFields";
import { emptyOutcome, type OutcomeDraft } from "../outcomes/outcome-model";
import { ConsentFields, ExceptionFields } from "./AddPartnerFields";
import {
  type AddPartnerDraft,
  addedPartner,
  addPartnerFields,
  checkAddPartner,
  checkRefusal,
  checkWithdraw,
  emptyAddPartnerDraft,
  emptyRefusalDraft,
  type Partner,
  type PartnerChoice,
  partnerElementId,
  type RefusalDraft,
  refusalFields,
  relationshipLabels,
  relationshipOptions,
  withdrawFields,
} from "./partner-contact-his-model";

export const partnersTitleId = "partner-his-partners-title";

export interface Changed {
  caseId: string;
  beforeChange: () => void;
  onStale: () => void;
  onChanged: (
    treatment: Treatment,
    message: PlainMessageKey,
    options?: { movesCase?: boolean; focus?: string },
  ) => void;
}

/** The add-partner command: the draft, its checks and what the panel hears afterwards. */
function useAddPartner(props: Changed & { partners: readonly Partner[] }) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(addPartnerFields, props);
  const [draft, setDraft] = useState<AddPartnerDraft>(emptyAddPartnerDraft);
  const set = (changes: Partial<AddPartnerDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkAddPartner(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.addPartner(props.caseId, checked.body);
      setDraft(emptyAddPartnerDraft);
      if (!treatment) return;
      const added = addedPartner(props.partners, treatment.partnerContact.partners);
      props.onChanged(treatment, "partnerHis.partnerAdded", {
        focus: added ? partnerElementId(added.id) : partnersTitleId,
      });
    });
  }

  return { submit, draft, set, handleSubmit };
}

/** `mayConsent`: he has been informed, so his consent may be recorded (else only an exception). */
export function AddPartnerForm(
  props: Changed & { partners: readonly Partner[]; mayConsent: boolean },
) {
  const { t } = useT();
  const { submit, draft, set, handleSubmit } = useAddPartner(props);
  const formTitleId = `${useId()}-title`;
  const detailsNoteId = `${useId()}-note`;
  const error = (name: string) => submit.fieldError(name);
  const fields = { draft, set, error, today: localDateInput(new Date()) };
  const choices: readonly { value: PartnerChoice; label: string }[] = [
    ...(props.mayConsent
      ? [{ value: "consent" as const, label: t("partnerHis.choiceConsent") }]
      : []),
    { value: "exception", label: t("partnerHis.choiceException") },
  ];

  return (
    <>
      <h4 id={formTitleId}>{t("partnerHis.addTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={formTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <RadioGroupField
          label={t("partnerHis.relationship")}
          name="relationship"
          value={draft.relationship}
          options={relationshipOptions.map((value) => ({
            value,
            label: t(relationshipLabels[value]),
          }))}
          onChange={(relationship) => set({ relationship })}
          error={error("relationship")}
        />
        <RadioGroupField
          label={t("partnerHis.choice")}
          name="choice"
          value={draft.choice}
          inline={false}
          options={choices}
          hint={props.mayConsent ? undefined : t("partnerHis.consentAfterInformation")}
          onChange={(choice) => set({ choice })}
          error={error("consent") ?? error("exception")}
        />
        {draft.choice === "consent" && <ConsentFields {...fields} detailsNoteId={detailsNoteId} />}
        {draft.choice === "exception" && <ExceptionFields {...fields} />}
        <button type="submit" className="button" disabled={submit.pending}>
          {t("partnerHis.addSubmit")}
        </button>
      </form>
    </>
  );
}

// The decision's fields and the outcome's, so the server's messages show by their controls.
const refusalFieldNames = [...new Set([...refusalFields, ...outcomeFieldNames])];

/** The refusal command: the draft, its checks and whether the treatment ends with it. */
function useRefusal(props: Changed) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(refusalFieldNames, props);
  const [draft, setDraft] = useState<RefusalDraft>(emptyRefusalDraft);
  const [outcome, setOutcome] = useState<OutcomeDraft>(emptyOutcome);
  const set = (changes: Partial<RefusalDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkRefusal(draft, outcome);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.recordPartnerRefusal(props.caseId, checked.body);
      if (!treatment) return;
      const ends = !checked.body.continueTreatment;
      props.onChanged(
        treatment,
        ends ? "partnerHis.refusalRecordedEnded" : "partnerHis.refusalRecorded",
        { movesCase: ends },
      );
    });
  }

  return { submit, draft, set, outcome, setOutcome, handleSubmit };
}

export function RefusalForm(props: Changed) {
  const { t } = useT();
  const { submit, draft, set, outcome, setOutcome, handleSubmit } = useRefusal(props);
  const formTitleId = `${useId()}-title`;
  const today = localDateInput(new Date());

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("partnerHis.refusalTitle")}</h3>
      <p className="muted">{t("partnerHis.refusalIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <DateField
          label={t("partnerHis.refusedOn")}
          name="refusedOn"
          max={today}
          value={draft.refusedOn}
          onChange={(value) => set({ refusedOn: value })}
          error={submit.fieldError("refusedOn")}
        />
        <DateField
          label={t("partnerHis.teamDecidedOn")}
          name="teamDecidedOn"
          max={today}
          value={draft.teamDecidedOn}
          onChange={(value) => set({ teamDecidedOn: value })}
          error={submit.fieldError("teamDecidedOn")}
        />
        <RadioGroupField
          label={t("partnerHis.continueTreatment")}
          hint={t("partnerHis.continueHint")}
          name="continueTreatment"
          value={draft.continueTreatment}
          options={[
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
          onChange={(continueTreatment) => set({ continueTreatment })}
          error={submit.fieldError("continueTreatment")}
        />
        <TextAreaField
          label={t("partnerHis.reasoning")}
          name="reasoning"
          value={draft.reasoning}
          onChange={(e) => set({ reasoning: e.target.value })}
          error={submit.fieldError("reasoning")}
        />
        {/* Not going on ends the treatment and closes the case: its outcome is asked (issue 20). */}
        {draft.continueTreatment === "no" && (
          <OutcomeFields draft={outcome} onChange={setOutcome} submit={submit} />
        )}
        <button type="submit" className="button button--secondary" disabled={submit.pending}>
          {t("partnerHis.refusalSubmit")}
        </button>
      </form>
    </div>
  );
}

export function WithdrawForm(props: Changed & { partnerId: string; partnerTitle: string }) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(withdrawFields, props);
  const [withdrawnOn, setWithdrawnOn] = useState(() => localDateInput(new Date()));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkWithdraw(withdrawnOn);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.withdrawPartnerConsent(
        props.caseId,
        props.partnerId,
        checked.body.withdrawnOn,
      );
      if (treatment)
        props.onChanged(treatment, "partnerHis.withdrawn", {
          focus: partnerElementId(props.partnerId),
        });
    });
  }

  return (
    <DateForm
      title={t("partnerHis.withdrawTitle", { partner: props.partnerTitle })}
      titleHidden
      level="h5"
      label={t("partnerHis.withdrawnOn")}
      name="withdrawnOn"
      value={withdrawnOn}
      onChange={setWithdrawnOn}
      submitLabel={t("partnerHis.withdrawSubmit")}
      secondary
      submit={submit}
      onSubmit={handleSubmit}
    />
  );
}
