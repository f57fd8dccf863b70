import { type FormEvent, useId, useState } from "react";
import type { CourtOutcomeCode, PlacementView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { localDateInput } from "../../i18n/dates";
import { courtOutcomeLabels } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { RevokeConsentForm } from "./ConsentRevocation";
import {
  type CourtRulingDraft,
  checkCourtRuling,
  checkCourtSubmission,
  checkPlacementReview,
  type PlacementReviewDraft,
  placementForms,
} from "./decisions-model";

const courtOutcomes: readonly CourtOutcomeCode[] = ["approved", "rejected"];

export interface FormsProps {
  caseId: string;
  decisionId: string;
  placement: PlacementView;
  /** False on a closed case (or without the right to write): facts only. */
  caseOpen: boolean;
  beforeChange: () => void;
  onChanged: (placement: PlacementView, message: PlainMessageKey) => void;
  /** A 409: recorded elsewhere meanwhile; load the decisions again. */
  onStale: () => void;
}

/** The small forms the placement's state calls for; none once it has ended. */
export function PlacementForms(props: FormsProps) {
  const open = placementForms(props.placement, props.caseOpen);
  return (
    <>
      {open.submission && <CourtSubmissionForm {...props} />}
      {open.ruling && <CourtRulingForm {...props} />}
      {open.revoke && <RevokeConsentForm {...props} />}
      {open.review && <ReviewForm {...props} />}
    </>
  );
}

export const submissionFields = ["submittedOn"] as const;

export function CourtSubmissionForm(props: FormsProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(submissionFields, props);
  const [submittedOn, setSubmittedOn] = useState(() => localDateInput(new Date()));
  const titleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkCourtSubmission(submittedOn);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const placement = await api.recordCourtStep(props.caseId, props.decisionId, checked.body);
      props.onChanged(placement, "placement.submissionRecorded");
    });
  }

  return (
    <div className="placement-form">
      <h4 id={titleId}>{t("placement.submissionTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--inline"
        aria-labelledby={titleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <DateField
          label={t("placement.submittedOn")}
          name="submittedOn"
          max={localDateInput(new Date())}
          value={submittedOn}
          onChange={setSubmittedOn}
          error={submit.fieldError("submittedOn")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("placement.submissionSubmit")}
        </button>
      </form>
    </div>
  );
}

export const rulingFields = ["ruledOn", "outcome"] as const;

export function CourtRulingForm(props: FormsProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(rulingFields, props);
  const [draft, setDraft] = useState<CourtRulingDraft>(() => ({
    ruledOn: localDateInput(new Date()),
    outcome: "",
  }));
  const titleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkCourtRuling(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const placement = await api.recordCourtStep(props.caseId, props.decisionId, checked.body);
      props.onChanged(placement, "placement.rulingRecorded");
    });
  }

  return (
    <div className="placement-form">
      <h4 id={titleId}>{t("placement.rulingTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
        <DateField
          label={t("placement.ruledOn")}
          name="ruledOn"
          min={props.placement.courtSubmittedOn ?? undefined}
          max={localDateInput(new Date())}
          value={draft.ruledOn}
          onChange={(value) => setDraft((d) => ({ ...d, ruledOn: value }))}
          error={submit.fieldError("ruledOn")}
        />
        <RadioGroupField
          label={t("placement.courtOutcome")}
          name="outcome"
          value={draft.outcome}
          options={courtOutcomes.map((value) => ({ value, label: t(courtOutcomeLabels[value]) }))}
          onChange={(outcome) => setDraft((d) => ({ ...d, outcome }))}
          error={submit.fieldError("outcome")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("placement.rulingSubmit")}
        </button>
      </form>
    </div>
  );
}

export const reviewFields = ["reviewedOn", "continues", "notes"] as const;

export function ReviewForm(props: FormsProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(reviewFields, props);
  const empty: PlacementReviewDraft = {
    reviewedOn: localDateInput(new Date()),
    continues: "",
    notes: "",
  };
  const [draft, setDraft] = useState<PlacementReviewDraft>(empty);
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<PlacementReviewDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkPlacementReview(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const placement = await api.recordPlacementReview(
        props.caseId,
        props.decisionId,
        checked.body,
      );
      setDraft(empty);
      props.onChanged(placement, "placement.reviewRecorded");
    });
  }

  return (
    <div className="placement-form">
      <h4 id={titleId}>{t("placement.reviewTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
        <ReviewFields draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("placement.reviewSubmit")}
        </button>
      </form>
    </div>
  );
}

/** The review: on which day, whether the placement continues, and the notes. */
function ReviewFields({
  draft,
  set,
  fieldError,
}: {
  draft: PlacementReviewDraft;
  set: (changes: Partial<PlacementReviewDraft>) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <DateField
        label={t("placement.reviewedOn")}
        name="reviewedOn"
        max={localDateInput(new Date())}
        value={draft.reviewedOn}
        onChange={(value) => set({ reviewedOn: value })}
        error={fieldError("reviewedOn")}
      />
      <RadioGroupField
        label={t("placement.continues")}
        name="continues"
        value={draft.continues}
        options={[
          { value: "yes", label: t("common.yes") },
          { value: "no", label: t("common.no") },
        ]}
        onChange={(continues) => set({ continues })}
        error={fieldError("continues")}
      />
      <TextAreaField
        label={t("placement.reviewNotes")}
        name="notes"
        value={draft.notes}
        onChange={(e) => set({ notes: e.target.value })}
        error={fieldError("notes")}
      />
    </>
  );
}
