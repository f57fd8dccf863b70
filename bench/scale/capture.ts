import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Actor } from "../../src/server/access/actor.ts";
import { totp } from "../../src/server/auth/totp.ts";
import { type Config, loadConfig } from "../../src/server/config.ts";
import { appRole, type DatabaseHandle } from "../../src/server/db/connection.ts";
import { buildApp } from "../../src/server/http/app.ts";
import type { App } from "../../src/server/http/context.ts";
import { createLogger } from "../../src/server/log.ts";
import { testKekEnv } from "../../src/server/testing/kek.ts";
import type { BenchTarget } from "../lib/target.ts";
import type { RunAs } from "./sql.ts";

/**
 * The statements the server sends for one request, captured in this process: the app is
 * built here (http/app.ts, the server's own code over the same database) and the request
 * injected, while every query any database client of this process sends is recorded with
 * its parameters and the role and actor settings in force on its connection.
 */
export interface CapturedStatement {
  sql: string;
  values: unknown[];
  /** The role and actor set on the connection (null outside a transaction that set them). */
  as: RunAs | null;
}

let recording: CapturedStatement[] | null = null;
const contexts = new WeakMap<object, RunAs | null>();

function settingsOf(sql: string, values: unknown[]): RunAs | null {
  const as = actorOf(sql, values);
  if (!as) return null;
  // Any other setting the transaction makes, written out: the plan is explained under it too.
  const settings: Record<string, string> = {};
  for (const m of sql.matchAll(/set_config\('([a-z_.]+)', '([^']*)', true\)/g)) {
    const [name, value] = [m[1] as string, m[2] as string];
    if (!["role", "frid.user_id", "frid.org_id"].includes(name)) settings[name] = value;
  }
  return Object.keys(settings).length > 0 ? { ...as, settings } : as;
}

function actorOf(sql: string, values: unknown[]): RunAs | null {
  if (values.length >= 3 && typeof values[0] === "string") {
    return { role: values[0], userId: String(values[1]), orgId: String(values[2]) };
  }
  const m =
    /set_config\('role', '([^']*)'.*set_config\('frid\.user_id', '([^']*)'.*set_config\('frid\.org_id', '([^']*)'/s.exec(
      sql,
    );
  return m ? { role: m[1] as string, userId: m[2] as string, orgId: m[3] as string } : null;
}

