import { type ChildProcess, spawn } from "node:child_process";
import { projectRoot } from "../../src/server/paths.ts";

/**
 * A TypeScript entry point run in its own Node process (`node --import tsx`), so a load
 * generator and what it measures never share one event loop.
 */
export interface TsxChild {
  pid: number | undefined;
  /** Everything it printed (stdout and stderr), the last 64 KiB. */
  output(): string;
  /** Resolves with the first match in stdout; rejects on timeout or exit. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** SIGTERM, then SIGKILL after 10 s; safe to call twice and after it exited. */
  stop(): Promise<void>;
}

const keep = 64 * 1024;

export function spawnTsx(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): TsxChild {
  return spawnNode(script, [...nodeArgs, "--import", "tsx", script], env);
}

/** A Node process running `args` (flags and entry point); `script` names it in errors. */
export function spawnNode(script: string, args: string[], env: Record<string, string>): TsxChild {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: projectRoot,
    // Only what the child needs: no DATABASE_URL or other settings leak in by accident.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let stdout = "";
  const append = (text: string) => {
    output = (output + text).slice(-keep);
  };
  child.stdout?.on("data", (d) => {
    append(String(d));
    stdout = (stdout + String(d)).slice(-keep);
  });
  child.stderr?.on("data", (d) => append(String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;

  return {
    pid: child.pid,
    output: () => output,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (!match) return false;
          cleanup();
          resolve(match);
          return true;
        };
        const onExit = () => {
          if (check()) return;
          cleanup();
          reject(new Error(`${script} exited (${child.exitCode ?? child.signalCode}):\n${output}`));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${script}: no ${pattern} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          child.stdout?.off("data", check);
          child.off("exit", onExit);
        };
        if (check()) return;
        if (!running()) return onExit();
        child.stdout?.on("data", check);
        child.once("exit", onExit);
      });
    },
    async stop() {
      if (!running()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => running() && child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
