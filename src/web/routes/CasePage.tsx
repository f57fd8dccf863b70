import { type FormEvent, type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import type { CaseView, CurrentRisk, StaffMember } from "../api/endpoints";
import { isNotFound } from "../api/errors";
import { useApi } from "../auth/useAuth";
import { AssessmentsPanel } from "../components/Assessments";
import { BarrierEventsPanel } from "../components/BarrierEvents";
import { CaseStatusPanel } from "../components/CaseStatus";
import { ChildTrackPanel } from "../components/ChildTrack";
import { DecisionsPanel } from "../components/Decisions";
import { DocumentsPanel } from "../components/Documents";
import { isDayPast } from "../components/decisions-model";
import { SelectField, TextAreaField, TextField } from "../components/Field";
import { CaseIntakes } from "../components/Intake";
import { InvestigationPanel } from "../components/Investigation";
import { Journal } from "../components/Journal";
import { ErrorSummary, Loading, StatusMessage } from "../components/Messages";
import { Page } from "../components/Page";
import { PartnerCasePanel } from "../components/PartnerCase";
import { PartnerContactHisPanel } from "../components/PartnerContactHis";
import { PlansPanel } from "../components/Plans";
import { PoliceAssessmentsPanel } from "../components/PoliceAssessments";
import { QueryError } from "../components/QueryError";
import { Relations } from "../components/Relations";
import { TasksPanel } from "../components/Tasks";
import { TreatmentPanel } from "../components/Treatment";
import { type QueryState, useQuery } from "../hooks/useQuery";
import { useSubmit } from "../hooks/useSubmit";
import { endOfDayIso, formatDate, formatDay, localDateInput } from "../i18n/dates";
import { caseStatusLabel, caseTypeLabel, roleLabel } from "../i18n/labels";
import { useT } from "../i18n/useT";

export function CasePage() {
  const { t } = useT();
  const api = useApi();
  const { caseId = "" } = useParams();
  const query = useQuery(["case", caseId], (signal) => api.caseById(caseId, signal));
  const { state } = query;

  if (state.status === "loading") {
    return (
      <Page title={t("case.titleLoading")}>
        <Loading />
      </Page>
    );
  }
  if (state.status === "error") {
    return (
      <Page title={t("case.titleLoading")}>
        {/* Missing and not allowed look the same, on purpose: nothing more is said. */}
        {isNotFound(state.error) ? <p>{t("case.notFound")}</p> : <QueryError error={state.error} />}
      </Page>
    );
  }
  // A panel whose command moves the case invalidates ["case", caseId]: it is read again.
  return <CaseDetails record={state.data} onChange={query.setData} />;
}

function CaseDetails({
  record,
  onChange,
}: {
  record: CaseView;
  onChange: (record: CaseView) => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const [status, setStatus] = useState<string | null>(null);
  const needsStaff = record.abilities.assign || record.abilities.grant;
  const staff = useQuery(
    needsStaff ? ["unit", record.unit.id, "staff"] : null,
    async (signal) => (await api.staff(record.unit.id, signal)).users,
  );
  const remove = useSubmit();

  async function unassign(userId: string, name: string) {
    setStatus(null);
    const ok = await remove.run(async () => onChange(await api.unassign(record.id, userId)));
    if (ok) setStatus(t("case.unassigned", { name }));
  }

  const title = t("case.title", { reference: record.reference });
  const socialServicesCase = record.caseType === "adult_victim" || record.caseType === "child";
  return (
    <Page title={title}>
      <section className="section" aria-labelledby="case-details-title">
        <h2 id="case-details-title">{t("case.detailsTitle")}</h2>
        <CaseRisk risk={record.currentRisk} />
        <p>
          <Link to={`/cases/${record.id}/safety-plan`}>{t("case.safetyPlanLink")}</Link>
        </p>
        <dl className="details">
          <div>
            <dt>{t("cases.person")}</dt>
            <dd>
              <Link to={`/persons/${record.person.id}`}>{record.person.name}</Link>
              {record.person.identityNumber && (
                <span className="details__extra">{record.person.identityNumber}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("cases.unit")}</dt>
            <dd>{record.unit.name}</dd>
          </div>
          <div>
            <dt>{t("cases.type")}</dt>
            <dd>{caseTypeLabel(record.caseType, t)}</dd>
          </div>
          <div>
            <dt>{t("cases.status")}</dt>
            <dd>{caseStatusLabel(record.status, t, record.caseType)}</dd>
          </div>
          <div>
            <dt>{t("cases.openedAt")}</dt>
            <dd>{formatDate(record.openedAt, lang)}</dd>
          </div>
        </dl>
      </section>

      <CaseStatusPanel record={record} onChange={onChange} />

      <TasksPanel record={record} />

      {record.caseType === "child" && <ChildTrackPanel record={record} />}

      <CaseIntakes caseId={record.id} />

      <AssessmentsPanel record={record} />

      <PoliceAssessmentsPanel record={record} />
      {record.caseType === "perpetrator" && (
        <>
          <TreatmentPanel record={record} />
          <PartnerContactHisPanel record={record} />
          <DocumentsPanel record={record} />
        </>
      )}
      <PartnerCasePanel record={record} />
      <BarrierEventsPanel record={record} />

      {/* Investigations, decisions and plans are social services' (SoL); a treatment unit's
          perpetrator and partner-contact cases have their own work instead. */}
      {socialServicesCase && (
        <>
          <InvestigationPanel record={record} />
          <DecisionsPanel record={record} />
          <PlansPanel record={record} />
        </>
      )}

      <Relations caseId={record.id} canWrite={record.abilities.writeJournal} />

      <Journal caseId={record.id} canWrite={record.abilities.writeJournal} />

      <section className="section" aria-labelledby="assignees-title">
        <h2 id="assignees-title">{t("case.assigneesTitle")}</h2>
        <StatusMessage message={status} />
        <ErrorSummary errors={remove.errors} />
        {record.assignees.length === 0 ? (
          <p className="empty">{t("case.noAssignees")}</p>
        ) : (
          <ul className="item-list" aria-labelledby="assignees-title">
            {record.assignees.map((a) => (
              <li key={a.userId} className="item-list__item">
                <span>
                  {a.displayName}{" "}
                  <span className="muted">
                    {t("case.assignedAt", { date: formatDate(a.assignedAt, lang) })}
                  </span>
                </span>
                {record.abilities.assign && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t("case.removeLabel", { name: a.displayName })}
                    disabled={remove.pending}
                    onClick={() => unassign(a.userId, a.displayName)}
                  >
                    {t("case.remove")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {record.abilities.assign && (
          <StaffForm
            staffState={staff.state}
            exclude={record.assignees.map((a) => a.userId)}
            render={(available) => (
              <AssignForm
                record={record}
                staff={available}
                onAssigned={(updated, name) => {
                  onChange(updated);
                  setStatus(t("case.assigned", { name }));
                }}
              />
            )}
          />
        )}
      </section>

      {(record.abilities.grant || record.grants.length > 0) && (
        <section className="section" aria-labelledby="grants-title">
          <h2 id="grants-title">{t("case.grantsTitle")}</h2>
          {record.grants.length === 0 ? (
            <p className="empty">{t("case.noGrants")}</p>
          ) : (
            <ul className="item-list" aria-labelledby="grants-title">
              {record.grants.map((g) => (
                <li key={`${g.userId}-${g.expiresAt}`} className="item-list__item">
                  {t("case.grantItem", {
                    name: g.displayName,
                    date: formatDate(g.expiresAt, lang),
                    reason: g.reason,
                  })}
                </li>
              ))}
            </ul>
          )}
          {record.abilities.grant && (
            <StaffForm
              staffState={staff.state}
              exclude={record.assignees.map((a) => a.userId)}
              render={(available) => (
                <GrantForm record={record} staff={available} onGranted={onChange} />
              )}
            />
          )}
        </section>
      )}
    </Page>
  );
}

/**
 * The current risk level in words (never by colour alone): the professional's judgement in
 * the latest completed assessment, and when the next one is due.
 */
function CaseRisk({ risk }: { risk: CurrentRisk | null }) {
  const { t, lang } = useT();
  if (!risk) return <p className="case-risk case-risk--none">{t("case.riskNone")}</p>;
  // Overdue the day after its last day, as every date on Att göra.
  const overdue =
    risk.reassessDue !== null && isDayPast(risk.reassessDue, localDateInput(new Date()));
  return (
    <p className="case-risk">
      <strong className="case-risk__level">{t("case.risk", { level: risk.levelLabel })}</strong>
      {" – "}
      {t("case.riskFrom", {
        instrument: risk.instrumentName,
        date: formatDay(risk.assessedOn, lang),
      })}
      {risk.reassessDue && (
        <>
          {" "}
          <span className="nowrap">
            {t("case.riskReassess", { date: formatDay(risk.reassessDue, lang) })}
          </span>
          {overdue && (
            <>
              {" "}
              <span className="badge badge--overdue">{t("case.riskOverdue")}</span>
            </>
          )}
        </>
      )}
    </p>
  );
}

/** Renders a form once the unit's staff has loaded, offering only those not excluded. */
function StaffForm({
  staffState,
  exclude,
  render,
}: {
  staffState: QueryState<StaffMember[]>;
  exclude: readonly string[];
  render: (staff: StaffMember[]) => ReactNode;
}) {
  const { t } = useT();
  if (staffState.status === "loading") return <Loading />;
  if (staffState.status === "error") return <QueryError error={staffState.error} />;
  const available = staffState.data.filter((s) => !exclude.includes(s.id));
  if (available.length === 0) return <p className="empty">{t("case.noStaff")}</p>;
  return <>{render(available)}</>;
}

function StaffOptions({ staff }: { staff: readonly StaffMember[] }) {
  const { t } = useT();
  return (
    <>
      <option value="">{t("common.choose")}</option>
      {staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.roles.length > 0
            ? t("case.staffOption", {
                name: s.displayName,
                roles: s.roles.map((r) => roleLabel(r, t)).join(", "),
              })
            : s.displayName}
        </option>
      ))}
    </>
  );
}

function AssignForm({
  record,
  staff,
  onAssigned,
}: {
  record: CaseView;
  staff: StaffMember[];
  onAssigned: (record: CaseView, name: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["userId"]);
  const [userId, setUserId] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!userId) return submit.reject({ userId: t("case.chooseStaff") });
    const name = staff.find((s) => s.id === userId)?.displayName ?? "";
    await submit.run(async () => {
      const updated = await api.assign(record.id, userId);
      setUserId("");
      onAssigned(updated, name);
    });
  }

  return (
    <div className="subsection">
      <h3 id="assign-title">{t("case.assignTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--inline"
        aria-labelledby="assign-title"
        onSubmit={handleSubmit}
        noValidate
      >
        <SelectField
          label={t("case.staffMember")}
          name="userId"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          error={submit.fieldError("userId")}
        >
          <StaffOptions staff={staff} />
        </SelectField>
        <button type="submit" className="button" disabled={submit.pending}>
          {t("case.assignSubmit")}
        </button>
      </form>
    </div>
  );
}

/** The server refuses grants that last longer (a grant is for a while, not for good). */
const maxGrantDays = 30;

function GrantForm({
  record,
  staff,
  onGranted,
}: {
  record: CaseView;
  staff: StaffMember[];
  onGranted: (record: CaseView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["userId", "reason", "expiresAt"]);
  const [userId, setUserId] = useState("");
  const [reason, setReason] = useState("");
  const [expires, setExpires] = useState(() => localDateInput(new Date(), 7));
  const [status, setStatus] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    if (!userId) return submit.reject({ userId: t("case.chooseStaff") });
    const name = staff.find((s) => s.id === userId)?.displayName ?? "";
    const ok = await submit.run(async () => {
      onGranted(await api.grant(record.id, userId, reason, endOfDayIso(expires)));
    });
    if (ok) {
      setUserId("");
      setReason("");
      setStatus(t("case.granted", { name }));
    }
  }

  return (
    <div className="subsection">
      <h3 id="grant-title">{t("case.grantTitle")}</h3>
      <StatusMessage message={status} />
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby="grant-title" onSubmit={handleSubmit} noValidate>
        <SelectField
          label={t("case.staffMember")}
          name="userId"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          error={submit.fieldError("userId")}
        >
          <StaffOptions staff={staff} />
        </SelectField>
        <TextAreaField
          label={t("case.grantReason")}
          hint={t("case.grantReasonHint")}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={submit.fieldError("reason")}
        />
        <TextField
          label={t("case.grantExpires")}
          name="expiresAt"
          type="date"
          min={localDateInput(new Date(), 1)}
          max={localDateInput(new Date(), maxGrantDays - 1)}
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          error={submit.fieldError("expiresAt")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("case.grantSubmit")}
        </button>
      </form>
    </div>
  );
}
