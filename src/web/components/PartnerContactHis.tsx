import { type FormEvent, useId, useState } from "react";
import type { CaseView, Treatment } from "../api/endpoints";
import { useApi } from "../auth/useAuth";
import { rejectWith } from "../hooks/rejectWith";
import { useChange } from "../hooks/useChange";
import { useFocusLater } from "../hooks/useFocusLater";
import { useTreatment } from "../hooks/useTreatment";
import { formatDay, localDateInput } from "../i18n/dates";
import type { PlainMessageKey } from "../i18n/messages";
import { useT } from "../i18n/useT";
import { DateForm } from "./DateForm";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "./Field";
import { keepTogether } from "./KeepTogether";
import { ErrorSummary, StatusMessage } from "./Messages";
import {
  type AddPartnerDraft,
  addedPartner,
  addPartnerFields,
  checkAddPartner,
  checkInformation,
  checkRefusal,
  checkWithdraw,
  consentFormLabels,
  consentFormOptions,
  emptyAddPartnerDraft,
  emptyRefusalDraft,
  exceptionKindLabels,
  exceptionKindOptions,
  hasActiveConsent,
  informationFields,
  type Partner,
  type PartnerChoice,
  partnerElementId,
  partnerForms,
  type RefusalDraft,
  refusalFields,
  relationshipLabels,
  relationshipOptions,
  withdrawFields,
} from "./partner-contact-his-model";
import { QueryError } from "./QueryError";

/*
 * Partnerkontakt from his side (seed 004): the therapist informs him, records his consent
 * per partner — her own case then opens behind the information barrier, with her details
 * only there — or the exception that means she is not contacted, or his refusal and the
 * team's decision. Nothing about her is shown here once saved, by design: only who she is
 * to him, the consent or exception, and that contact was passed on.
 */

const titleId = "partner-his-title";
const partnersTitleId = "partner-his-partners-title";

interface Changed {
  caseId: string;
  beforeChange: () => void;
  onStale: () => void;
  onChanged: (
    treatment: Treatment,
    message: PlainMessageKey,
    options?: { movesCase?: boolean; focus?: string },
  ) => void;
}

export function PartnerContactHisPanel({
  record,
  onReload,
}: {
  record: CaseView;
  onReload: () => void;
}) {
  const { t } = useT();
  const { state, reload, share } = useTreatment();
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const canWrite = record.abilities.change;

  // Partner contact belongs to a registered treatment: nothing to show before that.
  if (state.status === "loading" || (state.status === "ready" && state.data === null)) return null;

  const changed: Changed = {
    caseId: record.id,
    beforeChange: () => setMessage(null),
    onStale: reload,
    onChanged: (treatment, done, options) => {
      share(treatment);
      setMessage(done);
      // His refusal may end the treatment, which closes the case.
      if (options?.movesCase) onReload();
      focusLater(options?.focus ?? titleId);
    },
  };

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("partnerHis.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      {state.status === "error" ? (
        <QueryError error={state.error} />
      ) : (
        state.data && (
          <PartnerContactDetails treatment={state.data} canWrite={canWrite} changed={changed} />
        )
      )}
    </section>
  );
}

function PartnerContactDetails({
  treatment,
  canWrite,
  changed,
}: {
  treatment: Treatment;
  canWrite: boolean;
  changed: Changed;
}) {
  const { t, lang } = useT();
  const pc = treatment.partnerContact;
  const forms = partnerForms(treatment, canWrite);
  const day = (value: string) => <span className="nowrap">{formatDay(value, lang)}</span>;
  return (
    <>
      <p className="muted">{t("partnerHis.intro")}</p>
      <dl className="details">
        <div>
          <dt>{t("partnerHis.informedShown")}</dt>
          <dd>
            {pc.informedOn ? (
              day(pc.informedOn)
            ) : (
              <span className="muted">{t("partnerHis.notInformed")}</span>
            )}
          </dd>
        </div>
      </dl>
      {forms.information && <InformationForm {...changed} />}

      {pc.refusal && (
        <div className="subsection">
          <h3>{t("partnerHis.refusalShownTitle")}</h3>
          <dl className="details">
            <div>
              <dt>{t("partnerHis.refusedOn")}</dt>
              <dd>{day(pc.refusal.refusedOn)}</dd>
            </div>
            <div>
              <dt>{t("partnerHis.teamDecidedOn")}</dt>
              <dd>{day(pc.refusal.teamDecidedOn)}</dd>
            </div>
            <div>
              <dt>{t("partnerHis.continueTreatment")}</dt>
              <dd>
                {pc.refusal.continueTreatment
                  ? t("partnerHis.continues")
                  : t("partnerHis.doesNotContinue")}
              </dd>
            </div>
          </dl>
          <dl className="text-sections">
            <div>
              <dt>{t("partnerHis.reasoning")}</dt>
              <dd className="multiline">{pc.refusal.reasoning}</dd>
            </div>
          </dl>
        </div>
      )}

      <div className="subsection">
        <h3 id={partnersTitleId} tabIndex={-1}>
          {t("partnerHis.partnersTitle")}
        </h3>
        {pc.partners.length === 0 ? (
          <p className="empty">{t("partnerHis.noPartners")}</p>
        ) : (
          <ol className="record-list" aria-labelledby={partnersTitleId}>
            {pc.partners.map((partner, index) => (
              <li key={partner.id} className="record-list__item">
                <PartnerRecord
                  partner={partner}
                  number={index + 1}
                  canWithdraw={forms.withdraw && hasActiveConsent(partner)}
                  changed={changed}
                />
              </li>
            ))}
          </ol>
        )}
        {forms.addPartner && <AddPartnerForm {...changed} partners={pc.partners} />}
      </div>

      {forms.refusal && <RefusalForm {...changed} />}
    </>
  );
}

