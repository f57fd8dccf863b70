import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { roles } from "../../../shared/api/roles";
import type { Role, UnitView, UserView } from "../../api/endpoints";
import { isAdministrator, mayToggleActive } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { roleLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { useRoleText } from "../../ui/RoleText";
import { AccountIdentifiers } from "../identity-providers/AccountIdentifiers";

/** One user's roles and account: add and remove roles, deactivate, reset MFA. */
export function AdminUserPage() {
  const { t } = useT();
  const me = useMe();
  if (!isAdministrator(me.roles)) {
    return (
      <Page title={t("admin.title")}>
        <p>{t("admin.forbidden")}</p>
      </Page>
    );
  }
  return <AdminUser />;
}

function AdminUser() {
  const { t } = useT();
  const api = useApi();
  const { userId = "" } = useParams();
  // There is no GET for one user; the list is small (one organisation's staff).
  const data = useQuery(["admin", "user", userId], async (signal) => {
    const [users, units] = await Promise.all([api.users(signal), api.units(signal)]);
    return { user: users.users.find((u) => u.id === userId) ?? null, units: units.units };
  });
  const { state } = data;

  const back = (
    <p>
      <Link to="/admin">{t("adminUser.back")}</Link>
    </p>
  );
  if (state.status === "loading") {
    return (
      <Page title={t("admin.title")}>
        <Loading />
      </Page>
    );
  }
  if (state.status === "error" || state.data.user === null) {
    return (
      <Page title={t("admin.title")}>
        {state.status === "error" ? (
          <QueryError error={state.error} />
        ) : (
          <p>{t("adminUser.notFound")}</p>
        )}
        {back}
      </Page>
    );
  }
  const { user, units } = state.data;
  const update = (next: UserView) => data.setData({ user: next, units });
  return (
    <Page title={user.displayName} documentTitle={t("admin.title")}>
      {back}
      <UserRoles user={user} units={units} onChange={update} />
      <AccountIdentifiers userId={user.id} />
      <UserAccount user={user} onChange={update} />
    </Page>
  );
}

function UserRoles({
  user,
  units,
  onChange,
}: {
  user: UserView;
  units: readonly UnitView[];
  onChange: (user: UserView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const remove = useSubmit();
  const [status, setStatus] = useState<string | null>(null);

  async function removeRole(assignmentId: string) {
    setStatus(null);
    const ok = await remove.run(async () => {
      await api.removeRole(assignmentId);
      onChange({ ...user, roles: user.roles.filter((r) => r.id !== assignmentId) });
    });
    if (ok) setStatus(t("adminUser.roleRemoved"));
  }

  return (
    <section className="section" aria-labelledby="roles-title">
      <h2 id="roles-title">{t("adminUser.rolesTitle")}</h2>
      <StatusMessage message={status} />
      <ErrorSummary errors={remove.errors} />
      <RoleList user={user} pending={remove.pending} onRemove={removeRole} />

      <AddRoleForm user={user} units={units} onChange={onChange} onStatus={setStatus} />
    </section>
  );
}

function RoleList({
  user,
  pending,
  onRemove,
}: {
  user: UserView;
  pending: boolean;
  onRemove: (assignmentId: string) => void;
}) {
  const { t } = useT();
  const roleText = useRoleText();
  if (user.roles.length === 0) return <p className="empty">{t("admin.noRoles")}</p>;
  return (
    <ul className="item-list" aria-labelledby="roles-title">
      {user.roles.map((r) => (
        <li key={r.id} className="item-list__item">
          <span>{roleText(r)}</span>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t("adminUser.removeRoleLabel", { role: roleText(r) })}
            disabled={pending}
            onClick={() => onRemove(r.id)}
          >
            {t("adminUser.removeRole")}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A role in one unit, or in the whole organisation; its news goes to the section's status line. */
function AddRoleForm({
  user,
  units,
  onChange,
  onStatus,
}: {
  user: UserView;
  units: readonly UnitView[];
  onChange: (user: UserView) => void;
  onStatus: (status: string | null) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const add = useSubmit(["unitId", "role"]);
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const [role, setRole] = useState<Role>("caseworker");

  async function handleAdd(event: FormEvent) {
    event.preventDefault();
    onStatus(null);
    // "" is the option for the whole organisation.
    const ok = await add.run(async () =>
      onChange(await api.addRole(user.id, unitId || null, role)),
    );
    if (ok) onStatus(t("adminUser.roleAdded"));
  }

  return (
    <div className="subsection">
      <h3 id="add-role-title">{t("adminUser.addRoleTitle")}</h3>
      <ErrorSummary errors={add.errors} />
      <form className="form" aria-labelledby="add-role-title" onSubmit={handleAdd} noValidate>
        <SelectField
          label={t("adminUser.unit")}
          hint={t("adminUser.unitHint")}
          name="unitId"
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          error={add.fieldError("unitId")}
        >
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
          <option value="">{t("admin.wholeOrganisation")}</option>
        </SelectField>
        <RoleSelect value={role} onChange={setRole} error={add.fieldError("role")} />
        <button type="submit" className="button" disabled={add.pending}>
          {t("adminUser.addRoleSubmit")}
        </button>
      </form>
    </div>
  );
}

function RoleSelect({
  value,
  onChange,
  error,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <SelectField
      label={t("adminUser.role")}
      name="role"
      value={value}
      onChange={(e) => onChange(e.target.value as Role)}
      error={error}
    >
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(roleLabels[r])}
        </option>
      ))}
    </SelectField>
  );
}

function UserAccount({ user, onChange }: { user: UserView; onChange: (user: UserView) => void }) {
  const { t } = useT();
  const api = useApi();
  const me = useMe();
  const submit = useSubmit();
  const [status, setStatus] = useState<string | null>(null);

  async function toggleActive() {
    setStatus(null);
    const active = !user.active;
    const ok = await submit.run(async () => onChange(await api.updateUser(user.id, { active })));
    if (ok) setStatus(t(active ? "adminUser.activated" : "adminUser.deactivated"));
  }

  async function resetMfa() {
    setStatus(null);
    const ok = await submit.run(async () => {
      await api.resetMfa(user.id);
      onChange({ ...user, mfaEnrolled: false });
    });
    if (ok) setStatus(t("adminUser.mfaReset"));
  }

  return (
    <section className="section" aria-labelledby="account-title">
      <h2 id="account-title">{t("adminUser.accountTitle")}</h2>
      <AccountFacts user={user} />
      <StatusMessage message={status} />
      <ErrorSummary errors={submit.errors} />
      <div className="form__actions">
        {mayToggleActive(me.user.id, user) && (
          <button
            type="button"
            className="button button--secondary"
            disabled={submit.pending}
            onClick={toggleActive}
          >
            {user.active ? t("adminUser.deactivate") : t("adminUser.activate")}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={submit.pending}
          aria-describedby="reset-mfa-hint"
          onClick={resetMfa}
        >
          {t("adminUser.resetMfa")}
        </button>
      </div>
      <p className="field__hint" id="reset-mfa-hint">
        {t("adminUser.resetMfaHint")}
      </p>
    </section>
  );
}

function AccountFacts({ user }: { user: UserView }) {
  const { t } = useT();
  return (
    <dl className="details">
      <div>
        <dt>{t("admin.username")}</dt>
        <dd>{user.username}</dd>
      </div>
      <div>
        <dt>{t("admin.status")}</dt>
        <dd>{user.active ? t("admin.active") : <strong>{t("admin.inactive")}</strong>}</dd>
      </div>
      <div>
        <dt>{t("admin.mfa")}</dt>
        <dd>{user.mfaEnrolled ? t("admin.mfaEnrolled") : t("admin.mfaNotEnrolled")}</dd>
      </div>
    </dl>
  );
}
