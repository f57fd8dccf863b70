import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { printedPassword, runAdminCreate } from "../e2e/fixtures/admin-create.ts";
import { type RunningServer, startServer } from "../e2e/fixtures/server.ts";
import { totp } from "../src/server/auth/totp.ts";
import { openPglite } from "../src/server/db/connection.ts";
import { projectRoot } from "../src/server/paths.ts";
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from "../src/server/testing/databases.ts";
import { testKekEnv } from "../src/server/testing/kek.ts";

/**
 * A production installation from nothing: `npm run admin:create` makes the first
 * administrator, who logs in through the API with the one-time password, sets up an
 * authenticator app, replaces the one-time password, and creates a unit and a user. Generous timeouts only: each step
 * starts a process on a busy machine.
 */
const slow = 240_000;
const sessionSecret = randomBytes(48).toString("base64");

interface Installation {
  /** The database settings the server and the command share. */
  env: Record<string, string>;
  /** Reads the database once nothing else has it open (PGlite is one process at a time). */
  auditRequestIds(): Promise<string[]>;
  remove(): Promise<void>;
}

async function freshInstallation(kind: "pglite" | "postgres"): Promise<Installation> {
  const requestIds = (rows: { request_id: string | null }[]) => rows.map((r) => r.request_id ?? "");
  if (kind === "postgres") {
    const database: TestDatabase = await createEmptyDatabase("postgres");
    return {
      env: { DATABASE_URL: database.url as string },
      auditRequestIds: async () =>
        requestIds(await database.owner.selectFrom("audit_event").select("request_id").execute()),
      remove: () => database.close(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "frid-admin-create-"));
  return {
    env: { FRID_DATA_DIR: dir },
    async auditRequestIds() {
      const database = await openPglite(dir);
      try {
        return requestIds(
          await database.owner.selectFrom("audit_event").select("request_id").execute(),
        );
      } finally {
        await database.close();
      }
    },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const production = (installation: Installation) => ({
  NODE_ENV: "production",
  FRID_SESSION_SECRET: sessionSecret,
  ...testKekEnv,
  ...installation.env,
});

/** A client that keeps the session cookie and CSRF token, as a script using the API would. */
function client(url: string) {
  let cookie = "";
  let csrfToken = "";
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(cookie ? { cookie } : {}),
        ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0] as string;
    const json = res.status === 204 ? null : await res.json();
    if (json?.csrfToken) csrfToken = json.csrfToken;
    return { status: res.status, json };
  };
}

describe.each(testDatabaseKinds)("npm run admin:create (%s)", (kind) => {
  let server: RunningServer | undefined;
  let installation: Installation | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await installation?.remove();
  });

  it(
    "makes the first administrator, who logs in with TOTP, replaces the password and creates a unit and a user",
    async () => {
      installation = await freshInstallation(kind);
      const env = production(installation);
      // PostgreSQL serves both at once, as in operation; the embedded database is one
      // process's at a time, so there the command runs before the server starts.
      if (kind === "postgres") server = await startServer(env);
      const created = runAdminCreate(env, "--username", "forvaltare", "--org", "Provkommun");
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout).toContain('Organisation "Provkommun" created.');
      const password = printedPassword(created.stdout);
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      server ??= await startServer(env);
      expect(server.output()).not.toContain("DEMO");

      const api = client(server.url);
      const login = await api("POST", "/api/auth/login", { username: "forvaltare", password });
      expect(login).toMatchObject({ status: 200, json: { state: "mfa_enrolment_required" } });
      // Nothing but the authenticator steps before the one-time code.
      expect((await api("GET", "/api/admin/users")).status).toBe(401);
      const enrolment = await api("POST", "/api/auth/mfa/enrolment");
      expect(enrolment.status).toBe(200);
      const secret = enrolment.json.secret as string;
      const mfa = await api("POST", "/api/auth/mfa", { code: totp(secret) });
      expect(mfa).toMatchObject({ status: 200, json: { state: "password_change_required" } });
      // The one-time password was on a terminal: it is replaced before anything else.
      expect((await api("GET", "/api/admin/users")).status).toBe(401);
      const changed = await api("POST", "/api/auth/password", {
        currentPassword: password,
        newPassword: "förvaltarens eget lösenord",
      });
      expect(changed).toMatchObject({ status: 200, json: { state: "authenticated" } });

      const unit = await api("POST", "/api/admin/units", {
        name: "IFO Vuxen",
        kind: "adult_services",
      });
      expect(unit.status).toBe(201);
      const user = await api("POST", "/api/admin/users", {
        username: "handlaggare",
        displayName: "Handläggare Prov",
        password: "ett långt lösenord för prov",
      });
      expect(user.status).toBe(201);
      const role = await api("POST", `/api/admin/users/${user.json.id}/roles`, {
        unitId: unit.json.id,
        role: "caseworker",
      });
      expect(role.status).toBe(200);
      const users = await api("GET", "/api/admin/users");
      expect(users.json.users).toEqual([
        expect.objectContaining({ username: "forvaltare", mfaEnrolled: true }),
        expect.objectContaining({
          username: "handlaggare",
          roles: [expect.objectContaining({ unitName: "IFO Vuxen", role: "caseworker" })],
        }),
      ]);

      await server.stop();
      server = undefined;
      // The command left its trace in the audit trail, like an administrator's clicks.
      const commandEvents = (await installation.auditRequestIds()).filter((id) =>
        id.startsWith("admin-create-"),
      );
      expect(commandEvents).toHaveLength(2);
    },
    slow,
  );

  it(
    "refuses when the organisation has an administrator; forced, it resets that administrator",
    async () => {
      installation = await freshInstallation(kind);
      const env = production(installation);
      const args = ["--username", "forvaltare", "--org", "Provkommun"];
      const first = printedPassword(runAdminCreate(env, ...args).stdout);
      const again = runAdminCreate(env, "--username", "forvaltare2", "--org", "Provkommun");
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('"Provkommun" already has an administrator (forvaltare)');
      expect(again.stderr).not.toMatch(/\n\s+at /);
      expect(again.stdout).not.toContain("One-time password");

      const forced = runAdminCreate(env, ...args, "--force");
      expect(forced.status, forced.stderr).toBe(0);
      expect(forced.stdout).toContain('Administrator "forvaltare" reset');
      const second = printedPassword(forced.stdout);
      expect(second).not.toBe(first);

      server = await startServer(env);
      const api = client(server.url);
      const old = await api("POST", "/api/auth/login", { username: "forvaltare", password: first });
      expect(old.status).toBe(401);
      const fresh = await api("POST", "/api/auth/login", {
        username: "forvaltare",
        password: second,
      });
      expect(fresh).toMatchObject({ status: 200, json: { state: "mfa_enrolment_required" } });
    },
    slow,
  );
});

