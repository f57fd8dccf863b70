import {
  type Dispatch,
  type FormEvent,
  type SetStateAction,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useParams } from "react-router";
import { AnswerResult, PublicSurvey } from "../../../shared/api/surveys";
import { ApiError, getJson, parseWith, postJson } from "../../api/client";
import { type FormErrors, toFormErrors } from "../../api/errors";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { CheckboxField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";

/*
 * The answer page a personal survey link opens, without an account (issue 17): outside the
 * login and the session (App.tsx), in a plain frame of its own, Swedish, and storing nothing
 * in the browser — the survey and the choices live in this page's memory only. After the
 * answer it says thank you and offers nothing more; the link cannot answer twice.
 */
type View =
  | { step: "loading" }
  | { step: "gone"; message: string }
  | { step: "form"; survey: PublicSurvey }
  | { step: "thanks"; already: boolean };

export function SurveyAnswerPage() {
  const { t } = useT();
  const { token = "" } = useParams();
  const [view, setView] = useState<View>({ step: "loading" });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    getJson(`/api/survey-links/${encodeURIComponent(token)}`, { signal: controller.signal })
      .then((data) => setView({ step: "form", survey: parseWith(PublicSurvey, data) }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setView({ step: "gone", message: error instanceof ApiError ? error.message : "" });
      });
    return () => controller.abort();
  }, [token]);

  // The page names the survey, never the link: the title is kept in the browser's history.
  useEffect(() => {
    document.title = t("app.documentTitle", { page: t("surveyAnswer.title"), app: t("app.name") });
  }, [t]);
  // A new step is a new page for a screen reader: focus its heading.
  useEffect(() => {
    if (view.step !== "loading" && view.step !== "form") headingRef.current?.focus();
  }, [view.step]);

  return (
    <div className="public-page">
      <header className="public-page__header">
        <p className="brand__name">{t("app.name")}</p>
      </header>
      <main className="public-page__main container">
        {view.step === "loading" && <p className="loading">{t("surveyAnswer.loading")}</p>}
        {view.step === "gone" && (
          <>
            <h1 ref={headingRef} tabIndex={-1} className="page-title">
              {t("surveyAnswer.notFound")}
            </h1>
            <p>{view.message}</p>
          </>
        )}
        {view.step === "thanks" && (
          <>
            <h1 ref={headingRef} tabIndex={-1} className="page-title">
              {view.already ? t("surveyAnswer.alreadyAnswered") : t("surveyAnswer.thanks")}
            </h1>
            <p>{t("surveyAnswer.thanksText")}</p>
          </>
        )}
        {view.step === "form" && (
          <AnswerForm
            token={token}
            survey={view.survey}
            onAnswered={(already) => setView({ step: "thanks", already })}
          />
        )}
      </main>
    </div>
  );
}

/** Sends the link's one answer; true when the link had answered already (409). */
async function sendAnswer(token: string, topics: string[], freeText: string): Promise<boolean> {
  const body = { topics, freeText: freeText.trim() === "" ? null : freeText };
  try {
    parseWith(
      AnswerResult,
      await postJson(`/api/survey-links/${encodeURIComponent(token)}/answer`, body),
    );
    return false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return true;
    throw error;
  }
}

function SurveyIntro({ survey }: { survey: PublicSurvey }) {
  const { t, lang } = useT();
  return (
    <>
      <h1 className="page-title">{survey.title}</h1>
      {survey.intro && <p className="public-page__intro">{survey.intro}</p>}
      <p>{t("surveyAnswer.closesOn", { date: formatDay(survey.closesOn, lang) })}</p>
      <p className="muted">{t("surveyAnswer.noPersonalData")}</p>
    </>
  );
}

function AnswerForm({
  token,
  survey,
  onAnswered,
}: {
  token: string;
  survey: PublicSurvey;
  onAnswered: (already: boolean) => void;
}) {
  const { t, lang } = useT();
  const [chosen, setChosen] = useState<string[]>([]);
  const [freeText, setFreeText] = useState("");
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    try {
      onAnswered(await sendAnswer(token, chosen, freeText));
    } catch (error) {
      setErrors(toFormErrors(error, ["topics", "freeText"], t, lang));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <SurveyIntro survey={survey} />
      <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate autoComplete="off">
        <ErrorSummary errors={errors} />
        <TopicChoices
          survey={survey}
          chosen={chosen}
          setChosen={setChosen}
          error={errors?.fields.topics}
        />
        {survey.freeTextQuestion && (
          <TextAreaField
            label={survey.freeTextQuestion}
            hint={t("surveyAnswer.freeTextWarning")}
            name="freeText"
            value={freeText}
            onChange={(e) => setFreeText(e.target.value)}
            error={errors?.fields.freeText}
          />
        )}
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("surveyAnswer.sending") : t("surveyAnswer.submit")}
        </button>
      </form>
    </>
  );
}

/** The multiple-choice question: one checkbox per topic, its hint and its error. */
function TopicChoices({
  survey,
  chosen,
  setChosen,
  error,
}: {
  survey: PublicSurvey;
  chosen: string[];
  setChosen: Dispatch<SetStateAction<string[]>>;
  error: string | undefined;
}) {
  const { t } = useT();
  const questionId = useId();
  const toggle = (id: string, on: boolean) =>
    setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <fieldset
      className={error ? "field field--group field--invalid" : "field field--group"}
      aria-describedby={`${questionId}-hint${error ? ` ${questionId}-error` : ""}`}
    >
      <legend className="field__label">{survey.question}</legend>
      <p id={`${questionId}-hint`} className="field__hint">
        {t("surveyAnswer.chooseHint")}
      </p>
      {error && (
        <p id={`${questionId}-error`} className="field__error">
          {error}
        </p>
      )}
      <div className="field__choices">
        {survey.topics.map((topic) => (
          <CheckboxField
            key={topic.id}
            label={topic.label}
            name="topics"
            checked={chosen.includes(topic.id)}
            onChange={(e) => toggle(topic.id, e.target.checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}
