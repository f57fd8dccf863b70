import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import {
  type AddPartnerDraft,
  consentFormLabels,
  consentFormOptions,
  exceptionKindLabels,
  exceptionKindOptions,
} from "./partner-contact-his-model";

/** What every part of the add-partner form needs: the draft, its setter and the field errors. */
export interface AddPartnerFieldsProps {
  draft: AddPartnerDraft;
  set: (changes: Partial<AddPartnerDraft>) => void;
  error: (name: string) => string | undefined;
  today: string;
}

/** The consent route: how and when he consented, and how she can be reached. */
export function ConsentFields(props: AddPartnerFieldsProps & { detailsNoteId: string }) {
  const { t } = useT();
  const { draft, set, error, today } = props;
  return (
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
      <DateField
        label={t("partnerHis.givenOn")}
        name="consent.givenOn"
        max={today}
        value={draft.givenOn}
        onChange={(value) => set({ givenOn: value })}
        error={error("consent.givenOn")}
      />
      <PartnerDetailsFieldset {...props} />
    </>
  );
}

function PartnerDetailsFieldset(props: AddPartnerFieldsProps & { detailsNoteId: string }) {
  const { t } = useT();
  const { error, detailsNoteId } = props;
  return (
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
        <PartnerIdentityFields {...props} />
        <PartnerReachFields {...props} />
      </div>
    </fieldset>
  );
}

/** Who the partner is: name and personnummer. */
function PartnerIdentityFields({ draft, set, error }: AddPartnerFieldsProps) {
  const { t } = useT();
  return (
    <>
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
    </>
  );
}

/** How the partner can be reached: phone, post, e-mail. */
function PartnerReachFields({ draft, set, error }: AddPartnerFieldsProps) {
  const { t } = useT();
  return (
    <>
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
    </>
  );
}

/** The exception route: why she is contacted without his consent, and when the team decided. */
export function ExceptionFields({ draft, set, error, today }: AddPartnerFieldsProps) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("partnerHis.exceptionKind")}
        // Seed 004: when the relationship ended long ago, contact the most recent one.
        hint={draft.exceptionKind === "long_ended" ? t("partnerHis.longEndedHint") : undefined}
        name="exception.kind"
        value={draft.exceptionKind}
        onChange={(e) => set({ exceptionKind: e.target.value as AddPartnerDraft["exceptionKind"] })}
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
      <DateField
        label={
          draft.exceptionKind === "controlling_pattern"
            ? t("partnerHis.exceptionTeamDecidedOn")
            : t("partnerHis.exceptionTeamDecidedOnOptional")
        }
        hint={t("partnerHis.exceptionTeamHint")}
        name="exception.teamDecidedOn"
        max={today}
        value={draft.teamDecidedOn}
        onChange={(value) => set({ teamDecidedOn: value })}
        error={error("exception.teamDecidedOn")}
      />
    </>
  );
}
