import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { courseSexes } from "../../../shared/api/service-contacts";
import { serviceUnits, type UnitRef } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, RadioGroupField, SelectField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { PersonSearch, personName } from "../persons/PersonSearch";
import { ContactFields, contactFieldNames } from "./ContactFields";
import {
  type ContactDraft,
  type CourseDraft,
  contactBody,
  emptyContact,
  emptyCourse,
  type Who,
} from "./contact-model";
import { codeText, subjectText } from "./service-text";

const fieldNames = [
  ...contactFieldNames,
  "course",
  "course.unitId",
  "unitId",
  "personId",
  "firstName",
  "birthYear",
] as const;

/**
 * Ny kontakt: first who it was with (a registered person, a first name and birth year, or
 * nobody named), then the contact. With ?course= a further contact in that course (a series
 * of visits is one course); with ?person= a registered person chosen from their page.
 */
export function NewContactPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const courseId = params.get("course");
  return (
    <Page title={t(courseId ? "serviceContacts.newInCourse" : "serviceContacts.new")}>
      <ContactForm courseId={courseId} personId={params.get("person") ?? ""} />
    </Page>
  );
}

function ContactForm({ courseId, personId }: { courseId: string | null; personId: string }) {
  const { t } = useT();
  const api = useApi();
  const me = useMe();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const submit = useSubmit(fieldNames);
  const units = serviceUnits(me.roles);
  const [contact, setContact] = useState<ContactDraft>(() => emptyContact(new Date()));
  const [course, setCourse] = useState<CourseDraft>(() =>
    emptyCourse(units[0]?.id ?? "", personId),
  );

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = contactBody(contact, courseId ? { courseId } : course);
    if (!checked.ok) {
      const fields: Record<string, string> = {};
      for (const [name, key] of Object.entries(checked.fields)) fields[name] = t(key);
      submit.reject(fields);
      return;
    }
    await submit.run(async () => {
      const result = await api.recordServiceContact(checked.body);
      invalidate(["service-courses"]);
      invalidate(["service-course", result.course.id]);
      navigate(`/service-contacts/courses/${result.course.id}`);
    });
  }

  const setWho = (changes: Partial<CourseDraft>) => setCourse((c) => ({ ...c, ...changes }));
  return (
    <>
      <ErrorSummary errors={submit.errors} />
      {courseId ? (
        <CourseNote courseId={courseId} />
      ) : (
        // Outside the form: the person search is a form of its own.
        <WhoChoice units={units} draft={course} set={setWho} fieldError={submit.fieldError} />
      )}
      <form
        className="form"
        aria-label={t("serviceContacts.formLabel")}
        onSubmit={handleSubmit}
        noValidate
      >
        {!courseId && <WhoFields draft={course} set={setWho} fieldError={submit.fieldError} />}
        <h2>{t("serviceContacts.contactTitle")}</h2>
        <ContactFields
          draft={contact}
          set={(changes) => setContact((c) => ({ ...c, ...changes }))}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("serviceContacts.save")}
        </button>
      </form>
    </>
  );
}

/** Which course a further contact joins. */
function CourseNote({ courseId }: { courseId: string }) {
  const { t } = useT();
  const api = useApi();
  const existing = useQuery(["service-course", courseId], (signal) =>
    api.serviceCourse(courseId, signal),
  );
  if (existing.state.status !== "ready") return null;
  return (
    <p>
      {t("serviceContacts.inCourseOf", {
        who: subjectText(t, existing.state.data.subject),
        kind: codeText(t, "kind", existing.state.data.lastKind),
      })}
    </p>
  );
}