describe("npm run admin:create, wrong arguments", () => {
  it(
    "prints what is wrong and the usage line, exits 2, no stack, touches no database",
    () => {
      const env = {
        NODE_ENV: "production",
        FRID_SESSION_SECRET: sessionSecret,
        FRID_DATA_DIR: "/nonexistent/frid",
        ...testKekEnv,
      };
      for (const args of [
        [],
        ["--username", "forvaltare"],
        ["--username", "x", "--org", "Provkommun"],
        ["--username", "forvaltare", "--org", "Provkommun", "--org-kind", "kommun"],
        ["--username", "forvaltare", "--org", "Provkommun", "--bogus"],
      ]) {
        const res = runAdminCreate(env, ...args);
        expect(res.status, args.join(" ")).toBe(2);
        expect(res.stderr).toContain("Usage: npm run admin:create -- --username NAME --org");
        expect(res.stderr).not.toMatch(/\n\s+at /);
        expect(res.stdout).toBe("");
      }
      const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8"));
      expect(pkg.scripts["admin:create"]).toBe("tsx scripts/admin-create.ts");
    },
    slow,
  );
});

describe("npm run admin:create on the embedded database while Frid runs", () => {
  let server: RunningServer | undefined;
  let installation: Installation | undefined;
  afterEach(async () => {
    await server?.stop();
    await installation?.remove();
  });

  it(
    "refuses: two processes writing one PGlite folder would corrupt it",
    async () => {
      installation = await freshInstallation("pglite");
      const env = production(installation);
      server = await startServer(env);
      const res = runAdminCreate(env, "--username", "forvaltare", "--org", "Provkommun");
      expect(res.status).toBe(1);
      expect(res.stderr).toContain("Frid is running on this embedded database");
      expect(res.stderr).not.toMatch(/\n\s+at /);
      expect(res.stdout).not.toContain("One-time password");
      await server.stop();
      server = undefined;
      // Once it has stopped, the command runs.
      expect(runAdminCreate(env, "--username", "forvaltare", "--org", "Provkommun").status).toBe(0);
    },
    slow,
  );
});
