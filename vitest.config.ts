import { defineConfig } from "vitest/config";

// Unit and API tests. Browser journeys have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    root: ".",
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "node",
    // Each worker opens its own databases (PGlite in memory; a fresh PostgreSQL database).
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
