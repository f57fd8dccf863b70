import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { useMorePages } from "../../hooks/useMorePages";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, Loading } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import type { ConsultationList, ConsultationView } from "./api";
import { ConsultationFigures } from "./ConsultationFigures";
import { ConsultationForm } from "./ConsultationForm";

/*
 * Konsultationer: the log of advice to professionals (a resource function's or a crisis
 * centre's), the form to log one, and the unit's figures per quarter and year. Who may see it
 * is the server's answer: anyone else gets its 403 as the page's message.
 */
export function ConsultationsPage() {
  const { t } = useT();
  const api = useApi();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const key = ["consultations", unitId ?? "all"];
  const query = useQuery(key, (signal) => api.consultations({ unitId }, signal));
  const data = query.state.status === "ready" ? query.state.data : null;
  const units = data?.units ?? [];
  const figuresUnit = unitId ?? units[0]?.id;

  return (
    <Page title={t("consultations.title")}>
      <p>{t("consultations.intro")}</p>
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {data && units.length > 1 && (
        <SelectField
          label={t("consultations.unit")}
          name="unit"
          value={figuresUnit ?? ""}
          onChange={(e) => setUnitId(e.target.value)}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
      {data && (
        <>
          {saved && <p role="status">{t("consultations.form.saved")}</p>}
          <OnDemand label={t("consultations.new")}>
            <ConsultationForm
              units={units}
              onSaved={() => {
                setSaved(true);
                // The log and its figures read again (the log is this page's own).
                void client.invalidateQueries({ queryKey: ["consultations"] });
              }}
            />
          </OnDemand>
          <Log data={data} unitId={unitId} />
          {figuresUnit && <ConsultationFigures unitId={figuresUnit} />}
        </>
      )}
    </Page>
  );
}

function Log({ data, unitId }: { data: ConsultationList; unitId: string | undefined }) {
  const { t } = useT();
  const api = useApi();
  const loadPage = useCallback(
    (before: string) => api.consultations({ unitId, before }),
    [api, unitId],
  );
  const pages = useMorePages<ConsultationView>(data, loadPage);
  const focusRow = (k: ConsultationView) =>
    document.getElementById(`consultation-${k.id}`)?.focus();
  return (
    <section aria-labelledby="consultation-log">
      <h2 id="consultation-log">{t("consultations.logTitle")}</h2>
      {pages.items.length === 0 ? (
        <p>{t("consultations.empty")}</p>
      ) : (
        <>
          <p>
            {t("consultations.count", {
              shown: pages.items.length,
              total: data.total ?? pages.items.length,
            })}
          </p>
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("consultations.when")}</th>
                <th scope="col">{t("consultations.asker")}</th>
                <th scope="col">{t("consultations.topics")}</th>
                <th scope="col">{t("consultations.stage")}</th>
                <th scope="col">{t("consultations.minutes")}</th>
                <th scope="col">{t("consultations.followUp")}</th>
              </tr>
            </thead>
            <tbody>
              {pages.items.map((k) => (
                <Row key={k.id} k={k} />
              ))}
            </tbody>
          </table>
        </>
      )}
      <LoadMore pages={pages} label={t("consultations.more")} focusRow={focusRow} />
    </section>
  );
}

/**
 * The planned follow-up marked done, from the version shown (409 if someone changed it
 * meanwhile). Its texts were checked when it was logged, names confirmed then.
 */
function MarkDone({ k }: { k: ConsultationView }) {
  const { t } = useT();
  const api = useApi();
  const client = useQueryClient();
  const submit = useSubmit();
  const { id, unitId: _unit, unitName: _name, workerName: _worker, version, ...fields } = k;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={submit.pending}
        onClick={() =>
          void submit.run(async () => {
            await api.changeConsultation(id, {
              ...fields,
              followUp: "done",
              version,
              confirmNames: true,
            });
            void client.invalidateQueries({ queryKey: ["consultations"] });
          })
        }
      >
        {t("consultations.markDone")}
      </button>
      <ErrorSummary errors={submit.errors} />
    </>
  );
}

function Row({ k }: { k: ConsultationView }) {
  const { t, lang } = useT();
  const followUp =
    k.followUp === "planned" && k.followUpOn
      ? t("consultations.followUpPlanned", { date: formatDay(k.followUpOn, lang) })
      : t(k.followUp === "done" ? "consultations.followUpDone" : "consultations.followUpNone");
  return (
    <tr>
      <th scope="row" id={`consultation-${k.id}`} tabIndex={-1}>
        {formatDateTimeShort(k.occurredAt, lang)}
        <br />
        <small>{k.workerName}</small>
      </th>
      <td data-label={t("consultations.asker")}>
        {t(`consultations.kind.${k.askerOrganisationKind}` as PlainMessageKey)}
        {k.askerOrganisationName ? `, ${k.askerOrganisationName}` : ""} – {k.askerRole}
        <br />
        <small>{k.municipality}</small>
      </td>
      <td data-label={t("consultations.topics")}>
        {k.topics.map((topic) => t(`consultations.topic.${topic}` as PlainMessageKey)).join(", ")}
        <details>
          <summary>{t("consultations.form.question")}</summary>
          <p>{k.question}</p>
          {k.advice && <p>{k.advice}</p>}
        </details>
      </td>
      <td data-label={t("consultations.stage")}>
        {t(`consultations.stage.${k.stage}` as PlainMessageKey)}
      </td>
      <td data-label={t("consultations.minutes")}>
        {t("consultations.minutesValue", { minutes: k.minutes })}
      </td>
      <td data-label={t("consultations.followUp")}>
        {followUp}
        {k.followUp === "planned" && <MarkDone k={k} />}
      </td>
    </tr>
  );
}
