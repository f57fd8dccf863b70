import { type FormEvent, type ReactNode, useState } from "react";
import type { CaseView, StaffMember } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import type { QueryState } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { endOfDayIso, formatDate, localDateInput } from "../../i18n/dates";
import { roleLabel } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { QueryError } from "../../ui/QueryError";

/** The staff the case may be given to (no barred colleague), read once by the case page for both sections below. */
type StaffState = QueryState<StaffMember[]>;

/** Handläggare: who is assigned, removing one, and assigning another. */
export function CaseAssignees({
  record,
  staff,
  onChange,
}: {
  record: CaseView;
  staff: StaffState;
  onChange: (record: CaseView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const [status, setStatus] = useState<string | null>(null);
  const remove = useSubmit();

  async function unassign(userId: string, name: string) {
    setStatus(null);
    const ok = await remove.run(async () => onChange(await api.unassign(record.id, userId)));
    if (ok) setStatus(t("case.unassigned", { name }));
  }

  return (
    <section className="section" aria-labelledby="assignees-title">
      <h2 id="assignees-title">{t("case.assigneesTitle")}</h2>
      <StatusMessage message={status} />
      <ErrorSummary errors={remove.errors} />
      <AssigneeList record={record} pending={remove.pending} onRemove={unassign} />
      {record.abilities.assign && (
        <StaffForm
          staffState={staff}
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
  );
}

/** The assigned handläggare; each with a remove button when the caller may assign. */
function AssigneeList({
  record,
  pending,
  onRemove,
}: {
  record: CaseView;
  pending: boolean;
  onRemove: (userId: string, name: string) => void;
}) {
  const { t, lang } = useT();
  if (record.assignees.length === 0) return <p className="empty">{t("case.noAssignees")}</p>;
  return (
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
              disabled={pending}
              onClick={() => onRemove(a.userId, a.displayName)}
            >
              {t("case.remove")}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Tillfällig behörighet: grants to others in the unit, and a form for a new one. */
export function CaseGrants({
  record,
  staff,
  onChange,
}: {
  record: CaseView;
  staff: StaffState;
  onChange: (record: CaseView) => void;
}) {
  const { t, lang } = useT();
  return (
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
          staffState={staff}
          exclude={record.assignees.map((a) => a.userId)}
          render={(available) => (
            <GrantForm record={record} staff={available} onGranted={onChange} />
          )}
        />
      )}
    </section>
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

function StaffSelect({
  staff,
  value,
  onChange,
  error,
}: {
  staff: readonly StaffMember[];
  value: string;
  onChange: (userId: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <SelectField
      label={t("case.staffMember")}
      name="userId"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    >
      <StaffOptions staff={staff} />
    </SelectField>
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
        <StaffSelect
          staff={staff}
          value={userId}
          onChange={setUserId}
          error={submit.fieldError("userId")}
        />
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
        <StaffSelect
          staff={staff}
          value={userId}
          onChange={setUserId}
          error={submit.fieldError("userId")}
        />
        <GrantFields
          reason={reason}
          onReasonChange={setReason}
          expires={expires}
          onExpiresChange={setExpires}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("case.grantSubmit")}
        </button>
      </form>
    </div>
  );
}

/** Why the grant is needed, and the day it ends (tomorrow at the earliest, within the limit). */
function GrantFields({
  reason,
  onReasonChange,
  expires,
  onExpiresChange,
  fieldError,
}: {
  reason: string;
  onReasonChange: (reason: string) => void;
  expires: string;
  onExpiresChange: (expires: string) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <TextAreaField
        label={t("case.grantReason")}
        hint={t("case.grantReasonHint")}
        name="reason"
        value={reason}
        onChange={(e) => onReasonChange(e.target.value)}
        error={fieldError("reason")}
      />
      <DateField
        label={t("case.grantExpires")}
        name="expiresAt"
        min={localDateInput(new Date(), 1)}
        max={localDateInput(new Date(), maxGrantDays - 1)}
        value={expires}
        onChange={onExpiresChange}
        error={fieldError("expiresAt")}
      />
    </>
  );
}
