import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { unitKinds } from "../../../shared/api/roles";
import type { UnitKind, UnitView, UserView } from "../../api/endpoints";
import { isAdministrator } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { unitKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Page } from "../../ui/Page";
import { QueryError } from "../../ui/QueryError";
import { useRoleText } from "../../ui/RoleText";
import { AccountImport } from "../identity-providers/AccountImport";

export function AdminPage() {
  const { t } = useT();
  const me = useMe();
  const invalidate = useInvalidate();
  if (!isAdministrator(me.roles)) {
    return (
      <Page title={t("admin.title")}>
        <p>{t("admin.forbidden")}</p>
      </Page>
    );
  }
  return (
    <Page title={t("admin.title")}>
      <Units />
      <Users />
      <AccountImport onImported={() => void invalidate(["admin", "users"])} />
      <LoginSettings />
      <Instruments />
    </Page>
  );
}

/** Login settings (issue 21) have a page of their own: providers, passwords, break-glass. */
function LoginSettings() {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="login-settings-title">
      <h2 id="login-settings-title">{t("loginAdmin.title")}</h2>
      <p>{t("loginAdmin.adminLinkIntro")}</p>
      <p>
        <Link to="/admin/login">{t("loginAdmin.adminLink")}</Link>
      </p>
    </section>
  );
}

/** Instruments have a page of their own: a list with export, and import of definitions. */
function Instruments() {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="instruments-title">
      <h2 id="instruments-title">{t("instrumentsAdmin.title")}</h2>
      <p>{t("instrumentsAdmin.adminLinkIntro")}</p>
      <p>
        <Link to="/admin/instruments">{t("instrumentsAdmin.adminLink")}</Link>
      </p>
    </section>
  );
}

function Units() {
  const { t } = useT();
  const api = useApi();
  const units = useQuery(["admin", "units"], async (signal) => (await api.units(signal)).units);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="section" aria-labelledby="units-title">
      <h2 id="units-title">{t("admin.unitsTitle")}</h2>
      {units.state.status === "loading" && <Loading />}
      {units.state.status === "error" && <QueryError error={units.state.error} />}
      {units.state.status === "ready" &&
        (units.state.data.length === 0 ? (
          <p className="empty">{t("admin.noUnits")}</p>
        ) : (
          <>
            <p className="field__hint">{t("adminUnit.listHint")}</p>
            <UnitTable units={units.state.data} />
          </>
        ))}
      <StatusMessage message={status} />
      <CreateUnitForm
        onCreated={(unit) => {
          setStatus(t("admin.unitCreated", { name: unit.name }));
          units.reload();
        }}
      />
    </section>
  );
}

function UnitTable({ units }: { units: readonly UnitView[] }) {
  const { t } = useT();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t("admin.unitsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.unitName")}</th>
            <th scope="col">{t("admin.unitKind")}</th>
            <th scope="col">{t("adminUnit.contact")}</th>
            <th scope="col">{t("adminUnit.followUp")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => {
            const contact = [unit.contactPhone, unit.contactAddress, unit.contactEmail].filter(
              (value): value is string => Boolean(value),
            );
            return (
              <tr key={unit.id}>
                <th scope="row">
                  <Link to={`/admin/units/${unit.id}`}>{unit.name}</Link>
                </th>
                <td>{t(unitKindLabels[unit.kind])}</td>
                <td>
                  {contact.length === 0 ? (
                    <span className="muted">{t("adminUnit.notGiven")}</span>
                  ) : (
                    <ul className="plain-list">
                      {contact.map((value) => (
                        <li key={value} className="multiline">
                          {value}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="nowrap">
                  {t("adminUnit.followUpValue", { months: unit.partnerFollowUpMonths })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CreateUnitForm({ onCreated }: { onCreated: (unit: UnitView) => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["name", "kind"]);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<UnitKind>("adult_services");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const unit = await api.createUnit(name, kind);
      setName("");
      onCreated(unit);
    });
  }

  return (
    <div className="subsection">
      <h3 id="create-unit-title">{t("admin.createUnitTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby="create-unit-title" onSubmit={handleSubmit} noValidate>
        <TextField
          label={t("admin.unitName")}
          name="name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={submit.fieldError("name")}
        />
        <SelectField
          label={t("admin.unitKind")}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as UnitKind)}
          error={submit.fieldError("kind")}
        >
          {unitKinds.map((k) => (
            <option key={k} value={k}>
              {t(unitKindLabels[k])}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={submit.pending}>
          {t("admin.createUnitSubmit")}
        </button>
      </form>
    </div>
  );
}

function Users() {
  const { t } = useT();
  const api = useApi();
  const users = useQuery(["admin", "users"], async (signal) => (await api.users(signal)).users);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="section" aria-labelledby="users-title">
      <h2 id="users-title">{t("admin.usersTitle")}</h2>
      {users.state.status === "loading" && <Loading />}
      {users.state.status === "error" && <QueryError error={users.state.error} />}
      {users.state.status === "ready" && <UserTable users={users.state.data} />}
      <StatusMessage message={status} />
      <CreateUserForm
        onCreated={(user) => {
          setStatus(t("admin.userCreated", { name: user.displayName }));
          users.reload();
        }}
      />
    </section>
  );
}

function UserTable({ users }: { users: readonly UserView[] }) {
  const { t } = useT();
  const roleText = useRoleText();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t("admin.usersCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.displayName")}</th>
            <th scope="col">{t("admin.username")}</th>
            <th scope="col">{t("admin.status")}</th>
            <th scope="col">{t("admin.mfa")}</th>
            <th scope="col">{t("admin.roles")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
              </th>
              <td>{user.username}</td>
              <td>{user.active ? t("admin.active") : <strong>{t("admin.inactive")}</strong>}</td>
              <td>{user.mfaEnrolled ? t("admin.mfaEnrolled") : t("admin.mfaNotEnrolled")}</td>
              <td>
                {user.roles.length === 0 ? (
                  <span className="muted">{t("admin.noRoles")}</span>
                ) : (
                  <ul className="plain-list">
                    {user.roles.map((r) => (
                      <li key={r.id}>{roleText(r)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: UserView) => void }) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(["username", "displayName", "password"]);
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const user = await api.createUser(username, displayName, password);
      setUsername("");
      setDisplayName("");
      setPassword("");
      onCreated(user);
    });
  }

  return (
    <div className="subsection">
      <h3 id="create-user-title">{t("admin.createUserTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby="create-user-title" onSubmit={handleSubmit} noValidate>
        <TextField
          label={t("admin.username")}
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={submit.fieldError("username")}
        />
        <TextField
          label={t("admin.displayName")}
          name="displayName"
          autoComplete="off"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={submit.fieldError("displayName")}
        />
        <TextField
          label={t("admin.password")}
          hint={t("admin.passwordHint")}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={submit.fieldError("password")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("admin.createUserSubmit")}
        </button>
      </form>
    </div>
  );
}
