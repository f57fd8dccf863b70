import { type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import type { PersonDetail, PersonDetails } from "../../api/endpoints";
import { useT } from "../../i18n/useT";
import { StatusMessage } from "../../ui/Messages";
import { answerOf } from "../cases/casework-model";
import { EditDetails } from "./EditDetails";
import { MaskedContact } from "./RevealContact";

const safeContactTitleId = "safe-contact-title";
const editButtonId = "person-details-edit";

/**
 * Safe contact (säker kontakt), language and interpreter, and contact details. Safety comes
 * first: how and when the person may be reached is shown before anything else about them.
 * Only those who work one of the person's cases get these details (`details` is null for
 * anyone else, e.g. someone who only registered the person).
 */
export function PersonContact({
  person,
  onChange,
}: {
  person: PersonDetail;
  onChange: (person: PersonDetail) => void;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const details = person.details;

  // Leaving the form without saving: focus goes back to the button that opened it.
  useEffect(() => {
    if (!editing && cancelled) document.getElementById(editButtonId)?.focus();
  }, [editing, cancelled]);

  if (!details) return <DetailsHidden />;

  if (editing) {
    return (
      <>
        {person.contactMasked && <p className="notice">{t("reveal.editMasked")}</p>}
        <EditDetails
          personId={person.id}
          details={details}
          // Details are shown only to those who work one of the person's cases, who know it.
          protectionLevel={person.protectionLevel ?? "none"}
          mayLowerProtection={person.abilities.lowerProtection}
          onSaved={(updated) => {
            onChange(updated);
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => {
            setCancelled(true);
            setEditing(false);
          }}
        />
      </>
    );
  }

  return (
    <>
      <StatusMessage message={saved ? t("person.detailsSaved") : null} />
      <SafeContactPanel details={details} headingRef={headingRef} focusOnMount={saved} />
      <LanguageSection details={details} />
      <ContactSection
        details={details}
        protectedContact={<MaskedContact person={person} onChange={onChange} />}
        onEdit={() => {
          setSaved(false);
          setCancelled(false);
          setEditing(true);
        }}
      />
    </>
  );
}

/** In place of the safe contact, for someone who works none of the person's cases. */
function DetailsHidden() {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby={safeContactTitleId}>
      <h2 id={safeContactTitleId}>{t("person.safeContactTitle")}</h2>
      <p>{t("person.detailsHidden")}</p>
    </section>
  );
}

function LanguageSection({ details }: { details: PersonDetails }) {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="person-language-title">
      <h2 id="person-language-title">{t("person.languageTitle")}</h2>
      <dl className="details">
        <Item label={t("person.languages")}>
          {details.languages.length > 0 ? details.languages.join(", ") : t("common.notGiven")}
        </Item>
        <Item label={t("person.interpreterNeeded")}>
          {details.interpreterNeeded ? t("common.yes") : t("common.no")}
        </Item>
        {details.interpreterNeeded && (
          <Item label={t("person.interpreterLanguage")}>
            {details.interpreterLanguage ?? t("common.notGiven")}
          </Item>
        )}
      </dl>
    </section>
  );
}

/** Phone, e-mail and address, and the button that opens the form for all the details. */
function ContactSection({
  details,
  protectedContact,
  onEdit,
}: {
  details: PersonDetails;
  protectedContact: ReactNode;
  onEdit: () => void;
}) {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="person-contact-title">
      <h2 id="person-contact-title">{t("person.contactTitle")}</h2>
      {protectedContact}
      <dl className="details">
        <Item label={t("person.phone")}>{details.phone ?? t("common.notGiven")}</Item>
        <Item label={t("person.email")}>{details.email ?? t("common.notGiven")}</Item>
        <Item label={t("person.postalAddress")}>
          <span className="multiline">{details.postalAddress ?? t("common.notGiven")}</span>
        </Item>
      </dl>
      <button id={editButtonId} type="button" className="button button--secondary" onClick={onEdit}>
        {t("person.editDetails")}
      </button>
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function AnswerText({ value }: { value: boolean | null }) {
  const { t } = useT();
  const answer = answerOf(value);
  if (answer === "unasked") return <>{t("common.notAsked")}</>;
  return (
    <span className={answer === "no" ? "answer--no" : undefined}>
      {answer === "yes" ? t("common.yes") : t("common.no")}
    </span>
  );
}

function SafeContactPanel({
  details,
  headingRef,
  focusOnMount,
}: {
  details: PersonDetails;
  headingRef: RefObject<HTMLHeadingElement | null>;
  focusOnMount: boolean;
}) {
  const { t } = useT();
  const sc = details.safeContact;

  // After saving, the form is gone: focus goes to the safe-contact heading.
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount, headingRef]);

  return (
    <section className="section safe-contact" aria-labelledby={safeContactTitleId}>
      <h2 id={safeContactTitleId} ref={headingRef} tabIndex={-1}>
        {t("person.safeContactTitle")}
      </h2>
      <p>{t("person.safeContactIntro")}</p>
      <dl className="details">
        <Item label={t("person.mayCall")}>
          <AnswerText value={sc.mayCall} />
        </Item>
        <Item label={t("person.mayLeaveVoicemail")}>
          <AnswerText value={sc.mayLeaveVoicemail} />
        </Item>
        <Item label={t("person.maySendSms")}>
          <AnswerText value={sc.maySendSms} />
        </Item>
        <Item label={t("person.maySendLetters")}>
          <AnswerText value={sc.maySendLetters} />
        </Item>
        {sc.maySendLetters && (
          <Item label={t("person.letterAddress")}>
            <span className="multiline">{sc.letterAddress ?? t("common.notGiven")}</span>
          </Item>
        )}
        <Item label={t("person.timesToAvoid")}>{sc.timesToAvoid ?? t("common.notGiven")}</Item>
        <Item label={t("person.codeWord")}>
          <CodeWordText codeWord={sc.codeWord} />
        </Item>
        {sc.notes && (
          <Item label={t("person.safeContactNotes")}>
            <span className="multiline">{sc.notes}</span>
          </Item>
        )}
      </dl>
    </section>
  );
}

/** The code word, hidden until asked for (someone may be looking over the shoulder). */
function CodeWordText({ codeWord }: { codeWord: string | null }) {
  const { t } = useT();
  const [showCode, setShowCode] = useState(false);
  const codeId = "safe-contact-code-word";
  if (!codeWord) return <>{t("common.notGiven")}</>;
  return (
    <span className="code-word">
      <span id={codeId}>{showCode ? codeWord : t("person.codeWordHidden")}</span>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-controls={codeId}
        aria-label={showCode ? t("person.hideCodeWordLabel") : t("person.showCodeWordLabel")}
        onClick={() => setShowCode((s) => !s)}
      >
        {showCode ? t("person.hideCodeWord") : t("person.showCodeWord")}
      </button>
    </span>
  );
}
