import { defineConfig } from "vitest/config";

// Browser journeys: one real Frid server (fresh embedded database) for the run, Debian's
// Chromium driven by playwright-core. Files run one after another: the machine has 2 cores.
export default defineConfig({
  test: {
    root: ".",
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["e2e/fixtures/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