interface WhoProps {
  units: readonly UnitRef[];
  draft: CourseDraft;
  set: (changes: Partial<CourseDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

/** Who the contact was with; an anonymous or first-name contact never names a person. */
function WhoChoice({ units, draft, set, fieldError }: WhoProps) {
  const { t } = useT();
  const whoOptions: { value: Who; label: string }[] = [
    { value: "anonymous", label: t("serviceContacts.whoAnonymous") },
    { value: "first_name", label: t("serviceContacts.whoFirstName") },
    { value: "identified", label: t("serviceContacts.whoIdentified") },
  ];
  return (
    <section className="section" aria-labelledby="service-who-title">
      <h2 id="service-who-title">{t("serviceContacts.whoTitle")}</h2>
      {units.length > 1 && (
        <SelectField
          label={t("serviceContacts.unit")}
          name="unitId"
          value={draft.unitId}
          onChange={(e) => set({ unitId: e.target.value })}
          error={fieldError("course.unitId")}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
      <RadioGroupField
        label={t("serviceContacts.who")}
        hint={t("serviceContacts.whoHint")}
        name="who"
        value={draft.who}
        options={whoOptions}
        onChange={(who) => set({ who })}
        inline={false}
      />
      {draft.who === "identified" && (
        <ChosenPerson draft={draft} set={set} fieldError={fieldError} />
      )}
    </section>
  );
}

/** What the form asks of someone not registered: a first name, a birth year; sex and age. */
function WhoFields({ draft, set, fieldError }: Omit<WhoProps, "units">) {
  const { t } = useT();
  return (
    <>
      {draft.who === "first_name" && (
        <TextField
          label={t("serviceContacts.firstName")}
          hint={t("serviceContacts.firstNameHint")}
          name="firstName"
          autoComplete="off"
          value={draft.firstName}
          onChange={(e) => set({ firstName: e.target.value })}
          error={fieldError("firstName") ?? fieldError("course.subject.firstName")}
        />
      )}
      {draft.who !== "identified" && (
        <TextField
          label={t(
            draft.who === "anonymous"
              ? "serviceContacts.birthYearOptional"
              : "serviceContacts.birthYear",
          )}
          name="birthYear"
          inputMode="numeric"
          autoComplete="off"
          value={draft.birthYear}
          onChange={(e) => set({ birthYear: e.target.value })}
          error={fieldError("birthYear")}
        />
      )}
      <SelectField
        label={t("serviceContacts.sexLabel")}
        name="sex"
        value={draft.sex}
        onChange={(e) => {
          const sex = courseSexes.find((s) => s === e.target.value);
          set({ sex: sex ?? "" });
        }}
      >
        <option value="">{t("serviceContacts.sexUnknown")}</option>
        {courseSexes.map((s) => (
          <option key={s} value={s}>
            {codeText(t, "sex", s)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label={t("serviceContacts.isChild")}
        name="isChild"
        checked={draft.isChild}
        onChange={(e) => set({ isChild: e.target.checked })}
      />
    </>
  );
}

/** The registered person: found by the search, or registered first (Sök person). */
function ChosenPerson({ draft, set, fieldError }: Omit<WhoProps, "units">) {
  const { t } = useT();
  const api = useApi();
  const person = useQuery(
    draft.personId && !draft.personName ? ["person", draft.personId] : null,
    (signal) => api.person(draft.personId, signal),
  );
  const name =
    draft.personName || (person.state.status === "ready" ? personName(person.state.data) : "");
  const error = fieldError("personId");
  if (draft.personId)
    return (
      <p>
        {t("serviceContacts.chosenPerson", { name })}{" "}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => set({ personId: "", personName: "" })}
        >
          {t("serviceContacts.chooseOther")}
        </button>
      </p>
    );
  return (
    <div className="section">
      {error && <p className="field__error">{error}</p>}
      <PersonSearch
        label={t("serviceContacts.findPerson")}
        renderResult={(p) => (
          <>
            {personName(p)}{" "}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => set({ personId: p.id, personName: personName(p) })}
            >
              {t("serviceContacts.choose", { name: personName(p) })}
            </button>
          </>
        )}
      />
      <p>
        <Link to="/persons/search">{t("serviceContacts.registerFirst")}</Link>
      </p>
    </div>
  );
}
