import { useState } from "react";
import { Link, useParams } from "react-router";
import type { ServiceContactView, ServiceCourseView } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { ChildWorkPanel } from "../child-work/ChildWorkPanel";
import { ContactIntake } from "./ContactIntake";
import { codeText, minutesText, subjectText } from "./service-text";

/** A course of service contacts: who, its contacts newest first, a further contact, intake, close. */
export function CoursePage() {
  const { t } = useT();
  const api = useApi();
  const { courseId = "" } = useParams();
  const query = useQuery(["service-course", courseId], (signal) =>
    api.serviceCourse(courseId, signal),
  );
  const { state } = query;
  if (state.status !== "ready")
    return (
      <Page title={t("serviceContacts.courseTitle")}>
        {state.status === "loading" ? (
          <Loading />
        ) : isNotFound(state.error) ? (
          <p>{t("serviceContacts.notFound")}</p>
        ) : (
          <QueryError error={state.error} />
        )}
      </Page>
    );
  return <Course course={state.data} onChange={query.setData} />;
}

function Course({
  course,
  onChange,
}: {
  course: ServiceCourseView;
  onChange: (course: ServiceCourseView) => void;
}) {
  const { t } = useT();
  const [intakeOf, setIntakeOf] = useState<ServiceContactView | null>(null);
  return (
    <Page
      title={t("serviceContacts.courseOf", { who: subjectText(t, course.subject) })}
      documentTitle={t("serviceContacts.courseTitle")}
    >
      <CourseFacts course={course} />
      <CourseActions course={course} onChange={onChange} />
      {intakeOf && <ContactIntake course={course} contact={intakeOf} />}
      <section className="section" aria-labelledby="course-contacts-title">
        <h2 id="course-contacts-title">{t("serviceContacts.contactsTitle")}</h2>
        <ol className="result-list">
          {course.contactList.map((c) => (
            <li key={c.id} className="result-list__item">
              <ContactItem contact={c} onIntake={() => setIntakeOf(c)} />
            </li>
          ))}
        </ol>
      </section>
      {course.isChild && <ChildWorkPanel anchor={{ courseId: course.id }} />}
    </Page>
  );
}

function CourseFacts({ course }: { course: ServiceCourseView }) {
  const { t, lang } = useT();
  const facts: [string, string][] = [
    [t("serviceContacts.who"), subjectText(t, course.subject)],
    [t("serviceContacts.unit"), course.unitName],
    [t("serviceContacts.responsible"), course.responsibleName],
    [
      t("serviceContacts.contacts"),
      t("serviceContacts.contactsValue", {
        count: course.contacts,
        time: minutesText(t, course.totalMinutes),
      }),
    ],
    [
      t("serviceContacts.period"),
      `${formatDateTimeShort(course.firstAt, lang)} – ${formatDateTimeShort(course.lastAt, lang)}`,
    ],
  ];
  if (course.sex) facts.push([t("serviceContacts.sexLabel"), codeText(t, "sex", course.sex)]);
  if (course.isChild) facts.push([t("serviceContacts.isChild"), t("common.yes")]);
  if (course.closedAt)
    facts.push([t("serviceContacts.closedAt"), formatDateTimeShort(course.closedAt, lang)]);
  return (
    <dl className="details">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {course.subject.kind === "identified" && course.subject.name && (
        <div>
          <dt>{t("serviceContacts.personPage")}</dt>
          <dd>
            <Link to={`/persons/${course.subject.personId}`}>{course.subject.name}</Link>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** A further contact in the same course, and closing it. */
function CourseActions({
  course,
  onChange,
}: {
  course: ServiceCourseView;
  onChange: (course: ServiceCourseView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const invalidate = useInvalidate();
  const submit = useSubmit();
  if (course.closedAt) return null;
  async function close() {
    await submit.run(async () => {
      onChange(await api.closeServiceCourse(course.id));
      invalidate(["service-courses"]);
    });
  }
  return (
    <div className="section">
      <ErrorSummary errors={submit.errors} />
      <p className="actions">
        <Link className="button" to={`/service-contacts/new?course=${course.id}`}>
          {t("serviceContacts.newInCourse")}
        </Link>{" "}
        <button
          type="button"
          className="button button--secondary"
          onClick={close}
          disabled={submit.pending}
        >
          {t("serviceContacts.close")}
        </button>
      </p>
    </div>
  );
}

function ContactItem({
  contact: c,
  onIntake,
}: {
  contact: ServiceContactView;
  onIntake: () => void;
}) {
  const { t, lang } = useT();
  return (
    <article aria-labelledby={`contact-${c.id}`}>
      <h3 id={`contact-${c.id}`}>
        {codeText(t, "kind", c.kind)}, {formatDateTimeShort(c.occurredAt, lang)}
      </h3>
      <p>
        {t("serviceContacts.contactLine", {
          channel: codeText(t, "channel", c.channel),
          time: minutesText(t, c.durationMinutes),
          worker: c.workerName,
        })}
      </p>
      <p>
        <strong>{c.topic}</strong>
      </p>
      {c.summary && <p className="multiline">{c.summary}</p>}
      {c.violenceKinds.length > 0 && (
        <p>
          {t("serviceContacts.violenceKinds")}:{" "}
          {c.violenceKinds.map((v) => codeText(t, "violence", v)).join(", ")}
        </p>
      )}
      <p>
        {t("serviceContacts.outcomeLabel")}: {codeText(t, "outcome", c.outcome)}
        {c.referredTo && ` – ${c.referredTo}`}
        {c.caseId && (
          <>
            {" "}
            <Link to={`/cases/${c.caseId}`}>{t("serviceContacts.toCase")}</Link>
          </>
        )}
      </p>
      {c.outcome !== "intake_made" && (
        <button type="button" className="button button--secondary" onClick={onIntake}>
          {t("serviceContacts.makeIntake")}
        </button>
      )}
    </article>
  );
}
