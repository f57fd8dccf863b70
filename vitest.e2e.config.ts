import { defineConfig } from "vitest/config";

// Browser journeys: one real Frid server (fresh embedded database) for the run, Debian's
// Chromium driven by playwright-core. Files run one after another: the machine has 2 cores.
export default defineConfig({
  test: {
    root: ".",
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    // The JSON report lets .ci/run print one plain "N passed, N failed" line for the run.
    reporters: ["default", ["json", { outputFile: "test-results/vitest-e2e.json" }]],
    globalSetup: ["e2e/fixtures/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
