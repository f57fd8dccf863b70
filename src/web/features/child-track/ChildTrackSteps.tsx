import { type FormEvent, useState } from "react";
import { addDays } from "../../../shared/calendar";
import { ApiError } from "../../api/client";
import type { CaseView, ChildTrack } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay, localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { formatLastDay, movedLastDayText } from "../../ui/deadline-model";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { MovedNote } from "../../ui/MovedNote";
import {
  checkDecision,
  checkExtension,
  type DecisionChoice,
  type DecisionDraft,
  isPast,
} from "./child-track-model";

export function Preliminary({
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
        <DueLine
          due={track.preliminaryAssessmentDue}
          text={t("child.preliminaryDue", {
            date: formatLastDay(
              track.preliminaryAssessmentDue,
              track.preliminaryAssessmentLastDay,
              lang,
            ),
          })}
          moved={movedLastDayText(track.preliminaryAssessmentLastDay, t, lang, true)}
        />
      )}
      {decision && <PreliminaryDecisionDetails decision={decision} />}
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

/** A statutory last day: "Försenat" once it has passed, and why the law moved it. */
function DueLine({ due, text, moved }: { due: string; text: string; moved: string | null }) {
  const { t } = useT();
  return (
    <p>
      {isPast(due, new Date()) && (
        <>
          <span className="badge badge--overdue">{t("child.overdue")}</span>{" "}
        </>
      )}
      {text}
      <MovedNote text={moved} />
    </p>
  );
}

/** The preliminary assessment's decision as recorded: investigate or not, why, by whom. */
function PreliminaryDecisionDetails({
  decision,
}: {
  decision: NonNullable<ChildTrack["preliminaryDecision"]>;
}) {
  const { t, lang } = useT();
  return (
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
  );
}

export const decisionFields = ["openInvestigation", "reasoning"] as const;

interface DecisionFormProps {
  caseId: string;
  beforeChange: () => void;
  onDecided: (track: ChildTrack) => void;
  onStale: () => void;
}

export function DecisionForm({ caseId, beforeChange, onDecided, onStale }: DecisionFormProps) {
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

export function Investigation({
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
        <DueLine
          due={track.investigationDue}
          text={t("child.investigationDue", {
            date: formatLastDay(track.investigationDue, track.investigationLastDay, lang),
          })}
          moved={movedLastDayText(track.investigationLastDay, t, lang)}
        />
      )}
      <ExtensionList extensions={track.extensions} />
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

/** The investigation's extensions so far, each with its new last day, who decided and why. */
function ExtensionList({ extensions }: { extensions: ChildTrack["extensions"] }) {
  const { t, lang } = useT();
  return (
    <>
      <h4 id="child-extensions-title">{t("child.extensionsTitle")}</h4>
      {extensions.length === 0 ? (
        <p className="empty">{t("child.noExtensions")}</p>
      ) : (
        <ul className="item-list" aria-labelledby="child-extensions-title">
          {extensions.map((e) => (
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
    </>
  );
}

export const extensionFields = ["extendedUntil", "reason"] as const;

interface ExtensionFormProps {
  caseId: string;
  /** YYYY-MM-DD: the current last day under lag (1930:173). */
  current: string | null;
  beforeChange: () => void;
  onExtended: (track: ChildTrack) => void;
}

export function ExtensionForm({ caseId, current, beforeChange, onExtended }: ExtensionFormProps) {
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
        <DateField
          label={t("child.extendedUntil")}
          name="extendedUntil"
          min={min}
          value={extendedUntil}
          onChange={setExtendedUntil}
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

/** Runs a change; a 409 (done already, or the case moved on elsewhere) loads the view again. */
export function staleAware(onStale: () => void, run: () => Promise<void>) {
  return async () => {
    try {
      await run();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onStale();
      throw error;
    }
  };
}
