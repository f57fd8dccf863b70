import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { CpuMeter } from "./load.ts";

/**
 * CPU time spent by processes, from /proc (Linux only; elsewhere the figures are left out),
 * to say where the cores went: the server, PostgreSQL, the load generator.
 */
const userHz = 100; // /proc reports in USER_HZ ticks, 100 on Linux whatever the kernel's HZ

export const canMeasureCpu = existsSync("/proc/self/stat");

function statOf(pid: number | string): { comm: string; cpuMs: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    // fields[0] is field 3 (state): utime and stime are fields 14 and 15.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { comm: text.slice(text.indexOf("(") + 1, close), cpuMs: (ticks * 1000) / userHz };
  } catch {
    return null; // the process has gone
  }
}

/** pid → CPU ms of the given processes. */
export function cpuOf(pids: number[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const pid of pids) {
    const stat = statOf(pid);
    if (stat) result.set(pid, stat.cpuMs);
  }
  return result;
}

/** pid → CPU ms of every process named "postgres" (a local server: all its backends). */
export function postgresCpu(): Map<number, number> {
  const result = new Map<number, number>();
  if (!canMeasureCpu) return result;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat?.comm === "postgres") result.set(Number(entry), stat.cpuMs);
  }
  return result;
}

/** CPU used between two readings; a process that appeared in between counts in full. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** This process's own CPU ms (user + system). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * A meter over this process (as `ownLabel`), child processes by label, and, when it runs
 * here, PostgreSQL. Undefined where /proc is not there.
 */
export function cpuMeter(
  ownLabel: string,
  children: Record<string, number>,
  withPostgres: boolean,
): CpuMeter | undefined {
  if (!canMeasureCpu) return undefined;
  const pids = Object.values(children);
  return () => {
    const [own, kids] = [ownCpuMs(), cpuOf(pids)];
    const postgres = withPostgres ? postgresCpu() : new Map<number, number>();
    return () => {
      const kidsNow = cpuOf(pids);
      return {
        ...Object.fromEntries(
          Object.entries(children).map(([label, pid]) => [
            label,
            (kidsNow.get(pid) ?? 0) - (kids.get(pid) ?? 0),
          ]),
        ),
        ...(withPostgres ? { postgres: cpuBetween(postgres, postgresCpu()) } : {}),
        [ownLabel]: ownCpuMs() - own,
      };
    };
  };
}