function PartnerRecord({
  partner,
  number,
  canWithdraw,
  changed,
}: {
  partner: Partner;
  number: number;
  canWithdraw: boolean;
  changed: Changed;
}) {
  const { t, lang } = useT();
  const elementId = partnerElementId(partner.id);
  const day = (value: string) => formatDay(value, lang);
  const title = t("partnerHis.partnerTitle", {
    n: number,
    relationship: t(relationshipLabels[partner.relationship]),
  });
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h4 id={`${elementId}-title`}>{title}</h4>
      <dl className="details">
        {partner.consent && (
          <>
            <div>
              <dt>{t("partnerHis.consent")}</dt>
              <dd>
                {keepTogether(
                  t("partnerHis.consentLine", {
                    form: t(consentFormLabels[partner.consent.form]),
                    date: day(partner.consent.givenOn),
                  }),
                  day(partner.consent.givenOn),
                )}
              </dd>
            </div>
            {partner.consent.withdrawnOn && (
              <div>
                <dt>{t("partnerHis.withdrawnShown")}</dt>
                <dd>{day(partner.consent.withdrawnOn)}</dd>
              </div>
            )}
          </>
        )}
        {partner.exception && (
          <>
            <div>
              <dt>{t("partnerHis.exceptionShown")}</dt>
              <dd>{t(exceptionKindLabels[partner.exception.kind])}</dd>
            </div>
            {partner.exception.teamDecidedOn && (
              <div>
                <dt>{t("partnerHis.exceptionTeamDecidedOn")}</dt>
                <dd>{day(partner.exception.teamDecidedOn)}</dd>
              </div>
            )}
          </>
        )}
        <div>
          <dt>{t("partnerHis.contact")}</dt>
          <dd>
            {partner.contactOpened ? t("partnerHis.contactOpened") : t("partnerHis.notContacted")}
          </dd>
        </div>
      </dl>
      {partner.exception && (
        <dl className="text-sections">
          <div>
            <dt>{t("partnerHis.exceptionReason")}</dt>
            <dd className="multiline">{partner.exception.reason}</dd>
          </div>
        </dl>
      )}
      {canWithdraw && <WithdrawForm {...changed} partnerId={partner.id} partnerTitle={title} />}
    </article>
  );
}

function InformationForm(props: Changed) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(informationFields, props);
  const [informedOn, setInformedOn] = useState(() => localDateInput(new Date()));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkInformation(informedOn);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const { treatment } = await api.recordPartnerInformation(
        props.caseId,
        checked.body.informedOn,
      );
      if (treatment) props.onChanged(treatment, "partnerHis.informationRecorded");
    });
  }

  return (
    <div className="subsection">
      <DateForm
        title={t("partnerHis.informationTitle")}
        intro={t("partnerHis.informationIntro")}
        label={t("partnerHis.informedOn")}
        name="informedOn"
        value={informedOn}
        onChange={setInformedOn}
        submitLabel={t("partnerHis.informationSubmit")}
        submit={submit}
        onSubmit={handleSubmit}
      />
    </div>
  );
}

