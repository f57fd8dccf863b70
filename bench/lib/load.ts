/**
 * A closed-loop load: `concurrency` workers, each starting its next operation as soon as
 * the last one ends. Used the same way for HTTP (in the parent) and for the raw SQL
 * baseline (in its child process), so both sides are measured by the same code.
 */
export interface LoadOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadSummary {
  /** Operations that started inside the measured window and succeeded. */
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Successful operations that ended inside the measured window, per second. */
  perSecond: number;
  /** Over the whole run, warm-up included (every one of them wrote an audit event). */
  succeeded: number;
  failed: number;
  /** Failure kind (e.g. "HTTP 404") → count, over the whole run. */
  failures: Record<string, number>;
  /** CPU ms per operation in the measured window, by who spent it (when a meter is given). */
  cpuMsPerOp: Record<string, number>;
}

/** Takes a reading at the window's start; the function it returns gives CPU ms used since. */
export type CpuMeter = () => () => Record<string, number>;

/** `operation` resolves null on success, or a short failure kind. */
export type Operation = () => Promise<string | null>;

const nsPerMs = 1_000_000n;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

export async function runLoad(
  options: LoadOptions,
  operation: Operation,
  meter?: CpuMeter,
): Promise<LoadSummary> {
  const start = process.hrtime.bigint();
  const measureFrom = start + BigInt(options.warmupMs) * nsPerMs;
  const end = measureFrom + BigInt(options.durationMs) * nsPerMs;
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let succeeded = 0;
  let endedInWindow = 0;
  // CPU is read by the first worker to pass each edge of the window (not by timers: an
  // in-process PGlite can keep the loop in microtasks until the run is over).
  let stop: (() => Record<string, number>) | undefined;
  let cpuUsed: Record<string, number> | undefined;
  const edges = (now: bigint) => {
    if (meter && !stop && now >= measureFrom) stop = meter();
    if (stop && !cpuUsed && now >= end) cpuUsed = stop();
  };

  const worker = async () => {
    for (;;) {
      const t0 = process.hrtime.bigint();
      edges(t0);
      if (t0 >= end) return;
      let failure: string | null;
      try {
        failure = await operation();
      } catch (error) {
        failure = (error as Error).message.slice(0, 80);
      }
      const t1 = process.hrtime.bigint();
      if (failure !== null) {
        failures[failure] = (failures[failure] ?? 0) + 1;
        continue;
      }
      succeeded++;
      if (t0 >= measureFrom) latencies.push(Number(t1 - t0) / 1e6);
      if (t1 >= measureFrom && t1 < end) endedInWindow++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  cpuUsed ??= stop?.() ?? {};

  const sorted = Float64Array.from(latencies).sort();
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    samples: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
    perSecond: endedInWindow / (options.durationMs / 1000),
    succeeded,
    failed,
    failures,
    cpuMsPerOp: Object.fromEntries(
      Object.entries(cpuUsed).map(([who, ms]) => [who, ms / Math.max(1, endedInWindow)]),
    ),
  };
}
