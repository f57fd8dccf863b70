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
    // expect.poll waits as long as a locator does (10 s), not vitest's default 1 s: a page
    // that arrives as its own chunk, on a busy machine, may take longer than a second.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
});
