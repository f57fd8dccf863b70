import { type FormEvent, useState } from "react";
import type { CaseView, PoliceAssessment } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay, localDateInput } from "../../i18n/dates";
import { consentFormLabels } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
import { keepTogether } from "../../ui/KeepTogether";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import {
  addedRecord,
  checkPoliceAssessment,
  consentForms,
  emptyPoliceAssessmentDraft,
  type PoliceAssessmentDraft,
  policeAssessmentElementId,
  policeAssessmentFields,
} from "./police-assessments-model";

/*
 * Polisens riskbedömning: with the client's consent social services may obtain the police's
 * risk assessment (HSLF-FS 2022:39). Frid records that it was obtained, its level in the
 * police's own words, a short summary, and the consent it rests on. Records are final.
 */

const titleId = "police-assessments-title";
const newTitleId = "police-assessment-new-title";

export function PoliceAssessmentsPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(
    ["case", record.id, "police-assessments"],
    async (signal) => (await api.policeAssessments(record.id, signal)).policeAssessments,
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData } = query;
  // As for Frid's own assessments: those who write in the case, and not once it is closed.
  const canWrite = record.abilities.change;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("police.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) => (
          <>
            {data.length === 0 ? (
              <p className="empty">{t("police.empty")}</p>
            ) : (
              <ol className="record-list" aria-label={t("police.listCaption")}>
                {data.map((assessment) => (
                  <li key={assessment.id} className="record-list__item">
                    <PoliceAssessmentRecord assessment={assessment} />
                  </li>
                ))}
              </ol>
            )}
            {canWrite && (
              <PoliceAssessmentForm
                caseId={record.id}
                beforeSubmit={() => setMessage(null)}
                onRecorded={(list) => {
                  const added = addedRecord(data, list);
                  setData(list);
                  setMessage("police.recorded");
                  // The form is emptied: focus goes to the record just added.
                  focusLater(added ? policeAssessmentElementId(added.id) : titleId);
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function PoliceAssessmentRecord({ assessment }: { assessment: PoliceAssessment }) {
  const { t, lang } = useT();
  const elementId = policeAssessmentElementId(assessment.id);
  const day = formatDay(assessment.assessedOn, lang);
  const consentDay = formatDay(assessment.consentGivenOn, lang);
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>{keepTogether(t("police.itemTitle", { date: day }), day)}</h3>
      <dl className="details">
        <div>
          <dt>{t("police.level")}</dt>
          <dd>{assessment.level}</dd>
        </div>
        <div>
          <dt>{t("police.consent")}</dt>
          <dd>
            {keepTogether(
              t("police.consentLine", {
                form: t(consentFormLabels[assessment.consentForm]),
                date: consentDay,
              }),
              consentDay,
            )}
          </dd>
        </div>
        <div>
          <dt>{t("police.consentReference")}</dt>
          <dd>{assessment.consentReference}</dd>
        </div>
        <div>
          <dt>{t("police.recordedBy")}</dt>
          <dd>
            {t("police.byAt", {
              name: assessment.recordedBy,
              time: formatDateTimeShort(assessment.recordedAt, lang),
            })}
          </dd>
        </div>
      </dl>
      <dl className="text-sections">
        <div>
          <dt>{t("police.summary")}</dt>
          <dd className="multiline">
            {assessment.summary || <span className="muted">{t("common.notGiven")}</span>}
          </dd>
        </div>
      </dl>
    </article>
  );
}

function PoliceAssessmentForm({
  caseId,
  beforeSubmit,
  onRecorded,
}: {
  caseId: string;
  beforeSubmit: () => void;
  onRecorded: (list: PoliceAssessment[]) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(policeAssessmentFields);
  const [draft, setDraft] = useState<PoliceAssessmentDraft>(emptyPoliceAssessmentDraft);
  const set = (changes: Partial<PoliceAssessmentDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = checkPoliceAssessment(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      const list = (await api.recordPoliceAssessment(caseId, checked.body)).policeAssessments;
      setDraft(emptyPoliceAssessmentDraft);
      onRecorded(list);
    });
  }

  return (
    <div className="subsection">
      <h3 id={newTitleId}>{t("police.newTitle")}</h3>
      <p className="muted">{t("police.intro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={newTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <ObtainedFields draft={draft} set={set} fieldError={submit.fieldError} />
        <ConsentFields draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("police.submit")}
        </button>
      </form>
    </div>
  );
}

type DraftFieldsProps = {
  draft: PoliceAssessmentDraft;
  set: (changes: Partial<PoliceAssessmentDraft>) => void;
  fieldError: (name: string) => string | undefined;
};

/** What the police assessed: when, the level in their own words, and a short summary. */
function ObtainedFields({ draft, set, fieldError }: DraftFieldsProps) {
  const { t } = useT();
  const today = localDateInput(new Date());
  return (
    <>
      <DateField
        label={t("police.assessedOn")}
        name="assessedOn"
        max={today}
        value={draft.assessedOn}
        onChange={(value) => set({ assessedOn: value })}
        error={fieldError("assessedOn")}
      />
      <TextField
        label={t("police.level")}
        hint={t("police.levelHint")}
        name="level"
        value={draft.level}
        onChange={(e) => set({ level: e.target.value })}
        error={fieldError("level")}
      />
      <TextAreaField
        label={t("police.summaryOptional")}
        name="summary"
        rows={4}
        value={draft.summary}
        onChange={(e) => set({ summary: e.target.value })}
        error={fieldError("summary")}
      />
    </>
  );
}

/** The client's consent the record rests on: when, in what form, and where it is kept. */
function ConsentFields({ draft, set, fieldError }: DraftFieldsProps) {
  const { t } = useT();
  const today = localDateInput(new Date());
  const formOptions = consentForms.map((value) => ({
    value,
    label: t(consentFormLabels[value]),
  }));
  return (
    <>
      <DateField
        label={t("police.consentGivenOn")}
        name="consentGivenOn"
        max={today}
        value={draft.consentGivenOn}
        onChange={(value) => set({ consentGivenOn: value })}
        error={fieldError("consentGivenOn")}
      />
      <RadioGroupField
        label={t("police.consentForm")}
        name="consentForm"
        value={draft.consentForm}
        options={formOptions}
        onChange={(consentForm) => set({ consentForm })}
        error={fieldError("consentForm")}
      />
      <TextField
        label={t("police.consentReference")}
        hint={t("police.consentReferenceHint")}
        name="consentReference"
        value={draft.consentReference}
        onChange={(e) => set({ consentReference: e.target.value })}
        error={fieldError("consentReference")}
      />
    </>
  );
}
