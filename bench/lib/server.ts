import { randomBytes } from "node:crypto";
import http from "node:http";
import { ensureServerBuild, serverEntry, serverNodeFlags } from "../../scripts/server-build.ts";
import { totp } from "../../src/server/auth/totp.ts";
import { ConfigKeyService, type KeyService } from "../../src/server/crypto/key-service.ts";
import { testKekEnv } from "../../src/server/testing/kek.ts";
import { spawnNode, spawnTsx, type TsxChild } from "./child.ts";
import type { BenchTarget } from "./target.ts";

export interface RunningServer {
  url: URL;
  child: TsxChild;
}

/**
 * The real server (src/server/main.ts) in production mode: MFA required, no demo data,
 * LOG_LEVEL warn unless BENCH_LOG_LEVEL says otherwise (info logs two lines per request).
 * `bundled`: the esbuild bundle `npm start` runs (scripts/server-build.ts), with its flags.
 */
export async function startServer(
  target: BenchTarget,
  options: {
    logLevel: string;
    nodeArgs: string[];
    env: Record<string, string>;
    bundled?: boolean;
  },
): Promise<RunningServer> {
  if (options.bundled) await ensureServerBuild();
  const spawnServer = (env: Record<string, string>, nodeArgs: string[]) =>
    options.bundled
      ? spawnNode(serverEntry, [...serverNodeFlags, ...nodeArgs, serverEntry], env)
      : spawnTsx("src/server/main.ts", env, nodeArgs);
  const child = spawnServer(
    {
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      FRID_DEMO: "false",
      LOG_LEVEL: options.logLevel,
      FRID_SESSION_SECRET: randomBytes(32).toString("base64url"),
      ...testKekEnv,
      ...(target.kind === "postgres"
        ? { DATABASE_URL: target.url }
        : { FRID_DATA_DIR: target.dataDir }),
      ...options.env,
    },
    options.nodeArgs,
  );
  try {
    const match = await child.waitFor(/is running at (http:\/\/\S+)/, 60_000);
    return { url: new URL(match[1] as string), child };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/**
 * The key service of the server startServer starts (testKekEnv's KEK): a benchmark that
 * seals values before the server starts wraps its data keys with it, so the server opens them.
 */
export function serverKeyService(kek: string = testKekEnv.FRID_KEK): KeyService {
  return new ConfigKeyService({
    id: testKekEnv.FRID_KEK_ID,
    key: Buffer.from(kek, "base64"),
  });
}

export interface ApiSession {
  cookie: string;
  csrfToken: string;
  /** The authenticator secret the login used (loginWithMfa), for logging in again. */
  totpSecret?: string;
}

async function post(url: URL, path: string, session: ApiSession | null, body?: unknown) {
  const res = await fetch(new URL(path, url), {
    method: "POST",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  return { json, cookie };
}

/**
 * Logs in the way a new production user does: password → set up an authenticator app →
 * confirm a one-time code. Returns the authenticated session (its cookie is rotated).
 * A user who set up an app before (an earlier run) is asked for a code from it: `secretOf`
 * gives its secret (bench:scale reads it from the database), else such a login fails.
 */
export async function loginWithMfa(
  url: URL,
  username: string,
  password: string,
  secretOf?: () => Promise<string | null>,
): Promise<ApiSession> {
  const first = await post(url, "/api/auth/login", null, { username, password });
  const enrolled = first.json.state === "mfa_required" && secretOf;
  if ((first.json.state !== "mfa_enrolment_required" && !enrolled) || !first.cookie) {
    throw new Error(`login: expected mfa_enrolment_required, got ${JSON.stringify(first.json)}`);
  }
  const pending = { cookie: first.cookie, csrfToken: String(first.json.csrfToken) };
  const secret = enrolled
    ? await secretOf()
    : (await post(url, "/api/auth/mfa/enrolment", pending)).json.secret;
  if (!secret) throw new Error(`login: ${username} has an authenticator app but no secret`);
  const code = totp(String(secret));
  const done = await post(url, "/api/auth/mfa", pending, { code });
  if (done.json.state !== "authenticated" || !done.cookie) {
    throw new Error(`mfa: expected authenticated, got ${JSON.stringify(done.json)}`);
  }
  return {
    cookie: done.cookie,
    csrfToken: String(done.json.csrfToken),
    totpSecret: String(secret),
  };
}

/**
 * GET with Node's own keep-alive agent (undici is not a dependency here); resolves with the
 * status once the whole body has arrived, and the body only when asked for.
 */
export function httpGetter(url: URL, cookie: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const get = (path: string, keepBody = false) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { agent, host: url.hostname, port: url.port, path, headers: { cookie } },
        (res) => {
          let body = "";
          if (keepBody) res.setEncoding("utf8").on("data", (d: string) => (body += d));
          else res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}

export interface SentRequest {
  status: number;
  body: string;
  /** The server's request id (x-request-id): every audit event of the request carries it. */
  requestId: string;
}

/**
 * Any method, with the session's cookie and CSRF token and a JSON body when given, one
 * keep-alive socket (requests run one after another).
 */
export function httpRequester(url: URL, session: ApiSession) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method: string, path: string, json?: unknown) =>
    new Promise<SentRequest>((resolve, reject) => {
      const payload = json === undefined ? undefined : JSON.stringify(json);
      const headers: Record<string, string> = { cookie: session.cookie };
      if (method !== "GET") headers["x-csrf-token"] = session.csrfToken;
      if (payload !== undefined) headers["content-type"] = "application/json";
      const req = http.request(
        { agent, method, host: url.hostname, port: url.port, path, headers },
        (res) => {
          let body = "";
          res.setEncoding("utf8").on("data", (d: string) => (body += d));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              body,
              requestId: String(res.headers["x-request-id"] ?? ""),
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}
