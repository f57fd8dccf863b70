import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { ErrorSummary } from "../../ui/Messages";
import type { CompetenceEntry, CompetenceRegister } from "./api";
import { meetingsAttended, participantsOf } from "./competence-model";

/* The Kompetens page's tables: trainings, instructors, and the year's other entries. */

function RemoveButton({
  entry,
  id,
  name,
  onChanged,
}: {
  entry: CompetenceEntry;
  id: string;
  name: string;
  onChanged: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit();
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        aria-label={t("competence.removeNamed", { name })}
        disabled={submit.pending}
        onClick={() =>
          void submit.run(async () => {
            await api.removeCompetenceEntry(entry, id);
            onChanged();
          })
        }
      >
        {t("competence.remove")}
      </button>
      <ErrorSummary errors={submit.errors} />
    </>
  );
}

export function Trainings({
  register,
  onChanged,
}: {
  register: CompetenceRegister;
  onChanged: () => void;
}) {
  const { t, lang } = useT();
  if (register.trainings.length === 0) return <p>{t("competence.trainings.empty")}</p>;
  return (
    <table className="table table--cards">
      <thead>
        <tr>
          <th scope="col">{t("competence.training.title")}</th>
          <th scope="col">{t("competence.training.when")}</th>
          <th scope="col">{t("competence.training.hours")}</th>
          <th scope="col">{t("competence.training.participants")}</th>
        </tr>
      </thead>
      <tbody>
        {register.trainings.map((tr) => (
          <tr key={tr.id}>
            <th scope="row">
              {tr.title}
              <br />
              <small>
                {t(`competence.kind.${tr.kind}` as PlainMessageKey)} · {tr.organiser}
                {tr.jointWith.length > 0 &&
                  ` · ${t("competence.training.jointWith")}: ${tr.jointWith.map((a) => t(`competence.agency.${a}` as PlainMessageKey)).join(", ")}`}
              </small>
              {register.mayKeep && (
                <RemoveButton entry="trainings" id={tr.id} name={tr.title} onChanged={onChanged} />
              )}
            </th>
            <td data-label={t("competence.training.when")}>
              {formatDay(tr.startsOn, lang)}
              {tr.endsOn ? ` – ${formatDay(tr.endsOn, lang)}` : ""}
            </td>
            <td data-label={t("competence.training.hours")}>
              {t("competence.training.hoursValue", { hours: tr.hours, sessions: tr.sessions })}
            </td>
            <td data-label={t("competence.training.participants")}>
              {t("competence.training.participantsTotal", { count: participantsOf(tr) })}
              <ul>
                {tr.participants.map((g) => (
                  <li key={`${g.organisation}-${g.role}`}>
                    {g.organisation}
                    {g.role ? `, ${g.role}` : ""}: {g.participants}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Instructors({
  register,
  onChanged,
}: {
  register: CompetenceRegister;
  onChanged: () => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const submit = useSubmit();
  if (register.instructors.length === 0) return <p>{t("competence.instructors.empty")}</p>;
  const toggle = (i: CompetenceRegister["instructors"][number]) =>
    void submit.run(async () => {
      const { id, version, ...body } = i;
      await api.changeInstructor(id, { ...body, active: !i.active, version });
      onChanged();
    });
  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <table className="table table--cards">
        <thead>
          <tr>
            <th scope="col">{t("competence.instructor.name")}</th>
            <th scope="col">{t("competence.instructor.administration")}</th>
            <th scope="col">{t("competence.instructor.trainedOn")}</th>
            <th scope="col">{t("competence.instructor.status")}</th>
          </tr>
        </thead>
        <tbody>
          {register.instructors.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.name}</th>
              <td data-label={t("competence.instructor.administration")}>{i.administration}</td>
              <td data-label={t("competence.instructor.trainedOn")}>
                {formatDay(i.trainedOn, lang)}
              </td>
              <td data-label={t("competence.instructor.status")}>
                {t(i.active ? "competence.instructor.active" : "competence.instructor.inactive")}
                {" · "}
                {t("competence.instructor.meetings", { count: meetingsAttended(register, i.id) })}
                {register.mayKeep && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={submit.pending}
                    onClick={() => toggle(i)}
                  >
                    {t(
                      i.active
                        ? "competence.instructor.deactivate"
                        : "competence.instructor.activate",
                      { name: i.name },
                    )}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function Entries({
  entry,
  rows,
  keep,
  empty,
  onChanged,
}: {
  entry: CompetenceEntry;
  rows: { id: string; day: string; text: string }[];
  keep: boolean;
  empty: string;
  onChanged: () => void;
}) {
  const { lang } = useT();
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul className="plain-list">
      {rows.map((r) => (
        <li key={r.id}>
          {formatDay(r.day, lang)}: {r.text}{" "}
          {keep && (
            <RemoveButton
              entry={entry}
              id={r.id}
              name={`${formatDay(r.day, lang)} ${r.text}`}
              onChanged={onChanged}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
