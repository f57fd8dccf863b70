import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { seesCompetence } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { Loading } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import type { CompetenceFigures, CompetenceRegister } from "./api";
import { InstructorForm, MeetingForm, StudyVisitForm, SupervisionForm } from "./CompetenceForms";
import { Entries, Instructors, Trainings } from "./CompetenceTables";
import { TrainingForm } from "./TrainingForm";

/*
 * Kompetens: the organisation's competence register for a year — its figures, trainings with
 * participants, the instructors and their follow-up meetings, supervision given and study
 * visits received. Unit managers and consultants keep it (the server says so: mayKeep).
 */
export function CompetencePage() {
  const { t } = useT();
  if (!seesCompetence(useMe().roles))
    return (
      <Page title={t("competence.title")}>
        <p>{t("competence.forbidden")}</p>
      </Page>
    );
  return <Competence />;
}

function Competence() {
  const { t } = useT();
  const api = useApi();
  const client = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const register = useQuery(["competence", year], (signal) => api.competence(year, signal));
  const figures = useQuery(["competence", year, "figures"], (signal) =>
    api.competenceFigures(year, signal),
  );
  const changed = () => void client.invalidateQueries({ queryKey: ["competence"] });
  const data = register.state.status === "ready" ? register.state.data : null;
  return (
    <Page title={t("competence.title")}>
      <p>{t("competence.intro")}</p>
      <SelectField
        label={t("competence.year")}
        name="year"
        value={String(year)}
        onChange={(e) => setYear(Number(e.target.value))}
      >
        {Array.from({ length: 25 }, (_, back) => thisYear - back).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
      {figures.state.status === "ready" && <Figures figures={figures.state.data} />}
      {register.state.status === "loading" && <Loading />}
      {register.state.status === "error" && <QueryError error={register.state.error} />}
      {data && <Register register={data} onChanged={changed} />}
    </Page>
  );
}

const figureRows: readonly (keyof Omit<CompetenceFigures, "year">)[] = [
  "trainings",
  "trainingHours",
  "participants",
  "jointTrainings",
  "instructorsTrained",
  "instructorsActive",
  "followUpMeetings",
  "supervisionSessions",
  "supervisionHours",
  "studyVisits",
  "studyVisitors",
];

function Figures({ figures }: { figures: CompetenceFigures }) {
  const { t, lang } = useT();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t("competence.figures")}</h2>
      <table className="table">
        <caption>{`${t("competence.figures")} ${figures.year}`}</caption>
        <tbody>
          {figureRows.map((key) => (
            <tr key={key}>
              <th scope="row">{t(`competence.figures.${key}` as PlainMessageKey)}</th>
              <td>{figures[key].toLocaleString(lang === "sv" ? "sv-SE" : "en-GB")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <small>{t("competence.figures.instructorsActiveHint")}</small>
      </p>
    </section>
  );
}

function Register({
  register,
  onChanged,
}: {
  register: CompetenceRegister;
  onChanged: () => void;
}) {
  const { t } = useT();
  const keep = register.mayKeep;
  return (
    <>
      <Section title={t("competence.trainings")}>
        {keep && (
          <OnDemand label={t("competence.form.newTraining")}>
            <TrainingForm instructors={register.instructors} onSaved={onChanged} />
          </OnDemand>
        )}
        <Trainings register={register} onChanged={onChanged} />
      </Section>
      <Section title={t("competence.instructors")}>
        {keep && (
          <OnDemand label={t("competence.form.newInstructor")}>
            <InstructorForm onSaved={onChanged} />
          </OnDemand>
        )}
        <Instructors register={register} onChanged={onChanged} />
      </Section>
      <Section title={t("competence.meetings")}>
        {keep && (
          <OnDemand label={t("competence.form.newMeeting")}>
            <MeetingForm instructors={register.instructors} onSaved={onChanged} />
          </OnDemand>
        )}
        <Entries
          entry="meetings"
          keep={keep}
          onChanged={onChanged}
          empty={t("competence.meetings.empty")}
          rows={register.meetings.map((m) => ({
            id: m.id,
            day: m.heldOn,
            text: `${m.topic} – ${t("competence.meeting.attendees", { count: m.attendeeIds.length })}`,
          }))}
        />
      </Section>
      <Section title={t("competence.supervision")}>
        {keep && (
          <OnDemand label={t("competence.form.newSupervision")}>
            <SupervisionForm onSaved={onChanged} />
          </OnDemand>
        )}
        <Entries
          entry="supervision"
          keep={keep}
          onChanged={onChanged}
          empty={t("competence.supervision.empty")}
          rows={register.supervision.map((s) => ({
            id: s.id,
            day: s.heldOn,
            text: t("competence.supervision.value", {
              group: s.staffGroup,
              hours: s.hours,
              givenBy: s.givenBy,
            }),
          }))}
        />
      </Section>
      <Section title={t("competence.studyVisits")}>
        {keep && (
          <OnDemand label={t("competence.form.newStudyVisit")}>
            <StudyVisitForm onSaved={onChanged} />
          </OnDemand>
        )}
        <Entries
          entry="study-visits"
          keep={keep}
          onChanged={onChanged}
          empty={t("competence.studyVisits.empty")}
          rows={register.studyVisits.map((v) => ({
            id: v.id,
            day: v.visitedOn,
            text: t("competence.studyVisit.value", {
              organisation: v.visitorsOrganisation,
              visitors: v.visitors,
            }),
          }))}
        />
      </Section>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