/** Notes the statement (when recording) and what it does to the connection's settings. */
function record(connection: object, sql: unknown, values: unknown) {
  if (typeof sql !== "string") return;
  const params = Array.isArray(values) ? values : [];
  if (/set_config\('role'/.test(sql)) contexts.set(connection, settingsOf(sql, params));
  recording?.push({ sql, values: params, as: contexts.get(connection) ?? null });
  if (/^\s*(commit|rollback)\b/i.test(sql)) contexts.set(connection, null);
}

let installed = false;

/** Wraps node-postgres's and PGlite's query methods once (this process only). */
function installRecorder() {
  if (installed) return;
  installed = true;
  type QueryFn = (this: object, ...args: unknown[]) => unknown;
  const wrap = (proto: Record<string, unknown>, method: string) => {
    const original = proto[method] as QueryFn;
    proto[method] = function (this: object, ...args: unknown[]) {
      const [first, second] = args;
      if (typeof first === "object" && first !== null && "text" in first) {
        // A prepared statement (db/transaction-prelude.ts) comes as { name, text } with its
        // values as the second argument.
        const config = first as { text: string; values?: unknown[] };
        record(this, config.text, config.values ?? second);
      } else record(this, first, second);
      return original.apply(this, args);
    };
  };
  wrap(pg.Client.prototype as unknown as Record<string, unknown>, "query");
  wrap(PGlite.prototype as unknown as Record<string, unknown>, "query");
  wrap(PGlite.prototype as unknown as Record<string, unknown>, "exec");
}

export interface Capturer {
  /** Logs the actor in (password, then a code from their app) and sends the request once. */
  capture(
    actor: Actor,
    request: { method: "GET" | "POST"; path: string; body?: unknown },
  ): Promise<{ status: number; statements: CapturedStatement[] }>;
  close(): Promise<void>;
}

async function injectLogin(app: App, username: string, password: string, secret: string) {
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  const pending = login.cookies[0];
  const body = login.json() as { state: string; csrfToken: string };
  if (!pending || body.state !== "mfa_required") {
    throw new Error(`capture login ${username}: ${login.statusCode} ${login.body.slice(0, 200)}`);
  }
  const done = await app.inject({
    method: "POST",
    url: "/api/auth/mfa",
    cookies: { [pending.name]: pending.value },
    headers: { "x-csrf-token": body.csrfToken },
    payload: { code: totp(secret) },
  });
  const cookie = done.cookies[0];
  if (!cookie || done.statusCode !== 200) throw new Error(`capture mfa ${username}: ${done.body}`);
  return {
    cookies: { [cookie.name]: cookie.value },
    csrf: (done.json() as { csrfToken: string }).csrfToken,
  };
}

function configFor(target: BenchTarget, sessionSecret: string): Config {
  return loadConfig({
    NODE_ENV: "production",
    FRID_DEMO: "false",
    FRID_SESSION_SECRET: sessionSecret,
    ...testKekEnv,
    ...keptKeys(),
    ...(target.kind === "postgres"
      ? { DATABASE_URL: target.url }
      : { FRID_DATA_DIR: target.dataDir }),
  });
}

/**
 * BENCH_KEK (and BENCH_KEY_STORE_DIR): the key-encryption key of an earlier start, so a
 * database whose data keys that start made — and whose plaintext contact fields it sealed,
 * minutes at a million persons — is benchmarked again without a fresh key that cannot open them.
 */
export function keptKeys(): Record<string, string> {
  const kek = process.env.BENCH_KEK;
  const store = process.env.BENCH_KEY_STORE_DIR;
  return {
    ...(kek ? { FRID_KEK: kek } : {}),
    ...(store ? { FRID_KEY_STORE_DIR: store } : {}),
  };
}

/**
 * The app over `database` (the benchmark's own handle on `target`), for capturing. Users must have an authenticator app by now (the
 * HTTP phase set one up); `secretOf` reads its secret.
 */
export async function openCapturer(
  target: BenchTarget,
  database: DatabaseHandle,
  password: string,
  sessionSecret: string,
  secretOf: (userId: string) => Promise<string | null>,
): Promise<Capturer> {
  installRecorder();
  const app = await buildApp({
    config: configFor(target, sessionSecret),
    database,
    logger: createLogger("silent"),
    webRoot: null,
  });
  await app.ready();
  return {
    async capture(actor, request) {
      const secret = await secretOf(actor.userId);
      if (!secret) throw new Error(`${actor.username} has no authenticator app`);
      const session = await injectLogin(app, actor.username, password, secret);
      recording = [];
      try {
        const res = await app.inject({
          method: request.method,
          url: request.path,
          cookies: session.cookies,
          headers: request.method === "GET" ? {} : { "x-csrf-token": session.csrf },
          ...(request.body === undefined ? {} : { payload: request.body as object }),
        });
        return { status: res.statusCode, statements: recording };
      } finally {
        recording = null;
      }
    },
    async close() {
      await app.close();
    },
  };
}

/** Statements worth a plan: reads and writes, not BEGIN, COMMIT or the settings. */
export function explainable(s: CapturedStatement): boolean {
  const text = s.sql.trim().toLowerCase();
  if (!/^(select|insert|update|delete|with)\b/.test(text)) return false;
  return !/^select set_config\(/.test(text);
}

/** Outside the actor's transaction the server's queries run as frid_app without an actor. */
export const outsideTransaction = (): RunAs => ({ role: appRole, userId: "", orgId: "" });
