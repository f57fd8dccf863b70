import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { type Browser, chromium, type Page } from "playwright-core";
import { projectRoot } from "../src/server/paths.ts";

/**
 * `npm run bench:reads`: how many API reads (GET /api/…) a person's walk through the web
 * causes, screen by screen, and how many audit rows they wrote. Every GET of a record is an
 * audited read, so fewer reads per screen is fewer rows in the trail and less work for the
 * database. Two builds are walked in the same run: the baseline (a worktree of the commit
 * before server state moved to TanStack Query) and this worktree, each a real server with
 * its own demo data, each driven by Debian's Chromium. Prints figures; asserts nothing.
 *   BENCH_BASELINE  the baseline worktree, its web built (default /work/wt-qbase)
 *   DATABASE_URL    a PostgreSQL server to make one throwaway database per side on: the
 *                   audit rows are counted there (without it: PGlite, GETs only)
 */
const env = process.env;
const baseline = resolve(env.BENCH_BASELINE ?? "/work/wt-qbase");
const out = (line = "") => process.stdout.write(`${line}\n`);

interface Side {
  name: string;
  root: string;
}

interface Server {
  url: string;
  auditRows: () => Promise<number | null>;
  stop: () => Promise<void>;
}

/** A throwaway database on the PostgreSQL server, dropped again by `drop`. */
async function throwawayDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const reader = new pg.Client({ connectionString: url.toString() });
  return {
    url: url.toString(),
    reader,
    async drop() {
      await reader.end().catch(() => {});
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** Starts `root`'s server as the browser journeys do (demo data), on a free port. */
async function startServer(side: Side): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), "frid-reads-"));
  const database = env.DATABASE_URL
    ? await throwawayDatabase(env.DATABASE_URL, `frid_reads_${side.name}_${process.pid}`)
    : null;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: side.root,
    env: {
      PATH: env.PATH ?? "",
      HOME: env.HOME ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...(database ? { DATABASE_URL: database.url } : { FRID_DATA_DIR: dataDir }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((done, fail) => {
    const read = (d: unknown) => {
      output += String(d);
      const match = /is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) done(match[1].replace(/\/$/, ""));
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => fail(new Error(`${side.name} exited with ${code}:\n${output}`)));
  });
  if (database) await database.reader.connect();
  return {
    url,
    async auditRows() {
      if (!database) return null;
      const result = await database.reader.query("SELECT count(*)::int AS n FROM audit_event");
      return (result.rows[0] as { n: number }).n;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGTERM");
        await exited;
      }
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Counts the page's API GETs and waits until none has been under way for a while. */
function watch(page: Page) {
  let gets = 0;
  let inFlight = 0;
  let lastChange = Date.now();
  const isApi = (url: string) => new URL(url).pathname.startsWith("/api/");
  page.on("request", (r) => {
    if (!isApi(r.url())) return;
    if (r.method() === "GET") gets += 1;
    inFlight += 1;
    lastChange = Date.now();
  });
  const settle = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on("requestfinished", (r) => isApi(r.url()) && settle());
  page.on("requestfailed", (r) => isApi(r.url()) && settle());
  return {
    /** The GETs since the last call, once the page has been quiet for a second. */
    async take(): Promise<number> {
      while (inFlight > 0 || Date.now() - lastChange < 1000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const n = gets;
      gets = 0;
      return n;
    },
  };
}

type Step = { screen: string; act: (page: Page, url: string) => Promise<void> };

const casePath = { value: "" };

/** The walk: the same clicks a caseworker makes, on handlaggare1's demo case. */
const steps: Step[] = [
  {
    screen: "login page",
    act: async (page, url) => {
      await page.goto(url);
      await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
    },
  },
  {
    screen: "start page after login",
    act: async (page) => {
      await page.getByLabel("Användarnamn").fill("handlaggare1");
      await page.getByLabel("Lösenord").fill("frid-demo");
      await page.getByRole("button", { name: "Logga in" }).click();
      await page.getByRole("table", { name: "Ärenden som är tilldelade dig" }).waitFor();
    },
  },
  {
    screen: "case page",
    act: async (page) => {
      const mine = page.getByRole("table", { name: "Ärenden som är tilldelade dig" });
      await mine.getByRole("row").filter({ hasText: "Anna Andersson" }).getByRole("link").click();
      await page.getByRole("region", { name: "Journal" }).waitFor();
      casePath.value = new URL(page.url()).pathname;
    },
  },
  {
    screen: "person page (link on the case)",
    act: async (page) => {
      await page.locator("dl.details").getByRole("link", { name: "Anna Andersson" }).click();
      await page.waitForURL(/\/persons\//);
      await page.getByRole("heading", { level: 1, name: /Anna Andersson/ }).waitFor();
    },
  },
  {
    screen: "case page again (browser back)",
    act: async (page) => {
      await page.goBack();
      await page.getByRole("region", { name: "Journal" }).waitFor();
    },
  },
  {
    screen: "safety-plan page (link on the case)",
    act: async (page) => {
      await page.getByRole("link", { name: "Säkerhetsplan", exact: true }).first().click();
      await page.waitForURL(/\/safety-plan$/);
      await page.getByRole("heading", { level: 1 }).waitFor();
    },
  },
  {
    screen: "case page again (browser back)",
    act: async (page) => {
      await page.goBack();
      await page.getByRole("region", { name: "Journal" }).waitFor();
    },
  },
  {
    screen: "after a journal note (draft saved)",
    act: async (page) => {
      const form = page.getByRole("form", { name: "Ny anteckning" });
      await form.getByLabel("Text").fill("Mätning: en anteckning för att räkna läsningar.");
      await form.getByRole("button", { name: "Spara utkast" }).click();
      await page.getByText("Mätning: en anteckning för att räkna läsningar.").first().waitFor();
    },
  },
];

interface Figure {
  gets: number;
  audit: number | null;
}

async function walk(browser: Browser, side: Side): Promise<Figure[]> {
  const server = await startServer(side);
  try {
    const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const counter = watch(page);
    const figures: Figure[] = [];
    for (const step of steps) {
      const before = await server.auditRows();
      await step.act(page, server.url);
      const gets = await counter.take();
      const after = await server.auditRows();
      figures.push({ gets, audit: before === null || after === null ? null : after - before });
    }
    await context.close();
    return figures;
  } finally {
    await server.stop();
  }
}

const pad = (v: string, n: number) => v.padStart(n);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function print(results: Record<string, Figure[]>, sides: Side[]) {
  const [a, b] = sides.map((s) => results[s.name] ?? []);
  out(`API GETs (audit rows written) per screen, ${sides.map((s) => s.name).join(" vs ")}:`);
  out(`${"screen".padEnd(40)}${pad("baseline", 14)}${pad("this", 14)}${pad("diff", 12)}`);
  const cell = (f: Figure | undefined) => (f ? `${f.gets} (${f.audit ?? "–"})` : "–");
  const total = (fs: Figure[] | undefined) =>
    (fs ?? []).reduce(
      (s, f) => ({ gets: s.gets + f.gets, audit: (s.audit ?? 0) + (f.audit ?? 0) }),
      {
        gets: 0,
        audit: 0,
      } as Figure,
    );
  steps.forEach((step, i) => {
    const x = a?.[i];
    const y = b?.[i];
    const diff = x && y ? signed(y.gets - x.gets) : "–";
    out(`${step.screen.padEnd(40)}${pad(cell(x), 14)}${pad(cell(y), 14)}${pad(diff, 12)}`);
  });
  const ta = total(a);
  const tb = total(b);
  out(
    `${"whole walk".padEnd(40)}${pad(cell(ta), 14)}${pad(cell(tb), 14)}${pad(signed(tb.gets - ta.gets), 12)}`,
  );
}

async function main() {
  const sides: Side[] = [
    { name: "baseline", root: baseline },
    { name: "this", root: projectRoot },
  ];
  for (const side of sides) {
    if (!existsSync(join(side.root, "dist/web/index.html"))) {
      throw new Error(`${side.root} has no web build: run npm run build there first`);
    }
  }
  out(`baseline: ${baseline}`);
  out(`this:     ${projectRoot}`);
  out(
    `audit rows: ${env.DATABASE_URL ? "counted in PostgreSQL" : "not counted (no DATABASE_URL)"}`,
  );
  const browser = await chromium.launch({
    executablePath: env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const results: Record<string, Figure[]> = {};
  try {
    for (const side of sides) results[side.name] = await walk(browser, side);
  } finally {
    await browser.close();
  }
  print(results, sides);
}

await main();
