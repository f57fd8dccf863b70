import { verifyAuditTrail } from "../src/server/audit/verify.ts";
import type { BenchTarget } from "./lib/target.ts";
import { openTarget } from "./lib/target.ts";
import { verifyInMemory } from "./lib/verify-in-memory.ts";

/**
 * One verification in a process of its own (bench/audit.ts), so its peak memory is its own:
 * BENCH_VERIFY = {"target": …, "mode": "streaming" | "in-memory"}. Prints one line,
 * BENCH_RESULT {"ok", "checked", "ms", "rssBeforeMb", "peakRssMb"}.
 */
const { target, mode } = JSON.parse(process.env.BENCH_VERIFY ?? "{}") as {
  target: BenchTarget;
  mode: "streaming" | "in-memory";
};
const mb = (kb: number) => Math.round(kb / 1024);
const database = await openTarget(target);
try {
  const rssBeforeMb = mb(process.resourceUsage().maxRSS);
  const t0 = performance.now();
  const result =
    mode === "streaming"
      ? await verifyAuditTrail(database.owner)
      : await verifyInMemory(database.owner);
  const ms = performance.now() - t0;
  const peakRssMb = mb(process.resourceUsage().maxRSS);
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({ ok: result.ok, checked: result.checked, problem: result.problem, ms, rssBeforeMb, peakRssMb })}\n`,
  );
} finally {
  await database.close();
}
