import { useState } from "react";
import { Link, useParams } from "react-router";
import { makesSurveys } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { CheckboxField } from "../../ui/Field";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import type { IssuedLinksView, SurveyDetail } from "./api";
import { IssuedLinks } from "./IssuedLinks";
import { Respondents } from "./Respondents";
import { SurveyForm } from "./SurveyForm";
import { SurveyResultsPanel } from "./SurveyResults";
import { formOf } from "./survey-model";

/*
 * One survey: what it asks, its respondents (and whether each has answered), opening it —
 * the links shown once, here, in the page's memory only —, closing it, and its result.
 */
export function SurveyPage() {
  const { t } = useT();
  if (!makesSurveys(useMe().roles))
    return (
      <Page title={t("surveys.title")}>
        <p>{t("surveys.forbidden")}</p>
      </Page>
    );
  return <Survey />;
}

function Survey() {
  const { t } = useT();
  const api = useApi();
  const { surveyId = "" } = useParams();
  const query = useQuery(["survey", surveyId], (signal) => api.survey(surveyId, signal));
  // The links of the last opening or new link: never stored, gone when the page is left.
  const [issued, setIssued] = useState<IssuedLinksView["links"]>([]);
  const invalidate = useInvalidate();
  const show = (survey: SurveyDetail, links?: IssuedLinksView["links"]) => {
    query.setData(survey);
    if (links && links.length > 0) setIssued(links);
    void invalidate(["surveys"], ["survey", surveyId, "results"]);
  };
  const { state } = query;
  if (state.status === "loading") return <Loading />;
  if (state.status === "error")
    return (
      <Page title={t("surveys.title")}>
        <QueryError error={state.error} />
      </Page>
    );
  const survey = state.data;
  return (
    <Page title={survey.title}>
      <p>
        <Link to="/surveys">{t("surveys.back")}</Link>
      </p>
      <Facts survey={survey} />
      {survey.state === "draft" && (
        <OnDemand label={t("surveys.edit")}>
          <SurveyForm
            initial={formOf(survey)}
            submitLabel={t("surveys.save")}
            onSubmit={async (definition) => show(await api.updateSurvey(survey.id, definition))}
          />
        </OnDemand>
      )}
      <IssuedLinks links={issued} />
      <Respondents survey={survey} onChanged={show} />
      {survey.state === "draft" && <OpenSurvey survey={survey} onOpened={show} />}
      {survey.state === "open" && <CloseSurvey survey={survey} onClosed={show} />}
      {survey.state !== "draft" && <SurveyResultsPanel surveyId={survey.id} />}
    </Page>
  );
}

function Facts({ survey }: { survey: SurveyDetail }) {
  const { t, lang } = useT();
  return (
    <section className="section" aria-labelledby="survey-facts">
      <h2 id="survey-facts">{t("surveys.facts")}</h2>
      <dl className="details">
        <dt>{t("surveys.colUnit")}</dt>
        <dd>{survey.unitName}</dd>
        <dt>{t("surveys.colState")}</dt>
        <dd>{t(`surveys.state.${survey.state}`)}</dd>
        <dt>{t("surveys.closesOn")}</dt>
        <dd>{formatDay(survey.closesOn, lang)}</dd>
        <dt>{t("surveys.groups")}</dt>
        <dd>{survey.groups.join(", ")}</dd>
        <dt>{t("surveys.fieldQuestion")}</dt>
        <dd>{survey.question}</dd>
        <dt>{t("surveys.topics")}</dt>
        <dd>{survey.topics.map((x) => x.label).join(", ")}</dd>
        {survey.freeTextQuestion && (
          <>
            <dt>{t("surveys.freeTextQuestion")}</dt>
            <dd>{survey.freeTextQuestion}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function OpenSurvey({
  survey,
  onOpened,
}: {
  survey: SurveyDetail;
  onOpened: (survey: SurveyDetail, links: IssuedLinksView["links"]) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["respondents", "closesOn"]);
  const [sendEmails, setSendEmails] = useState(false);
  return (
    <section className="section" aria-labelledby="survey-open">
      <h2 id="survey-open">{t("surveys.open")}</h2>
      <p>{t("surveys.openIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      {survey.mailConfigured && (
        <CheckboxField
          label={t("surveys.sendEmails")}
          name="sendEmails"
          checked={sendEmails}
          onChange={(e) => setSendEmails(e.target.checked)}
        />
      )}
      <button
        type="button"
        className="button"
        disabled={submit.pending}
        onClick={() =>
          void submit.run(async () => {
            const opened = await api.openSurvey(survey.id, sendEmails);
            onOpened(opened.survey, opened.links);
          })
        }
      >
        {t("surveys.open")}
      </button>
    </section>
  );
}

function CloseSurvey({
  survey,
  onClosed,
}: {
  survey: SurveyDetail;
  onClosed: (survey: SurveyDetail) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit();
  return (
    <section className="section" aria-labelledby="survey-close">
      <h2 id="survey-close">{t("surveys.close")}</h2>
      <p>{t("surveys.closeIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <button
        type="button"
        className="button button--secondary"
        disabled={submit.pending}
        onClick={() =>
          void submit.run(async () => {
            onClosed(await api.closeSurvey(survey.id));
          })
        }
      >
        {t("surveys.close")}
      </button>
    </section>
  );
}
