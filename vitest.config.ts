import { defineConfig } from "vitest/config";

// Unit and API tests. Browser journeys have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    root: ".",
    include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    environment: "node",
    // The JSON report lets .ci/run print one plain "N passed, N failed" line for the run.
    reporters: ["default", ["json", { outputFile: "test-results/vitest-unit.json" }]],
    // Each worker opens its own databases (PGlite in memory; a fresh PostgreSQL database).
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
