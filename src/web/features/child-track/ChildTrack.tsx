import { type FormEvent, useState } from "react";
import type { CaseView, ChildReport, ChildTrack } from "../../api/endpoints";
import { useApi, useMe } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDate, formatDateTimeShort } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import type { YesNo } from "../cases/casework-model";
import { Investigation, Preliminary, staleAware } from "./ChildTrackSteps";
import { type AssessmentDraft, checkAssessment, isPast } from "./child-track-model";

/*
 * Barnspåret: the statutory steps of a child's case. Each report of concern needs a
 * protection assessment the same day; within 14 days the preliminary assessment ends in a
 * decision whether to investigate; an investigation has four months, which only the unit
 * manager may extend.
 */

const titleId = "child-track-title";

export function ChildTrackPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const me = useMe();
  const query = useQuery(["case", record.id, "child-track"], (signal) =>
    api.childTrack(record.id, signal),
  );
  // A key, not a text: the message follows a change of language.
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const canWrite = record.abilities.writeJournal;
  const managesUnit = me.roles.some(
    (r) => r.role === "unit_manager" && r.unitId === record.unit.id,
  );
  const { state, setData, reload } = query;
  const focusLater = useFocusLater();
  const invalidate = useInvalidate();
  // A decision may move the case's status: the case is read again.
  const onCaseChanged = () => void invalidate(["case", record.id]);

  function changed(track: ChildTrack, key: PlainMessageKey, focusId: string) {
    setData(track);
    setMessage(key);
    focusLater(focusId);
  }

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("child.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) => (
          <TrackSteps
            record={record}
            track={data}
            canWrite={canWrite}
            managesUnit={managesUnit}
            beforeChange={() => setMessage(null)}
            changed={changed}
            onStale={reload}
            onCaseChanged={onCaseChanged}
          />
        )}
      </Loaded>
    </section>
  );
}

interface TrackStepsProps {
  record: CaseView;
  track: ChildTrack;
  canWrite: boolean;
  managesUnit: boolean;
  beforeChange: () => void;
  changed: (track: ChildTrack, key: PlainMessageKey, focusId: string) => void;
  onStale: () => void;
  onCaseChanged: () => void;
}

/** The steps in the law's order: the reports, the preliminary assessment, the investigation. */
function TrackSteps({
  record,
  track: data,
  canWrite,
  managesUnit,
  beforeChange,
  changed,
  onStale,
  onCaseChanged,
}: TrackStepsProps) {
  return (
    <>
      <Reports
        caseId={record.id}
        reports={data.reports}
        canWrite={canWrite}
        beforeChange={beforeChange}
        onSaved={(track, intakeId) =>
          changed(track, "child.assessmentSaved", reportTitleId(intakeId))
        }
        onStale={onStale}
      />
      <Preliminary
        record={record}
        track={data}
        canWrite={canWrite}
        beforeChange={beforeChange}
        onDecided={(track) => {
          changed(track, "child.decisionSaved", titleId);
          onCaseChanged();
        }}
        onStale={() => {
          onStale();
          onCaseChanged();
        }}
      />
      {record.status === "investigation" && (
        <Investigation
          caseId={record.id}
          track={data}
          canExtend={managesUnit}
          beforeChange={beforeChange}
          onExtended={(track) => changed(track, "child.extended", "child-investigation-title")}
        />
      )}
    </>
  );
}

const reportTitleId = (intakeId: string) => `child-report-${intakeId}`;