function AddPartnerForm(props: Changed & { partners: readonly Partner[] }) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(addPartnerFields, props);
  const [draft, setDraft] = useState<AddPartnerDraft>(emptyAddPartnerDraft);
  const formTitleId = `${useId()}-title`;
  const detailsNoteId = `${useId()}-note`;
  const set = (changes: Partial<AddPartnerDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const today = localDateInput(new Date());
  const error = (name: string) => submit.fieldError(name);
  const choices: readonly { value: PartnerChoice; label: string }[] = [
    { value: "consent", label: t("partnerHis.choiceConsent") },
    { value: "exception", label: t("partnerHis.choiceException") },
  ];

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
          onChange={(choice) => set({ choice })}
          error={error("consent") ?? error("exception")}
        />
        {draft.choice === "consent" && (
          <>
            <RadioGroupField
              label={t("partnerHis.consentForm")}
              name="consent.form"
              value={draft.consentForm}
              options={consentFormOptions.map((value) => ({
                value,
                label: t(consentFormLabels[value]),
              }))}
              onChange={(consentForm) => set({ consentForm })}
              error={error("consent.form")}
            />
            <TextField
              label={t("partnerHis.givenOn")}
              name="consent.givenOn"
              type="date"
              max={today}
              value={draft.givenOn}
              onChange={(e) => set({ givenOn: e.target.value })}
              error={error("consent.givenOn")}
            />
            <fieldset
              className="fieldset"
              aria-describedby={
                error("partner") ? `${detailsNoteId} ${detailsNoteId}-error` : detailsNoteId
              }
            >
              <legend>{t("partnerHis.detailsTitle")}</legend>
              <div className="form__group">
                <p className="notice" id={detailsNoteId}>
                  {t("partnerHis.detailsNote")}
                </p>
                {error("partner") && (
                  <p className="field__error" id={`${detailsNoteId}-error`}>
                    {error("partner")}
                  </p>
                )}
                <TextField
                  label={t("partnerHis.givenName")}
                  name="partner.givenName"
                  autoComplete="off"
                  value={draft.givenName}
                  onChange={(e) => set({ givenName: e.target.value })}
                  error={error("partner.givenName")}
                />
                <TextField
                  label={t("partnerHis.familyName")}
                  name="partner.familyName"
                  autoComplete="off"
                  value={draft.familyName}
                  onChange={(e) => set({ familyName: e.target.value })}
                  error={error("partner.familyName")}
                />
                <TextField
                  label={t("partnerHis.identityNumber")}
                  hint={t("partnerHis.identityNumberHint")}
                  name="partner.identityNumber"
                  autoComplete="off"
                  value={draft.identityNumber}
                  onChange={(e) => set({ identityNumber: e.target.value })}
                  error={error("partner.identityNumber")}
                />
                <TextField
                  label={t("partnerHis.phone")}
                  hint={t("partnerHis.reachHint")}
                  name="partner.phone"
                  type="tel"
                  autoComplete="off"
                  value={draft.phone}
                  onChange={(e) => set({ phone: e.target.value })}
                  error={error("partner.phone")}
                />
                <TextField
                  label={t("partnerHis.postalAddress")}
                  name="partner.postalAddress"
                  autoComplete="off"
                  value={draft.postalAddress}
                  onChange={(e) => set({ postalAddress: e.target.value })}
                  error={error("partner.postalAddress")}
                />
                <TextField
                  label={t("partnerHis.email")}
                  name="partner.email"
                  type="email"
                  autoComplete="off"
                  value={draft.email}
                  onChange={(e) => set({ email: e.target.value })}
                  error={error("partner.email")}
                />
              </div>
            </fieldset>
          </>
        )}
        {draft.choice === "exception" && (
          <>
            <SelectField
              label={t("partnerHis.exceptionKind")}
              // Seed 004: when the relationship ended long ago, contact the most recent one.
              hint={
                draft.exceptionKind === "long_ended" ? t("partnerHis.longEndedHint") : undefined
              }
              name="exception.kind"
              value={draft.exceptionKind}
              onChange={(e) =>
                set({ exceptionKind: e.target.value as AddPartnerDraft["exceptionKind"] })
              }
              error={error("exception.kind")}
            >
              <option value="">{t("common.choose")}</option>
              {exceptionKindOptions.map((value) => (
                <option key={value} value={value}>
                  {t(exceptionKindLabels[value])}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              label={t("partnerHis.exceptionReason")}
              name="exception.reason"
              value={draft.reason}
              onChange={(e) => set({ reason: e.target.value })}
              error={error("exception.reason")}
            />
            <TextField
              label={
                draft.exceptionKind === "controlling_pattern"
                  ? t("partnerHis.exceptionTeamDecidedOn")
                  : t("partnerHis.exceptionTeamDecidedOnOptional")
              }
              hint={t("partnerHis.exceptionTeamHint")}
              name="exception.teamDecidedOn"
              type="date"
              max={today}
              value={draft.teamDecidedOn}
              onChange={(e) => set({ teamDecidedOn: e.target.value })}
              error={error("exception.teamDecidedOn")}
            />
          </>
        )}
        <button type="submit" className="button" disabled={submit.pending}>
          {t("partnerHis.addSubmit")}
        </button>
      </form>
    </>
  );
}

function RefusalForm(props: Changed) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(refusalFields, props);
  const [draft, setDraft] = useState<RefusalDraft>(emptyRefusalDraft);
  const formTitleId = `${useId()}-title`;
  const set = (changes: Partial<RefusalDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const today = localDateInput(new Date());

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    props.beforeChange();
    const checked = checkRefusal(draft);
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

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("partnerHis.refusalTitle")}</h3>
      <p className="muted">{t("partnerHis.refusalIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <TextField
          label={t("partnerHis.refusedOn")}
          name="refusedOn"
          type="date"
          max={today}
          value={draft.refusedOn}
          onChange={(e) => set({ refusedOn: e.target.value })}
          error={submit.fieldError("refusedOn")}
        />
        <TextField
          label={t("partnerHis.teamDecidedOn")}
          name="teamDecidedOn"
          type="date"
          max={today}
          value={draft.teamDecidedOn}
          onChange={(e) => set({ teamDecidedOn: e.target.value })}
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
        <button type="submit" className="button button--secondary" disabled={submit.pending}>
          {t("partnerHis.refusalSubmit")}
        </button>
      </form>
    </div>
  );
}

function WithdrawForm(props: Changed & { partnerId: string; partnerTitle: string }) {
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
