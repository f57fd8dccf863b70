import { randomBytes } from "node:crypto";
import http from "node:http";
import { totp } from "../../src/server/auth/totp.ts";
import { spawnTsx, type TsxChild } from "./child.ts";
import type { BenchTarget } from "./target.ts";

export interface RunningServer {
  url: URL;
  child: TsxChild;
}

/**
 * The real server (src/server/main.ts) in production mode: MFA required, no demo data,
 * LOG_LEVEL warn unless BENCH_LOG_LEVEL says otherwise (info logs two lines per request).
 */
export async function startServer(
  target: BenchTarget,
  options: { logLevel: string; nodeArgs: string[]; env: Record<string, string> },
): Promise<RunningServer> {
  const child = spawnTsx(
    "src/server/main.ts",
    {
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      FRID_DEMO: "false",
      LOG_LEVEL: options.logLevel,
      FRID_SESSION_SECRET: randomBytes(32).toString("base64url"),
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

export interface ApiSession {
  cookie: string;
  csrfToken: string;
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
 */
export async function loginWithMfa(
  url: URL,
  username: string,
  password: string,
): Promise<ApiSession> {
  const first = await post(url, "/api/auth/login", null, { username, password });
  if (first.json.state !== "mfa_enrolment_required" || !first.cookie) {
    throw new Error(`login: expected mfa_enrolment_required, got ${JSON.stringify(first.json)}`);
  }
  const pending = { cookie: first.cookie, csrfToken: String(first.json.csrfToken) };
  const enrolment = await post(url, "/api/auth/mfa/enrolment", pending);
  const code = totp(String(enrolment.json.secret));
  const done = await post(url, "/api/auth/mfa", pending, { code });
  if (done.json.state !== "authenticated" || !done.cookie) {
    throw new Error(`mfa: expected authenticated, got ${JSON.stringify(done.json)}`);
  }
  return { cookie: done.cookie, csrfToken: String(done.json.csrfToken) };
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
