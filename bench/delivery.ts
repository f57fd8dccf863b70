import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Response } from "playwright-core";
import { serverProcess } from "../scripts/server-build.ts";
import { projectRoot } from "../src/server/paths.ts";

/**
 * `npm run bench:delivery [-- <baseline checkout>]`: what a browser downloads and what the
 * server holds, for a baseline checkout (default /work/wt-baseline, or BASELINE) and this
 * one, in the same run on the same machine, with ratios. Never asserts anything.
 * - JavaScript on first load of the login page, and of the start page after logging in
 *   (real transfers in Chromium; the gzip size of each script is computed from its bytes,
 *   and the bytes on the wire are shown beside it), and the largest chunk;
 * - cold start of `npm start` (scripts/start.ts: demo data, web already built, a fresh data
 *   folder) to the "is running at" line;
 * - the server process's RSS (npm start's child, where it has one) after start, and after 1,000 case reads (GET /api/cases/:id).
 * Targets (issue 13): login ≤ 150 kB, start page ≤ 250 kB, RSS ≤ 300 / 350 MB, start ≤ 10 s.
 */
const out = (line = "") => process.stdout.write(`${line}\n`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const reads = Number(process.env.DELIVERY_READS ?? 1000);

interface Figures {
  loginGzip: number;
  loginWire: number;
  startGzip: number;
  startWire: number;
  largest: string;
  coldStartMs: number;
  steps: string[];
  rssAfterStart: number;
  rssAfterReads: number;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The checkout's own build steps, each in its own process (no-ops when current). */
function buildWeb(checkout: string) {
  const steps = ["scripts/web-build.ts", "scripts/server-build.ts"];
  for (const script of steps.filter((s) => existsSync(join(checkout, s)))) {
    const result = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: checkout,
      stdio: "ignore",
    });
    if (result.status !== 0) throw new Error(`${script} in ${checkout} failed`);
  }
}

async function startFrid(checkout: string, dataDir: string) {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: checkout,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      FRID_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // When each plain start-up line appeared: where the cold start's time goes.
  const steps: string[] = [];
  child.stderr?.on("data", (d) => (output += String(d)));
  const url = await new Promise<string>((done, fail) => {
    child.stdout?.on("data", (d) => {
      output += String(d);
      for (const line of String(d).split("\n")) {
        const step = /^(Web app|Database|Migrations|Demo data|Building)[^:]*/.exec(line)?.[0];
        if (step) steps.push(`${step} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      const match = /is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) done(match[1].replace(/\/$/, ""));
    });
    child.once("exit", (code) => fail(new Error(`start exited with ${code}:\n${output}`)));
  });
  return { child, url, coldStartMs: performance.now() - started, steps };
}

interface Script {
  url: string;
  gzip: number;
  wire: number;
}

/** Chromium as the journeys run it; every script response, with its gzip and wire sizes. */
/** Waits until `count` has not grown for a second: no more scripts on their way. */
async function quiet(count: () => number) {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function browserLoads(url: string) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await (await browser.newContext({ locale: "sv-SE" })).newPage();
    let scripts: Promise<Script | null>[] = [];
    page.on("response", (response: Response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          const gzip = gzipSync(body, { level: 9 }).length;
          return { url: response.url(), gzip, wire: sizes.responseBodySize };
        })().catch(() => null), // a response still arriving when the browser closes
      );
    });
    const settled = async () => (await Promise.all(scripts)).filter((s) => s !== null);
    await page.goto(url, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    const login = await settled();
    scripts = [];
    await page.getByLabel("Användarnamn").fill("handlaggare1");
    await page.getByLabel("Lösenord").fill("frid-demo");
    await page.getByRole("button", { name: "Logga in" }).click();
    // The start page has arrived when its own heading shows (its chunk and the catalogue
    // load after login). waitForLoadState("networkidle") cannot tell: an in-app navigation
    // keeps the load state the login page reached, so it answers at once.
    await page.getByRole("heading", { level: 1, name: "Mina ärenden" }).waitFor();
    await quiet(() => scripts.length);
    const afterLogin = await settled();
    return { login, afterLogin };
  } finally {
    await browser.close();
  }
}

async function caseReads(url: string, count: number) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "handlaggare1", password: "frid-demo" }),
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
  const list = (await (
    await fetch(`${url}/api/cases?scope=all`, { headers: { cookie } })
  ).json()) as {
    cases: { id: string }[];
  };
  const ids = list.cases.map((c) => c.id);
  if (ids.length === 0) throw new Error("no case to read");
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/cases/${ids[i % ids.length]}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET /api/cases/:id answered ${res.status}`);
    await res.arrayBuffer();
  }
}

const sum = (list: Script[], key: "gzip" | "wire") => list.reduce((n, s) => n + s[key], 0);

async function measure(checkout: string): Promise<Figures> {
  buildWeb(checkout);
  const dataDir = mkdtempSync(join(tmpdir(), "frid-delivery-"));
  const { child, url, coldStartMs, steps } = await startFrid(checkout, dataDir);
  try {
    const server = serverProcess(child.pid as number);
    const rssAfterStart = rssOf(server);
    const { login, afterLogin } = await browserLoads(url);
    const all = [...login, ...afterLogin].sort((a, b) => b.gzip - a.gzip);
    const top = all[0];
    await caseReads(url, reads);
    return {
      loginGzip: sum(login, "gzip"),
      loginWire: sum(login, "wire"),
      startGzip: sum(login, "gzip") + sum(afterLogin, "gzip"),
      startWire: sum(login, "wire") + sum(afterLogin, "wire"),
      largest: top ? `${new URL(top.url).pathname} (${kB(top.gzip)} gzip)` : "none",
      coldStartMs,
      steps,
      rssAfterStart,
      rssAfterReads: rssOf(server),
    };
  } finally {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function row(label: string, cells: string[]) {
  return `${label.padEnd(44)}${cells.map((c) => c.padStart(14)).join("")}`;
}

const baselineDir = resolve(process.argv[2] ?? process.env.BASELINE ?? "/work/wt-baseline");
out(`bench:delivery — baseline ${baselineDir} vs this checkout ${projectRoot}`);
out(`(${reads} case reads; Chromium ${"/usr/bin/chromium"}; gzip -9 of each script's bytes)`);
const before = await measure(baselineDir);
const now = await measure(projectRoot);
const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
out();
out(row("", ["baseline", "now", "now/base", "target"]));
const lines: [string, keyof Figures, (v: number) => string, string][] = [
  ["JS, login page (gzip)", "loginGzip", kB, "≤ 150 kB"],
  ["JS, login page (on the wire)", "loginWire", kB, ""],
  ["JS, start page after login (gzip, total)", "startGzip", kB, "≤ 250 kB"],
  ["JS, start page after login (on the wire)", "startWire", kB, ""],
  [
    "cold start of npm start to ready",
    "coldStartMs",
    (v) => `${(v / 1000).toFixed(1)} s`,
    "≤ 10 s",
  ],
  ["server RSS after start", "rssAfterStart", MB, "≤ 300 MB"],
  [`server RSS after ${reads} case reads`, "rssAfterReads", MB, "≤ 350 MB"],
];
for (const [label, key, format, target] of lines) {
  const a = before[key] as number;
  const b = now[key] as number;
  out(row(label, [format(a), format(b), ratio(a, b), target]));
}
out(`largest chunk, baseline: ${before.largest}`);
out(`largest chunk, now:      ${now.largest}`);
out(`start-up lines seen at, baseline: ${before.steps.join(", ") || "none"}`);
out(`start-up lines seen at, now:      ${now.steps.join(", ") || "none"}`);
