import { type FormEvent, useState } from "react";
import type { CaseView, PartnerCase } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import {
  type AttemptDraft,
  allowedMethods,
  attemptDraftFor,
  attemptFields,
  checkAttempt,
  checkSupport,
  givenDetails,
  methodLabels,
  optionVerdict,
  outcomeLabels,
  outcomesFor,
  type SupportDraft,
  standingLabels,
  supportDraftFor,
  supportFields,
  supportKinds,
  supportLabels,
  withMethod,
} from "./partner-case-model";

/*
 * Partnerkontakt: her own case, opened when the man in treatment consented to his (former)
 * partner being contacted (seed 004). Her worker — never his therapist — sees what he said
 * about reaching her (his information, not hers), the ways her safe-contact instructions
 * leave open and why the others are closed, each attempt and where the contact stands, and
 * the support of her own she was offered. Nothing about him beyond the barrier's events.
 */

const titleId = "partner-case-title";
const attemptsTitleId = "partner-case-attempts-title";
const supportTitleId = "partner-case-support-title";
const supportFormTitleId = "partner-case-support-form-title";

export function PartnerCasePanel({ record }: { record: CaseView }) {
  if (record.caseType !== "partner_contact") return null;
  return <PartnerCaseSection record={record} />;
}

function PartnerCaseSection({ record }: { record: CaseView }) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(["case", record.id, "partner-case"], (signal) =>
    api.partnerCase(record.id, signal),
  );
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData } = query;
  const canWrite = record.abilities.change;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("partnerCase.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      <Loaded state={state}>
        {(data) => (
          <>
            <Overview view={data} />
            <ContactWays view={data} />
            {canWrite && <FirstContactMaterial caseId={record.id} view={data} />}
            <Attempts view={data} />
            {canWrite && (
              <AttemptForm
                caseId={record.id}
                view={data}
                beforeSubmit={() => setMessage(null)}
                onRecorded={(view) => {
                  setData(view);
                  setMessage("partnerCase.attemptRecorded");
                  focusLater(attemptsTitleId);
                }}
              />
            )}
            <OwnSupport
              caseId={record.id}
              view={data}
              canWrite={canWrite}
              beforeSubmit={() => setMessage(null)}
              onSaved={(view) => {
                setData(view);
                setMessage("partnerCase.supportSaved");
                focusLater(supportTitleId);
              }}
            />
          </>
        )}
      </Loaded>
    </section>
  );
}

