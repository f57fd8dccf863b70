import { type FormEvent, useEffect, useRef, useState } from "react";
import { revealReasonCodes } from "../../../shared/api/protection";
import { maskDetails } from "../../../shared/contact-mask";
import type { PersonDetail } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";

type ReasonCode = (typeof revealReasonCodes)[number];
const reasonLabels: Readonly<Record<ReasonCode, PlainMessageKey>> = {
  send_decision_via_skatteverket: "reveal.reason.send_decision_via_skatteverket",
  safety_contact: "reveal.reason.safety_contact",
  payment: "reveal.reason.payment",
  other: "reveal.reason.other",
};
const dialogTitleId = "reveal-title";
const revealButtonId = "reveal-open";

/**
 * Reveal with a reason (issue 19, item 2): her address and contact details are masked; the
 * worker says why they need them, sees them for a few minutes (a countdown), and then the
 * page masks them again. The reason goes to her protection officer.
 */
export function MaskedContact({
  person,
  onChange,
}: {
  person: PersonDetail;
  onChange: (person: PersonDetail) => void;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [hidden, setHidden] = useState(false);
  const until = person.revealedUntil;

  const hide = () => {
    if (!person.details) return;
    onChange({
      ...person,
      details: maskDetails(person.details),
      contactMasked: true,
      revealedUntil: null,
    });
    setHidden(true);
  };

  if (until) return <Countdown until={until} onEnd={hide} />;
  if (!person.contactMasked) return null;
  return (
    <div className="protected-contact">
      <p>
        <strong>{t("reveal.maskedTitle")}</strong> {t("reveal.maskedText")}
      </p>
      {hidden && <p role="status">{t("reveal.hiddenAgain")}</p>}
      {!person.abilities.reveal && <p>{t("reveal.notOffered")}</p>}
      {person.abilities.reveal && (
        <button
          id={revealButtonId}
          type="button"
          className="button button--secondary"
          onClick={() => setOpen(true)}
        >
          {t("reveal.open")}
        </button>
      )}
      {open && (
        <RevealDialog
          personId={person.id}
          onClose={() => {
            setOpen(false);
            document.getElementById(revealButtonId)?.focus();
          }}
          onRevealed={(details, expiresAt) => {
            setOpen(false);
            setHidden(false);
            onChange({ ...person, details, contactMasked: false, revealedUntil: expiresAt });
          }}
        />
      )}
    </div>
  );
}

/** Minutes and seconds left of the reveal; at the end the details are masked again. */
function Countdown({ until, onEnd }: { until: string; onEnd: () => void }) {
  const { t } = useT();
  const end = new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  const ended = useRef(false);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((end - now) / 1000));
  useEffect(() => {
    if (left === 0 && !ended.current) {
      ended.current = true;
      onEnd();
    }
  }, [left, onEnd]);
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  return (
    <p className="protected-contact protected-contact--shown">{t("reveal.shownFor", { time })}</p>
  );
}

function RevealDialog({
  personId,
  onClose,
  onRevealed,
}: {
  personId: string;
  onClose: () => void;
  onRevealed: (details: NonNullable<PersonDetail["details"]>, expiresAt: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["reasonCode", "reasonText"]);
  const dialog = useRef<HTMLDialogElement>(null);
  const [reasonCode, setReasonCode] = useState<ReasonCode | "">("");
  const [reasonText, setReasonText] = useState("");

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (reasonCode === "" && reasonText.trim() === "") {
      submit.reject({ reasonCode: t("reveal.reasonMissing") });
      return;
    }
    const input = {
      ...(reasonCode !== "" ? { reasonCode } : {}),
      reasonText: reasonText.trim() || null,
    };
    await submit.run(async () => {
      const revealed = await api.revealContact(personId, input);
      onRevealed(revealed.details, revealed.expiresAt);
    });
  }

  return (
    <dialog
      ref={dialog}
      className="reveal-dialog"
      aria-labelledby={dialogTitleId}
      onClose={onClose}
    >
      <form onSubmit={handleSubmit} noValidate>
        <h2 id={dialogTitleId}>{t("reveal.title")}</h2>
        <p>{t("reveal.intro")}</p>
        <ErrorSummary errors={submit.errors} />
        <RadioGroupField
          label={t("reveal.reason")}
          name="reasonCode"
          value={reasonCode}
          inline={false}
          options={revealReasonCodes.map((code) => ({ value: code, label: t(reasonLabels[code]) }))}
          onChange={setReasonCode}
          error={submit.fieldError("reasonCode")}
        />
        <TextAreaField
          label={t("reveal.reasonText")}
          hint={t("reveal.reasonTextHint")}
          name="reasonText"
          value={reasonText}
          maxLength={500}
          onChange={(e) => setReasonText(e.target.value)}
          error={submit.fieldError("reasonText")}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={submit.pending}>
            {t("reveal.submit")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => dialog.current?.close()}
          >
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
