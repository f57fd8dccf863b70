import { type FormEvent, useState } from "react";
import type { CaseView, Treatment } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useInvalidate } from "../../hooks/useQuery";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateForm } from "../../ui/DateForm";
import { keepTogether } from "../../ui/KeepTogether";
import { StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";
import { useTreatment } from "../treatment/useTreatment";
import {
  AddPartnerForm,
  type Changed,
  partnersTitleId,
  RefusalForm,
  WithdrawForm,
} from "./PartnerHisForms";
import {
  checkInformation,
  consentFormLabels,
  exceptionKindLabels,
  hasActiveConsent,
  informationFields,
  type Partner,
  partnerElementId,
  partnerForms,
  relationshipLabels,
} from "./partner-contact-his-model";

/*
 * Partnerkontakt from his side (seed 004): the therapist informs him, records his consent
 * per partner — her own case then opens behind the information barrier, with her details
 * only there — or the exception that means she is not contacted, or his refusal and the
 * team's decision. Nothing about her is shown here once saved, by design: only who she is
 * to him, the consent or exception, and that contact was passed on.
 */

const titleId = "partner-his-title";

export function PartnerContactHisPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const { state, reload, setData: share } = useTreatment(record.id);
  const invalidate = useInvalidate();
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
      if (options?.movesCase) void invalidate(["case", record.id]);
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

      {pc.refusal && <RefusalShown refusal={pc.refusal} />}

      <div className="subsection">
        <h3 id={partnersTitleId} tabIndex={-1}>
          {t("partnerHis.partnersTitle")}
        </h3>
        <PartnerList partners={pc.partners} canWithdraw={forms.withdraw} changed={changed} />
        {forms.addPartner && (
          <AddPartnerForm {...changed} partners={pc.partners} mayConsent={forms.consent} />
        )}
      </div>

      {forms.refusal && <RefusalForm {...changed} />}
    </>
  );
}

/** His refusal of partner contact and the team's decision, as recorded. */
function RefusalShown({
  refusal,
}: {
  refusal: NonNullable<Treatment["partnerContact"]["refusal"]>;
}) {
  const { t, lang } = useT();
  const day = (value: string) => <span className="nowrap">{formatDay(value, lang)}</span>;
  return (
    <div className="subsection">
      <h3>{t("partnerHis.refusalShownTitle")}</h3>
      <dl className="details">
        <div>
          <dt>{t("partnerHis.refusedOn")}</dt>
          <dd>{day(refusal.refusedOn)}</dd>
        </div>
        <div>
          <dt>{t("partnerHis.teamDecidedOn")}</dt>
          <dd>{day(refusal.teamDecidedOn)}</dd>
        </div>
        <div>
          <dt>{t("partnerHis.continueTreatment")}</dt>
          <dd>
            {refusal.continueTreatment
              ? t("partnerHis.continues")
              : t("partnerHis.doesNotContinue")}
          </dd>
        </div>
      </dl>
      <dl className="text-sections">
        <div>
          <dt>{t("partnerHis.reasoning")}</dt>
          <dd className="multiline">{refusal.reasoning}</dd>
        </div>
      </dl>
    </div>
  );
}

/** His partners, numbered; consent can be withdrawn where the forms allow and one is active. */
function PartnerList({
  partners,
  canWithdraw,
  changed,
}: {
  partners: readonly Partner[];
  canWithdraw: boolean;
  changed: Changed;
}) {
  const { t } = useT();
  if (partners.length === 0) return <p className="empty">{t("partnerHis.noPartners")}</p>;
  return (
    <ol className="record-list" aria-labelledby={partnersTitleId}>
      {partners.map((partner, index) => (
        <li key={partner.id} className="record-list__item">
          <PartnerRecord
            partner={partner}
            number={index + 1}
            canWithdraw={canWithdraw && hasActiveConsent(partner)}
            changed={changed}
          />
        </li>
      ))}
    </ol>
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
  const { t } = useT();
  const elementId = partnerElementId(partner.id);
  const title = t("partnerHis.partnerTitle", {
    n: number,
    relationship: t(relationshipLabels[partner.relationship]),
  });
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h4 id={`${elementId}-title`}>{title}</h4>
      <dl className="details">
        {partner.consent && <ConsentRows consent={partner.consent} />}
        {partner.exception && <ExceptionRows exception={partner.exception} />}
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

/** How and when he consented for this partner, and when he withdrew it. */
function ConsentRows({ consent }: { consent: NonNullable<Partner["consent"]> }) {
  const { t, lang } = useT();
  const day = (value: string) => formatDay(value, lang);
  return (
    <>
      <div>
        <dt>{t("partnerHis.consent")}</dt>
        <dd>
          {keepTogether(
            t("partnerHis.consentLine", {
              form: t(consentFormLabels[consent.form]),
              date: day(consent.givenOn),
            }),
            day(consent.givenOn),
          )}
        </dd>
      </div>
      {consent.withdrawnOn && (
        <div>
          <dt>{t("partnerHis.withdrawnShown")}</dt>
          <dd>{day(consent.withdrawnOn)}</dd>
        </div>
      )}
    </>
  );
}

/** Which exception means she is not contacted, and when the team decided it. */
function ExceptionRows({ exception }: { exception: NonNullable<Partner["exception"]> }) {
  const { t, lang } = useT();
  const day = (value: string) => formatDay(value, lang);
  return (
    <>
      <div>
        <dt>{t("partnerHis.exceptionShown")}</dt>
        <dd>{t(exceptionKindLabels[exception.kind])}</dd>
      </div>
      {exception.teamDecidedOn && (
        <div>
          <dt>{t("partnerHis.exceptionTeamDecidedOn")}</dt>
          <dd>{day(exception.teamDecidedOn)}</dd>
        </div>
      )}
    </>
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
