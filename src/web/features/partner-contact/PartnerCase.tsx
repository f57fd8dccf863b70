import { useState } from "react";
import type { CaseView, PartnerCase } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import { AttemptForm, Attempts, attemptsTitleId } from "./PartnerCaseAttempts";
import { OwnSupport, supportTitleId } from "./PartnerCaseSupport";
import { givenDetails, methodLabels, optionVerdict, standingLabels } from "./partner-case-model";

/*
 * Partnerkontakt: her own case, opened when the man in treatment consented to his (former)
 * partner being contacted (seed 004). Her worker — never his therapist — sees what he said
 * about reaching her (his information, not hers), the ways her safe-contact instructions
 * leave open and why the others are closed, each attempt and where the contact stands, and
 * the support of her own she was offered. Nothing about him beyond the barrier's events.
 */

const titleId = "partner-case-title";

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
        {view.givenMasked ? (
          <p className="empty">{t("partnerCase.givenMasked")}</p>
        ) : given.length === 0 ? (
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
 * text message — each offered only as the server gives it (view.firstContact: her
 * instructions, an open case, his consent standing, her reveal when she is protected).
 * Neither names him.
 */
function FirstContactMaterial({ caseId, view }: { caseId: string; view: PartnerCase }) {
  const { t } = useT();
  const api = useApi();
  const [sms, setSms] = useState<{ to: string; text: string } | null>(null);
  const submit = useSubmit();
  const { letter, sms: mayText, consentWithdrawn, revealNeeded } = view.firstContact;

  async function showSms() {
    await submit.run(async () => setSms(await api.partnerSms(caseId)));
  }

  if (consentWithdrawn) {
    return (
      <div className="subsection">
        <h3 id="partner-case-material-title">{t("partnerCase.materialTitle")}</h3>
        <p>{t("partnerCase.materialWithdrawn")}</p>
      </div>
    );
  }
  if (!letter && !mayText) return null;
  // A protected partner's letter and text carry her address and number: the server makes
  // them only after her details were revealed with a reason on her page (409 otherwise).
  if (revealNeeded) {
    return (
      <div className="subsection">
        <h3 id="partner-case-material-title">{t("partnerCase.materialTitle")}</h3>
        <p>{t("partnerCase.materialRevealFirst")}</p>
      </div>
    );
  }
  return (
    <div className="subsection">
      <h3 id="partner-case-material-title">{t("partnerCase.materialTitle")}</h3>
      <p className="muted">{t("partnerCase.materialIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      {letter && (
        <p>
          <a href={api.partnerLetterUrl(caseId)} download>
            {t("partnerCase.letterLink")}
          </a>
        </p>
      )}
      {mayText && (
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
