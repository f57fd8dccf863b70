import { useState } from "react";
import type { RecordIntakeInput, ServiceContactView, ServiceCourseView } from "../../api/endpoints";
import { caseUnits } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { formatDateTimeShort } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { IntakeForm } from "../intake/Intake";
import { PersonSearch, personName } from "../persons/PersonSearch";
import { RegisterPersonForm } from "../persons/PersonSearchPage";
import { intakeDraftOf } from "./contact-model";
import { codeText } from "./service-text";

interface Person {
  id: string;
  name: string;
}

/**
 * "Gör aktualisering": the contact becomes an intake, on the intake feature's own form,
 * started with what the contact says (its time and channel, what was said). A course that is
 * not identified asks first who the person is: found by the search, or registered here.
 */
export function ContactIntake({
  course,
  contact,
}: {
  course: ServiceCourseView;
  contact: ServiceContactView;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const me = useMe();
  const units = caseUnits(me.roles);
  const known: Person | null =
    course.subject.kind === "identified"
      ? { id: course.subject.personId, name: course.subject.name ?? "" }
      : null;
  const [chosen, setChosen] = useState<Person | null>(known);
  const unitId = units.find((u) => u.id === course.unitId)?.id ?? units[0]?.id ?? "";
  // The contact's channel and time travel from the contact itself: not sent from the form.
  const send = ({ channel: _c, receivedAt: _r, personId, ...rest }: RecordIntakeInput) =>
    api.contactIntake(contact.id, known ? rest : { ...rest, personId });
  return (
    <section className="section" aria-labelledby="contact-intake-title">
      <h2 id="contact-intake-title">{t("serviceContacts.intakeTitle")}</h2>
      {chosen === null ? (
        <IdentifyPerson onChosen={setChosen} />
      ) : (
        <>
          {chosen.name && <p>{t("serviceContacts.intakeFor", { name: chosen.name })}</p>}
          <IntakeForm
            key={chosen.id}
            personId={chosen.id}
            units={units}
            initial={intakeDraftOf(contact, unitId)}
            send={send}
            arrival={
              <p>
                {t("serviceContacts.intakeArrival", {
                  time: formatDateTimeShort(contact.occurredAt, lang),
                  channel: codeText(t, "channel", contact.channel),
                })}
              </p>
            }
          />
        </>
      )}
    </section>
  );
}

/** Who the person is: someone already registered, or registered now. */
function IdentifyPerson({ onChosen }: { onChosen: (person: Person) => void }) {
  const { t } = useT();
  return (
    <>
      <p>{t("serviceContacts.identifyFirst")}</p>
      <PersonSearch
        label={t("serviceContacts.findPerson")}
        renderResult={(p) => (
          <>
            {personName(p)}{" "}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChosen({ id: p.id, name: personName(p) })}
            >
              {t("serviceContacts.choose", { name: personName(p) })}
            </button>
          </>
        )}
      />
      <h3 id="contact-intake-register">{t("serviceContacts.registerTitle")}</h3>
      <RegisterPersonForm
        titleId="contact-intake-register"
        onRegistered={(p) => onChosen({ id: p.id, name: personName(p) })}
      />
    </>
  );
}
