import { type FormEvent, useState } from "react";
import { addDays } from "../../shared/calendar";
import { ApiError } from "../api/client";
import type { CaseView, ChildReport, ChildTrack } from "../api/endpoints";
import { useApi, useMe } from "../auth/useAuth";
import { rejectWith } from "../hooks/rejectWith";
import { useFocusLater } from "../hooks/useFocusLater";
import { useInvalidate, useQuery } from "../hooks/useQuery";
import { useSubmit } from "../hooks/useSubmit";
import { formatDate, formatDateTimeShort, formatDay, localDateInput } from "../i18n/dates";
import type { PlainMessageKey } from "../i18n/messages";
import { useT } from "../i18n/useT";
import type { YesNo } from "./casework-model";
import {
  type AssessmentDraft,
  checkAssessment,
  checkDecision,
  checkExtension,
  type DecisionChoice,
  type DecisionDraft,
  isPast,
} from "./child-track-model";
import { formatLastDay, movedLastDayText } from "./deadline-model";
import { RadioGroupField, TextAreaField, TextField } from "./Field";
import { ErrorSummary, StatusMessage } from "./Messages";
import { MovedNote } from "./MovedNote";
import { Loaded } from "./QueryError";

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
          <>
            <Reports
              caseId={record.id}
              reports={data.reports}
              canWrite={canWrite}
              beforeChange={() => setMessage(null)}
              onSaved={(track, intakeId) =>
                changed(track, "child.assessmentSaved", reportTitleId(intakeId))
              }
              onStale={reload}
            />
            <Preliminary
              record={record}
              track={data}
              canWrite={canWrite}
              beforeChange={() => setMessage(null)}
              onDecided={(track) => {
                changed(track, "child.decisionSaved", titleId);
                onCaseChanged();
              }}
              onStale={() => {
                reload();
                onCaseChanged();
              }}
            />
            {record.status === "investigation" && (
              <Investigation
                caseId={record.id}
                track={data}
                canExtend={managesUnit}
                beforeChange={() => setMessage(null)}
                onExtended={(track) =>
                  changed(track, "child.extended", "child-investigation-title")
                }
              />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

const reportTitleId = (intakeId: string) => `child-report-${intakeId}`;

/** Runs a change; a 409 (done already, or the case moved on elsewhere) loads the view again. */
function staleAware(onStale: () => void, run: () => Promise<void>) {
  return async () => {
    try {
      await run();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onStale();
      throw error;
    }
  };
}

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

  const yesNo: { value: YesNo; label: string }[] = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
  ];
  return (
    <div className="subsection">
      <h5 id={formTitleId} className="child-track__form-title">
        {t("child.assessmentTitle")}
      </h5>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <RadioGroupField
          label={t("child.needsProtection")}
          name={`needsImmediateProtection-${intakeId}`}
          value={draft.needsImmediateProtection}
          options={yesNo}
          onChange={(value) => setDraft({ ...draft, needsImmediateProtection: value })}
          error={submit.fieldError("needsImmediateProtection")}
        />
        <TextAreaField
          label={t("child.assessment")}
          name="reasoning"
          rows={4}
          value={draft.reasoning}
          onChange={(e) => setDraft({ ...draft, reasoning: e.target.value })}
          error={submit.fieldError("reasoning") ?? submit.fieldError("intakeId")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("child.assessmentSubmit")}
        </button>
      </form>
    </div>
  );
}

function Preliminary({
  record,
  track,
  canWrite,
  beforeChange,
  onDecided,
  onStale,
}: {
  record: CaseView;
  track: ChildTrack;
  canWrite: boolean;
  beforeChange: () => void;
  onDecided: (track: ChildTrack) => void;
  onStale: () => void;
}) {
  const { t, lang } = useT();
  const decision = track.preliminaryDecision;
  const inPreliminary = record.status === "preliminary_assessment";
  // The server refuses a decision before every report has its protection assessment.
  const protectionAssessed = track.reports.every((r) => r.protectionAssessment !== null);
  if (!inPreliminary && !decision) return null;
  return (
    <div className="subsection">
      <h3 id="child-preliminary-title">{t("child.preliminaryTitle")}</h3>
      {inPreliminary && track.preliminaryAssessmentDue && (
        <p>
          {isPast(track.preliminaryAssessmentDue, new Date()) && (
            <>
              <span className="badge badge--overdue">{t("child.overdue")}</span>{" "}
            </>
          )}
          {t("child.preliminaryDue", {
            date: formatLastDay(
              track.preliminaryAssessmentDue,
              track.preliminaryAssessmentLastDay,
              lang,
            ),
          })}
          <MovedNote text={movedLastDayText(track.preliminaryAssessmentLastDay, t, lang, true)} />
        </p>
      )}
      {decision && (
        <dl className="details">
          <div>
            <dt>{t("child.decision")}</dt>
            <dd>
              {decision.openInvestigation
                ? t("child.openInvestigation")
                : t("child.notOpenInvestigation")}
            </dd>
          </div>
          <div>
            <dt>{t("child.reasoning")}</dt>
            <dd className="multiline">{decision.reasoning}</dd>
          </div>
          <div>
            <dt>{t("child.decidedBy")}</dt>
            <dd>
              {t("child.byAt", {
                name: decision.decidedBy,
                time: formatDateTimeShort(decision.decidedAt, lang),
              })}
            </dd>
          </div>
        </dl>
      )}
      {inPreliminary && canWrite && !protectionAssessed && (
        <p className="muted">{t("child.preliminaryNeedsAssessment")}</p>
      )}
      {inPreliminary && canWrite && protectionAssessed && (
        <DecisionForm
          caseId={record.id}
          beforeChange={beforeChange}
          onDecided={onDecided}
          onStale={onStale}
        />
      )}
    </div>
  );
}

