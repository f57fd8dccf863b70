import { type FormEvent, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import type { IssuedLinksView, SurveyDetail } from "./api";
import { respondentsOf } from "./survey-model";

type OnChanged = (survey: SurveyDetail, links?: IssuedLinksView["links"]) => void;

/**
 * Who is asked, and whether each has answered (never what). Respondents are added one per
 * line; while the survey is open each new one gets a link at once, and one who has not
 * answered may get a new link (the old stops working) or be removed.
 */
export function Respondents({ survey, onChanged }: { survey: SurveyDetail; onChanged: OnChanged }) {
  const { t } = useT();
  const submit = useSubmit();
  const act = (action: () => Promise<void>) => void submit.run(action);
  return (
    <section className="section" aria-labelledby="survey-respondents">
      <h2 id="survey-respondents">{t("surveys.respondents")}</h2>
      <ErrorSummary errors={submit.errors} />
      {survey.respondents.length === 0 ? (
        <p className="empty">{t("surveys.respondentsNone")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t("surveys.respondentsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.colRespondent")}</th>
                <th scope="col">{t("surveys.colGroup")}</th>
                <th scope="col">{t("surveys.colEmail")}</th>
                <th scope="col">{t("surveys.colLink")}</th>
                <th scope="col">{t("surveys.colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {survey.respondents.map((r) => (
                <RespondentRow
                  key={r.id}
                  survey={survey}
                  respondent={r}
                  pending={submit.pending}
                  act={act}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {survey.state !== "closed" && (
        <OnDemand label={t("surveys.addRespondents")}>
          <AddRespondents survey={survey} onChanged={onChanged} />
        </OnDemand>
      )}
    </section>
  );
}

/** One respondent: whether they have answered, a new link while open, removal before answering. */
function RespondentRow({
  survey,
  respondent: r,
  pending,
  act,
  onChanged,
}: {
  survey: SurveyDetail;
  respondent: SurveyDetail["respondents"][number];
  pending: boolean;
  act: (action: () => Promise<void>) => void;
  onChanged: OnChanged;
}) {
  const { t } = useT();
  const api = useApi();
  return (
    <tr>
      <td>{r.label}</td>
      <td>{r.group}</td>
      <td>{r.email ?? "–"}</td>
      <td>{t(`surveys.link.${r.link}`)}</td>
      <td>
        {survey.state === "open" && r.link !== "answered" && (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={pending}
            onClick={() =>
              act(async () => {
                const made = await api.newSurveyLink(survey.id, r.id, false);
                onChanged(made.survey, made.links);
              })
            }
          >
            {t("surveys.newLink", { label: r.label })}
          </button>
        )}{" "}
        {survey.state !== "closed" && r.link !== "answered" && (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={pending}
            onClick={() => act(async () => onChanged(await api.removeRespondent(survey.id, r.id)))}
          >
            {t("surveys.remove", { label: r.label })}
          </button>
        )}
      </td>
    </tr>
  );
}

function AddRespondents({ survey, onChanged }: { survey: SurveyDetail; onChanged: OnChanged }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["respondents"]);
  const [group, setGroup] = useState(survey.groups[0] ?? "");
  const [text, setText] = useState("");

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const added = await api.addRespondents(survey.id, {
        respondents: respondentsOf(text, group),
      });
      setText("");
      onChanged(added.survey, added.links);
    });
  }

  return (
    <form className="form" aria-labelledby="survey-add" onSubmit={handleSubmit} noValidate>
      <h3 id="survey-add">{t("surveys.addRespondents")}</h3>
      <ErrorSummary errors={submit.errors} />
      {survey.groups.length > 1 && (
        <SelectField
          label={t("surveys.respondentGroup")}
          name="group"
          value={group}
          onChange={(e) => setGroup(e.target.value)}
        >
          {survey.groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        label={t("surveys.respondentLines")}
        hint={t("surveys.respondentLinesHint")}
        name="respondents"
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={submit.fieldError("respondents")}
      />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("surveys.add")}
      </button>
    </form>
  );
}
