import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/server/paths.ts";
import { serverEntry, serverProcess } from "./server-build.ts";
import { ensureWebBuild, inputFingerprint, webBuildIsCurrent } from "./web-build.ts";

describe("inputFingerprint (npm start rebuilds the web app only when it is stale)", () => {
  let root: string;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function project() {
    root = mkdtempSync(join(tmpdir(), "frid-fp-"));
    mkdirSync(join(root, "src/web/routes"), { recursive: true });
    mkdirSync(join(root, "src/shared"), { recursive: true });
    writeFileSync(join(root, "src/web/routes/Page.tsx"), "export const a = 1;\n");
    writeFileSync(join(root, "src/shared/x.ts"), "export const b = 2;\n");
    writeFileSync(join(root, "package-lock.json"), "{}\n");
    return root;
  }

  it("changes when a web source, a shared source or the lock file changes", () => {
    const r = project();
    const before = inputFingerprint(r);
    writeFileSync(join(r, "src/web/routes/Page.tsx"), "export const a = 2;\n");
    const afterWeb = inputFingerprint(r);
    expect(afterWeb).not.toBe(before);
    writeFileSync(join(r, "src/shared/x.ts"), "export const b = 3;\n");
    expect(inputFingerprint(r)).not.toBe(afterWeb);
    const afterShared = inputFingerprint(r);
    writeFileSync(join(r, "package-lock.json"), '{"v":2}\n');
    expect(inputFingerprint(r)).not.toBe(afterShared);
  });

  it("stays the same when only timestamps or tests change", () => {
    const r = project();
    const before = inputFingerprint(r);
    utimesSync(join(r, "src/web/routes/Page.tsx"), new Date(2030, 0, 1), new Date(2030, 0, 1));
    writeFileSync(join(r, "src/web/routes/Page.test.tsx"), "test\n");
    expect(inputFingerprint(r)).toBe(before);
  });
});

describe("ensureWebBuild", () => {
  it("builds, records the fingerprint, and leaves NODE_ENV as it was (npm start runs the server next)", async () => {
    const before = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      expect(await ensureWebBuild({ force: true })).toBe("built");
      expect(process.env.NODE_ENV).toBeUndefined();
      expect(webBuildIsCurrent()).toBe(true);
      expect(await ensureWebBuild()).toBe("current");
    } finally {
      if (before !== undefined) process.env.NODE_ENV = before;
    }
  });
});

/**
 * `npm start` as a person sees it: one plain line per step, then the address. The web build
 * (Vite, Rolldown: over a gigabyte at its peak) runs in a child process and is never loaded
 * into the server's own memory.
 */
describe("npm start (scripts/start.ts)", () => {
  let child: ChildProcess | undefined;
  let dataDir = "";
  // In this file, after the build above: two builds into dist/web must never overlap.
  beforeAll(async () => {
    await ensureWebBuild();
  }, 600_000);
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start() {
    dataDir = mkdtempSync(join(tmpdir(), "frid-start-"));
    const proc = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: "0",
        HOST: "127.0.0.1",
        FRID_DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    let stdout = "";
    proc.stdout.on("data", (d) => (stdout += String(d)));
    proc.stderr.on("data", (d) => (stdout += String(d)));
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on("data", () => {
        if (/is running at http:\/\/\S+/.test(stdout)) resolve();
      });
      proc.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${stdout}`)));
    });
    return { pid: proc.pid as number, stdout: () => stdout };
  }

  it("says each step in one plain line, in order, and keeps its JSON log lines apart from them", async () => {
    const { stdout } = await start();
    const lines = stdout()
      .split("\n")
      .filter((l) => l !== "");
    const human = lines.filter((l) => !l.startsWith("{"));
    const steps = ["Web app:", "Server:", "Database:", "Migrations:", "Demo data:", "Frid "];
    const firstOf = steps.map((step) => human.findIndex((l) => l.startsWith(step)));
    expect(
      firstOf.every((i) => i >= 0),
      human.join("\n"),
    ).toBe(true);
    expect([...firstOf].sort((a, b) => a - b)).toEqual(firstOf);
    expect(human.find((l) => l.startsWith("Frid "))).toMatch(
      /is running at http:\/\/127\.0\.0\.1:\d+\/$/,
    );
    // Whatever is logged as JSON stays whole, one object per line.
    for (const line of lines.filter((l) => l.startsWith("{"))) {
      expect(() => JSON.parse(line)).not.toThrow();
    }
  }, 180_000);

  it("never loads the web build tool (Vite and its native Rolldown binding) into the server", async () => {
    const { pid } = await start();
    const server = serverProcess(pid);
    expect(server, "the server runs in a process of its own").not.toBe(pid);
    const mapped = readFileSync(`/proc/${server}/maps`, "utf8");
    expect(mapped).not.toMatch(/rolldown|lightningcss/);
  }, 180_000);

  it("runs the server as the bundle in dist/server, without tsx's loader", async () => {
    const { pid } = await start();
    const command = readFileSync(`/proc/${serverProcess(pid)}/cmdline`, "utf8").split("\0");
    expect(command).toContain(serverEntry);
    expect(command.join(" ")).not.toMatch(/tsx/);
  }, 180_000);
});
