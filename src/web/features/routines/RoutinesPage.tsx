import { useState } from "react";
import { useParams } from "react-router";
import type { RoutineRegister, RoutineView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { Loading, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { ApproverForm } from "./ApproverForm";
import { OpenComparisons } from "./OpenComparisons";
import { RoutineForm, type RoutineFormMode } from "./RoutineForm";
import { areaKey, statusKey } from "./routine-model";

/*
 * Rutiner: the register (everyone in the organisation reads it), "Ny rutin" and a new version
 * or a correction of one for its keepers (managers and administrators), and the Öppna
 * jämförelser answers. Reached from Att göra at /routines/:routineId, which marks that row.
 */
export function RoutinesPage() {
  const { t } = useT();
  const api = useApi();
  const { routineId = null } = useParams();
  const [onDate, setOnDate] = useState<string | null>(null);
  const [editing, setEditing] = useState<RoutineFormMode | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A new key after each save draws the "Ny rutin" form empty again.
  const [saves, setSaves] = useState(0);
  const query = useQuery(["routines", onDate ?? "today"], (signal) => api.routines(onDate, signal));
  const data = query.state.status === "ready" ? query.state.data : null;
  const saved = (routine: RoutineView) => {
    setEditing(null);
    setSaves((n) => n + 1);
    setMessage(t("routineForm.saved", { title: routine.title }));
    query.reload();
  };
  return (
    <Page title={t("routines.title")}>
      <p>{t("routines.intro")}</p>
      <StatusMessage message={message} />
      {query.state.status === "loading" && <Loading />}
      {query.state.status === "error" && <QueryError error={query.state.error} />}
      {data?.abilities.keep && (
        <>
          <OnDemand label={t("routineForm.newTitle")}>
            <RoutineForm key={saves} mode={{ kind: "new" }} choices={data} onSaved={saved} />
          </OnDemand>
          <OnDemand label={t("approverForm.title")}>
            <ApproverForm onSaved={() => query.reload()} />
          </OnDemand>
        </>
      )}
      {data && editing && (
        <RoutineForm
          key={`${editing.kind}-${editing.kind === "new" ? "" : editing.routine.id}`}
          mode={editing}
          choices={data}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {data && (
        <section className="section" aria-labelledby="routine-register-title">
          <h2 id="routine-register-title">{t("routines.registerTitle")}</h2>
          {data.routines.length === 0 ? (
            <p>{t("routines.empty")}</p>
          ) : (
            <RoutineTable register={data} selected={routineId} onEdit={setEditing} />
          )}
        </section>
      )}
      {data && <OpenComparisons register={data} onDate={setOnDate} />}
    </Page>
  );
}

function RoutineTable({
  register,
  selected,
  onEdit,
}: {
  register: RoutineRegister;
  selected: string | null;
  onEdit: (mode: RoutineFormMode) => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const keep = register.abilities.keep;
  return (
    <table className="table table--cards">
      <thead>
        <tr>
          <th scope="col">{t("routines.name")}</th>
          <th scope="col">{t("routines.approvedBy")}</th>
          <th scope="col">{t("routines.approvedOn")}</th>
          <th scope="col">{t("routines.reviewOn")}</th>
          <th scope="col">{t("routines.owner")}</th>
          <th scope="col">{t("routines.status")}</th>
          <th scope="col">{t("routines.document")}</th>
          {keep && <th scope="col">{t("routines.actions")}</th>}
        </tr>
      </thead>
      <tbody>
        {register.routines.map((r) => (
          <tr key={r.id} aria-current={r.id === selected ? "true" : undefined}>
            <th scope="row">
              {r.title}
              <br />
              <small>{t(areaKey(r.area))}</small>
              {r.id === selected && (
                <>
                  <br />
                  <small>{t("routines.selected")}</small>
                </>
              )}
            </th>
            <td data-label={t("routines.approvedBy")}>
              {r.approver.management
                ? `${r.approver.name} (${t("routines.management")})`
                : r.approver.name}
            </td>
            <td data-label={t("routines.approvedOn")}>{formatDay(r.approvedOn, lang)}</td>
            <td data-label={t("routines.reviewOn")}>
              {formatDay(r.reviewOn, lang)}
              {r.reviewSoon && (
                <>
                  {" "}
                  <strong className="badge badge--overdue">{t("routines.reviewSoon")}</strong>
                </>
              )}
            </td>
            <td data-label={t("routines.owner")}>{r.owner.name}</td>
            <td data-label={t("routines.status")}>{t(statusKey(r.status))}</td>
            <td data-label={t("routines.document")}>
              {r.document ? (
                <a href={api.routineDocumentUrl(r.id)} download>
                  {t("routines.download", { name: r.document.filename })}
                </a>
              ) : (
                t("routines.noDocument")
              )}
            </td>
            {keep && (
              <td data-label={t("routines.actions")}>
                {r.supersededById === null && (
                  <p className="form__actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => onEdit({ kind: "revise", routine: r })}
                    >
                      {t("routines.revise", { title: r.title })}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => onEdit({ kind: "correct", routine: r })}
                    >
                      {t("routines.correct", { title: r.title })}
                    </button>
                  </p>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