function Overview({ view }: { view: PartnerCase }) {
  const { t } = useT();
  const given = givenDetails(view.given);
  return (
    <>
      <dl className="details">
        <div>
          <dt>{t("partnerCase.relationship")}</dt>
          <dd>
            {view.relationship === "current"
              ? t("partnerCase.relationship.current")
              : t("partnerCase.relationship.former")}
          </dd>
        </div>
        <div>
          <dt>{t("partnerCase.standing")}</dt>
          <dd>
            <strong>{t(standingLabels[view.standing])}</strong>
          </dd>
        </div>
      </dl>
      <div className="subsection">
        <h3 id="partner-case-given-title">{t("partnerCase.givenTitle")}</h3>
        <p className="muted">{t("partnerCase.givenIntro")}</p>
        {given.length === 0 ? (
          <p className="empty">{t("partnerCase.givenNone")}</p>
        ) : (
          <dl className="details" aria-labelledby="partner-case-given-title">
            {given.map((item) => (
              <div key={item.label}>
                <dt>{t(item.label)}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </>
  );
}

function ContactWays({ view }: { view: PartnerCase }) {
  const { t } = useT();
  return (
    <div className="subsection">
      <h3 id="partner-case-ways-title">{t("partnerCase.waysTitle")}</h3>
      <p className="muted">{t("partnerCase.waysIntro")}</p>
      <ul className="item-list contact-ways" aria-labelledby="partner-case-ways-title">
        {view.contactOptions.map((option) => {
          const verdict = optionVerdict(option);
          return (
            <li key={option.method} className="item-list__item">
              <span>
                <strong>{t(methodLabels[option.method])}</strong>
                {": "}
                <span className={verdict.allowed ? "badge" : "badge badge--overdue"}>
                  {verdict.allowed ? t("partnerCase.allowed") : t("partnerCase.refused")}
                </span>{" "}
                {t(verdict.why)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * What to send: the information letter (PDF, to print and post in a plain envelope) and the
 * text message — each offered only in a way her instructions allow. Neither names him.
 */
function FirstContactMaterial({ caseId, view }: { caseId: string; view: PartnerCase }) {
  const { t } = useT();
  const api = useApi();
  const [sms, setSms] = useState<{ to: string; text: string } | null>(null);
  const submit = useSubmit();
  const allowed = (method: string) =>
    view.contactOptions.some((o) => o.method === method && o.allowed);

  async function showSms() {
    await submit.run(async () => setSms(await api.partnerSms(caseId)));
  }

  if (!allowed("letter") && !allowed("sms")) return null;
  return (
    <div className="subsection">
      <h3 id="partner-case-material-title">{t("partnerCase.materialTitle")}</h3>
      <p className="muted">{t("partnerCase.materialIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      {allowed("letter") && (
        <p>
          <a href={api.partnerLetterUrl(caseId)} download>
            {t("partnerCase.letterLink")}
          </a>
        </p>
      )}
      {allowed("sms") && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={showSms}
            disabled={submit.pending}
          >
            {t("partnerCase.smsShow")}
          </button>
        </p>
      )}
      {sms && (
        <div className="notice" aria-live="polite">
          <p>
            <strong>{t("partnerCase.smsTo", { phone: sms.to })}</strong>
          </p>
          <p className="multiline">{sms.text}</p>
        </div>
      )}
    </div>
  );
}

function Attempts({ view }: { view: PartnerCase }) {
  const { t, lang } = useT();
  return (
    <div className="subsection">
      <h3 id={attemptsTitleId} tabIndex={-1}>
        {t("partnerCase.attemptsTitle")}
      </h3>
      {view.attempts.length === 0 ? (
        <p className="empty">{t("partnerCase.attemptsEmpty")}</p>
      ) : (
        <ul className="item-list" aria-label={t("partnerCase.attemptsCaption")}>
          {view.attempts.map((a) => (
            <li key={a.id} className="item-list__item">
              <span>
                <span className="nowrap">{formatDay(a.attemptedOn, lang)}</span>{" "}
                {t("partnerCase.attemptLine", {
                  method: t(methodLabels[a.method]),
                  outcome: t(outcomeLabels[a.outcome]),
                })}{" "}
                <span className="muted">{t("partnerCase.recordedBy", { name: a.recordedBy })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AttemptForm({
  caseId,
  view,
  beforeSubmit,
  onRecorded,
}: {
  caseId: string;
  view: PartnerCase;
  beforeSubmit: () => void;
  onRecorded: (view: PartnerCase) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(attemptFields);
  const today = localDateInput(new Date());
  const [draft, setDraft] = useState<AttemptDraft>(() => attemptDraftFor(today));
  const set = (changes: Partial<AttemptDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const methods = allowedMethods(view.contactOptions);
  const formTitleId = "partner-case-attempt-form-title";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = checkAttempt(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      const updated = await api.recordContactAttempt(caseId, checked.body);
      setDraft(attemptDraftFor(localDateInput(new Date())));
      onRecorded(updated);
    });
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("partnerCase.attemptFormTitle")}</h3>
      {methods.length === 0 ? (
        <p className="empty">{t("partnerCase.noWayOpen")}</p>
      ) : (
        <>
          <ErrorSummary errors={submit.errors} />
          <form
            className="form form--wide"
            aria-labelledby={formTitleId}
            onSubmit={handleSubmit}
            noValidate
          >
            <RadioGroupField
              label={t("partnerCase.method")}
              hint={t("partnerCase.methodHint")}
              name="method"
              value={draft.method}
              options={methods.map((value) => ({ value, label: t(methodLabels[value]) }))}
              onChange={(method) => setDraft((d) => withMethod(d, method))}
              error={submit.fieldError("method")}
            />
            <TextField
              label={t("partnerCase.attemptedOn")}
              name="attemptedOn"
              type="date"
              max={today}
              value={draft.attemptedOn}
              onChange={(e) => set({ attemptedOn: e.target.value })}
              error={submit.fieldError("attemptedOn")}
            />
            <RadioGroupField
              label={t("partnerCase.outcome")}
              hint={draft.method === "phone" ? t("partnerCase.outcomePhoneHint") : undefined}
              name="outcome"
              value={draft.outcome}
              inline={false}
              options={outcomesFor(draft.method).map((value) => ({
                value,
                label: t(outcomeLabels[value]),
              }))}
              onChange={(outcome) => set({ outcome })}
              error={submit.fieldError("outcome")}
            />
            <button type="submit" className="button" disabled={submit.pending}>
              {t("partnerCase.attemptSubmit")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

function OwnSupport({
  caseId,
  view,
  canWrite,
  beforeSubmit,
  onSaved,
}: {
  caseId: string;
  view: PartnerCase;
  canWrite: boolean;
  beforeSubmit: () => void;
  onSaved: (view: PartnerCase) => void;
}) {
  const { t, lang } = useT();
  const support = view.ownSupport;
  // Once recorded, the form waits behind a button: changing it is the exception.
  const [editing, setEditing] = useState(false);
  const focusLater = useFocusLater();
  return (
    <div className="subsection">
      <h3 id={supportTitleId} tabIndex={-1}>
        {t("partnerCase.supportTitle")}
      </h3>
      <p className="muted">{t("partnerCase.supportIntro")}</p>
      {support ? (
        <dl className="details">
          <div>
            <dt>{t("partnerCase.supportOffered")}</dt>
            <dd>{t(supportLabels[support.kind])}</dd>
          </div>
          {support.note && (
            <div>
              <dt>
                {support.kind === "referral"
                  ? t("partnerCase.referralTo")
                  : t("partnerCase.supportNote")}
              </dt>
              <dd className="multiline">{support.note}</dd>
            </div>
          )}
          <div>
            <dt>{t("partnerCase.offeredOn")}</dt>
            <dd>{formatDay(support.offeredOn, lang)}</dd>
          </div>
        </dl>
      ) : (
        <p className="empty">{t("partnerCase.supportNone")}</p>
      )}
      {canWrite &&
        (support === null || editing ? (
          <SupportForm
            caseId={caseId}
            hasSupport={support !== null}
            beforeSubmit={beforeSubmit}
            onSaved={(updated) => {
              setEditing(false);
              onSaved(updated);
            }}
          />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              beforeSubmit();
              setEditing(true);
              // The button is gone: focus goes to the form's heading.
              focusLater(supportFormTitleId);
            }}
          >
            {t("partnerCase.supportFormTitleChange")}
          </button>
        ))}
    </div>
  );
}

function SupportForm({
  caseId,
  hasSupport,
  beforeSubmit,
  onSaved,
}: {
  caseId: string;
  hasSupport: boolean;
  beforeSubmit: () => void;
  onSaved: (view: PartnerCase) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(supportFields);
  const today = localDateInput(new Date());
  const [draft, setDraft] = useState<SupportDraft>(() => supportDraftFor(today));
  const set = (changes: Partial<SupportDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = checkSupport(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      const updated = await api.offerPartnerSupport(caseId, checked.body);
      setDraft(supportDraftFor(localDateInput(new Date())));
      onSaved(updated);
    });
  }

  return (
    <>
      <h4 id={supportFormTitleId} tabIndex={-1}>
        {hasSupport ? t("partnerCase.supportFormTitleChange") : t("partnerCase.supportFormTitle")}
      </h4>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={supportFormTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <RadioGroupField
          label={t("partnerCase.supportKind")}
          name="kind"
          value={draft.kind}
          inline={false}
          options={supportKinds.map((value) => ({ value, label: t(supportLabels[value]) }))}
          onChange={(kind) => set({ kind })}
          error={submit.fieldError("kind")}
        />
        <TextAreaField
          label={
            draft.kind === "referral"
              ? t("partnerCase.referralTo")
              : t("partnerCase.supportNoteOptional")
          }
          hint={draft.kind === "referral" ? t("partnerCase.referralToHint") : undefined}
          name="note"
          rows={2}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          error={submit.fieldError("note")}
        />
        <TextField
          label={t("partnerCase.offeredOn")}
          name="offeredOn"
          type="date"
          max={today}
          value={draft.offeredOn}
          onChange={(e) => set({ offeredOn: e.target.value })}
          error={submit.fieldError("offeredOn")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("partnerCase.supportSubmit")}
        </button>
      </form>
    </>
  );
}