function Reports({
  caseId,
  reports,
  canWrite,
  beforeChange,
  onSaved,
  onStale,
}: {
  caseId: string;
  reports: readonly ChildReport[];
  canWrite: boolean;
  beforeChange: () => void;
  onSaved: (track: ChildTrack, intakeId: string) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  return (
    <div className="subsection">
      <h3 id="child-reports-title">{t("child.reportsTitle")}</h3>
      {reports.length === 0 ? (
        <p className="empty">{t("child.noReports")}</p>
      ) : (
        <ol className="item-list child-reports" aria-labelledby="child-reports-title">
          {reports.map((report) => (
            <li key={report.intakeId}>
              <Report
                caseId={caseId}
                report={report}
                canWrite={canWrite}
                beforeChange={beforeChange}
                onSaved={(track) => onSaved(track, report.intakeId)}
                onStale={onStale}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Report({
  caseId,
  report,
  canWrite,
  beforeChange,
  onSaved,
  onStale,
}: {
  caseId: string;
  report: ChildReport;
  canWrite: boolean;
  beforeChange: () => void;
  onSaved: (track: ChildTrack) => void;
  onStale: () => void;
}) {
  const { t, lang } = useT();
  const headingId = reportTitleId(report.intakeId);
  const assessment = report.protectionAssessment;
  return (
    <article className="child-report" aria-labelledby={headingId}>
      <h4 id={headingId} tabIndex={-1}>
        {t("child.reportReceived", { time: formatDateTimeShort(report.receivedAt, lang) })}
      </h4>
      {assessment ? (
        <AssessmentDetails assessment={assessment} />
      ) : (
        <>
          <p>
            {isPast(report.protectionAssessmentDue, new Date()) && (
              <>
                <span className="badge badge--overdue">{t("child.overdue")}</span>{" "}
              </>
            )}
            {t("child.assessmentDue", {
              date: formatDate(report.protectionAssessmentDue, lang),
            })}
          </p>
          {canWrite && (
            <AssessmentForm
              caseId={caseId}
              intakeId={report.intakeId}
              beforeChange={beforeChange}
              onSaved={onSaved}
              onStale={onStale}
            />
          )}
        </>
      )}
    </article>
  );
}

/** The protection assessment as recorded: the answer, the reasoning, by whom and when. */
function AssessmentDetails({
  assessment,
}: {
  assessment: NonNullable<ChildReport["protectionAssessment"]>;
}) {
  const { t, lang } = useT();
  return (
    <dl className="details">
      <div>
        <dt>{t("child.needsProtection")}</dt>
        <dd>{assessment.needsImmediateProtection ? t("common.yes") : t("common.no")}</dd>
      </div>
      <div>
        <dt>{t("child.assessment")}</dt>
        <dd className="multiline">{assessment.reasoning}</dd>
      </div>
      <div>
        <dt>{t("child.assessedBy")}</dt>
        <dd>
          {t("child.byAt", {
            name: assessment.assessedBy,
            time: formatDateTimeShort(assessment.assessedAt, lang),
          })}
        </dd>
      </div>
    </dl>
  );
}

const assessmentFields = ["needsImmediateProtection", "reasoning", "intakeId"] as const;

function AssessmentForm({
  caseId,
  intakeId,
  beforeChange,
  onSaved,
  onStale,
}: {
  caseId: string;
  intakeId: string;
  beforeChange: () => void;
  onSaved: (track: ChildTrack) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(assessmentFields);
  const [draft, setDraft] = useState<AssessmentDraft>({
    needsImmediateProtection: "",
    reasoning: "",
  });
  const formTitleId = `child-assessment-${intakeId}`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = checkAssessment(intakeId, draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(
      staleAware(onStale, async () => {
        onSaved(await api.recordProtectionAssessment(caseId, checked.body));
      }),
    );
  }

  return (
    <div className="subsection">
      <h5 id={formTitleId} className="child-track__form-title">
        {t("child.assessmentTitle")}
      </h5>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <AssessmentFields
          intakeId={intakeId}
          draft={draft}
          setDraft={setDraft}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("child.assessmentSubmit")}
        </button>
      </form>
    </div>
  );
}

/** Whether the child needs protection now, and why: asked the same day as the report. */
function AssessmentFields({
  intakeId,
  draft,
  setDraft,
  fieldError,
}: {
  intakeId: string;
  draft: AssessmentDraft;
  setDraft: (draft: AssessmentDraft) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const yesNo: { value: YesNo; label: string }[] = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
  ];
  return (
    <>
      <RadioGroupField
        label={t("child.needsProtection")}
        name={`needsImmediateProtection-${intakeId}`}
        value={draft.needsImmediateProtection}
        options={yesNo}
        onChange={(value) => setDraft({ ...draft, needsImmediateProtection: value })}
        error={fieldError("needsImmediateProtection")}
      />
      <TextAreaField
        label={t("child.assessment")}
        name="reasoning"
        rows={4}
        value={draft.reasoning}
        onChange={(e) => setDraft({ ...draft, reasoning: e.target.value })}
        error={fieldError("reasoning") ?? fieldError("intakeId")}
      />
    </>
  );
}