const decisionFields = ["openInvestigation", "reasoning"] as const;

function DecisionForm({
  caseId,
  beforeChange,
  onDecided,
  onStale,
}: {
  caseId: string;
  beforeChange: () => void;
  onDecided: (track: ChildTrack) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(decisionFields);
  const [draft, setDraft] = useState<DecisionDraft>({ decision: "", reasoning: "" });
  const formTitleId = "child-decision-title";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = checkDecision(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(
      staleAware(onStale, async () => {
        onDecided(await api.decidePreliminary(caseId, checked.body));
      }),
    );
  }

  const choices: { value: DecisionChoice; label: string }[] = [
    { value: "open", label: t("child.openInvestigation") },
    { value: "not_open", label: t("child.notOpenInvestigation") },
  ];
  return (
    <div className="subsection">
      <h4 id={formTitleId}>{t("child.decisionTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <RadioGroupField
          label={t("child.decision")}
          name="openInvestigation"
          value={draft.decision}
          options={choices}
          onChange={(decision) => setDraft({ ...draft, decision })}
          error={submit.fieldError("openInvestigation")}
        />
        <TextAreaField
          label={t("child.reasoning")}
          name="reasoning"
          rows={4}
          value={draft.reasoning}
          onChange={(e) => setDraft({ ...draft, reasoning: e.target.value })}
          error={submit.fieldError("reasoning")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("child.decisionSubmit")}
        </button>
      </form>
    </div>
  );
}

function Investigation({
  caseId,
  track,
  canExtend,
  beforeChange,
  onExtended,
}: {
  caseId: string;
  track: ChildTrack;
  canExtend: boolean;
  beforeChange: () => void;
  onExtended: (track: ChildTrack) => void;
}) {
  const { t, lang } = useT();
  return (
    <div className="subsection">
      <h3 id="child-investigation-title" tabIndex={-1}>
        {t("child.investigationTitle")}
      </h3>
      {track.investigationDue && (
        <p>
          {isPast(track.investigationDue, new Date()) && (
            <>
              <span className="badge badge--overdue">{t("child.overdue")}</span>{" "}
            </>
          )}
          {t("child.investigationDue", {
            date: formatLastDay(track.investigationDue, track.investigationLastDay, lang),
          })}
          <MovedNote text={movedLastDayText(track.investigationLastDay, t, lang)} />
        </p>
      )}
      <h4 id="child-extensions-title">{t("child.extensionsTitle")}</h4>
      {track.extensions.length === 0 ? (
        <p className="empty">{t("child.noExtensions")}</p>
      ) : (
        <ul className="item-list" aria-labelledby="child-extensions-title">
          {track.extensions.map((e) => (
            <li key={`${e.decidedAt}-${e.extendedUntil}`} className="child-extension">
              <strong>
                {t("child.extensionItem", { date: formatDay(e.extendedUntil, lang) })}
              </strong>{" "}
              <span className="muted">
                {t("child.byAt", {
                  name: e.decidedBy,
                  time: formatDateTimeShort(e.decidedAt, lang),
                })}
              </span>
              <div className="multiline">{e.reason}</div>
            </li>
          ))}
        </ul>
      )}
      {canExtend && (
        <ExtensionForm
          caseId={caseId}
          current={track.investigationLastDay?.last ?? null}
          beforeChange={beforeChange}
          onExtended={onExtended}
        />
      )}
    </div>
  );
}

const extensionFields = ["extendedUntil", "reason"] as const;

function ExtensionForm({
  caseId,
  current,
  beforeChange,
  onExtended,
}: {
  caseId: string;
  /** YYYY-MM-DD: the current last day under lag (1930:173). */
  current: string | null;
  beforeChange: () => void;
  onExtended: (track: ChildTrack) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(extensionFields);
  const [extendedUntil, setExtendedUntil] = useState("");
  const [reason, setReason] = useState("");
  const formTitleId = "child-extend-title";
  // The new last day must come after the current one (the law's, which may be a Monday).
  const min = current ? addDays(current, 1) : localDateInput(new Date(), 1);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = checkExtension({ extendedUntil, reason });
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    const ok = await submit.run(async () => {
      onExtended(await api.extendInvestigation(caseId, checked.body));
    });
    if (ok) {
      setExtendedUntil("");
      setReason("");
    }
  }

  return (
    <div className="subsection">
      <h4 id={formTitleId}>{t("child.extendTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <TextField
          label={t("child.extendedUntil")}
          name="extendedUntil"
          type="date"
          min={min}
          value={extendedUntil}
          onChange={(e) => setExtendedUntil(e.target.value)}
          error={submit.fieldError("extendedUntil")}
        />
        <TextAreaField
          label={t("child.extendReason")}
          hint={t("child.extendReasonHint")}
          name="reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={submit.fieldError("reason")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("child.extendSubmit")}
        </button>
      </form>
    </div>
  );
}
