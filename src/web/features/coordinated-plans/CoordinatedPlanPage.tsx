import { useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client";
import type { CaseView } from "../../api/endpoints";
import { isNotFound } from "../../api/errors";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import type { CoordinatedPlan, CoordinatedPlanChoices } from "./api";
import { ParticipantsEditor } from "./ParticipantsEditor";
import { FollowUpEditor, GoalsEditor, MeetingsEditor, ResponsibilitiesEditor } from "./PlanEditor";
import { bodyOf, draftOf } from "./plan-draft";

/**
 * One SIP: the agencies it is shared with (and whether each consent still holds), the whole
 * plan in one form saved from the version read, and the PDF for the participants — offered
 * only while every agency's consent holds (the server refuses it otherwise).
 */
export function CoordinatedPlanPage() {
  const { t } = useT();
  const api = useApi();
  const { caseId = "", planId = "" } = useParams();
  const caseQuery = useQuery(["case", caseId], (signal) => api.caseById(caseId, signal));
  const plan = useQuery(["case", caseId, "coordinated-plans", planId], (signal) =>
    api.coordinatedPlan(caseId, planId, signal),
  );
  const options = useQuery(["case", caseId, "coordinated-plans", "options"], (signal) =>
    api.coordinatedPlanOptions(caseId, signal),
  );
  const failed = [caseQuery.state, plan.state].find((s) => s.status === "error");
  if (failed?.status === "error") {
    return (
      <Page title={t("sip.pageTitle")}>
        {isNotFound(failed.error) ? (
          <p>{t("sip.notFound")}</p>
        ) : (
          <QueryError error={failed.error} />
        )}
      </Page>
    );
  }
  if (caseQuery.state.status !== "ready" || plan.state.status !== "ready") {
    return (
      <Page title={t("sip.pageTitle")}>
        <Loading />
      </Page>
    );
  }
  const choices = options.state.status === "ready" ? options.state.data : null;
  return (
    <PlanView
      theCase={caseQuery.state.data}
      plan={plan.state.data}
      choices={choices}
      onSaved={plan.setData}
      reload={plan.reload}
    />
  );
}

function PlanView({
  theCase,
  plan,
  choices,
  onSaved,
  reload,
}: {
  theCase: CaseView;
  plan: CoordinatedPlan;
  choices: CoordinatedPlanChoices | null;
  onSaved: (plan: CoordinatedPlan) => void;
  reload: () => void;
}) {
  const { t, lang } = useT();
  // Kept above the form: a save remounts the form from the new version.
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title={t("sip.pageTitle")}>
      <p className="page-context">
        <Link to={`/cases/${theCase.id}/collaboration`}>
          {t("sip.forCase", { reference: theCase.reference })}
        </Link>{" "}
        · {theCase.person.name}
      </p>
      <p>
        {t("sip.openedOn", { date: formatDay(plan.openedOn, lang) })}{" "}
        {t("sip.version", {
          version: plan.version,
          date: formatDateTimeShort(plan.updatedAt, lang),
          who: plan.updatedBy,
        })}
      </p>
      <section className="section" aria-labelledby="sip-agencies">
        <h2 id="sip-agencies">{t("sip.agencies")}</h2>
        <ul>
          {plan.agencies.map((a) => (
            <li key={a.agencyId}>
              {a.name} – {a.consentValid ? t("sip.consentValid") : t("sip.consentNotValid")}
            </li>
          ))}
        </ul>
      </section>
      <StatusMessage message={message} />
      <PlanForm
        key={plan.version}
        caseId={theCase.id}
        plan={plan}
        choices={choices}
        disabled={!theCase.abilities.change}
        onSaved={(saved) => {
          onSaved(saved);
          setMessage(t("sip.saved"));
        }}
        beforeSave={() => setMessage(null)}
        reload={reload}
      />
      <PrintSection caseId={theCase.id} plan={plan} />
    </Page>
  );
}

function PlanForm({
  caseId,
  plan,
  choices,
  disabled,
  onSaved,
  beforeSave,
  reload,
}: {
  caseId: string;
  plan: CoordinatedPlan;
  choices: CoordinatedPlanChoices | null;
  disabled: boolean;
  onSaved: (plan: CoordinatedPlan) => void;
  beforeSave: () => void;
  reload: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const [draft, setDraft] = useState(() => draftOf(plan));
  const submit = useSubmit(fieldNames(draft));
  const props = { plan, choices, draft, setDraft, submit };

  async function save() {
    beforeSave();
    let conflict = false;
    const ok = await submit.run(async () => {
      try {
        onSaved(await api.saveCoordinatedPlan(caseId, plan.id, bodyOf(plan, draft, choices)));
      } catch (error) {
        conflict = error instanceof ApiError && error.status === 409 && error.code === "conflict";
        throw error;
      }
    });
    if (conflict && !ok) reload();
  }
  return (
    <form
      noValidate
      aria-labelledby="sip-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="sip-form-title">{t("sip.title")}</h2>
      <ErrorSummary errors={submit.errors} />
      <fieldset disabled={disabled} className="sip-form">
        <GoalsEditor {...props} />
        <ParticipantsEditor {...props} />
        <ResponsibilitiesEditor {...props} />
        <MeetingsEditor {...props} />
        <FollowUpEditor {...props} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("sip.save")}
        </button>
      </fieldset>
    </form>
  );
}

/** The fields the server may name: every row's, so each message lands beside its control. */
function fieldNames(draft: ReturnType<typeof draftOf>): string[] {
  const rowFields = (list: string, count: number, fields: readonly string[]) =>
    Array.from({ length: count }, (_, i) => fields.map((f) => `${list}.${i}${f}`)).flat();
  return [
    ...["coordinatorKey", "followUpOn", "followedUpOn", "participants", "responsibilities"],
    ...rowFields("goals", draft.goals.length, [""]),
    ...rowFields("participants", draft.participants.length, [".agencyId", ".name"]),
    ...rowFields("responsibilities", draft.responsibilities.length, [
      ".what",
      ".participantKey",
      ".dueOn",
      ".doneOn",
    ]),
    ...rowFields("meetings", draft.meetings.length, [".plannedOn"]),
  ];
}

function PrintSection({ caseId, plan }: { caseId: string; plan: CoordinatedPlan }) {
  const { t } = useT();
  const api = useApi();
  const lapsed = plan.agencies.find((a) => !a.consentValid);
  return (
    <section className="section" aria-labelledby="sip-print">
      <h2 id="sip-print">{t("sip.print")}</h2>
      {lapsed ? (
        <p>{t("sip.printBlocked", { agency: lapsed.name })}</p>
      ) : (
        <>
          <p>{t("sip.printNote")}</p>
          <a
            className="button button--secondary"
            href={api.coordinatedPlanPdfUrl(caseId, plan.id)}
            download
          >
            {t("sip.print")}
          </a>
        </>
      )}
    </section>
  );
}
